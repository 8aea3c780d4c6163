"""Learning commitment: hours logged per day, week and month, planned vs logged, the annual goal,
and weekly streaks. Every figure is a SQL aggregate over the sessions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.models import LearningActivity, LearningSession
from planner.services.learning import ACTIVE_STATUSES
from planner.services.learning_weeks import CommitmentSeries as CommitmentSeries
from planner.services.learning_weeks import Streak as Streak
from planner.services.learning_weeks import WeekPoint as WeekPoint
from planner.services.learning_weeks import streak as streak
from planner.services.learning_weeks import weekly_series as weekly_series
from planner.services.profile import annual_goal, goal_follows_weekly, profile_row
from planner.services.weeks import week_start


@dataclass(frozen=True)
class MonthCommitment:
    month: str  # YYYY-MM
    planned: float
    logged: float


@dataclass(frozen=True)
class YearToDate:
    year: int
    logged: float
    goal: float
    expected_by_now: float  # the goal's hours a day, counted from `counted_from` to today
    #: The day expectations count from: 1 January, or the plan start when it is later.
    counted_from: dt.date
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


def counted_from(session: Session, today: dt.date) -> dt.date:
    """1 January of today's year, or the plan start when it is later."""
    start = dt.date(today.year, 1, 1)
    plan_start = profile_row(session).plan_start
    return max(start, plan_start) if plan_start is not None else start


def hours_by_day(session: Session, first: dt.date, last: dt.date) -> dict[dt.date, float]:
    rows = session.execute(
        select(LearningSession.date, func.sum(LearningSession.hours))
        .where(LearningSession.date.between(first, last))
        .group_by(LearningSession.date)
    )
    return {day: hours for day, hours in rows}


def hours_by_month(session: Session, first: dt.date, last: dt.date) -> dict[str, float]:
    month = func.strftime("%Y-%m", LearningSession.date)
    rows = session.execute(
        select(month, func.sum(LearningSession.hours))
        .where(LearningSession.date.between(first, last))
        .group_by(month)
    )
    return {m: hours for m, hours in rows}


def planned_monthly(session: Session) -> float:
    """The monthly commitment: planned hours per month of active (planned, in progress) work."""
    total = session.scalar(
        select(func.coalesce(func.sum(LearningActivity.planned_hours_per_month), 0.0)).where(
            LearningActivity.status.in_(ACTIVE_STATUSES)
        )
    )
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
    start = dt.date(today.year, 1, 1)
    logged = session.scalar(
        select(func.coalesce(func.sum(LearningSession.hours), 0.0)).where(
            LearningSession.date.between(start, today)
        )
    )
    goal = annual_goal(session)
    first = counted_from(session, today)
    return YearToDate(
        today.year,
        round(float(logged), 2),
        goal,
        round(expected_between(goal, first, today), 1),
        first,
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
    #: The day the path to the goal starts: 1 January, or the plan start when it is later.
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
    return YearPath(
        today.year, annual_goal(session), today, tuple(points), counted_from(session, today)
    )
