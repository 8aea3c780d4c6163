"""Learning: the activities and the logged sessions (the hours the whole app is built around),
and what they add up to: hours per day, week and month, the weekly and yearly goals, and streaks.

Every figure is a SQL aggregate over the sessions (or over `learning_day`, each day's hours).
The weekly series and the streaks are plain SQL (`@reader`, see `planner.services.sql`): the
dashboard paints them before SQLAlchemy has loaded. So the rest imports the models inside itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from planner.services.balance import first_record, learning_by_week, targets
from planner.services.errors import InputError, check_hours, existing, unknown
from planner.services.limits import check_session
from planner.services.profile import annual_goal, goal_follows_weekly, profile_row
from planner.services.sql import WEEK_START, Reader, reader, rows
from planner.services.weeks import check_date, week_label, week_start
from planner.vocabulary import ACTIVITY_KINDS, ACTIVITY_STATUSES, MONTH_HOURS, PRIORITIES

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Select, SQLColumnExpression
    from sqlalchemy.orm import Session

    from planner.models import LearningActivity, LearningSession

    #: The ids of a query's sessions in its order, and that order (for the rows of one window).
    Ordered: TypeAlias = tuple[Select[Any], list[ColumnElement[Any]]]

ACTIVE_STATUSES = ("planned", "in_progress")


@dataclass(frozen=True)
class SessionRow:
    id: int
    date: dt.date
    hours: float
    activity: str | None
    note: str


@dataclass(frozen=True)
class ActivityRow:
    id: int
    title: str
    kind: str
    provider: str
    status: str
    priority: str
    planned_hours_per_month: float
    hours_logged: float
    estimated_hours: float | None
    start_date: dt.date | None
    target_date: dt.date | None
    skills: tuple[str, ...]


@dataclass(frozen=True)
class ActivityDetail:
    """Everything the activity form edits: the table's row plus the fields the table hides."""

    row: ActivityRow
    url: str
    notes: str


@dataclass(frozen=True)
class SessionTotals:
    """How many sessions a filter matches and their hours, counted in SQL."""

    count: int
    hours: float


@dataclass
class ActivityInput:
    """What a person types into the activity form; `save_activity` validates it whole."""

    title: str
    kind: str = "course"
    provider: str = ""
    url: str = ""
    planned_hours_per_month: float = 0.0
    priority: str = "medium"
    status: str = "planned"
    start_date: dt.date | None = None
    target_date: dt.date | None = None
    estimated_hours: float | None = None
    notes: str = ""
    skills: list[str] = field(default_factory=list)


def find_activity(session: Session, title: str) -> LearningActivity:
    from sqlalchemy import select

    from planner.models import LearningActivity

    activity = session.scalar(
        select(LearningActivity).where(LearningActivity.title == title.strip())
    )
    if activity is None:
        titles = session.scalars(select(LearningActivity.title).order_by(LearningActivity.title))
        raise unknown("activity", title, titles)
    return activity


def log_session(
    session: Session,
    hours: float,
    day: dt.date,
    activity: str | None = None,
    note: str = "",
) -> SessionRow:
    """Log learning hours (0 < hours <= 24, and no more than the day and its week have left),
    optionally against an activity."""
    from planner.models import LearningSession

    hours = check_hours(hours)
    check_session(session, check_date(day), hours)
    linked = find_activity(session, activity) if activity else None
    row = LearningSession(date=day, hours=hours, note=note.strip(), activity=linked)
    session.add(row)
    if linked is not None and linked.status == "planned":
        linked.status = "in_progress"
    session.flush()
    return SessionRow(row.id, row.date, row.hours, linked.title if linked else None, row.note)


def update_session(
    session: Session,
    session_id: int,
    *,
    hours: float,
    day: dt.date,
    activity: str | None,
    note: str,
) -> None:
    row = _session_row(session, session_id)
    hours = check_hours(hours)
    check_session(session, check_date(day), hours, leaving_out=session_id)
    row.hours = hours
    row.date = day
    row.activity = find_activity(session, activity) if activity else None
    row.note = note.strip()
    session.flush()


def delete_session(session: Session, session_id: int) -> None:
    """Delete a session (the day's total follows, by the file's triggers)."""
    session.delete(_session_row(session, session_id))
    session.flush()


def _session_row(session: Session, session_id: int) -> LearningSession:
    from planner.models import LearningSession

    return existing(session, LearningSession, session_id, "learning session")


def sessions(
    session: Session,
    first: dt.date | None = None,
    last: dt.date | None = None,
    activity: str | None = None,
    limit: int | None = None,
) -> list[SessionRow]:
    """Sessions newest first, filtered by date range and activity."""
    if activity:
        find_activity(session, activity)  # an unknown title is an input error, not "no rows"
    return session_window(session, SessionQuery(first, last, activity), 0, limit or None)


#: How the session log can be ordered: the columns it shows, left to right.
SESSION_SORTS = ("date", "hours", "activity", "note")


@dataclass(frozen=True)
class SessionQuery:
    """Which sessions the log shows (date range, activity) and in which order.

    Ties are broken by date, then by entry order, in the sort's direction, so that one index
    serves each order both ways; by activity, each activity's sessions are newest first.
    """

    first: dt.date | None = None
    last: dt.date | None = None
    activity: str | None = None
    sort: str = "date"
    descending: bool = True


def session_window(
    session: Session, query: SessionQuery, offset: int = 0, limit: int | None = None
) -> list[SessionRow]:
    """The sessions at positions offset .. offset + limit of `query`'s result (all of them from
    `offset` on when `limit` is None).

    The session log holds only the windows it shows, so every order is read along an index
    (see migration 0003) rather than sorting the whole table for each window, and the offset is
    skipped in the index alone: only the window's own rows are looked up.
    """
    from sqlalchemy import func, select

    from planner.models import LearningActivity, LearningSession

    if query.sort not in SESSION_SORTS:
        raise InputError(f"unknown session order {query.sort!r}; use {', '.join(SESSION_SORTS)}")
    if query.sort == "activity" and not query.activity:
        # Blanks sort first: the sessions with no activity come before the others (after them,
        # descending), which are read activity by activity along the title index.
        dated = _date_range(query)
        counted = select(func.count()).select_from(LearningSession).where(*dated)
        unlinked = session.scalar(counted.where(LearningSession.activity_id.is_(None))) or 0
        linked = (session.scalar(counted) or 0) - unlinked
        parts: list[tuple[Ordered, int | None]] = [
            (_no_activity(query), unlinked),
            (_by_activity(query), linked),
        ]
        if query.descending:
            parts.reverse()
    else:
        parts = [(_ordered(query), None)]
    rows: list[SessionRow] = []
    for (ids, order), size in parts:
        if size is None or offset < size:
            want = None if limit is None else limit - len(rows)
            if want is None or want > 0:
                window = ids.offset(offset).limit(want).subquery()
                stmt = (
                    select(*_session_columns())
                    .join_from(window, LearningSession, LearningSession.id == window.c.id)
                    .outerjoin(LearningActivity, LearningActivity.id == LearningSession.activity_id)
                    .order_by(*order)
                )
                rows += [SessionRow(*row) for row in session.execute(stmt)]
        offset = max(offset - (size or 0), 0)
    return rows


def _session_columns() -> tuple[SQLColumnExpression[Any], ...]:
    from planner.models import LearningActivity, LearningSession

    return (
        LearningSession.id,
        LearningSession.date,
        LearningSession.hours,
        LearningActivity.title,
        LearningSession.note,
    )


def _newest_first() -> list[ColumnElement[Any]]:
    from planner.models import LearningSession

    return [LearningSession.date.desc(), LearningSession.id.desc()]


def _date_range(query: SessionQuery) -> list[ColumnElement[bool]]:
    from planner.models import LearningSession

    where = []
    if query.first:
        where.append(LearningSession.date >= query.first)
    if query.last:
        where.append(LearningSession.date <= query.last)
    return where


def _directed(column: SQLColumnExpression[Any], descending: bool) -> ColumnElement[Any]:
    return column.desc() if descending else column.asc()


def _ordered(query: SessionQuery) -> Ordered:
    """Any order within one activity, or by date, hours or note over all of them."""
    from sqlalchemy import select

    from planner.models import LearningActivity, LearningSession

    ids = select(LearningSession.id).where(*_date_range(query))
    if query.activity:
        ids = ids.join(LearningActivity, LearningActivity.id == LearningSession.activity_id).where(
            LearningActivity.title == query.activity
        )
    down = query.descending
    if query.sort == "activity":  # one activity: its sessions newest first, either way
        order = _newest_first()
    else:
        key = {"hours": LearningSession.hours, "note": LearningSession.note.collate("NOCASE")}
        first = [_directed(key[query.sort], down)] if query.sort in key else []
        order = [*first, _directed(LearningSession.date, down), _directed(LearningSession.id, down)]
    return ids.order_by(*order), order


def _no_activity(query: SessionQuery) -> Ordered:
    from sqlalchemy import select

    from planner.models import LearningSession

    ids = select(LearningSession.id).where(
        LearningSession.activity_id.is_(None), *_date_range(query)
    )
    order = _newest_first()
    return ids.order_by(*order), order


def _by_activity(query: SessionQuery) -> Ordered:
    """Sessions with an activity, by title, each activity's newest first.

    `+ 0` keeps SQLite from joining the other way round (every session, then a sort of them
    all): it walks the titles in order and each activity's sessions along their index.
    """
    from sqlalchemy import select

    from planner.models import LearningActivity, LearningSession

    order = [_directed(LearningActivity.title, query.descending), *_newest_first()]
    ids = (
        select(LearningSession.id)
        .select_from(LearningActivity)
        .join(LearningSession, LearningSession.activity_id == LearningActivity.id + 0)
        .where(*_date_range(query))
    )
    return ids.order_by(*order), order


def _check_choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise InputError(f"unknown {what} {value!r}; use {', '.join(allowed)}")
    return value


def save_activity(session: Session, data: ActivityInput, activity_id: int | None = None) -> int:
    """Create (no id) or update an activity from a whole form; returns its id."""
    from sqlalchemy import select

    from planner.models import LearningActivity
    from planner.services.skills import find_skills

    title = data.title.strip()
    if not title:
        raise InputError("an activity needs a title")
    clash = session.scalar(select(LearningActivity.id).where(LearningActivity.title == title))
    if clash is not None and clash != activity_id:
        raise InputError(f"there is already an activity called {title!r}")
    if not 0 <= data.planned_hours_per_month <= MONTH_HOURS:
        raise InputError(f"planned hours per month must be between 0 and {MONTH_HOURS:g}")
    if data.estimated_hours is not None and data.estimated_hours < 0:
        raise InputError("estimated total hours cannot be negative")
    if data.start_date and data.target_date and data.target_date < data.start_date:
        raise InputError("the target date is before the start date")
    skills = find_skills(session, data.skills)
    if activity_id is None:
        activity = LearningActivity()
        session.add(activity)
    else:
        activity = existing(session, LearningActivity, activity_id, "activity")
    activity.title = title
    activity.kind = _check_choice(data.kind, ACTIVITY_KINDS, "kind")
    activity.status = _check_choice(data.status, ACTIVITY_STATUSES, "status")
    activity.priority = _check_choice(data.priority, PRIORITIES, "priority")
    activity.provider, activity.url, activity.notes = data.provider, data.url, data.notes
    activity.planned_hours_per_month = float(data.planned_hours_per_month)
    activity.estimated_hours = data.estimated_hours
    activity.start_date, activity.target_date = data.start_date, data.target_date
    activity.skills = skills
    session.flush()
    return activity.id


def delete_activity(session: Session, activity_id: int) -> None:
    """Delete an activity; its sessions keep their hours with no activity."""
    from planner.models import LearningActivity

    activity = existing(session, LearningActivity, activity_id, "activity")
    session.delete(activity)
    session.flush()


def active_titles(session: Session) -> list[str]:
    """Titles of the activities one can log time to (planned or in progress), in the order of
    the activity list (by status, then title).

    The quick-log form reloads these on every change; the full `activities` list, with hours
    and skills for hundreds of activities, would cost it tenfold.
    """
    from sqlalchemy import select

    from planner.models import LearningActivity

    return list(
        session.scalars(
            select(LearningActivity.title)
            .where(LearningActivity.status.in_(ACTIVE_STATUSES))
            .order_by(LearningActivity.status, LearningActivity.title)
        )
    )


def activities(session: Session) -> list[ActivityRow]:
    """Every activity with its logged hours and skills: two queries of plain columns (building
    hundreds of ORM objects with their skill lists was what kept the Learning page waiting)."""
    from sqlalchemy import Float, func, select

    from planner.models import LearningActivity, LearningSession, Skill
    from planner.models.learning import activity_skill

    logged = (
        select(LearningSession.activity_id, func.sum(LearningSession.hours).label("hours"))
        .group_by(LearningSession.activity_id)
        .subquery()
    )
    rows = session.execute(
        select(
            LearningActivity.id,
            LearningActivity.title,
            LearningActivity.kind,
            LearningActivity.provider,
            LearningActivity.status,
            LearningActivity.priority,
            LearningActivity.planned_hours_per_month,
            func.coalesce(logged.c.hours, 0.0).cast(Float),
            LearningActivity.estimated_hours,
            LearningActivity.start_date,
            LearningActivity.target_date,
        )
        .outerjoin(logged, logged.c.activity_id == LearningActivity.id)
        .order_by(LearningActivity.status, LearningActivity.title)
    ).all()
    skills: dict[int, list[str]] = {}
    for activity_id, name in session.execute(
        select(activity_skill.c.activity_id, Skill.name).join(
            Skill, Skill.id == activity_skill.c.skill_id
        )
    ):
        skills.setdefault(activity_id, []).append(name)
    # The columns are selected in ActivityRow's field order; the skills come last. Eleven
    # columns are past select()'s typed overloads, so mypy cannot count the row's values.
    return [
        ActivityRow(*row, tuple(sorted(skills.get(row[0], ()), key=str.casefold)))  # type: ignore[call-arg]
        for row in rows
    ]


def _activity_row(a: LearningActivity, hours: float) -> ActivityRow:
    return ActivityRow(
        a.id,
        a.title,
        a.kind,
        a.provider,
        a.status,
        a.priority,
        a.planned_hours_per_month,
        float(hours),
        a.estimated_hours,
        a.start_date,
        a.target_date,
        tuple(sorted((s.name for s in a.skills), key=str.casefold)),
    )


def activity_detail(session: Session, activity_id: int) -> ActivityDetail:
    """One activity as the edit form needs it (with its url and notes)."""
    from sqlalchemy import func, select

    from planner.models import LearningActivity, LearningSession

    activity = existing(session, LearningActivity, activity_id, "activity")
    hours = session.execute(
        select(func.coalesce(func.sum(LearningSession.hours), 0.0)).where(
            LearningSession.activity_id == activity_id
        )
    ).scalar_one()
    return ActivityDetail(_activity_row(activity, hours), activity.url, activity.notes)


def activity_titles(session: Session) -> list[str]:
    """Every activity's title, A to Z: for filters and pickers that need no figures."""
    from sqlalchemy import func, select

    from planner.models import LearningActivity

    return list(
        session.scalars(select(LearningActivity.title).order_by(func.lower(LearningActivity.title)))
    )


def session_totals(
    session: Session,
    first: dt.date | None = None,
    last: dt.date | None = None,
    activity: str | None = None,
) -> SessionTotals:
    """Count and hours of the sessions `sessions()` would return for the same filter."""
    from sqlalchemy import func, select

    from planner.models import LearningSession

    stmt = select(func.count(), func.coalesce(func.sum(LearningSession.hours), 0.0))
    if first:
        stmt = stmt.where(LearningSession.date >= first)
    if last:
        stmt = stmt.where(LearningSession.date <= last)
    if activity:
        stmt = stmt.where(LearningSession.activity_id == find_activity(session, activity).id)
    count, hours = session.execute(stmt).one()
    return SessionTotals(int(count), round(float(hours), 2))


def delete_sessions(session: Session, session_ids: list[int]) -> None:
    """Delete several sessions at once (all or none: the caller's one transaction)."""
    for session_id in session_ids:
        delete_session(session, session_id)


@dataclass(frozen=True)
class WeekPoint:
    start: dt.date
    label: str
    hours: float


@dataclass(frozen=True)
class CommitmentSeries:
    weeks: tuple[WeekPoint, ...]
    weekly_goal: float


@dataclass(frozen=True)
class Streak:
    current: int  # weeks in a row meeting the weekly goal, ending this or last week
    longest: int


@reader
def weekly_series(db: Reader, today: dt.date, weeks: int = 12) -> CommitmentSeries:
    """Learning hours for each of the last `weeks` ISO weeks (this week last), zeros included."""
    this_monday = week_start(today)
    first = this_monday - dt.timedelta(weeks=weeks - 1)
    logged = learning_by_week(db, first, today)
    points = []
    for i in range(weeks):
        monday = first + dt.timedelta(weeks=i)
        points.append(WeekPoint(monday, week_label(monday), round(logged.get(monday, 0.0), 2)))
    return CommitmentSeries(tuple(points), targets(db)["learning"])


@reader
def streak(db: Reader, today: dt.date) -> Streak:
    """Weekly streaks of meeting the learning goal.

    The current streak may end last week: a week in progress does not break it until it ends.
    """
    goal = targets(db)["learning"]
    # From the day sums the file keeps (`learning_day`, migration 0004): a few thousand days,
    # not tens of thousands of sessions, and the week's date arithmetic once a day.
    monday = WEEK_START.format("date")
    met = {
        dt.date.fromisoformat(m)
        for (m,) in rows(
            db,
            f"SELECT {monday} FROM learning_day WHERE date <= ?"
            f" GROUP BY {monday} HAVING sum(hours) >= ? OR ? <= 0",
            (today.isoformat(), goal, goal),
        )
    }
    this_week = week_start(today)
    cursor = this_week if this_week in met else this_week - dt.timedelta(weeks=1)
    current = 0
    while cursor in met:
        current += 1
        cursor -= dt.timedelta(weeks=1)
    longest, run, previous = 0, 0, None
    for m in sorted(met):
        run = run + 1 if previous and m - previous == dt.timedelta(weeks=1) else 1
        longest, previous = max(longest, run), m
    return Streak(current, longest)


@dataclass(frozen=True)
class MonthCommitment:
    month: str  # YYYY-MM
    planned: float
    logged: float


#: What the day this year's learning expectations count from is (`counted_from`).
CountedFrom: TypeAlias = Literal["1 January", "the plan start", "your first record", "today"]


@dataclass(frozen=True)
class YearToDate:
    year: int
    logged: float
    goal: float
    expected_by_now: float  # the goal's hours a day, counted from `counted_from` to today
    #: The day expectations count from (`counted_from`), and what that day is.
    counted_from: dt.date
    counted_because: CountedFrom
    #: The goal is the weekly goal x 52 (the person has not set a yearly one).
    goal_follows_weekly: bool = False


def expected_between(goal: float, first: dt.date, day: dt.date) -> float:
    """Hours of a yearly `goal` expected from `first` up to and including `day`: the goal spread
    evenly over the days of `day`'s year, counted only from `first` (nothing before the plan
    started is owed)."""
    if day < first:
        return 0.0
    days_in_year = (dt.date(day.year + 1, 1, 1) - dt.date(day.year, 1, 1)).days
    return goal * ((day - first).days + 1) / days_in_year


def counted_from(session: Session, today: dt.date) -> tuple[dt.date, CountedFrom]:
    """The day this year's expectations count from, and what it is: 1 January, or when later
    the plan start; without a plan start (a file set up from the command line), the day the
    person's record began, or today when there is none yet, so no one starting in December is
    told 240 h were expected of them by now."""
    start = dt.date(today.year, 1, 1)
    plan_start = profile_row(session).plan_start
    why: CountedFrom
    if plan_start is not None:
        began, why = plan_start, "the plan start"
    elif (first := first_record(session)) is not None:
        began, why = first, "your first record"
    else:
        began, why = today, "today"
    return (began, why) if began > start else (start, "1 January")


def hours_by_day(session: Session, first: dt.date, last: dt.date) -> dict[dt.date, float]:
    from sqlalchemy import func, select

    from planner.models import LearningSession

    rows = session.execute(
        select(LearningSession.date, func.sum(LearningSession.hours))
        .where(LearningSession.date.between(first, last))
        .group_by(LearningSession.date)
    )
    return {day: hours for day, hours in rows}


def hours_by_month(session: Session, first: dt.date, last: dt.date) -> dict[str, float]:
    from sqlalchemy import func, select

    from planner.models import LearningSession

    month = func.strftime("%Y-%m", LearningSession.date)
    rows = session.execute(
        select(month, func.sum(LearningSession.hours))
        .where(LearningSession.date.between(first, last))
        .group_by(month)
    )
    return {m: hours for m, hours in rows}


def planned_monthly(session: Session) -> float:
    """The monthly commitment: planned hours per month of active (planned, in progress) work."""
    from sqlalchemy import func, select

    from planner.models import LearningActivity

    total = session.execute(
        select(func.coalesce(func.sum(LearningActivity.planned_hours_per_month), 0.0)).where(
            LearningActivity.status.in_(ACTIVE_STATUSES)
        )
    ).scalar_one()
    return float(total)


def monthly_commitment(session: Session, today: dt.date, months: int = 6) -> list[MonthCommitment]:
    """The current commitment against hours logged in each of the last `months` months.

    The plan is what is active now; past months are measured against it as a reference line.
    """
    planned = planned_monthly(session)
    first = dt.date(today.year, today.month, 1)
    for _ in range(months - 1):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    logged = hours_by_month(session, first, today)
    result, month = [], first
    while month <= today:
        key = month.strftime("%Y-%m")
        result.append(MonthCommitment(key, planned, round(logged.get(key, 0.0), 2)))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return result


def year_to_date(session: Session, today: dt.date) -> YearToDate:
    from sqlalchemy import func, select

    from planner.models import LearningSession

    start = dt.date(today.year, 1, 1)
    logged = session.execute(
        select(func.coalesce(func.sum(LearningSession.hours), 0.0)).where(
            LearningSession.date.between(start, today)
        )
    ).scalar_one()
    goal = annual_goal(session)
    first, why = counted_from(session, today)
    return YearToDate(
        today.year,
        round(float(logged), 2),
        goal,
        round(expected_between(goal, first, today), 1),
        first,
        why,
        goal_follows_weekly(session),
    )


@dataclass(frozen=True)
class LearningCalendar:
    """Daily learning hours for a GitHub-style year calendar: whole weeks, Monday first.

    `first` is the Monday that starts the first column; `last` is today (the last column is the
    week in progress). `days` holds only the days with hours, oldest first.
    """

    first: dt.date
    last: dt.date
    days: tuple[tuple[dt.date, float], ...]

    @property
    def total(self) -> float:
        return round(sum(h for _, h in self.days), 2)

    @property
    def weeks(self) -> int:
        return (self.last - self.first).days // 7 + 1


@dataclass(frozen=True)
class YearPath:
    """Cumulative hours logged this year against the straight line to the annual goal."""

    year: int
    goal: float
    today: dt.date
    #: (day, cumulative hours up to and including that day) for each day with hours.
    cumulative: tuple[tuple[dt.date, float], ...]
    #: The day the path to the goal starts (`counted_from`).
    counted_from: dt.date | None = None

    @property
    def logged(self) -> float:
        return self.cumulative[-1][1] if self.cumulative else 0.0

    def expected_on(self, day: dt.date) -> float:
        """Hours of the goal expected by the end of `day` (see `expected_between`)."""
        return expected_between(self.goal, self.counted_from or dt.date(self.year, 1, 1), day)


def learning_calendar(session: Session, today: dt.date, weeks: int = 53) -> LearningCalendar:
    """Hours per day over the last `weeks` calendar weeks (this week's column last)."""
    first = week_start(today) - dt.timedelta(weeks=weeks - 1)
    by_day = hours_by_day(session, first, today)
    return LearningCalendar(first, today, tuple((d, round(by_day[d], 2)) for d in sorted(by_day)))


def year_path(session: Session, today: dt.date) -> YearPath:
    """Cumulative learning hours from 1 January to today, with the annual goal's path from 1
    January or the plan start."""
    start = dt.date(today.year, 1, 1)
    running, points = 0.0, []
    for day, hours in sorted(hours_by_day(session, start, today).items()):
        running += hours
        points.append((day, round(running, 2)))
    first, _why = counted_from(session, today)
    return YearPath(today.year, annual_goal(session), today, tuple(points), first)
