"""The guides' advice as the person's plan: their career stage's priorities, certifications for
the target role and the gap, interview preparation, networking habits, where a role works, and
the one pitfall the person's data shows.

Facts come from the shipped catalog (`planner.catalog`); what the person takes on becomes their
own rows (a learning activity, milestones), so it is tracked, exported and undone like the rest.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.catalog import Habit, InterviewStep, PortfolioIdea, StageAdvice, guidance
from planner.models import Certification, Industry, LearningActivity, Milestone, Skill
from planner.services.errors import InputError, unknown
from planner.services.learning import ActivityInput, save_activity
from planner.services.profile import profile_row
from planner.services.readiness import readiness
from planner.services.roadmap import save_milestone
from planner.services.roles import pay_range
from planner.vocabulary import STAGES

#: Readiness from which the interview checklist appears on its own (before: on request).
INTERVIEW_READINESS = 0.6


# -- career stage -------------------------------------------------------------------------------
@dataclass(frozen=True)
class StageView:
    advice: StageAdvice

    @property
    def years(self) -> str:
        a = self.advice
        return (
            f"{a.years_min}+ years" if a.years_max is None else f"{a.years_min}–{a.years_max} years"
        )

    @property
    def pay(self) -> str:
        a = self.advice
        return pay_range(a.pay_min_usd, a.pay_max_usd, a.pay_open)


def stage_advice(session: Session) -> StageView:
    """The guides' priorities, action items, years and pay for the person's career stage."""
    stage = profile_row(session).career_stage
    found = {a.stage: a for a in guidance().stages}
    return StageView(found.get(stage) or found[STAGES[0]])


# -- certifications -----------------------------------------------------------------------------
@dataclass(frozen=True)
class CertificationSuggestion:
    name: str
    provider: str
    focus: str
    why: str  # "suits Machine Learning Engineer", "covers your gap in AWS"
    skills: tuple[str, ...]
    added: bool  # already one of the person's learning activities


def suggested_certifications(session: Session) -> list[CertificationSuggestion]:
    """The guides' certifications that suit the target role or cover a gap skill, those for
    both first."""
    gap = readiness(session)
    if gap.role is None:
        return []
    gaps = {g.skill.casefold(): g.skill for g in gap.gaps}
    mine = {t.casefold() for t in session.scalars(select(LearningActivity.title))}
    found = []
    for c in session.scalars(select(Certification).order_by(Certification.id)):
        covers = [gaps[s.casefold()] for s in c.skills if s.casefold() in gaps]
        for_role = gap.role in c.roles
        if not covers and not for_role:
            continue
        why = []
        if for_role:
            why.append(f"suits {gap.role_title}")
        if covers:
            why.append(f"covers your gap in {', '.join(covers)}")
        found.append(
            CertificationSuggestion(
                c.name,
                c.provider,
                c.focus,
                "; ".join(why),
                tuple(c.skills),
                c.name.casefold() in mine,
            )
        )
    found.sort(key=lambda c: (c.added, -(("suits" in c.why) + ("covers" in c.why))))
    return found


def add_certification(session: Session, name: str, today: dt.date) -> tuple[int, int]:
    """Take on a certification: a learning activity of kind certification with its provider,
    and a certification milestone linked to its skills. Returns (activity id, milestone id)."""
    cert = session.scalar(select(Certification).where(Certification.name == name.strip()))
    if cert is None:
        raise unknown("certification", name, session.scalars(select(Certification.name)))
    known = set(session.scalars(select(Skill.name).where(Skill.name.in_(cert.skills))))
    skills = [s for s in cert.skills if s in known]
    activity = save_activity(
        session,
        ActivityInput(
            title=cert.name,
            kind="certification",
            provider=cert.provider,
            priority="high",
            start_date=today,
            notes=cert.focus,
            skills=skills,
        ),
    )
    milestone = save_milestone(
        session,
        f"Earn the {cert.name}",
        kind="certification",
        notes=f"{cert.provider}: {cert.focus}" if cert.provider else cert.focus,
        skills=tuple(skills),
    )
    return activity, milestone


# -- interview preparation ----------------------------------------------------------------------
@dataclass(frozen=True)
class InterviewItem:
    step: InterviewStep
    milestone_id: int | None
    done_on: dt.date | None


@dataclass(frozen=True)
class InterviewPrep:
    readiness: float
    due: bool  # readiness passed the threshold: the checklist shows without being asked
    started: bool  # the steps are milestones
    items: tuple[InterviewItem, ...]

    @property
    def done(self) -> int:
        return sum(1 for i in self.items if i.done_on is not None)


def _interview_milestones(session: Session) -> dict[str, Milestone]:
    found = session.scalars(select(Milestone).where(Milestone.kind == "interview"))
    return {m.title: m for m in found}


def interview_prep(session: Session) -> InterviewPrep:
    score = readiness(session).score
    have = _interview_milestones(session)
    items = tuple(
        InterviewItem(
            step,
            have[step.title].id if step.title in have else None,
            have[step.title].done_on if step.title in have else None,
        )
        for step in guidance().interview
    )
    started = any(i.milestone_id is not None for i in items)
    return InterviewPrep(score, score >= INTERVIEW_READINESS, started, items)


def start_interview_prep(session: Session) -> int:
    """Make each checklist step a milestone of kind interview (steps already there are kept);
    returns how many were added."""
    have = _interview_milestones(session)
    added = 0
    for step in guidance().interview:
        if step.title not in have:
            save_milestone(session, step.title, kind="interview", notes=step.area)
            added += 1
    return added


# -- networking habits --------------------------------------------------------------------------
@dataclass(frozen=True)
class HabitStatus:
    habit: Habit
    period: str  # "December 2026", "2026", "" for once
    milestone_id: int | None
    done_on: dt.date | None


def _period(habit: Habit, today: dt.date) -> tuple[str, dt.date | None]:
    if habit.period == "month":
        last = calendar.monthrange(today.year, today.month)[1]
        return today.strftime("%B %Y"), today.replace(day=last)
    if habit.period == "year":
        return str(today.year), dt.date(today.year, 12, 31)
    return "", None


def habit_title(habit: Habit, today: dt.date) -> str:
    period, _ = _period(habit, today)
    return f"{habit.title} ({period})" if period else habit.title


def habits(session: Session, today: dt.date) -> list[HabitStatus]:
    """The framework's networking habits and whether this period's goal is taken on or done."""
    found = {
        m.title: m for m in session.scalars(select(Milestone).where(Milestone.kind == "networking"))
    }
    result = []
    for habit in guidance().habits:
        m = found.get(habit_title(habit, today))
        result.append(
            HabitStatus(
                habit, _period(habit, today)[0], m.id if m else None, m.done_on if m else None
            )
        )
    return result


def take_on_habit(session: Session, key: str, today: dt.date) -> int:
    """This period's goal for a habit, as a networking milestone due at the period's end."""
    habit = next((h for h in guidance().habits if h.key == key), None)
    if habit is None:
        raise unknown("networking habit", key, (h.key for h in guidance().habits))
    title = habit_title(habit, today)
    if session.scalar(select(Milestone.id).where(Milestone.title == title)) is not None:
        raise InputError(f"{title!r} is already one of your milestones")
    return save_milestone(session, title, kind="networking", due_on=_period(habit, today)[1])


# -- where a role works, and portfolio ideas ----------------------------------------------------
@dataclass(frozen=True)
class IndustryUse:
    name: str
    applications: tuple[str, ...]


def industries_for(session: Session, role_slug: str) -> list[IndustryUse]:
    return [
        IndustryUse(i.name, tuple(i.applications))
        for i in session.scalars(select(Industry).order_by(Industry.id))
        if role_slug in i.roles
    ]


def portfolio_ideas(role_slug: str | None) -> list[PortfolioIdea]:
    """The guides' project ideas for a role: those named for it first, then those for anyone."""
    ideas = guidance().portfolio
    return [i for i in ideas if role_slug in i.roles] + [i for i in ideas if not i.roles]
