"""The person's profile and the choice of target role (which lays out its phase milestones)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from planner.models import (
    Milestone,
    Profile,
    RolePhase,
)
from planner.services.balance import targets
from planner.services.errors import InputError
from planner.services.roles import find_role
from planner.services.weeks import add_months
from planner.vocabulary import STAGES


def later_stage(stage: str, role_stage: str | None) -> str:
    """The stage a new current role moves the person to: forward only, never back (a senior
    who takes an entry-level role in a new field keeps their years)."""
    if role_stage not in STAGES or stage not in STAGES:
        return stage
    return max(stage, role_stage, key=STAGES.index)


@dataclass(frozen=True)
class ProfileInfo:
    display_name: str
    current_role: str | None
    current_role_title: str | None
    target_role: str | None
    target_role_title: str | None
    career_stage: str
    plan_start: dt.date | None
    weekly_learning_goal: float
    annual_learning_goal: float
    monthly_contact_goal: int


@dataclass(frozen=True)
class TargetChange:
    role: str
    title: str
    milestones_added: int
    milestones_removed: int


def profile_row(session: Session) -> Profile:
    """The single profile row, created with defaults on first use."""
    profile = session.get(Profile, 1)
    if profile is None:
        profile = Profile(id=1)
        session.add(profile)
        session.flush()
    return profile


def profile_info(session: Session) -> ProfileInfo:
    p = profile_row(session)
    return ProfileInfo(
        display_name=p.display_name,
        current_role=p.current_role.slug if p.current_role else None,
        current_role_title=p.current_role.title if p.current_role else None,
        target_role=p.target_role.slug if p.target_role else None,
        target_role_title=p.target_role.title if p.target_role else None,
        career_stage=p.career_stage,
        plan_start=p.plan_start,
        weekly_learning_goal=targets(session)["learning"],
        annual_learning_goal=p.annual_learning_goal,
        monthly_contact_goal=p.monthly_contact_goal,
    )


def update_profile(
    session: Session,
    *,
    display_name: str | None = None,
    current_role: str | None = None,
    career_stage: str | None = None,
    plan_start: dt.date | None = None,
    annual_learning_goal: float | None = None,
    monthly_contact_goal: int | None = None,
) -> ProfileInfo:
    p = profile_row(session)
    if display_name is not None:
        p.display_name = display_name.strip()
    if current_role is not None:
        p.current_role = find_role(session, current_role)
        if career_stage is None:  # a new role can move the stage forward, never back
            p.career_stage = later_stage(p.career_stage, p.current_role.stage)
    if career_stage is not None:
        if career_stage not in STAGES:
            raise InputError(f"unknown career stage {career_stage!r}; use {', '.join(STAGES)}")
        p.career_stage = career_stage
    if plan_start is not None:
        p.plan_start = plan_start
        _reschedule_phase_milestones(session, p)
    if annual_learning_goal is not None:
        if not 0 <= annual_learning_goal <= 8760:
            raise InputError("the annual learning goal must be between 0 and 8760 hours")
        p.annual_learning_goal = float(annual_learning_goal)
    if monthly_contact_goal is not None:
        if not 0 <= monthly_contact_goal <= 1000:
            raise InputError("the monthly contact goal must be between 0 and 1000")
        p.monthly_contact_goal = monthly_contact_goal
    session.flush()
    return profile_info(session)


def phase_due(plan_start: dt.date, phase: RolePhase) -> dt.date | None:
    """A phase is due at the plan start plus its latest month; open-ended phases have no date."""
    if phase.latest_month is None:
        return None
    return add_months(plan_start, phase.latest_month)


def set_target_role(session: Session, key: str, today: dt.date) -> TargetChange:
    """Make `key` the target role and lay out one milestone per phase of its learning path.

    Choosing the same role again adds nothing. Open phase milestones of the previous target are
    removed; completed ones stay, because they record what the person achieved.
    """
    p = profile_row(session)
    role = find_role(session, key)
    if p.plan_start is None:
        p.plan_start = today
    phase_ids = [ph.id for ph in role.phases]
    removed = session.execute(
        delete(Milestone).where(
            Milestone.kind == "phase",
            Milestone.done_on.is_(None),
            Milestone.role_phase_id.not_in(phase_ids),
        )
    ).rowcount
    have = set(
        session.scalars(
            select(Milestone.role_phase_id).where(Milestone.role_phase_id.in_(phase_ids))
        )
    )
    added = [
        Milestone(
            title=f"{role.title}: {phase.name}",
            kind="phase",
            role_phase_id=phase.id,
            due_on=phase_due(p.plan_start, phase),
            notes=phase.focus,
        )
        for phase in role.phases
        if phase.id not in have
    ]
    session.add_all(added)
    p.target_role = role
    session.flush()
    return TargetChange(role.slug, role.title, len(added), removed or 0)


def _reschedule_phase_milestones(session: Session, p: Profile) -> None:
    """Open phase milestones follow a moved plan start."""
    rows = session.scalars(
        select(Milestone).where(Milestone.kind == "phase", Milestone.done_on.is_(None))
    )
    for milestone in rows:
        if milestone.phase is not None and p.plan_start is not None:
            milestone.due_on = phase_due(p.plan_start, milestone.phase)
