"""How to call each plain-SQL reader of the services (`planner.services.sql.READERS`) on a file:
the arguments a screen or the command line would give it, in its several ways where it has them.

Keyed by "module.function"; each call takes the reader and a `Reader` (a sqlite3 connection or a
session) and returns what the reader returned, so a test can run every one over both and compare.
Nothing here imports SQLAlchemy, so the first-paint test's child process can use it too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from planner.services.sql import Reader, value

TODAY = dt.date.today()
MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())
#: A day no file in the tests has hours on, so checks of room left pass.
EMPTY_DAY = dt.date(2001, 1, 1)


def _role(db: Reader, last: bool = False) -> int:
    return value(db, f"SELECT id FROM role ORDER BY id {'DESC' if last else ''} LIMIT 1")


def _skill(db: Reader) -> int:
    """A skill some contact knows, when any does: the expert searches then find someone."""
    return value(
        db, "SELECT coalesce((SELECT skill_id FROM contact_skill LIMIT 1), min(id)) FROM skill"
    )


def _slug(db: Reader) -> str:
    return value(db, "SELECT slug FROM role ORDER BY id DESC LIMIT 1")


Call = Callable[[Callable[..., Any], Reader], Any]

CALLS: dict[str, Call] = {
    "limits.learning_on": lambda f, db: (f(db, TODAY), f(db, TODAY, leaving_out=1)),
    "limits.week_hours": lambda f, db: (f(db, MONDAY), f(db, MONDAY, leaving_out=1)),
    "limits.check_session": lambda f, db: f(db, EMPTY_DAY, 1.5),
    "limits.check_week": lambda f, db: f(db, EMPTY_DAY, {"work": 40.0}),
    "limits.days_over": lambda f, db: f(db),
    "limits.weeks_over": lambda f, db: f(db),
    "limits.excess": lambda f, db: f(db),
    "limits.refuse_new_excess": lambda f, db: f(db, set()),
    "balance.targets": lambda f, db: f(db),
    "balance.first_record": lambda f, db: f(db),
    "balance.learning_by_week": lambda f, db: f(db, TODAY - dt.timedelta(weeks=52), TODAY),
    "balance.typed_by_week": lambda f, db: f(db, TODAY - dt.timedelta(weeks=52), TODAY),
    "balance.week_balance": lambda f, db: f(db, TODAY, TODAY),
    "balance.work_over_streak": lambda f, db: f(db, MONDAY),
    "roadmap.milestones": lambda f, db: (f(db), f(db, open_only=True)),
    "profile.has_user_data": lambda f, db: f(db),
    "profile.needs_onboarding": lambda f, db: f(db),
    "learning.weekly_series": lambda f, db: (f(db, TODAY), f(db, TODAY, 52)),
    "learning.streak": lambda f, db: f(db, TODAY),
    "readiness.readiness": lambda f, db: (f(db), f(db, _slug(db))),
    "readiness.items_with_phase": lambda f, db: f(db, _role(db)),
    "readiness.skill_levels": lambda f, db: (f(db), f(db, _slug(db))),
    "readiness.measured_pace": lambda f, db: f(db, TODAY),
    "readiness.forecast": lambda f, db: (f(db, TODAY), f(db, TODAY, 6.0)),
    "readiness.plan_ready_on": lambda f, db: f(db),
    "network.due_contacts": lambda f, db: (
        f(db, TODAY, 5),
        f(db, TODAY, 12, until=TODAY - dt.timedelta(days=30), by_name=True),
    ),
    "network.contact_rows": lambda f, db: (
        f(db, TODAY),
        f(db, TODAY, only_due=True, until=TODAY),
        f(db, TODAY, expert_in=_skill(db)),
    ),
    "network.expertise": lambda f, db: (f(db), f(db, ids=[1, 2, 3]), f(db, skill_id=_skill(db))),
    "network.interactions_by_month": lambda f, db: f(db, TODAY),
    "network.helpers_per_skill": lambda f, db: f(db),
    "pitfalls.pitfall": lambda f, db: f(db, TODAY),
    "dashboard.summary": lambda f, db: f(db, TODAY),
    "moves.route": lambda f, db: f(db, _role(db), _role(db, last=True)),
    "moves.move": lambda f, db: (f(db), f(db, _slug(db))),
    "timer.running": lambda f, db: f(db),
}


def key(reader: Callable[..., Any]) -> str:
    """'balance.week_balance' for `planner.services.balance.week_balance`."""
    return f"{reader.__module__.rsplit('.', 1)[-1]}.{reader.__name__}"


def run(reader: Callable[..., Any], db: Reader) -> Any:
    return CALLS[key(reader)](reader, db)
