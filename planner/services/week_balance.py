"""One week's balance against the targets, with the wellbeing plan's rule and advice.

The rule: a category is **over** when actual > 1.2 x target, **under** when actual < 0.8 x
target, and **balanced** otherwise (the boundaries themselves are balanced). Learning hours are
the week's logged sessions, never typed twice. Plain SQL (see `planner.services.sql`): the
dashboard paints this week's balance before SQLAlchemy has loaded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.services.sql import WEEK_START, Reader, date, reader, rows
from planner.services.weeks import week_label, week_start
from planner.vocabulary import CATEGORIES, DEFAULT_TARGETS, TYPED_CATEGORIES

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

#: What a status means for a category, which is what screens colour it by: over is not always
#: bad (ten hours of rest against eight is "plenty of rest"), under not always a worry. "good",
#: "caution" (worth a look) or "bad"; read alongside `ADVICE`, which says the same in words.
TONE = {
    ("work", "over"): "bad",
    ("work", "under"): "good",
    ("learning", "over"): "good",
    ("learning", "under"): "caution",
    ("exercise", "over"): "good",
    ("exercise", "under"): "caution",
    ("social", "over"): "caution",
    ("social", "under"): "caution",
    ("rest", "over"): "good",
    ("rest", "under"): "bad",
}


def tone(category: str, status: str) -> str:
    """What `status` means for `category`: good, caution or bad (balanced is always good)."""
    return TONE.get((category, status), "good")


@dataclass(frozen=True)
class CategoryBalance:
    category: str
    hours: float
    target: float
    status: str  # over | under | balanced
    #: False for a typed category with no hours entered for the week: shown as missing, never
    #: as 0 h under (its `hours` is 0 and its `status` is not advice).
    entered: bool = True

    @property
    def tone(self) -> str:
        return tone(self.category, self.status)


@dataclass(frozen=True)
class WeekBalance:
    week: str
    start: dt.date
    end: dt.date
    categories: tuple[CategoryBalance, ...]
    learning_sessions: int
    recommendations: tuple[str, ...]
    burnout_risk: bool

    @property
    def entered(self) -> bool:
        """Whether any typed hours (work, exercise, social, rest) were entered for the week."""
        return any(c.entered for c in self.categories if c.category != "learning")

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


#: Hours are typed in decimals (1.2 x 3 is 3.5999999999999996 in binary floating point), so
#: the boundaries are compared with a small tolerance: exactly 1.2 x target stays balanced.
EPSILON = 1e-9


def status(hours: float, target: float) -> str:
    if hours > OVER * target + EPSILON:
        return "over"
    if hours < UNDER * target - EPSILON:
        return "under"
    return "balanced"


@reader
def targets(db: Reader) -> dict[str, float]:
    """Weekly targets per category; categories never set use the wellbeing plan's defaults."""
    stored = dict(rows(db, "SELECT category, hours FROM balance_target"))
    return {c: stored.get(c, DEFAULT_TARGETS[c]) for c in CATEGORIES}


@reader
def learning_by_week(db: Reader, first: dt.date, last: dt.date) -> dict[dt.date, float]:
    """Logged learning hours per week (keyed by Monday) for the weeks first..last."""
    end = week_start(last) + dt.timedelta(days=7)
    monday = WEEK_START.format("date")
    found = rows(
        db,
        f"SELECT {monday}, sum(hours) FROM learning_session"
        f" WHERE date >= ? AND date < ? GROUP BY {monday}",
        (week_start(first).isoformat(), end.isoformat()),
    )
    return {dt.date.fromisoformat(monday): hours for monday, hours in found}


@reader
def typed_by_week(db: Reader, first: dt.date, last: dt.date) -> dict[dt.date, dict[str, float]]:
    found = rows(
        db,
        "SELECT week_start, category, hours FROM week_hours"
        " WHERE week_start >= ? AND week_start <= ?",
        (week_start(first).isoformat(), week_start(last).isoformat()),
    )
    weeks: dict[dt.date, dict[str, float]] = {}
    for monday, category, hours in found:
        weeks.setdefault(date(monday), {})[category] = hours
    return weeks


@reader
def week_balance(db: Reader, day: dt.date) -> WeekBalance:
    """The balance of the ISO week holding `day`, with statuses and recommendations."""
    monday = week_start(day)
    sunday = monday + dt.timedelta(days=6)
    goal = targets(db)
    typed = typed_by_week(db, monday, monday).get(monday, {})
    ((learned, sessions),) = rows(
        db,
        "SELECT coalesce(sum(hours), 0.0), count(*) FROM learning_session"
        " WHERE date BETWEEN ? AND ?",
        (monday.isoformat(), sunday.isoformat()),
    )
    hours = {**{c: typed.get(c, 0.0) for c in TYPED_CATEGORIES}, "learning": float(learned)}
    categories = tuple(
        CategoryBalance(
            c,
            round(hours[c], 2),
            goal[c],
            status(hours[c], goal[c]),
            entered=c == "learning" or c in typed,
        )
        for c in CATEGORIES
    )
    by_name = {c.category: c for c in categories}
    advice = [
        ADVICE[(c.category, c.status)] for c in categories if c.status != "balanced" and c.entered
    ]
    recovery_short = [
        c for c in ("rest", "exercise") if by_name[c].status == "under" and by_name[c].entered
    ]
    if by_name["learning"].hours >= by_name["learning"].target and recovery_short:
        advice.append(
            f"Learning met its goal but {' and '.join(recovery_short)} fell short: those hours "
            "were bought with recovery. Keep the learning, and win the recovery back next week."
        )
    burnout = work_over_streak(db, monday) >= BURNOUT_WEEKS
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


@reader
def work_over_streak(db: Reader, monday: dt.date) -> int:
    """How many weeks in a row, ending with this one, work was over target."""
    limit = OVER * targets(db)["work"] + EPSILON
    weeks = {
        date(w)
        for (w,) in rows(
            db,
            "SELECT week_start FROM week_hours"
            " WHERE category = 'work' AND hours > ? AND week_start <= ?",
            (limit, monday.isoformat()),
        )
    }
    streak = 0
    while monday - dt.timedelta(weeks=streak) in weeks:
        streak += 1
    return streak
