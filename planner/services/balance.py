"""Work-life balance: typed weekly hours and targets, and the hours of many weeks for charts.

One week's balance and the rule that judges it live in `planner.services.week_balance` (plain
SQL, so the dashboard can paint it first); the names screens use are re-exported here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.models import BalanceTarget, WeekHours
from planner.services.errors import InputError, unknown
from planner.services.limits import check_week
from planner.services.week_balance import WeekBalance as WeekBalance
from planner.services.week_balance import learning_by_week, targets, typed_by_week
from planner.services.week_balance import week_balance as week_balance
from planner.services.weeks import check_date, week_label, week_start
from planner.vocabulary import CATEGORIES, TYPED_CATEGORIES, WEEK_HOURS


@dataclass(frozen=True)
class WeekHoursRow:
    """One week's hours in every category (learning from its sessions), in CATEGORIES order."""

    start: dt.date
    label: str
    hours: tuple[float, ...]
    #: Whether the typed hours (work, exercise, social, rest) were entered for this week; when
    #: not, their zeros are missing figures, which charts leave out rather than draw as 0 h.
    entered: bool = True

    def get(self, category: str) -> float:
        return self.hours[CATEGORIES.index(category)]

    def known(self, category: str) -> float | None:
        """The hours of `category`, None when they were never entered (learning always is)."""
        return self.get(category) if self.entered or category == "learning" else None


@dataclass(frozen=True)
class BalanceHistory:
    """Hours per category over consecutive weeks (oldest first), with today's targets."""

    weeks: tuple[WeekHoursRow, ...]
    targets: tuple[float, ...]
    categories: tuple[str, ...] = CATEGORIES

    def series(self, category: str) -> tuple[float, ...]:
        return tuple(w.get(category) for w in self.weeks)

    def target(self, category: str) -> float:
        return self.targets[CATEGORIES.index(category)]

    @property
    def has_data(self) -> bool:
        return any(h > 0 for w in self.weeks for h in w.hours)


def _check_category(category: str, allowed: tuple[str, ...]) -> str:
    name = category.strip().lower()
    if name == "learning" and "learning" not in allowed:
        raise InputError(
            "learning hours come from logged sessions and cannot be set here; "
            "use 'planner log HOURS' instead"
        )
    if name not in allowed:
        raise unknown("category", category, allowed)
    return name


def check_week_hours(hours: float, what: str) -> float:
    if not isinstance(hours, int | float) or hours != hours or not 0 <= hours <= WEEK_HOURS:
        raise InputError(f"{what} must be between 0 and {WEEK_HOURS:g} hours a week, not {hours}")
    return float(hours)


def set_targets(session: Session, values: dict[str, float]) -> dict[str, float]:
    checked = {
        _check_category(c, CATEGORIES): check_week_hours(h, f"{c} target")
        for c, h in values.items()
    }
    for category, hours in checked.items():
        session.merge(BalanceTarget(category=category, hours=hours))
    session.flush()
    return targets(session)


def set_week_hours(session: Session, monday: dt.date, values: dict[str, float]) -> None:
    """Set the typed hours of one week (work, exercise, social, rest); all or nothing, and
    never more than the week's 168 hours with its learning."""
    checked = {
        _check_category(c, TYPED_CATEGORIES): check_week_hours(h, f"{c} hours")
        for c, h in values.items()
    }
    monday = week_start(check_date(monday, "the week"))
    check_week(session, monday, checked)
    existing = {
        w.category: w
        for w in session.scalars(select(WeekHours).where(WeekHours.week_start == monday))
    }
    for category, hours in checked.items():
        row = existing.get(category) or WeekHours(week_start=monday, category=category)
        row.hours = hours
        session.add(row)
    session.flush()


def history(session: Session, last_day: dt.date, weeks: int = 12) -> BalanceHistory:
    """The `weeks` ISO weeks ending with the one holding `last_day`, zeros where nothing was
    entered: two grouped queries (typed hours, summed sessions), never a loop over rows."""
    if not 1 <= weeks <= 520:
        raise InputError("show between 1 and 520 weeks")
    last = week_start(last_day)
    first = last - dt.timedelta(weeks=weeks - 1)
    typed = typed_by_week(session, first, last)
    learned = learning_by_week(session, first, last)
    rows = []
    for i in range(weeks):
        monday = first + dt.timedelta(weeks=i)
        values = {**typed.get(monday, {}), "learning": learned.get(monday, 0.0)}
        rows.append(
            WeekHoursRow(
                monday,
                week_label(monday),
                tuple(round(values.get(c, 0.0), 2) for c in CATEGORIES),
                entered=monday in typed,
            )
        )
    goal = targets(session)
    return BalanceHistory(tuple(rows), tuple(goal[c] for c in CATEGORIES))
