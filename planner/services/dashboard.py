"""This week at a glance: one summary the dashboard draws, composed from the other services.

One call gathers every figure in one transaction, so the figures on the dashboard always agree
with each other, and comparing two summaries tells the screen whether anything changed at all.
Every part is plain SQL (see `planner.services.sql`), so the window can paint the dashboard
straight from the file before SQLAlchemy has loaded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.services import readiness
from planner.services.balance import WeekBalance, week_balance
from planner.services.learning import CommitmentSeries, Streak, streak, weekly_series
from planner.services.network import ContactRow, due_contacts
from planner.services.pitfalls import Pitfall, pitfall
from planner.services.readiness import Forecast, Readiness
from planner.services.roadmap import MilestoneRow, milestones
from planner.services.sql import Reader, reader

#: How many open milestones and due contacts the dashboard lists.
LIST_LENGTH = 5
CHART_WEEKS = 12


@dataclass(frozen=True)
class DashboardSummary:
    today: dt.date
    readiness: Readiness
    forecast: Forecast
    week: WeekBalance
    streak: Streak
    series: CommitmentSeries  # the last CHART_WEEKS weeks, this week last
    next_milestones: tuple[MilestoneRow, ...]  # open, soonest due first
    open_milestones: int
    overdue_milestones: int
    due_contacts: tuple[ContactRow, ...]  # longest overdue first
    due_contacts_total: int
    #: One of the roadmap guide's pitfalls the data shows, if any.
    pitfall: Pitfall | None = None

    @property
    def learning_hours(self) -> float:
        return self.week.category("learning").hours

    @property
    def weekly_goal(self) -> float:
        return self.week.category("learning").target


@reader
def summary(db: Reader, today: dt.date) -> DashboardSummary:
    """Everything the dashboard shows for the week holding `today`."""
    gap = readiness.readiness(db)
    open_rows = milestones(db, open_only=True)
    # Never contacted and never connected (no date) first, then the longest overdue.
    due, due_total = due_contacts(db, today, LIST_LENGTH)
    return DashboardSummary(
        today=today,
        readiness=gap,
        forecast=readiness.forecast(db, today, gap=gap),
        week=week_balance(db, today, today),
        streak=streak(db, today),
        series=weekly_series(db, today, CHART_WEEKS),
        next_milestones=tuple(open_rows[:LIST_LENGTH]),
        open_milestones=len(open_rows),
        overdue_milestones=sum(1 for m in open_rows if m.overdue(today)),
        due_contacts=tuple(due),
        due_contacts_total=due_total,
        pitfall=pitfall(db, today),
    )
