"""Role readiness and the ready-date forecast, on roles and skills each test builds itself.

DESIGN.md: each required skill counts by importance (essential 3, important 2, useful 1) times
min(level / required level, 1). The forecast turns missing level steps into hours (steps x the
skill's hours per level, 20 by default) and divides by the pace of the last 8 weeks, measured
only since the first log or the plan start (see test_forecast_first_weeks.py for the newcomer's
cases).
"""

from __future__ import annotations

import datetime as dt

import pytest

from planner.models import Role, RoleSkill
from planner.services import readiness, skills
from planner.services.errors import InputError
from planner.services.learning import log_session
from planner.services.profile import set_target_role, update_profile

TODAY = dt.date(2026, 3, 11)


def make_role(db, slug: str, requirements: list[tuple[str, str, int]]) -> None:
    """A user role asking for (skill, importance, required level); missing skills are created."""
    with db.session() as s:
        role = Role(
            slug=slug, title=slug.replace("-", " ").title(), track="technical", source="user"
        )
        s.add(role)
        for name, importance, required in requirements:
            try:
                skill = skills.find_skill(s, name)
            except InputError:
                skill = skills.add_skill(s, name)
            role.skills.append(
                RoleSkill(skill_id=skill.id, importance=importance, required_level=required)
            )


def set_levels(db, levels: dict[str, int | str]) -> None:
    with db.session() as s:
        for name, level in levels.items():
            skills.set_level(s, name, level, TODAY)


def target(db, slug: str) -> None:
    with db.session() as s:
        set_target_role(s, slug, TODAY)


def log(db, *sessions: tuple[dt.date, float]) -> None:
    with db.session() as s:
        for day, hours in sessions:
            log_session(s, hours, day)


def get_readiness(db, slug: str | None = None) -> readiness.Readiness:
    with db.session() as s:
        return readiness.readiness(s, slug)


def get_forecast(db, weekly_hours: float | None = None) -> readiness.Forecast:
    with db.session() as s:
        return readiness.forecast(s, TODAY, weekly_hours)


# Four skills: essential req 3 at level 2, important req 2 at level 4 (above), useful req 1 at
# level 0 (never set), essential req 4 at level 1.
MIXED = [
    ("Tskill Alpha", "essential", 3),
    ("Tskill Beta", "important", 2),
    ("Tskill Gamma", "useful", 1),
    ("Tskill Delta", "essential", 4),
]


@pytest.fixture
def mixed(db):
    make_role(db, "test-role", MIXED)
    set_levels(db, {"Tskill Alpha": 2, "Tskill Beta": 4, "Tskill Delta": 1})
    target(db, "test-role")
    return db


# --- readiness score ---------------------------------------------------------------------------


def test_score_weights_importance_and_caps_each_skill_at_one(mixed) -> None:
    result = get_readiness(mixed)
    # earned: Alpha 3 x 2/3 = 2, Beta 2 x min(4/2, 1) = 2, Gamma 1 x 0 = 0, Delta 3 x 1/4 = 0.75
    # total weight: 3 + 2 + 1 + 3 = 9
    assert result.score == pytest.approx(4.75 / 9)
    assert (result.role, result.role_title) == ("test-role", "Test Role")
    assert (result.skills_total, result.skills_met) == (4, 1)


def test_gaps_list_only_skills_below_their_level_essential_first(mixed) -> None:
    gaps = get_readiness(mixed).gaps
    assert [g.importance for g in gaps] == ["essential", "essential", "useful"]
    assert {g.skill for g in gaps} == {"Tskill Alpha", "Tskill Delta", "Tskill Gamma"}
    by_name = {g.skill: (g.level, g.required_level) for g in gaps}
    assert by_name == {"Tskill Alpha": (2, 3), "Tskill Delta": (1, 4), "Tskill Gamma": (0, 1)}


def test_a_level_above_required_counts_as_one_not_more(db) -> None:
    make_role(db, "over-role", [("Tskill Over", "essential", 2), ("Tskill Under", "useful", 2)])
    set_levels(db, {"Tskill Over": 5})
    # 3 x min(5/2, 1) + 1 x 0 over a weight of 4; uncapped would be 7.5 / 4
    result = get_readiness(db, "over-role")
    assert result.score == pytest.approx(3 / 4)
    assert [g.skill for g in result.gaps] == ["Tskill Under"]


def test_every_skill_at_its_level_is_fully_ready(db) -> None:
    make_role(db, "done-role", [("Tskill One", "essential", 3), ("Tskill Two", "important", 2)])
    set_levels(db, {"Tskill One": 3, "Tskill Two": "working"})  # working = 3
    result = get_readiness(db, "done-role")
    assert result.score == 1.0
    assert result.gaps == ()
    assert result.remaining_hours == 0


def test_levels_raised_later_raise_the_score(db) -> None:
    make_role(db, "grow-role", [("Tskill Grow", "important", 4)])
    set_levels(db, {"Tskill Grow": 1})
    assert get_readiness(db, "grow-role").score == pytest.approx(1 / 4)
    set_levels(db, {"Tskill Grow": 3})
    assert get_readiness(db, "grow-role").score == pytest.approx(3 / 4)


def test_readiness_without_a_target_is_zero_with_no_role(db) -> None:
    result = get_readiness(db)
    assert (result.role, result.role_title, result.score) == (None, None, 0.0)
    assert result.gaps == ()


def test_readiness_defaults_to_the_target_role(mixed) -> None:
    assert get_readiness(mixed) == get_readiness(mixed, "test-role")


# --- forecast ----------------------------------------------------------------------------------


@pytest.fixture
def gap_of_40h(db):
    """A target role missing two level steps of one skill: 2 x 20 h = 40 h to go."""
    make_role(db, "fc-role", [("Tskill Fc", "essential", 3)])
    set_levels(db, {"Tskill Fc": 1})
    target(db, "fc-role")
    with db.session() as s:  # a plan that began well before the pace's eight weeks
        update_profile(s, plan_start=TODAY - dt.timedelta(weeks=12))
    return db


def test_remaining_hours_are_missing_steps_times_default_hours_per_level(gap_of_40h) -> None:
    assert get_readiness(gap_of_40h).remaining_hours == 40.0
    assert get_forecast(gap_of_40h, weekly_hours=5).remaining_hours == 40.0


def test_remaining_hours_follow_an_edited_hours_per_level(gap_of_40h) -> None:
    with gap_of_40h.session() as s:
        skills.set_hours_per_level(s, "Tskill Fc", 35)
    assert get_forecast(gap_of_40h, weekly_hours=5).remaining_hours == 2 * 35.0


def test_remaining_hours_sum_over_every_gap(db) -> None:
    make_role(db, "sum-role", [("Tskill S1", "essential", 3), ("Tskill S2", "useful", 2)])
    with db.session() as s:
        skills.add_skill(s, "Tskill S3", hours_per_level=50)
    make_role(db, "sum-role-2", [("Tskill S3", "important", 2)])
    # sum-role: S1 3 steps x 20 + S2 2 steps x 20 = 100 h
    assert get_readiness(db, "sum-role").remaining_hours == 100.0
    # sum-role-2: S3 2 steps x 50 = 100 h
    assert get_readiness(db, "sum-role-2").remaining_hours == 100.0


def test_pace_is_the_last_eight_weeks_hours_divided_by_eight(gap_of_40h) -> None:
    """16 h over the 56 days ending today: 2 h/week; 40 h / 2 = 20 weeks = 140 days."""
    log(
        gap_of_40h,
        (TODAY, 4.0),
        (TODAY - dt.timedelta(days=20), 6.0),
        (TODAY - dt.timedelta(days=55), 6.0),  # first day of the 8-week window
        (TODAY - dt.timedelta(days=56), 9.0),  # one day too old
        (TODAY + dt.timedelta(days=1), 9.0),  # not yet happened
    )
    result = get_forecast(gap_of_40h)
    assert result.recent_weekly_hours == 2.0
    assert result.weekly_hours == 2.0
    assert result.weeks_needed == 20.0
    assert result.ready_on == TODAY + dt.timedelta(days=140)


def test_ready_date_rounds_partial_days_up(gap_of_40h) -> None:
    """24 h in 8 weeks = 3 h/week; 40 / 3 weeks = 93.33 days, so ready on day 94."""
    log(gap_of_40h, (TODAY - dt.timedelta(days=1), 12.0), (TODAY - dt.timedelta(days=55), 12.0))
    result = get_forecast(gap_of_40h)
    assert result.weekly_hours == 3.0
    assert result.weeks_needed == pytest.approx(40 / 3)
    assert result.ready_on == dt.date(2026, 6, 13)  # 2026-03-11 + 94 days


def test_what_if_pace_replaces_the_recent_pace(gap_of_40h) -> None:
    log(gap_of_40h, (TODAY - dt.timedelta(days=55), 8.0))  # recent pace 1 h/week
    result = get_forecast(gap_of_40h, weekly_hours=5)
    assert result.recent_weekly_hours == 1.0
    assert (result.weekly_hours, result.basis) == (5, "what-if")
    assert result.weeks_needed == 8.0
    assert result.ready_on == TODAY + dt.timedelta(days=56)


def test_what_if_pace_works_with_nothing_logged(gap_of_40h) -> None:
    result = get_forecast(gap_of_40h, weekly_hours=10)
    assert result.ready_on == TODAY + dt.timedelta(days=28)


@pytest.mark.parametrize("pace", [0, -2, 168.5])
def test_what_if_pace_must_be_positive_and_at_most_a_week(gap_of_40h, pace) -> None:
    with gap_of_40h.session() as s, pytest.raises(InputError):
        readiness.forecast(s, TODAY, pace)


def test_nothing_logged_in_eight_weeks_falls_back_to_the_weekly_goal(gap_of_40h) -> None:
    log(gap_of_40h, (TODAY - dt.timedelta(days=60), 10.0))  # older than the window
    result = get_forecast(gap_of_40h)
    assert "no learning logged in the last 8 weeks" in result.message
    assert (result.basis, result.weekly_hours) == ("goal", 5.0)  # the default weekly goal
    assert result.ready_on == TODAY + dt.timedelta(weeks=8)  # 40 h at 5 h a week
    assert result.remaining_hours == 40.0
    assert result.recent_weekly_hours == 0.0


def test_ready_today_when_there_is_no_gap(db) -> None:
    make_role(db, "met-role", [("Tskill Met", "essential", 2)])
    set_levels(db, {"Tskill Met": 2})
    target(db, "met-role")
    result = get_forecast(db)  # nothing logged: no pace needed when nothing is missing
    assert result.ready_on == TODAY
    assert result.remaining_hours == 0
    assert result.weeks_needed == 0


def test_no_target_role_means_no_ready_date(db) -> None:
    log(db, (TODAY, 5.0))
    result = get_forecast(db)
    assert result.ready_on is None
    assert result.weeks_needed is None
