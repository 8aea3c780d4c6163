"""The queries the Roadmap and Skills pages need: readiness over time from the level history,
the plan laid out on dates, role comparison, every role skill with levels, adding a skill to
track, and undoing a milestone deletion. Each test builds its own data on a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.models import Role, RolePhase, RoleSkill
from planner.services import readiness, roadmap, roles, skills
from planner.services.errors import InputError
from planner.services.profile import set_target_role
from planner.storage import undo as row_undo

TODAY = dt.date(2026, 4, 10)


def make_role(db, slug: str, requirements, phases=()) -> None:
    """A user role asking for (skill, importance, required level), with (name, from, to) phases."""
    with db.session() as s:
        role = Role(
            slug=slug, title=slug.replace("-", " ").title(), track="technical", source="user"
        )
        s.add(role)
        for order, (name, first, last) in enumerate(phases, start=1):
            role.phases.append(
                RolePhase(order=order, name=name, earliest_month=first, latest_month=last)
            )
        for name, importance, required in requirements:
            try:
                skill = skills.find_skill(s, name)
            except InputError:
                skill = skills.add_skill(s, name)
            role.skills.append(
                RoleSkill(skill_id=skill.id, importance=importance, required_level=required)
            )


def assess(db, *changes: tuple[str, int, dt.date]) -> None:
    with db.session() as s:
        for name, level, on in changes:
            skills.set_level(s, name, level, on)


def history(
    db, slug: str | None = None, today: dt.date = TODAY, **kw
) -> list[readiness.ReadinessPoint]:
    with db.session() as s:
        return readiness.readiness_history(s, today, slug, **kw)


# --- readiness over time -----------------------------------------------------------------------


@pytest.fixture
def two_skills(db):
    """Essential A needs 3 (weight 3), useful B needs 1 (weight 1): total weight 4."""
    make_role(db, "hist-role", [("Hskill A", "essential", 3), ("Hskill B", "useful", 1)])
    with db.session() as s:
        set_target_role(s, "hist-role", dt.date(2026, 1, 1))
    return db


def test_readiness_is_computed_at_each_month_end_then_today(two_skills) -> None:
    assess(
        two_skills,
        ("Hskill A", 1, dt.date(2026, 1, 10)),
        ("Hskill A", 3, dt.date(2026, 2, 28)),  # on the month end itself: counts for February
        ("Hskill B", 1, dt.date(2026, 3, 5)),
    )
    points = history(two_skills)
    assert [p.on for p in points] == [
        dt.date(2026, 1, 31),
        dt.date(2026, 2, 28),
        dt.date(2026, 3, 31),
        TODAY,
    ]
    # January: A at 1 of 3 -> 3 x 1/3 = 1 of 4. February: A met -> 3 of 4. March on: all met.
    assert [p.score for p in points] == pytest.approx([0.25, 0.75, 1.0, 1.0])
    assert [p.skills_met for p in points] == [0, 1, 2, 2]
    assert {p.skills_total for p in points} == {2}


def test_the_level_on_a_day_is_the_latest_assessment_on_or_before_it(two_skills) -> None:
    assess(
        two_skills,
        ("Hskill A", 3, dt.date(2026, 2, 3)),
        ("Hskill A", 0, dt.date(2026, 2, 20)),  # fell back within the month: February ends at 0
        ("Hskill A", 2, dt.date(2026, 3, 31)),
        ("Hskill A", 3, dt.date(2026, 4, 11)),  # after today: not counted yet
    )
    points = history(two_skills)
    assert [p.on for p in points] == [dt.date(2026, 2, 28), dt.date(2026, 3, 31), TODAY]
    assert [p.score for p in points] == pytest.approx([0.0, 2 / 4, 2 / 4])


def test_todays_point_matches_the_readiness_score(two_skills) -> None:
    assess(two_skills, ("Hskill A", 2, dt.date(2026, 3, 1)), ("Hskill B", 4, dt.date(2026, 3, 2)))
    with two_skills.session() as s:
        now = readiness.readiness(s)
    assert history(two_skills)[-1].score == pytest.approx(now.score)
    assert history(two_skills)[-1].skills_met == now.skills_met


def test_skills_outside_the_role_do_not_count(two_skills) -> None:
    with two_skills.session() as s:
        skills.add_skill(s, "Hskill Other")
    assess(two_skills, ("Hskill Other", 5, dt.date(2026, 1, 5)))
    assert history(two_skills) == []  # no level history for the role's own skills yet
    assess(two_skills, ("Hskill B", 1, dt.date(2026, 3, 15)))
    assert [p.score for p in history(two_skills)] == pytest.approx([0.25, 0.25])


def test_the_series_keeps_only_the_latest_months(two_skills) -> None:
    assess(two_skills, ("Hskill A", 3, dt.date(2020, 1, 15)))
    points = history(two_skills, months=12)
    assert len(points) == 13
    assert points[0].on == dt.date(2025, 4, 30)  # twelve month ends before today, then today
    assert points[-1].on == TODAY


def test_no_target_role_or_unknown_role_gives_an_empty_series(db) -> None:
    assert history(db) == []
    assert history(db, "no-such-role") == []


def test_month_ends_clamp_to_each_months_length() -> None:
    ends = readiness.month_ends(dt.date(2024, 1, 31), dt.date(2024, 3, 1))
    assert ends == [dt.date(2024, 1, 31), dt.date(2024, 2, 29), dt.date(2024, 3, 1)]
    assert readiness.month_ends(dt.date(2024, 3, 1), dt.date(2024, 3, 1)) == [dt.date(2024, 3, 1)]


# --- plan timeline -----------------------------------------------------------------------------


def test_plan_timeline_dates_each_phase_from_the_plan_start(db) -> None:
    make_role(
        db,
        "tl-role",
        [("Tskill T", "essential", 2)],
        [("Start", 0, 3), ("Grow", 3, 9), ("Lead", 9, None)],
    )
    with db.session() as s:
        set_target_role(s, "tl-role", dt.date(2026, 1, 15))
        first = next(m for m in roadmap.milestones(s) if m.title.endswith("Start"))
        roadmap.set_done(s, first.id, dt.date(2026, 4, 1))
        roadmap.save_milestone(s, "Undated", kind="custom")
        timeline = readiness.plan_timeline(s, TODAY)
    assert timeline.role_title == "Tl Role"
    assert timeline.plan_start == dt.date(2026, 1, 15)
    assert [(p.name, p.start, p.end, p.done) for p in timeline.phases] == [
        ("Start", dt.date(2026, 1, 15), dt.date(2026, 4, 15), True),
        ("Grow", dt.date(2026, 4, 15), dt.date(2026, 10, 15), False),
        ("Lead", dt.date(2026, 10, 15), None, False),
    ]
    # Phase milestones with a due date (the open-ended one has none); the undated one is left out.
    assert [m.title for m in timeline.milestones] == ["Tl Role: Start", "Tl Role: Grow"]


def test_plan_timeline_without_a_target_lists_only_dated_milestones(db) -> None:
    with db.session() as s:
        roadmap.save_milestone(s, "Talk", kind="networking", due_on=dt.date(2026, 5, 1))
        timeline = readiness.plan_timeline(s, TODAY)
    assert (timeline.role_title, timeline.phases) == (None, ())
    assert [m.title for m in timeline.milestones] == ["Talk"]
    assert not timeline.is_empty


# --- compare, skill levels, adding skills, milestone undo --------------------------------------


def test_compare_roles_marks_shared_skills_most_important_first(db) -> None:
    make_role(db, "cmp-a", [("Cskill Shared", "important", 2), ("Cskill OnlyA", "essential", 3)])
    make_role(db, "cmp-b", [("Cskill Shared", "essential", 4), ("Cskill OnlyB", "useful", 1)])
    with db.session() as s:
        result = roles.compare_roles(s, ["cmp-a", "cmp-b"])
    assert [r.slug for r in result.roles] == ["cmp-a", "cmp-b"]
    rows = {r.skill: r for r in result.skills}
    assert rows["Cskill Shared"].importance == ("important", "essential")
    assert rows["Cskill Shared"].required_level == (2, 4)
    assert rows["Cskill Shared"].shared == 2
    assert rows["Cskill OnlyB"].importance == (None, "useful")
    # Essential somewhere first; among those the shared one first.
    assert [r.skill for r in result.skills] == ["Cskill Shared", "Cskill OnlyA", "Cskill OnlyB"]


@pytest.mark.parametrize("keys", [[], ["a", "b", "c", "d"]])
def test_compare_roles_takes_one_to_three_roles(db, keys) -> None:
    with db.session() as s, pytest.raises(InputError, match="compare 1 to 3 roles"):
        roles.compare_roles(s, keys)


def test_compare_roles_refuses_the_same_role_twice(db) -> None:
    with db.session() as s, pytest.raises(InputError, match="same role"):
        roles.compare_roles(s, ["data-analyst", "Data Analyst"])


def test_skill_levels_lists_met_and_unmet_skills_of_the_target(two_skills) -> None:
    assess(two_skills, ("Hskill B", 2, TODAY))
    with two_skills.session() as s:
        items = readiness.skill_levels(s)
        gaps = readiness.readiness(s).gaps
    assert [(i.skill, i.level, i.required_level) for i in items] == [
        ("Hskill A", 0, 3),
        ("Hskill B", 2, 1),
    ]
    assert [g.skill for g in gaps] == ["Hskill A"]


def test_add_my_skill_tracks_a_catalog_skill_once(db) -> None:
    with db.session() as s:
        change = skills.add_my_skill(s, "Docker", 2, TODAY)
    assert (change.name, change.after) == ("Docker", 2)
    with db.session() as s, pytest.raises(InputError, match="already track"):
        skills.add_my_skill(s, "docker", 3, TODAY)
    with db.session() as s:
        assert skills.level_history(s, "Docker") == [(TODAY, 2)]


def test_add_my_skill_custom_refuses_any_existing_name_and_writes_nothing(db) -> None:
    with db.session() as s:
        skills.add_my_skill(
            s, "Prompt craft", 1, TODAY, custom=True, category="GenAI", hours_per_level=12
        )
    with db.session() as s, pytest.raises(InputError, match="already a skill"):
        skills.add_my_skill(s, "python", 1, TODAY, custom=True)
    with db.session() as s:
        row = next(r for r in skills.list_skills(s) if r.name == "Prompt craft")
        assert (row.category, row.hours_per_level, row.level, row.source) == (
            "GenAI",
            12.0,
            1,
            "user",
        )
        assert not any(r.updated_on for r in skills.list_skills(s) if r.name == "Python")


def test_a_deleted_milestone_comes_back_with_its_phase_dates_and_skills(db) -> None:
    make_role(db, "undo-role", [("Uskill", "essential", 2)], [("Only", 0, 6)])
    with db.session() as s:
        set_target_role(s, "undo-role", dt.date(2026, 1, 1))
        (phase,) = roadmap.milestones(s)
        roadmap.save_milestone(
            s,
            phase.title,
            kind="phase",
            due_on=phase.due_on,
            skills=("Uskill",),
            milestone_id=phase.id,
        )
        roadmap.set_done(s, phase.id, dt.date(2026, 3, 3))
        before = roadmap.milestones(s)[0]
    with db.session() as s:  # as the window deletes it: recording how to undo it
        row_undo.start(s.connection())
        roadmap.delete_milestone(s, before.id)
        s.flush()
        undo = row_undo.recorded(s.connection())
        assert roadmap.milestones(s) == []
    with db.session() as s:
        row_undo.replay(s.connection(), undo)
        (back,) = roadmap.milestones(s)
    assert back == before
    # Choosing the same role again sees the phase as present: nothing is added twice.
    with db.session() as s:
        assert set_target_role(s, "undo-role", TODAY).milestones_added == 0
