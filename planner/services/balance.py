"""Work-life balance: weekly hours per category against targets, with the wellbeing plan's rule.

The rule: a category is **over** when actual > 1.2 x target, **under** when actual < 0.8 x
target, and **balanced** otherwise (the boundaries themselves are balanced). Learning hours are
the week's logged sessions, never typed twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.models import DEFAULT_TARGETS, BalanceTarget, LearningSession, WeekHours
from planner.models.base import CATEGORIES, TYPED_CATEGORIES
from planner.services.errors import InputError, unknown
from planner.services.weeks import sql_week_start, week_label, week_start

OVER, UNDER = 1.2, 0.8
#: Weeks in a row of work over target that count as a burnout risk.
BURNOUT_WEEKS = 3

ADVICE = {
    ("work", "over"): "Work ran long: hand off or drop a task, and set a firm end to the day.",
    ("work", "under"): "Work was light: a good week to push a learning project or rest fully.",
    ("learning", "over"): "Learning ran well past the goal: keep the pace only if it lasts.",
    ("learning", "under"): "Learning fell short: book two short fixed sessions for next week.",
    ("exercise", "over"): "Lots of exercise: keep rest days in so the body recovers.",
    ("exercise", "under"): "Too little exercise: put short walks or workouts in your calendar.",
    ("social", "over"): "A busy social week: protect some quiet time as well.",
    ("social", "under"): "Little social time: plan time with friends, family or peers.",
    ("rest", "over"): "Plenty of rest: use the energy for a goal that matters to you.",
    ("rest", "under"): "Too little rest: make sleep and recovery the priority this week.",
}


@dataclass(frozen=True)
class CategoryBalance:
    category: str
    hours: float
    target: float
    status: str  # over | under | balanced


@dataclass(frozen=True)
class WeekBalance:
    week: str
    start: dt.date
    end: dt.date
    categories: tuple[CategoryBalance, ...]
    learning_sessions: int
    recommendations: tuple[str, ...]
    burnout_risk: bool

    def category(self, name: str) -> CategoryBalance:
        return next(c for c in self.categories if c.category == name)

    @property
    def burnout_advice(self) -> str | None:
        """The burnout warning (always the last recommendation), for screens that show it apart."""
        return self.recommendations[-1] if self.burnout_risk else None

    @property
    def advice(self) -> tuple[str, ...]:
        """The recommendations without the burnout warning."""
        return self.recommendations[:-1] if self.burnout_risk else self.recommendations


@dataclass(frozen=True)
class WeekHoursRow:
    """One week's hours in every category (learning from its sessions), in CATEGORIES order."""

    start: dt.date
    label: str
    hours: tuple[float, ...]

    def get(self, category: str) -> float:
        return self.hours[CATEGORIES.index(category)]


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


#: Hours are typed in decimals (1.2 x 3 is 3.5999999999999996 in binary floating point), so
#: the boundaries are compared with a small tolerance: exactly 1.2 x target stays balanced.
EPSILON = 1e-9


def status(hours: float, target: float) -> str:
    if hours > OVER * target + EPSILON:
        return "over"
    if hours < UNDER * target - EPSILON:
        return "under"
    return "balanced"


def targets(session: Session) -> dict[str, float]:
    """Weekly targets per category; categories never set use the wellbeing plan's defaults."""
    stored = dict(session.execute(select(BalanceTarget.category, BalanceTarget.hours)).all())
    return {c: stored.get(c, DEFAULT_TARGETS[c]) for c in CATEGORIES}


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
    if not isinstance(hours, int | float) or hours != hours or not 0 <= hours <= 168:
        raise InputError(f"{what} must be between 0 and 168 hours a week, not {hours}")
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
    """Set the typed hours of one week (work, exercise, social, rest); all or nothing."""
    checked = {
        _check_category(c, TYPED_CATEGORIES): check_week_hours(h, f"{c} hours")
        for c, h in values.items()
    }
    monday = week_start(monday)
    existing = {
        w.category: w
        for w in session.scalars(select(WeekHours).where(WeekHours.week_start == monday))
    }
    for category, hours in checked.items():
        row = existing.get(category) or WeekHours(week_start=monday, category=category)
        row.hours = hours
        session.add(row)
    session.flush()


def learning_by_week(session: Session, first: dt.date, last: dt.date) -> dict[dt.date, float]:
    """Logged learning hours per week (keyed by Monday) for the weeks first..last."""
    end = week_start(last) + dt.timedelta(days=7)
    day = LearningSession.date
    monday = sql_week_start(day)
    rows = session.execute(
        select(monday, func.sum(LearningSession.hours))
        .where(day >= week_start(first), day < end)
        .group_by(monday)
    ).all()
    return {dt.date.fromisoformat(monday): hours for monday, hours in rows}


def typed_by_week(
    session: Session, first: dt.date, last: dt.date
) -> dict[dt.date, dict[str, float]]:
    rows = session.execute(
        select(WeekHours.week_start, WeekHours.category, WeekHours.hours).where(
            WeekHours.week_start >= week_start(first), WeekHours.week_start <= week_start(last)
        )
    ).all()
    weeks: dict[dt.date, dict[str, float]] = {}
    for monday, category, hours in rows:
        weeks.setdefault(monday, {})[category] = hours
    return weeks


def week_balance(session: Session, day: dt.date) -> WeekBalance:
    """The balance of the ISO week holding `day`, with statuses and recommendations."""
    monday = week_start(day)
    sunday = monday + dt.timedelta(days=6)
    goal = targets(session)
    typed = typed_by_week(session, monday, monday).get(monday, {})
    learned, sessions = session.execute(
        select(func.coalesce(func.sum(LearningSession.hours), 0.0), func.count()).where(
            LearningSession.date.between(monday, sunday)
        )
    ).one()
    hours = {**{c: typed.get(c, 0.0) for c in TYPED_CATEGORIES}, "learning": float(learned)}
    categories = tuple(
        CategoryBalance(c, round(hours[c], 2), goal[c], status(hours[c], goal[c]))
        for c in CATEGORIES
    )
    by_name = {c.category: c for c in categories}
    advice = [ADVICE[(c.category, c.status)] for c in categories if c.status != "balanced"]
    recovery_short = [c for c in ("rest", "exercise") if by_name[c].status == "under"]
    if by_name["learning"].hours >= by_name["learning"].target and recovery_short:
        advice.append(
            f"Learning met its goal but {' and '.join(recovery_short)} fell short: those hours "
            "were bought with recovery. Keep the learning, and win the recovery back next week."
        )
    burnout = work_over_streak(session, monday) >= BURNOUT_WEEKS
    if burnout:  # last, so WeekBalance.burnout_advice can find it
        advice.append(
            f"Work has been over target for {BURNOUT_WEEKS} or more weeks in a row: a burnout "
            "risk. Talk to your manager about the load and plan a lighter week."
        )
    return WeekBalance(
        week=week_label(monday),
        start=monday,
        end=sunday,
        categories=categories,
        learning_sessions=int(sessions),
        recommendations=tuple(advice),
        burnout_risk=burnout,
    )


def work_over_streak(session: Session, monday: dt.date) -> int:
    """How many weeks in a row, ending with this one, work was over target."""
    limit = OVER * targets(session)["work"] + EPSILON
    weeks = set(
        session.scalars(
            select(WeekHours.week_start).where(
                WeekHours.category == "work",
                WeekHours.hours > limit,
                WeekHours.week_start <= monday,
            )
        )
    )
    streak = 0
    while monday - dt.timedelta(weeks=streak) in weeks:
        streak += 1
    return streak


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
                monday, week_label(monday), tuple(round(values.get(c, 0.0), 2) for c in CATEGORIES)
            )
        )
    goal = targets(session)
    return BalanceHistory(tuple(rows), tuple(goal[c] for c in CATEGORIES))
