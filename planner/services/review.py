"""The weekly review: one week's figures gathered in one place, and the person's reflection.

The review looks at an ISO week from its end (or from today, for the week in progress): what was
learned against the goal, how the week balanced, which milestones were done or are coming due,
which skills moved, who was met and who is waiting for a follow-up. Everything is composed from
the other services so the review can never disagree with the pages it summarises.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from planner.models import Milestone, Skill, WeeklyReview
from planner.models.milestones import milestone_skill
from planner.services import balance, learning, network, readiness, skills
from planner.services.balance import WeekBalance
from planner.services.errors import InputError
from planner.services.learning import CommitmentSeries, Streak
from planner.services.network import ContactRow, ContactTouch
from planner.services.pitfalls import Pitfall, pitfall
from planner.services.readiness import Forecast
from planner.services.roadmap import MilestoneRow
from planner.services.skills import LevelChange
from planner.services.weeks import week_heading, week_start

#: Open milestones due within this many days of the review's day count as "due soon".
DUE_SOON_DAYS = 14
#: Weeks of learning history the review's chart shows (this week last).
LEARNING_WEEKS = 12
MAX_REFLECTION = 20_000
#: The most contacts each network list names, the rest counted: a file with a thousand people due
#: made the review a page of names (laying that text out took half a second), and reading every
#: due contact's row to name a dozen was the largest part of the summary.
NETWORK_LIST_MAX = 12


@dataclass(frozen=True)
class WeeklyReviewSummary:
    week: str
    start: dt.date
    end: dt.date
    #: The day the review looks from: the week's Sunday, or today for the week in progress.
    as_of: dt.date
    learning_hours: float
    learning_sessions: int
    learning_goal: float
    streak: Streak
    balance: WeekBalance
    milestones_done: tuple[MilestoneRow, ...]
    milestones_overdue: tuple[MilestoneRow, ...]
    milestones_due_soon: tuple[MilestoneRow, ...]
    skills_moved: tuple[LevelChange, ...]
    contacts_touched: tuple[ContactTouch, ...]
    #: The first `NETWORK_LIST_MAX` contacts due a follow-up on `as_of`, by name,
    contacts_due: tuple[ContactRow, ...]
    #: and how many are due in all.
    contacts_due_total: int
    learning_weeks: CommitmentSeries
    reflection: str
    #: The projected ready date as of `as_of`, by the rule the dashboard and roadmap show.
    forecast: Forecast | None = None
    #: The guides' advice as it stands this week: the move from the current role, its skills
    #: still open, interview steps and portfolio work done, and one pitfall the data shows.
    guidance: GuidanceNote | None = None

    @property
    def goal_share(self) -> float | None:
        """Learning hours as a share of the weekly goal (None when there is no goal)."""
        return self.learning_hours / self.learning_goal if self.learning_goal > 0 else None

    @property
    def goal_met(self) -> bool:
        return self.learning_hours >= self.learning_goal

    @property
    def heading(self) -> str:
        return week_heading(self.start)


@dataclass(frozen=True)
class GuidanceNote:
    move: str
    move_skills_open: tuple[str, ...]
    interview_done: int
    interview_total: int  # 0 until the person tracks the checklist
    portfolio_done: int
    portfolio_total: int
    pitfall: Pitfall | None


def guidance_note(session: Session, as_of: dt.date) -> GuidanceNote:
    from planner.services.advice import interview_prep
    from planner.services.moves import move
    from planner.services.portfolio import portfolio

    way = move(session)
    prep = interview_prep(session)
    items = portfolio(session)
    return GuidanceNote(
        move=way.summary,
        move_skills_open=tuple(m.name for m in way.skills if not m.met),
        interview_done=prep.done,
        interview_total=len(prep.items) if prep.started else 0,
        portfolio_done=sum(1 for p in items if p.status == "done"),
        portfolio_total=len(items),
        pitfall=pitfall(session, as_of),
    )


def summary(session: Session, day: dt.date, today: dt.date) -> WeeklyReviewSummary:
    """The review of the ISO week holding `day`, seen from its end (or from `today`)."""
    monday = week_start(day)
    sunday = monday + dt.timedelta(days=6)
    as_of = min(today, sunday)
    week = balance.week_balance(session, monday, today)
    learned = week.category("learning")
    due, due_total = network.due_contacts(
        session, as_of, NETWORK_LIST_MAX, until=as_of, by_name=True
    )
    return WeeklyReviewSummary(
        week=week.week,
        start=monday,
        end=sunday,
        as_of=as_of,
        learning_hours=learned.hours,
        learning_sessions=week.learning_sessions,
        learning_goal=learned.target,
        streak=learning.streak(session, as_of),
        balance=week,
        milestones_done=tuple(_milestones(session, Milestone.done_on.between(monday, sunday))),
        milestones_overdue=tuple(_open_milestones(session, as_of, Milestone.due_on < as_of)),
        milestones_due_soon=tuple(
            _open_milestones(
                session,
                as_of,
                Milestone.due_on.between(as_of, as_of + dt.timedelta(days=DUE_SOON_DAYS)),
            )
        ),
        skills_moved=tuple(skills.skills_moved(session, monday, sunday)),
        contacts_touched=tuple(network.touched_between(session, monday, sunday)),
        contacts_due=tuple(due),
        contacts_due_total=due_total,
        learning_weeks=learning.weekly_series(session, sunday, LEARNING_WEEKS),
        reflection=reflection(session, monday),
        forecast=readiness.forecast(session, as_of),
        guidance=guidance_note(session, as_of),
    )


def _open_milestones(
    session: Session, as_of: dt.date, due: ColumnElement[bool]
) -> list[MilestoneRow]:
    """Milestones not yet done on `as_of` (done later counts as open then) matching `due`."""
    still_open = Milestone.done_on.is_(None) | (Milestone.done_on > as_of)
    return _milestones(session, still_open & due)


def _milestones(session: Session, where: ColumnElement[bool]) -> list[MilestoneRow]:
    """The milestones matching `where` by due date, read as plain columns with their skills in
    one more query (ORM objects loaded each milestone's skills with a query of its own)."""
    stmt = (
        select(
            Milestone.id,
            Milestone.title,
            Milestone.kind,
            Milestone.due_on,
            Milestone.done_on,
            Milestone.notes,
        )
        .where(where)
        .order_by(Milestone.due_on, Milestone.id)
    )
    found = session.execute(stmt).all()
    names: dict[int, list[str]] = {}
    if found:
        links = (
            select(milestone_skill.c.milestone_id, Skill.name)
            .join(Skill, Skill.id == milestone_skill.c.skill_id)
            .where(milestone_skill.c.milestone_id.in_([row.id for row in found]))
            .order_by(milestone_skill.c.milestone_id, milestone_skill.c.skill_id)
        )
        for milestone_id, name in session.execute(links):
            names.setdefault(milestone_id, []).append(name)
    return [
        MilestoneRow(i, title, kind, due_on, done_on, notes, tuple(names.get(i, ())))
        for i, title, kind, due_on, done_on, notes in found
    ]


def reflection(session: Session, day: dt.date) -> str:
    """The reflection written for the week holding `day` ('' when none was written)."""
    row = session.get(WeeklyReview, week_start(day))
    return row.reflection if row is not None else ""


def save_reflection(session: Session, day: dt.date, text: str) -> None:
    """Store the week's reflection; an empty text removes the week's row."""
    text = text.strip()
    if len(text) > MAX_REFLECTION:
        raise InputError(
            f"the reflection is {len(text):,} characters; keep it under {MAX_REFLECTION:,}"
        )
    monday = week_start(day)
    row = session.get(WeeklyReview, monday)
    if not text:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(WeeklyReview(week_start=monday, reflection=text))
    else:
        row.reflection = text
    session.flush()
