"""The demo profile: a full, plausible file for newcomers, written only into an empty file."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from planner.models import (
    Contact,
    Interaction,
    LearningActivity,
    LearningSession,
    Milestone,
    SkillAssessment,
    UserSkill,
    WeekHours,
)
from planner.services import balance, demo, profile, readiness
from planner.services.errors import InputError

TODAY = dt.date.today()
TABLES = (
    LearningSession,
    LearningActivity,
    Contact,
    Interaction,
    Milestone,
    WeekHours,
    UserSkill,
    SkillAssessment,
)


def counts(db) -> dict[str, int]:
    with db.session() as s:
        return {t.__name__: s.scalar(select(func.count()).select_from(t)) for t in TABLES}


def test_fill_writes_a_whole_profile_into_a_fresh_file(db) -> None:
    assert set(counts(db).values()) == {0}
    with db.session() as s:
        demo.fill(s, TODAY)
    assert all(n > 0 for n in counts(db).values()), counts(db)
    with db.session() as s:
        info = profile.profile_info(s)
        assert info.target_role is not None
        assert info.plan_start is not None and info.plan_start < TODAY
        assert profile.has_user_data(s)


def test_fill_lays_out_the_target_roles_phase_milestones(db) -> None:
    with db.session() as s:
        demo.fill(s, TODAY)
    with db.session() as s:
        phases = s.scalar(select(func.count()).where(Milestone.kind == "phase"))
        others = s.scalar(select(func.count()).where(Milestone.kind != "phase"))
    assert phases > 0
    assert others > 0


def test_fill_a_second_time_is_refused_and_writes_nothing_more(db) -> None:
    with db.session() as s:
        demo.fill(s, TODAY)
    before = counts(db)
    with db.session() as s, pytest.raises(InputError):
        demo.fill(s, TODAY)
    assert counts(db) == before


def test_fill_refuses_a_file_with_the_persons_own_data(db) -> None:
    with db.session() as s:
        balance.set_week_hours(s, TODAY, {"work": 40})
    with pytest.raises(InputError), db.session() as s:
        demo.fill(s, TODAY)
    assert counts(db) == {**{t.__name__: 0 for t in TABLES}, "WeekHours": 1}


def test_every_week_of_the_demo_has_typed_hours(demo_db) -> None:
    with demo_db.session() as s:
        start = profile.profile_info(s).plan_start
        mondays = set(s.scalars(select(WeekHours.week_start)))
    assert start is not None
    first = start - dt.timedelta(days=start.weekday())
    last = TODAY - dt.timedelta(days=TODAY.weekday())
    expected = {first + dt.timedelta(weeks=n) for n in range((last - first).days // 7 + 1)}
    assert mondays == expected


def test_the_demo_ends_in_a_work_crunch_with_a_burnout_warning(demo_db) -> None:
    """The last three weeks of the demo have work well over the 48 h limit."""
    with demo_db.session() as s:
        week = balance.week_balance(s, TODAY, TODAY)
    assert week.category("work").status == "over"
    assert week.burnout_risk is True


def test_the_demo_has_a_recent_pace_for_the_forecast(demo_db) -> None:
    """Readiness is measured against the demo's target role, and the forecast has a pace."""
    with demo_db.session() as s:
        target = profile.profile_info(s).target_role
        ready = readiness.readiness(s)
        forecast = readiness.forecast(s, TODAY, gap=ready)
    assert ready.role == target is not None
    assert 0 <= ready.score <= 1
    assert forecast.recent_weekly_hours > 0
    if ready.gaps:
        assert forecast.ready_on is not None and forecast.ready_on > TODAY
    else:
        assert forecast.ready_on == TODAY
