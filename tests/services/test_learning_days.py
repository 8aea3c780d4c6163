"""The day sums the file keeps (`learning_day`, migration 0004) follow the sessions through
everything that changes them: logging, editing (hours or day), deleting, undoing a delete, a
rolled-back action (a JSON import: the backup round trip compares every table, this one too);
and the weekly streak read from them is the one the sessions give."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from planner.services import learning
from planner.services.balance import targets
from planner.services.errors import InputError
from planner.services.learning import (
    delete_sessions,
    log_session,
    update_session,
)
from planner.storage.engine import Database

TODAY = dt.date(2026, 3, 11)


def day_sums(db: Database) -> list[tuple[str, float]]:
    with db.session() as s:
        return [
            tuple(r) for r in s.execute(text("SELECT date, hours FROM learning_day ORDER BY 1"))
        ]


def summed_sessions(db: Database) -> list[tuple[str, float]]:
    with db.session() as s:
        query = "SELECT date, sum(hours) FROM learning_session GROUP BY date ORDER BY 1"
        return [tuple(r) for r in s.execute(text(query))]


def test_day_sums_follow_logging_editing_deleting_and_undo(db: Database) -> None:
    with db.session() as s:
        first = log_session(s, 1.5, TODAY).id
        second = log_session(s, 0.1, TODAY).id
        log_session(s, 2.0, TODAY - dt.timedelta(days=1))
    assert day_sums(db) == [("2026-03-10", 2.0), ("2026-03-11", 1.6)]

    with db.session() as s:  # moved to another day, with other hours
        update_session(
            s, second, hours=0.75, day=TODAY + dt.timedelta(days=1), activity=None, note=""
        )
    assert day_sums(db) == [("2026-03-10", 2.0), ("2026-03-11", 1.5), ("2026-03-12", 0.75)]

    with db.session() as s:
        delete_sessions(s, [first, second])
    assert day_sums(db) == summed_sessions(db) == [("2026-03-10", 2.0)]  # an empty day: no row


def test_a_refused_action_leaves_the_day_sums_as_they_were(db: Database) -> None:
    with db.session() as s:
        log_session(s, 1.0, TODAY)
    before = day_sums(db)
    with pytest.raises(InputError), db.session() as s:
        log_session(s, 3.0, TODAY)
        log_session(s, 30.0, TODAY)  # refused: the whole action rolls back
    assert day_sums(db) == before


def test_the_streak_from_day_sums_is_the_streak_of_the_sessions(demo_db: Database) -> None:
    today = dt.date.today()
    with demo_db.session() as s:
        goal = targets(s)["learning"]
        weeks = s.execute(
            text(
                "SELECT date(date, '-6 days', 'weekday 1') AS week, sum(hours)"
                " FROM learning_session WHERE date <= :today GROUP BY week"
            ),
            {"today": today.isoformat()},
        ).all()
        streak = learning.streak(s, today)
    met = sorted(dt.date.fromisoformat(w) for w, hours in weeks if hours >= goal)
    longest = run = 0
    for i, week in enumerate(met):
        run = run + 1 if i and week - met[i - 1] == dt.timedelta(weeks=1) else 1
        longest = max(longest, run)
    assert streak.longest == longest > 0
