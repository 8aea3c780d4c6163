"""This week at a glance: one summary the dashboard draws, composed from the other services.

One call gathers every figure in one transaction, so the figures on the dashboard always agree
with each other, and comparing two summaries tells the screen whether anything changed at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from planner.services import balance, commitment, milestones, network, readiness
from planner.services.balance import WeekBalance
from planner.services.commitment import CommitmentSeries, Streak
from planner.services.milestones import MilestoneRow
from planner.services.network import ContactRow
from planner.services.readiness import Forecast, Readiness

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

    @property
    def learning_hours(self) -> float:
        return self.week.category("learning").hours

    @property
    def weekly_goal(self) -> float:
        return self.week.category("learning").target


def summary(session: Session, today: dt.date) -> DashboardSummary:
    """Everything the dashboard shows for the week holding `today`."""
    gap = readiness.readiness(session)
    open_rows = milestones.milestones(session, open_only=True)
    # Never contacted and never connected (no date) first, then the longest overdue.
    due, due_total = network.due_contacts(session, today, LIST_LENGTH)
    return DashboardSummary(
        today=today,
        readiness=gap,
        forecast=readiness.forecast(session, today, gap=gap),
        week=balance.week_balance(session, today),
        streak=commitment.streak(session, today),
        series=commitment.weekly_series(session, today, CHART_WEEKS),
        next_milestones=tuple(open_rows[:LIST_LENGTH]),
        open_milestones=len(open_rows),
        overdue_milestones=sum(1 for m in open_rows if m.overdue(today)),
        due_contacts=tuple(due),
        due_contacts_total=due_total,
    )
