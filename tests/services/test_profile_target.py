"""Choosing a target role lays out one milestone per phase of its learning path.

DESIGN.md: phases are month windows counted from the plan start; a phase's milestone is due at
the plan start + its latest month (an open-ended phase has no due date).
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from planner.models import Milestone, Role, RolePhase
from planner.services import profile, roadmap
from planner.services.errors import InputError

# The last day of January, so month arithmetic has to clamp (31 Jan + 1 month = 28 Feb).
START = dt.date(2026, 1, 31)


def make_role(db, slug: str, phases: list[tuple[str, int, int | None]]) -> None:
    """A user role with phases given as (name, earliest month, latest month or None)."""
    with db.session() as s:
        s.add(
            Role(
                slug=slug,
                title=slug.replace("-", " ").title(),
                track="technical",
                source="user",
                phases=[
                    RolePhase(order=i, name=name, earliest_month=first, latest_month=last)
                    for i, (name, first, last) in enumerate(phases, start=1)
                ],
            )
        )


def choose(db, slug: str, today: dt.date = START) -> profile.TargetChange:
    with db.session() as s:
        return profile.set_target_role(s, slug, today)


def phase_milestones(db) -> dict[tuple[str, str], tuple[dt.date | None, dt.date | None]]:
    """Phase milestones as {(role slug, phase name): (due, done)}."""
    with db.session() as s:
        rows = s.execute(
            select(Role.slug, RolePhase.name, Milestone.due_on, Milestone.done_on)
            .join(RolePhase, RolePhase.id == Milestone.role_phase_id)
            .join(Role, Role.id == RolePhase.role_id)
            .where(Milestone.kind == "phase")
        ).all()
        count = s.scalar(select(func.count()).where(Milestone.kind == "phase"))
    assert count == len(rows), "every phase milestone points at a phase"
    return {(slug, phase): (due, done) for slug, phase, due, done in rows}


def complete(db, slug: str, phase: str, on: dt.date) -> None:
    with db.session() as s:
        milestone_id = s.scalar(
            select(Milestone.id)
            .join(RolePhase, RolePhase.id == Milestone.role_phase_id)
            .join(Role, Role.id == RolePhase.role_id)
            .where(Role.slug == slug, RolePhase.name == phase)
        )
        roadmap.set_done(s, milestone_id, on)


@pytest.fixture
def roles(db):
    make_role(db, "role-a", [("Foundation", 0, 1), ("Core", 3, 6), ("Mastery", 12, None)])
    make_role(db, "role-b", [("Basics", 0, 2), ("Advanced", 2, 12)])
    return db


def test_target_role_gets_one_milestone_per_phase_due_at_its_latest_month(roles) -> None:
    change = choose(roles, "role-a")
    assert (change.role, change.title, change.milestones_added) == ("role-a", "Role A", 3)
    assert phase_milestones(roles) == {
        ("role-a", "Foundation"): (dt.date(2026, 2, 28), None),  # 31 Jan + 1 month, clamped
        ("role-a", "Core"): (dt.date(2026, 7, 31), None),  # 31 Jan + 6 months
        ("role-a", "Mastery"): (None, None),  # open-ended: no due date
    }


def test_phase_milestones_are_named_after_the_role_and_phase(roles) -> None:
    choose(roles, "role-b")
    with roles.session() as s:
        titles = [m.title for m in roadmap.milestones(s)]
    assert len(titles) == 2
    assert all("Role B" in t for t in titles)
    assert any("Basics" in t for t in titles) and any("Advanced" in t for t in titles)


def test_the_plan_starts_on_the_day_the_first_target_is_chosen(roles) -> None:
    choose(roles, "role-a", today=START)
    with roles.session() as s:
        info = profile.profile_info(s)
    assert (info.target_role, info.target_role_title, info.plan_start) == (
        "role-a",
        "Role A",
        START,
    )


def test_an_existing_plan_start_is_kept(roles) -> None:
    with roles.session() as s:
        profile.update_profile(s, plan_start=dt.date(2025, 11, 30))
    choose(roles, "role-b", today=START)
    assert phase_milestones(roles) == {
        ("role-b", "Basics"): (dt.date(2026, 1, 30), None),  # 30 Nov + 2 months
        ("role-b", "Advanced"): (dt.date(2026, 11, 30), None),  # 30 Nov + 12 months
    }


def test_choosing_the_same_role_twice_adds_nothing(roles) -> None:
    choose(roles, "role-a")
    first = phase_milestones(roles)
    again = choose(roles, "role-a", today=START + dt.timedelta(days=40))
    assert (again.milestones_added, again.milestones_removed) == (0, 0)
    assert phase_milestones(roles) == first


def test_switching_role_drops_open_phase_milestones_and_keeps_done_ones(roles) -> None:
    choose(roles, "role-a")
    complete(roles, "role-a", "Foundation", dt.date(2026, 2, 20))
    change = choose(roles, "role-b")
    assert (change.milestones_added, change.milestones_removed) == (2, 2)
    assert phase_milestones(roles) == {
        ("role-a", "Foundation"): (dt.date(2026, 2, 28), dt.date(2026, 2, 20)),
        ("role-b", "Basics"): (dt.date(2026, 3, 31), None),  # 31 Jan + 2 months
        ("role-b", "Advanced"): (dt.date(2027, 1, 31), None),  # 31 Jan + 12 months
    }
    with roles.session() as s:
        assert profile.profile_info(s).target_role == "role-b"


def test_switching_role_keeps_the_persons_own_milestones(roles) -> None:
    choose(roles, "role-a")
    with roles.session() as s:
        roadmap.save_milestone(s, "Give a talk", kind="custom", due_on=dt.date(2026, 5, 1))
    choose(roles, "role-b")
    with roles.session() as s:
        assert "Give a talk" in {m.title for m in roadmap.milestones(s)}


def test_switching_to_a_role_without_phases_still_drops_open_phase_milestones(roles) -> None:
    make_role(roles, "role-empty", [])
    choose(roles, "role-a")
    change = choose(roles, "role-empty")
    assert (change.milestones_added, change.milestones_removed) == (0, 3)
    assert phase_milestones(roles) == {}


def test_switching_back_lays_the_open_phases_out_again(roles) -> None:
    choose(roles, "role-a")
    complete(roles, "role-a", "Foundation", dt.date(2026, 2, 20))
    choose(roles, "role-b")
    change = choose(roles, "role-a")
    assert change.milestones_added == 2  # Core and Mastery; Foundation is already done
    assert set(phase_milestones(roles)) == {
        ("role-a", "Foundation"),
        ("role-a", "Core"),
        ("role-a", "Mastery"),
    }


def test_moving_the_plan_start_reschedules_open_phase_milestones(roles) -> None:
    choose(roles, "role-a")
    complete(roles, "role-a", "Foundation", dt.date(2026, 2, 27))
    with roles.session() as s:
        profile.update_profile(s, plan_start=dt.date(2026, 4, 15))
    assert phase_milestones(roles) == {
        ("role-a", "Foundation"): (dt.date(2026, 2, 28), dt.date(2026, 2, 27)),  # done: kept
        ("role-a", "Core"): (dt.date(2026, 10, 15), None),  # 15 Apr + 6 months
        ("role-a", "Mastery"): (None, None),
    }


def test_an_unknown_role_is_refused_and_nothing_is_laid_out(roles) -> None:
    with pytest.raises(InputError, match="role-a"), roles.session() as s:
        profile.set_target_role(s, "role-aa", START)
    assert phase_milestones(roles) == {}
    with roles.session() as s:
        assert profile.profile_info(s).target_role is None


def test_a_role_is_found_by_its_title_in_any_case(roles) -> None:
    assert choose(roles, "ROLE b").role == "role-b"
