"""Work-life balance: the hours of a week in each category, the targets, and the rule that judges
them.

The rule: a category is **over** when actual > 1.2 x target, **under** when actual < 0.8 x
target, and **balanced** otherwise (the boundaries themselves are balanced); `TONE` says what a
status means for each category and `ADVICE` says it in words. Learning hours are the week's
logged sessions, never typed twice; work, exercise, social and rest are typed per week.

A week that ended before the person's record begins (`first_record`) was not tracked: its
learning is missing, like typed hours never entered, not 0 h under a goal nobody had yet.

A week still running (today before its Sunday) is judged on its hours so far: over is over
already, but under is only what is left to do, so its advice says how many hours are to go by
Sunday instead of "fell short ... next week" on a Wednesday (`category_advice`).

The readers are plain SQL (`@reader`, see `planner.services.sql`): the dashboard paints this
week's balance before SQLAlchemy has loaded. So the writes import the models inside themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.services.errors import InputError, unknown
from planner.services.limits import check_week
from planner.services.sql import WEEK_START, Reader, date, reader, rows, value
from planner.services.weeks import check_date, week_label, week_start
from planner.vocabulary import CATEGORIES, DEFAULT_TARGETS, TYPED_CATEGORIES, WEEK_HOURS
from planner.wording import hours_text, listed

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

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


#: The balanced range, in words: "80–120 %".
BAND = f"{UNDER * 100:.0f}–{OVER * 100:.0f} %"
#: A category within its target's range, in words.
BALANCED_ADVICE = f"Within {BAND} of the target."


def tone(category: str, status: str) -> str:
    """What `status` means for `category`: good, caution or bad (balanced is always good)."""
    return TONE.get((category, status), "good")


@dataclass(frozen=True)
class CategoryBalance:
    category: str
    hours: float
    target: float
    status: str  # over | under | balanced
    #: False for a typed category with no hours entered for the week, and for learning in a
    #: week that ended before the person's record began: shown as missing, never as 0 h under
    #: (its `hours` is 0 and its `status` is not advice).
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
    #: Whether the week was looked at before its Sunday: its hours are the hours so far.
    in_progress: bool

    @property
    def entered(self) -> bool:
        """Whether any typed hours (work, exercise, social, rest) were entered for the week."""
        return any(c.entered for c in self.categories if c.category != "learning")

    def category(self, name: str) -> CategoryBalance:
        return next(c for c in self.categories if c.category == name)

    def category_advice(self, name: str) -> str:
        """What to do about one category this week, in words (`category_advice`)."""
        return category_advice(self.category(name), in_progress=self.in_progress)

    @property
    def no_advice(self) -> str:
        """What a screen says when `advice` is empty: every category entered was within its
        target's range, or (in a week still running, with only work under its target so far)
        that nothing needs doing yet; never "every category" for one with no hours entered."""
        entered = [c for c in self.categories if c.entered]
        if any(c.status != "balanced" for c in entered):
            return "Nothing to act on yet: the week runs to Sunday."
        every = (
            "Every category" if len(entered) == len(self.categories) else "Every category entered"
        )
        verb = "is" if self.in_progress else "was"
        return f"{every} {verb} within {BAND} of its target. Keep it up."

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


def to_go(c: CategoryBalance) -> str:
    """'1.5 h': what is left of a category's target this week."""
    return hours_text(c.target - c.hours)


def category_advice(c: CategoryBalance, *, in_progress: bool) -> str:
    """What to do about one category's week: `ADVICE` for its status, and for a week still
    running, what is left to reach a target it is under rather than a verdict on half a week
    (under its target, work needs nothing: the week is only light so far)."""
    if c.status == "balanced":
        return BALANCED_ADVICE
    if in_progress and c.status == "under":
        if c.tone == "good":
            return f"Under its {hours_text(c.target)} target so far; the week runs to Sunday."
        return f"{to_go(c)} to go by Sunday to reach the target."
    return ADVICE[(c.category, c.status)]


@reader
def targets(db: Reader) -> dict[str, float]:
    """Weekly targets per category; categories never set use the wellbeing plan's defaults."""
    stored = dict(rows(db, "SELECT category, hours FROM balance_target"))
    return {c: stored.get(c, DEFAULT_TARGETS[c]) for c in CATEGORIES}


@reader
def first_record(db: Reader) -> dt.date | None:
    """The day the person's record begins: their first logged session or the first week of
    typed hours, whichever is earlier (None: nothing recorded yet)."""
    return date(
        value(
            db,
            "SELECT min(day) FROM (SELECT min(date) AS day FROM learning_session"
            " UNION ALL SELECT min(week_start) FROM week_hours)",
        )
    )


def tracked(sunday: dt.date, first: dt.date | None) -> bool:
    """Whether a week that ended on `sunday` was on record: its learning counts, as hours (0 h
    included), once the record had begun by then."""
    return first is not None and first <= sunday


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
        weeks.setdefault(dt.date.fromisoformat(monday), {})[category] = hours
    return weeks


@reader
def week_balance(db: Reader, day: dt.date, today: dt.date) -> WeekBalance:
    """The balance of the ISO week holding `day`, with statuses and recommendations, looked at
    on `today`: a week that runs past it is judged on its hours so far."""
    monday = week_start(day)
    sunday = monday + dt.timedelta(days=6)
    in_progress = today < sunday  # a week ahead (hours planned) is not over either
    # Learning counts in a week not over yet (0 h so far is 0 h), or once the record had begun.
    learning_known = sunday >= today or tracked(sunday, first_record(db))
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
            entered=learning_known if c == "learning" else c in typed,
        )
        for c in CATEGORIES
    )
    by_name = {c.category: c for c in categories}
    judged = [c for c in categories if c.status != "balanced" and c.entered]
    if in_progress:  # what is under is still to do: said once, with the hours to go
        advice = [ADVICE[(c.category, c.status)] for c in judged if c.status == "over"]
        behind = [c for c in judged if c.status == "under" and c.tone != "good"]
        if behind:
            left = listed([f"{to_go(c)} of {c.category}" for c in behind])
            advice.append(
                f"The week runs to Sunday: {left} to go to reach "
                f"{'its target' if len(behind) == 1 else 'their targets'}."
            )
    else:
        advice = [ADVICE[(c.category, c.status)] for c in judged]
    recovery_short = [
        c for c in ("rest", "exercise") if by_name[c].status == "under" and by_name[c].entered
    ]
    learning_met = by_name["learning"].hours >= by_name["learning"].target
    if learning_met and recovery_short and not in_progress:
        advice.append(
            f"Learning met its goal but {listed(recovery_short)} fell short: those hours "
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
        in_progress=in_progress,
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


@dataclass(frozen=True)
class WeekHoursRow:
    """One week's hours in every category (learning from its sessions), in CATEGORIES order."""

    start: dt.date
    label: str
    hours: tuple[float, ...]
    #: Whether the typed hours (work, exercise, social, rest) were entered for this week; when
    #: not, their zeros are missing figures, which charts leave out rather than draw as 0 h.
    entered: bool = True
    #: Whether the person's record had begun by the week's end (`tracked`): before, its
    #: learning is missing too.
    tracked: bool = True

    def get(self, category: str) -> float:
        return self.hours[CATEGORIES.index(category)]

    def known(self, category: str) -> float | None:
        """The hours of `category`, None when they are missing: typed hours never entered, or
        learning before the record began."""
        known = self.tracked if category == "learning" else self.entered
        return self.get(category) if known else None


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
    from planner.models import BalanceTarget

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
    from sqlalchemy import select

    from planner.models import WeekHours

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
    began = first_record(session)
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
                tracked=tracked(monday + dt.timedelta(days=6), began),
            )
        )
    goal = targets(session)
    return BalanceHistory(tuple(rows), tuple(goal[c] for c in CATEGORIES))
