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
import math
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.models import Milestone, Profile, Role, RolePhase, RoleSkill, Skill, SkillAssessment
from planner.services import readiness
from planner.services.readiness import WEIGHTS
from planner.services.roadmap import MilestoneRow, milestones, phase_date, phase_months, window_text
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
    #: The guide's window for the phase's end, e.g. "6–9 months".
    window: str = ""
    #: When the phase's skills (and every earlier phase's) would be at their level at the pace
    #: the forecast uses; None when there is no such date (no pace, or beyond the horizon).
    pace_end: dt.date | None = None
    #: The pace date is more than the forecast's horizon out.
    pace_beyond: bool = False
    #: Hours of this phase's skills still to learn.
    remaining_hours: float = 0.0
    phase_id: int | None = None

    @property
    def differs(self) -> bool:
        """The plan's end and the pace's differ by more than a fortnight (or the pace has none)."""
        if self.done or self.remaining_hours == 0:
            return False
        if self.end is None or self.pace_end is None:
            return self.pace_beyond
        return abs((self.pace_end - self.end).days) > 14


@dataclass(frozen=True)
class PlanTimeline:
    role_title: str | None
    plan_start: dt.date | None
    today: dt.date
    phases: tuple[PhaseSpan, ...]
    milestones: tuple[MilestoneRow, ...]  # only those with a due date
    #: The pace the phases' pace dates stand on, as the forecast says it ("at your pace of…").
    pace_text: str = ""

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
    phases = list(role.phases)
    months = phase_months([(p.earliest_month, p.latest_month) for p in phases])
    outlook = readiness.forecast(session, today)
    to_learn = _remaining_by_phase(session, role.id)
    # Phases are learned in order: a phase is done at the pace once its skills and every earlier
    # phase's are; skills of no phase count with the last, so its date is the forecast's.
    running, spans = 0.0, []
    for i, (phase, (first, last)) in enumerate(zip(phases, months, strict=True)):
        own = to_learn.get(phase.id, 0.0) + (to_learn.get(None, 0.0) if i == len(phases) - 1 else 0)
        running += own
        pace_end, beyond = _at_pace(today, running, outlook.weekly_hours)
        begins = phase_date(start, first)
        if begins is None:  # a plan start at the calendar's end: nothing left to draw
            break
        spans.append(
            PhaseSpan(
                order=phase.order,
                name=phase.name,
                start=begins,
                end=None if last is None else phase_date(start, last),
                focus=phase.focus,
                done=phase.id in done_phases,
                window=window_text(phase.earliest_month, phase.latest_month),
                pace_end=pace_end,
                pace_beyond=beyond,
                remaining_hours=own,
                phase_id=phase.id,
            )
        )
    return PlanTimeline(role.title, start, today, tuple(spans), dated, outlook.basis_text)


def _remaining_by_phase(session: Session, role_id: int) -> dict[int | None, float]:
    """Hours still to learn for the role's skills, by the phase that teaches them."""
    found: dict[int | None, float] = {}
    for item, phase_id in readiness.items_with_phase(session, role_id):
        found[phase_id] = found.get(phase_id, 0.0) + item.remaining_hours
    return found


def _at_pace(today: dt.date, hours: float, weekly: float) -> tuple[dt.date | None, bool]:
    """(date, beyond the horizon) after `hours` of learning at `weekly` hours a week."""
    if hours <= 0:
        return today, False
    if weekly <= 0:
        return None, False
    days = math.ceil(hours / weekly * 7)
    if days > readiness.HORIZON_DAYS:
        return None, True
    return today + dt.timedelta(days=days), False
