"""Learning week by week: the hours of the last weeks against the goal, and weekly streaks.

Plain SQL (see `planner.services.sql`): the dashboard paints these before SQLAlchemy has loaded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.services.balance import learning_by_week, targets
from planner.services.sql import WEEK_START, Reader, reader, rows
from planner.services.weeks import week_label, week_start


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
