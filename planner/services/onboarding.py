"""First run: who the person is and where they are heading, written as one action."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session

from planner.services import balance, skills
from planner.services.first_run import has_user_data
from planner.services.first_run import needs_onboarding as needs_onboarding
from planner.services.profile import set_target_role, update_profile
from planner.storage.engine import open_database


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
    update_profile(
        session, display_name=display_name, current_role=current_role or None, plan_start=plan_start
    )
    balance.set_targets(session, {"learning": weekly_goal})
    for name, level in (skills_held or {}).items():
        if level:
            skills.set_level(session, name, level, today or plan_start)
    set_target_role(session, target_role, plan_start)


def demo_file_beside(path: Path, today: dt.date) -> Path:
    """A demo data file next to the person's own (created and filled once)."""
    from planner.services import demo  # only here: every start checks `needs_onboarding`

    target = path.with_name("demo.sqlite3")
    database = open_database(target)
    try:
        with database.session() as session:
            if not has_user_data(session):
                demo.fill(session, today)
    finally:
        database.close()
    return target
