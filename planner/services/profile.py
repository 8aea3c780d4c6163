"""Who the person is: their profile, the first run that sets it up, and the choice of target role
(which lays out its phase milestones).

Whether a file has been set up yet is plain SQL (`@reader`, see `planner.services.sql`): the
window asks it before SQLAlchemy has loaded, to go straight to the dashboard or to the first-run
questions. So the rest imports the models inside itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from planner.services.balance import set_targets, targets
from planner.services.errors import InputError
from planner.services.roadmap import phase_date, phase_months
from planner.services.sql import Reader, reader, value
from planner.vocabulary import STAGES, WEEKS_A_YEAR, YEAR_HOURS

if TYPE_CHECKING:
    from sqlalchemy import CursorResult
    from sqlalchemy.orm import Session

    from planner.models import Profile, RolePhase


#: The tables holding what a person enters; the catalog (roles, skills) is not theirs.
USER_TABLES = (
    "learning_session",
    "learning_activity",
    "contact",
    "user_skill",
    "week_hours",
    "milestone",
)


@reader
def has_user_data(db: Reader) -> bool:
    """Whether the person has entered anything (the demo refuses such a file)."""
    return any(value(db, f"SELECT EXISTS (SELECT 1 FROM {table})") for table in USER_TABLES)


@reader
def needs_onboarding(db: Reader) -> bool:
    """A file with no target role and nothing entered yet has not been set up."""
    target = value(db, "SELECT target_role_id FROM profile WHERE id = 1")
    return target is None and not has_user_data(db)


MAX_NAME = 200
#: Plan starts the app accepts: every date laid out from one (phases run ten years at most)
#: stays far inside the calendar.
PLAN_START_RANGE = (dt.date(1970, 1, 1), dt.date(2100, 12, 31))


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
    annual_learning_goal: float  # as used: the one set, or the weekly goal x 52
    monthly_contact_goal: int
    annual_goal_follows_weekly: bool = False


@dataclass(frozen=True)
class TargetChange:
    role: str
    title: str
    milestones_added: int
    milestones_removed: int


def profile_row(session: Session) -> Profile:
    """The single profile row, created with defaults on first use."""
    from planner.models import Profile

    profile = session.get(Profile, 1)
    if profile is None:
        profile = Profile(id=1)
        session.add(profile)
        session.flush()
    return profile


def annual_goal(session: Session) -> float:
    """The yearly learning goal: the one the person set, else the weekly goal x 52."""
    stored = profile_row(session).annual_learning_goal
    return stored if stored > 0 else round(targets(session)["learning"] * WEEKS_A_YEAR, 2)


def goal_follows_weekly(session: Session) -> bool:
    """Whether the yearly goal is the weekly goal x 52 (none of its own was set)."""
    return profile_row(session).annual_learning_goal <= 0


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
        annual_learning_goal=annual_goal(session),
        monthly_contact_goal=p.monthly_contact_goal,
        annual_goal_follows_weekly=goal_follows_weekly(session),
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
    from planner.services.roles import find_role

    p = profile_row(session)
    if display_name is not None:
        if len(display_name.strip()) > MAX_NAME:
            raise InputError(
                f"the name is {len(display_name.strip())} characters; at most {MAX_NAME}"
            )
        p.display_name = display_name.strip()
    if current_role is not None:  # "" clears it (not in the catalog, or a student)
        try:
            p.current_role = find_role(session, current_role) if current_role.strip() else None
        except InputError as exc:
            raise InputError(f"current role: {exc}") from None
        if career_stage is None and p.current_role is not None:
            # A new role can move the stage forward, never back.
            p.career_stage = later_stage(p.career_stage, p.current_role.stage)
    if career_stage is not None:
        if career_stage not in STAGES:
            raise InputError(f"unknown career stage {career_stage!r}; use {', '.join(STAGES)}")
        p.career_stage = career_stage
    if plan_start is not None:
        first, last = PLAN_START_RANGE
        if not first <= plan_start <= last:
            raise InputError(f"the plan start must be between {first} and {last}")
        p.plan_start = plan_start
        _reschedule_phase_milestones(session, p)
    if annual_learning_goal is not None:  # 0: follow the weekly goal (x 52)
        if not 0 <= annual_learning_goal <= YEAR_HOURS:
            raise InputError(
                f"the yearly learning goal must be between 1 and {YEAR_HOURS:g} hours"
                " (or 0 to follow the weekly goal)"
            )
        p.annual_learning_goal = float(annual_learning_goal)
    if monthly_contact_goal is not None:
        if not 0 <= monthly_contact_goal <= 1000:
            raise InputError("the monthly contact goal must be between 0 and 1000")
        p.monthly_contact_goal = monthly_contact_goal
    session.flush()
    return profile_info(session)


def edit_profile(
    session: Session,
    *,
    display_name: str | None = None,
    current_role: str | None = None,
    career_stage: str | None = None,
    plan_start: dt.date | None = None,
    weekly_learning_goal: float | None = None,
    annual_learning_goal: float | None = None,
    monthly_contact_goal: int | None = None,
) -> ProfileInfo:
    """Change anything chosen at onboarding, as one action: the Profile dialog and `planner
    profile` both come here, so a bad value anywhere leaves every field as it was (the caller's
    transaction rolls back). None leaves a field alone; the weekly goal is the learning target."""
    if weekly_learning_goal is not None:
        set_targets(session, {"learning": weekly_learning_goal})
    return update_profile(
        session,
        display_name=display_name,
        current_role=current_role,
        career_stage=career_stage,
        plan_start=plan_start,
        annual_learning_goal=annual_learning_goal,
        monthly_contact_goal=monthly_contact_goal,
    )


def phase_dues(plan_start: dt.date, phases: list[RolePhase]) -> dict[int, dt.date | None]:
    """Each phase's due date: the plan start plus the month it ends (`roadmap.phase_months`:
    one after another from month 0, each ending inside its window); a last open-ended phase has
    no date."""
    spans = phase_months([(p.earliest_month, p.latest_month) for p in phases])
    return {
        phase.id: None if end is None else phase_date(plan_start, end)
        for phase, (_, end) in zip(phases, spans, strict=True)
    }


def set_target_role(session: Session, key: str, today: dt.date) -> TargetChange:
    """Make `key` the target role and lay out one milestone per phase of its learning path.

    Choosing the same role again adds nothing. Open phase milestones of the previous target are
    removed; completed ones stay, because they record what the person achieved.
    """
    from sqlalchemy import delete, select

    from planner.models import Milestone
    from planner.services.roles import find_role

    p = profile_row(session)
    role = find_role(session, key)
    if p.plan_start is None:
        p.plan_start = today
    phase_ids = [ph.id for ph in role.phases]
    # A DELETE's result is a CursorResult, which has the row count; Session types it as any.
    deleted = session.execute(
        delete(Milestone).where(
            Milestone.kind == "phase",
            Milestone.done_on.is_(None),
            Milestone.role_phase_id.not_in(phase_ids),
        )
    )
    removed = cast("CursorResult[Any]", deleted).rowcount
    have = set(
        session.scalars(
            select(Milestone.role_phase_id).where(Milestone.role_phase_id.in_(phase_ids))
        )
    )
    dues = phase_dues(p.plan_start, list(role.phases))
    added = [
        Milestone(
            title=f"{role.title}: {phase.name}",
            kind="phase",
            role_phase_id=phase.id,
            due_on=dues[phase.id],
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
    from sqlalchemy import select

    from planner.models import Milestone

    rows = session.scalars(
        select(Milestone).where(Milestone.kind == "phase", Milestone.done_on.is_(None))
    )
    dues: dict[int, dt.date | None] = {}
    for milestone in rows:
        phase = milestone.phase
        if phase is not None and p.plan_start is not None:
            if phase.id not in dues:
                dues.update(phase_dues(p.plan_start, list(phase.role.phases)))
            milestone.due_on = dues[phase.id]


def complete(
    session: Session,
    *,
    display_name: str,
    current_role: str | None,
    target_role: str,
    plan_start: dt.date,
    weekly_goal: float,
    skills_held: dict[str, int] | None = None,
    today: dt.date | None = None,
) -> None:
    """Set up the profile, the weekly goal, the target role's plan and the levels the person
    already holds (`skills_held`: skill name -> level 1..5, from their current role's checklist),
    all in the caller's one transaction: their readiness starts where they are, not at 0 %."""
    from planner.services.skills import set_level

    update_profile(
        session, display_name=display_name, current_role=current_role or None, plan_start=plan_start
    )
    set_targets(session, {"learning": weekly_goal})
    for name, level in (skills_held or {}).items():
        if level:
            set_level(session, name, level, today or plan_start)
    set_target_role(session, target_role, plan_start)


def demo_file_beside(path: Path, today: dt.date) -> Path:
    """A demo data file next to the person's own (created and filled once)."""
    from planner.services import demo  # only here: every start checks `needs_onboarding`
    from planner.storage.engine import open_database

    target = path.with_name("demo.sqlite3")
    database = open_database(target)
    try:
        with database.session() as session:
            if not has_user_data(session):
                demo.fill(session, today)
    finally:
        database.close()
    return target
