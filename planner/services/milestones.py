"""Milestones: the target role's phases plus the person's own, with due and done dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.models import Milestone, Skill
from planner.models.base import MILESTONE_KINDS
from planner.services.errors import InputError, unknown


@dataclass(frozen=True)
class MilestoneRow:
    id: int
    title: str
    kind: str
    due_on: dt.date | None
    done_on: dt.date | None
    notes: str
    skills: tuple[str, ...]

    def overdue(self, today: dt.date) -> bool:
        return self.done_on is None and self.due_on is not None and self.due_on < today


def milestones(session: Session, *, open_only: bool = False) -> list[MilestoneRow]:
    stmt = select(Milestone).order_by(Milestone.due_on.is_(None), Milestone.due_on, Milestone.id)
    if open_only:
        stmt = stmt.where(Milestone.done_on.is_(None))
    return [
        MilestoneRow(
            m.id, m.title, m.kind, m.due_on, m.done_on, m.notes, tuple(s.name for s in m.skills)
        )
        for m in session.scalars(stmt)
    ]


def save_milestone(
    session: Session,
    title: str,
    *,
    kind: str = "custom",
    due_on: dt.date | None = None,
    notes: str = "",
    skills: tuple[str, ...] = (),
    milestone_id: int | None = None,
) -> int:
    if not title.strip():
        raise InputError("a milestone needs a title")
    if kind not in MILESTONE_KINDS:
        raise InputError(f"unknown milestone kind {kind!r}; use {', '.join(MILESTONE_KINDS)}")
    milestone = Milestone() if milestone_id is None else _get(session, milestone_id)
    linked = []
    for name in skills:
        skill = session.scalar(select(Skill).where(Skill.name == name.strip()))
        if skill is None:
            raise unknown("skill", name, session.scalars(select(Skill.name)))
        linked.append(skill)
    milestone.title, milestone.kind, milestone.due_on, milestone.notes = (
        title.strip(),
        kind,
        due_on,
        notes,
    )
    milestone.skills = linked
    session.add(milestone)
    session.flush()
    return milestone.id


def set_done(session: Session, milestone_id: int, done_on: dt.date | None) -> None:
    """Complete a milestone on a date, or reopen it with None."""
    _get(session, milestone_id).done_on = done_on
    session.flush()


def delete_milestone(session: Session, milestone_id: int) -> None:
    session.delete(_get(session, milestone_id))
    session.flush()


def _get(session: Session, milestone_id: int) -> Milestone:
    milestone = session.get(Milestone, milestone_id)
    if milestone is None:
        raise InputError(f"milestone {milestone_id} no longer exists")
    return milestone


def done_between(session: Session, first: dt.date, last: dt.date) -> list[MilestoneRow]:
    return [m for m in milestones(session) if m.done_on and first <= m.done_on <= last]
