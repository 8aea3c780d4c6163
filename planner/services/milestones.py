"""Milestones: the target role's phases plus the person's own, with due and done dates."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.models import Milestone, RolePhase, Skill
from planner.services.errors import InputError
from planner.services.milestone_rows import MilestoneRow as MilestoneRow
from planner.services.milestone_rows import milestones as milestones
from planner.services.skills import find_skills
from planner.vocabulary import MILESTONE_KINDS


def _row(m: Milestone) -> MilestoneRow:
    return MilestoneRow(
        m.id,
        m.title,
        m.kind,
        m.due_on,
        m.done_on,
        m.notes,
        tuple(s.name for s in m.skills),
        m.role_phase_id,
    )


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
    linked = find_skills(session, skills)
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


def delete_milestone(session: Session, milestone_id: int) -> MilestoneRow:
    """Delete a milestone and return what it was, so the deletion can be undone."""
    milestone = _get(session, milestone_id)
    row = _row(milestone)
    session.delete(milestone)
    session.flush()
    return row


def restore_milestone(session: Session, row: MilestoneRow) -> int:
    """Bring back a deleted milestone (undo): same title, dates, notes, skills and phase.

    The id may differ from the deleted one; linked skills deleted meanwhile are left out.
    """
    linked = list(session.scalars(select(Skill).where(Skill.name.in_(row.skills))))
    phase = session.get(RolePhase, row.phase_id) if row.phase_id is not None else None
    milestone = Milestone(
        title=row.title,
        kind=row.kind,
        due_on=row.due_on,
        done_on=row.done_on,
        notes=row.notes,
        role_phase_id=phase.id if phase else None,
    )
    milestone.skills = linked
    session.add(milestone)
    session.flush()
    return milestone.id


def _get(session: Session, milestone_id: int) -> Milestone:
    milestone = session.get(Milestone, milestone_id)
    if milestone is None:
        raise InputError(f"milestone {milestone_id} no longer exists")
    return milestone
