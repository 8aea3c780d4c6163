"""The person's skills: levels 0..5 with history, custom skills, hours per level step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.models import Profile, RoleSkill, Skill, SkillAssessment, UserSkill
from planner.models.skills import LEVELS
from planner.services.errors import InputError, unknown


@dataclass(frozen=True)
class SkillRow:
    name: str
    category: str
    level: int
    hours_per_level: float
    source: str
    importance: str | None  # in the target role, if it asks for this skill
    required_level: int | None
    updated_on: dt.date | None


@dataclass(frozen=True)
class LevelChange:
    name: str
    before: int
    after: int
    #: No level was recorded before: a starting point (what onboarding or a newly added skill
    #: sets), which may be a level the person already had rather than one they reached.
    first: bool = False


def level_name(level: int) -> str:
    return LEVELS[level]


def find_skill(session: Session, name: str) -> Skill:
    skill = session.scalar(select(Skill).where(Skill.name == name.strip()))
    if skill is None:
        raise unknown("skill", name, session.scalars(select(Skill.name).order_by(Skill.name)))
    return skill


def find_skills(session: Session, names: Iterable[str]) -> list[Skill]:
    """Skills by name (any case), for linking; an unknown name raises with close matches."""
    return [find_skill(session, name) for name in names]


def check_level(level: object) -> int:
    if isinstance(level, str):
        text = level.strip().lower()
        if text in LEVELS:
            return LEVELS.index(text)
        level = int(text) if text.isdigit() else level
    if not isinstance(level, int) or isinstance(level, bool) or not 0 <= level <= 5:
        names = ", ".join(f"{i} {n}" for i, n in enumerate(LEVELS))
        raise InputError(f"bad skill level {level!r}: use 0..5 ({names})")
    return level


def set_level(session: Session, name: str, level: object, on: dt.date) -> LevelChange:
    """Set the person's level in a skill and record it in the history (if it changed)."""
    value = check_level(level)
    skill = find_skill(session, name)
    row = session.get(UserSkill, skill.id)
    before, first = (row.level, False) if row else (0, True)
    if row is None:
        row = UserSkill(skill_id=skill.id, level=value, updated_on=on)
        session.add(row)
    row.level, row.updated_on = value, on
    if value != before or not session.scalar(
        select(func.count()).where(SkillAssessment.skill_id == skill.id)
    ):
        session.add(SkillAssessment(skill_id=skill.id, assessed_on=on, level=value))
    session.flush()
    return LevelChange(skill.name, before, value, first=first)


def add_skill(
    session: Session, name: str, category: str = "Other", hours_per_level: float = 20.0
) -> Skill:
    """A custom skill the catalog does not have."""
    name = name.strip()
    if not name:
        raise InputError("a skill needs a name")
    if session.scalar(select(Skill).where(Skill.name == name)):
        raise InputError(f"there is already a skill called {name!r}")
    skill = Skill(name=name, category=category.strip() or "Other", source="user")
    skill.hours_per_level = _check_step_hours(hours_per_level)
    session.add(skill)
    session.flush()
    return skill


def add_my_skill(
    session: Session,
    name: str,
    level: object,
    on: dt.date,
    *,
    custom: bool = False,
    category: str = "Other",
    hours_per_level: float = 20.0,
) -> LevelChange:
    """Start tracking a skill at a level, in one transaction.

    A catalog skill is found by name (refused if the person already tracks it); a `custom` one
    is created first and refused when any skill already has that name. Nothing is written when
    refused.
    """
    value = check_level(level)
    if custom:
        add_skill(session, name, category, hours_per_level)
    else:
        skill = find_skill(session, name)
        if session.get(UserSkill, skill.id) is not None:
            raise InputError(f"you already track {skill.name!r}; change its level instead")
    return set_level(session, name, value, on)


def _check_step_hours(hours: float) -> float:
    if not isinstance(hours, int | float) or not 0 < hours <= 10000:
        raise InputError("hours per level must be more than 0 and at most 10000")
    return float(hours)


def set_hours_per_level(session: Session, name: str, hours: float) -> None:
    find_skill(session, name).hours_per_level = _check_step_hours(hours)
    session.flush()


def list_skills(session: Session, *, only_mine: bool = False) -> list[SkillRow]:
    """Skills with the person's level and what the target role asks of each."""
    target = session.scalar(select(Profile.target_role_id).where(Profile.id == 1))
    stmt = (
        select(
            Skill.name,
            Skill.category,
            func.coalesce(UserSkill.level, 0),
            Skill.hours_per_level,
            Skill.source,
            RoleSkill.importance,
            RoleSkill.required_level,
            UserSkill.updated_on,
        )
        .outerjoin(UserSkill, UserSkill.skill_id == Skill.id)
        .outerjoin(RoleSkill, (RoleSkill.skill_id == Skill.id) & (RoleSkill.role_id == target))
        .order_by(Skill.category, Skill.name)
    )
    if only_mine:
        stmt = stmt.where((UserSkill.skill_id.is_not(None)) | (RoleSkill.role_id.is_not(None)))
    rows = [SkillRow(*row) for row in session.execute(stmt)]
    return _with_move_skills(session, rows, only_mine) if target is not None else rows


def _with_move_skills(session: Session, rows: list[SkillRow], only_mine: bool) -> list[SkillRow]:
    """The skills the move from the current role needs count as the target's, as readiness
    counts them (an important skill at the move's level, or the higher of the two levels)."""
    from planner.services.moves import move

    wanted = {m.name.casefold(): m for m in move(session).skills}
    if not wanted:
        return rows
    out = []
    for row in rows:
        m = wanted.pop(row.name.casefold(), None)
        if m is not None:
            row = replace(
                row,
                importance=row.importance or "important",
                required_level=max(row.required_level or 0, m.required_level),
            )
        out.append(row)
    if only_mine:  # move skills the person has no level in and the role does not list
        for m in wanted.values():
            out.append(
                SkillRow(m.name, m.category, m.level, m.hours_per_level, "catalog", "important",
                         m.required_level, None)
            )  # fmt: skip
        out.sort(key=lambda r: (r.category, r.name))
    return out


def level_history(session: Session, name: str) -> list[tuple[dt.date, int]]:
    skill = find_skill(session, name)
    rows = session.execute(
        select(SkillAssessment.assessed_on, SkillAssessment.level)
        .where(SkillAssessment.skill_id == skill.id)
        .order_by(SkillAssessment.assessed_on, SkillAssessment.id)
    )
    return [(d, lvl) for d, lvl in rows]


def skills_moved(session: Session, first: dt.date, last: dt.date) -> list[LevelChange]:
    """Skills whose level changed between first and last (inclusive), oldest to newest level."""
    inside = SkillAssessment.assessed_on.between(first, last)
    changed = session.execute(
        select(Skill.id, Skill.name)
        .join(SkillAssessment, SkillAssessment.skill_id == Skill.id)
        .where(inside)
        .group_by(Skill.id)
        .order_by(Skill.name)
    ).all()
    moves = []
    for skill_id, name in changed:
        before = session.scalar(
            select(SkillAssessment.level)
            .where(SkillAssessment.skill_id == skill_id, SkillAssessment.assessed_on < first)
            .order_by(SkillAssessment.assessed_on.desc(), SkillAssessment.id.desc())
            .limit(1)
        )
        after = session.execute(  # there is one: that is how the skill was found
            select(SkillAssessment.level)
            .where(SkillAssessment.skill_id == skill_id, inside)
            .order_by(SkillAssessment.assessed_on.desc(), SkillAssessment.id.desc())
            .limit(1)
        ).scalar_one()
        if after != (before or 0):
            moves.append(LevelChange(name, before or 0, after, first=before is None))
    return moves
