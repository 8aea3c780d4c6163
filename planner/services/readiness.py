"""How ready the person is for their target role, what is missing, and when they will be ready.

Readiness weights each required skill by importance (essential 3, important 2, useful 1) and
counts min(level / required level, 1) of it. The forecast turns the gap into hours (level steps
missing x the skill's hours per level step) and divides by the recent weekly learning pace.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.models import LearningSession, Profile, Role, RoleSkill, Skill, UserSkill
from planner.services.errors import InputError

WEIGHTS = {"essential": 3, "important": 2, "useful": 1}
IMPORTANCE_ORDER = {"essential": 0, "important": 1, "useful": 2}
PACE_WEEKS = 8


@dataclass(frozen=True)
class GapItem:
    skill: str
    category: str
    importance: str
    level: int
    required_level: int
    hours_per_level: float

    @property
    def remaining_hours(self) -> float:
        return max(self.required_level - self.level, 0) * self.hours_per_level


@dataclass(frozen=True)
class Readiness:
    role: str | None
    role_title: str | None
    score: float  # 0..1
    skills_total: int
    skills_met: int
    gaps: tuple[GapItem, ...]  # only skills below their required level, most important first

    @property
    def remaining_hours(self) -> float:
        return sum(g.remaining_hours for g in self.gaps)


@dataclass(frozen=True)
class Forecast:
    remaining_hours: float
    weekly_hours: float  # the pace used: recent average, or the what-if pace
    recent_weekly_hours: float
    weeks_needed: float | None
    ready_on: dt.date | None
    message: str


def readiness(session: Session, role_slug: str | None = None) -> Readiness:
    """Readiness for `role_slug`, or for the profile's target role."""
    if role_slug is None:
        role = session.scalar(select(Role).join(Profile, Profile.target_role_id == Role.id))
    else:
        role = session.scalar(select(Role).where(Role.slug == role_slug))
    if role is None:
        return Readiness(None, None, 0.0, 0, 0, ())
    items = _items(session, role.id)
    total = sum(WEIGHTS[i.importance] for i in items)
    earned = sum(WEIGHTS[i.importance] * min(i.level / i.required_level, 1.0) for i in items)
    gaps = sorted(
        (i for i in items if i.level < i.required_level),
        key=lambda i: (IMPORTANCE_ORDER[i.importance], -i.remaining_hours, i.skill.casefold()),
    )
    return Readiness(
        role=role.slug,
        role_title=role.title,
        score=earned / total if total else 0.0,
        skills_total=len(items),
        skills_met=len(items) - len(gaps),
        gaps=tuple(gaps),
    )


def _items(session: Session, role_id: int) -> list[GapItem]:
    rows = session.execute(
        select(
            Skill.name,
            Skill.category,
            RoleSkill.importance,
            func.coalesce(UserSkill.level, 0),
            RoleSkill.required_level,
            Skill.hours_per_level,
        )
        .join(Skill, Skill.id == RoleSkill.skill_id)
        .outerjoin(UserSkill, UserSkill.skill_id == Skill.id)
        .where(RoleSkill.role_id == role_id)
    ).all()
    return [GapItem(*row) for row in rows]


def skill_levels(session: Session, role_slug: str | None = None) -> list[GapItem]:
    """Every skill the role (default: the target role) asks for, met or not, with the person's
    level beside the required one: most important first, then by category and name."""
    if role_slug is None:
        role_id = session.scalar(select(Profile.target_role_id).where(Profile.id == 1))
    else:
        role_id = session.scalar(select(Role.id).where(Role.slug == role_slug))
    if role_id is None:
        return []
    return sorted(
        _items(session, role_id),
        key=lambda i: (IMPORTANCE_ORDER[i.importance], i.category, i.skill.casefold()),
    )


def recent_weekly_hours(session: Session, today: dt.date, weeks: int = PACE_WEEKS) -> float:
    """Average learning hours per week over the last `weeks` weeks up to today."""
    since = today - dt.timedelta(weeks=weeks) + dt.timedelta(days=1)
    total = session.scalar(
        select(func.coalesce(func.sum(LearningSession.hours), 0.0)).where(
            LearningSession.date.between(since, today)
        )
    )
    return float(total) / weeks


def forecast(
    session: Session,
    today: dt.date,
    weekly_hours: float | None = None,
    *,
    gap: Readiness | None = None,
) -> Forecast:
    """Projected ready date at the recent pace, or at a what-if `weekly_hours` pace."""
    gap = gap or readiness(session)
    recent = recent_weekly_hours(session, today)
    if weekly_hours is not None and not 0 < weekly_hours <= 168:
        raise InputError("a weekly pace must be more than 0 and at most 168 hours")
    pace = weekly_hours if weekly_hours is not None else recent
    remaining = gap.remaining_hours
    if gap.role is None:
        return Forecast(remaining, pace, recent, None, None, "Choose a target role first.")
    if remaining == 0:
        return Forecast(0.0, pace, recent, 0.0, today, "Every required skill is at its level.")
    if pace <= 0:
        return Forecast(
            remaining,
            pace,
            recent,
            None,
            None,
            f"Not enough data: no learning logged in the last {PACE_WEEKS} weeks.",
        )
    weeks = remaining / pace
    ready = today + dt.timedelta(days=math.ceil(weeks * 7))
    return Forecast(
        remaining,
        pace,
        recent,
        weeks,
        ready,
        f"{remaining:g} h to go at {pace:.1f} h/week: ready around {ready.isoformat()}.",
    )
