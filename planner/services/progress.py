"""Progress toward the target role over time: readiness at each month end, and the plan laid out
as dated phases with its milestones (what the roadmap's charts draw).

Readiness on a past day uses the level history: the level at day d is the latest assessment on
or before d (0 when there is none), weighed exactly as `readiness.readiness` weighs today's
levels. The series is two small queries (the role's asks, its skills' level changes in date
order) and one sweep over the month ends in Python: a correlated "latest assessment" subquery per
month and skill cost ~150 ms on ten years of history, the sweep a few milliseconds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.models import Milestone, Profile, Role, RolePhase, RoleSkill, Skill, SkillAssessment
from planner.services.milestones import MilestoneRow, milestones
from planner.services.readiness import WEIGHTS
from planner.services.weeks import add_months

#: The longest readiness series drawn: three years of month ends.
MAX_MONTHS = 36


@dataclass(frozen=True)
class ReadinessPoint:
    on: dt.date
    score: float  # 0..1, as readiness.readiness computes it
    skills_met: int
    skills_total: int


@dataclass(frozen=True)
class PhaseSpan:
    order: int
    name: str
    start: dt.date
    end: dt.date | None  # None: open-ended ("24+ months")
    focus: str
    done: bool  # its phase milestone is completed


@dataclass(frozen=True)
class PlanTimeline:
    role_title: str | None
    plan_start: dt.date | None
    today: dt.date
    phases: tuple[PhaseSpan, ...]
    milestones: tuple[MilestoneRow, ...]  # only those with a due date

    @property
    def is_empty(self) -> bool:
        return not self.phases and not self.milestones


def month_ends(first: dt.date, today: dt.date, limit: int = MAX_MONTHS) -> list[dt.date]:
    """The last day of every month from `first`'s month up to before today's, then today.

    Only the latest `limit` month ends are kept, so the series stays readable.
    """
    ends: list[dt.date] = []
    month = first.replace(day=1)
    while True:
        end = add_months(month, 1) - dt.timedelta(days=1)
        if end >= today:
            break
        ends.append(end)
        month = add_months(month, 1)
    return [*ends[-limit:], today] if first <= today else []


def _target_role_id(session: Session, role_slug: str | None) -> int | None:
    if role_slug is None:
        return session.scalar(select(Profile.target_role_id).where(Profile.id == 1))
    return session.scalar(select(Role.id).where(Role.slug == role_slug))


def _with_move_skills(
    session: Session, asks: list[tuple[int, str, int]]
) -> list[tuple[int, str, int]]:
    """Add the skills the move from the current role needs (as `readiness` does): an important
    skill at the move's level, or the higher of the two levels for a skill the role asks too."""
    from planner.services.moves import move

    by_id = {skill_id: n for n, (skill_id, _, _) in enumerate(asks)}
    for m in move(session).skills:
        skill_id = session.scalar(select(Skill.id).where(Skill.name == m.name))
        if skill_id is None:
            continue
        if skill_id in by_id:
            n = by_id[skill_id]
            asks[n] = (skill_id, asks[n][1], max(asks[n][2], m.required_level))
        else:
            asks.append((skill_id, "important", m.required_level))
    return asks


def readiness_history(
    session: Session, today: dt.date, role_slug: str | None = None, *, months: int = MAX_MONTHS
) -> list[ReadinessPoint]:
    """Readiness for the target role (or `role_slug`) at each month end since the first level.

    Empty when there is no role, the role asks for no skills, or none of its skills has a
    recorded level yet.
    """
    role_id = _target_role_id(session, role_slug)
    if role_id is None:
        return []
    asks = session.execute(
        select(RoleSkill.skill_id, RoleSkill.importance, RoleSkill.required_level).where(
            RoleSkill.role_id == role_id
        )
    ).all()
    if role_slug is None:  # the target, as readiness counts it: with the move's skills
        asks = _with_move_skills(session, [tuple(a) for a in asks])
    changes = session.execute(
        select(SkillAssessment.skill_id, SkillAssessment.assessed_on, SkillAssessment.level)
        .where(
            SkillAssessment.skill_id.in_([skill_id for skill_id, _, _ in asks]),
            SkillAssessment.assessed_on <= today,
        )
        .order_by(SkillAssessment.assessed_on, SkillAssessment.id)
    ).all()
    if not changes:
        return []
    total = sum(WEIGHTS.get(importance, 0) for _, importance, _ in asks)
    levels: dict[int, int] = {}
    points: list[ReadinessPoint] = []
    seen = 0
    for day in month_ends(changes[0].assessed_on, today, months):
        while seen < len(changes) and changes[seen].assessed_on <= day:
            skill_id, _, level = changes[seen]
            levels[skill_id] = level
            seen += 1
        earned, met = 0.0, 0
        for skill_id, importance, required in asks:
            level = levels.get(skill_id, 0)
            earned += WEIGHTS.get(importance, 0) * min(level / required, 1.0)
            met += level >= required
        points.append(ReadinessPoint(day, earned / total if total else 0.0, met, len(asks)))
    return points


def plan_timeline(session: Session, today: dt.date) -> PlanTimeline:
    """The target role's phases as dated spans from the plan start, with every dated milestone."""
    profile = session.get(Profile, 1)
    dated = tuple(m for m in milestones(session) if m.due_on is not None)
    if profile is None or profile.target_role is None or profile.plan_start is None:
        return PlanTimeline(None, None, today, (), dated)
    role, start = profile.target_role, profile.plan_start
    done_phases = set(
        session.scalars(
            select(Milestone.role_phase_id)
            .join(RolePhase, RolePhase.id == Milestone.role_phase_id)
            .where(RolePhase.role_id == role.id, Milestone.done_on.is_not(None))
        )
    )
    spans = tuple(
        PhaseSpan(
            order=phase.order,
            name=phase.name,
            start=add_months(start, phase.earliest_month),
            end=None if phase.latest_month is None else add_months(start, phase.latest_month),
            focus=phase.focus,
            done=phase.id in done_phases,
        )
        for phase in role.phases
    )
    return PlanTimeline(role.title, start, today, spans, dated)
