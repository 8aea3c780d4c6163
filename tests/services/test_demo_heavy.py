"""The ten-year profile the benchmark measures: the sizes issue 5 names, and data that hangs
together (sessions only on started activities, nothing in the future)."""

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
from planner.services import demo

TODAY = dt.date.today()


@pytest.fixture(scope="module")
def heavy(tmp_path_factory, fresh_template):
    import shutil

    from planner.storage.engine import open_database

    path = tmp_path_factory.mktemp("heavy") / "heavy.sqlite3"
    shutil.copyfile(fresh_template, path)
    database = open_database(path)
    with database.session() as s:
        demo.fill(s, TODAY, 10)
    yield database
    database.close()


def count(session, table) -> int:
    return session.scalar(select(func.count()).select_from(table))


def test_ten_years_have_the_sizes_the_benchmark_promises(heavy) -> None:
    with heavy.session() as s:
        assert 28_000 <= count(s, LearningSession) <= 32_000
        assert count(s, LearningActivity) == 600
        assert count(s, UserSkill) == 300
        assert count(s, Contact) == 2000
        assert count(s, Interaction) == 15_000
        assert count(s, Milestone) == 200
        weeks = s.scalar(select(func.count(func.distinct(WeekHours.week_start))))
        assert 519 <= weeks <= 522


def test_every_skill_level_has_its_history(heavy) -> None:
    with heavy.session() as s:
        unassessed = s.scalar(
            select(func.count())
            .select_from(UserSkill)
            .where(~UserSkill.skill_id.in_(select(SkillAssessment.skill_id)))
        )
        assert unassessed == 0
        assert count(s, SkillAssessment) > count(s, UserSkill)


def test_sessions_fall_on_started_activities_and_never_in_the_future(heavy) -> None:
    with heavy.session() as s:
        early = s.scalar(
            select(func.count())
            .select_from(LearningSession)
            .join(LearningActivity, LearningActivity.id == LearningSession.activity_id)
            .where(
                (LearningActivity.start_date.is_(None))
                | (LearningSession.date < LearningActivity.start_date)
            )
        )
        assert early == 0
        assert s.scalar(select(func.max(LearningSession.date))) <= TODAY
        assert s.scalar(select(func.max(Interaction.date))) <= TODAY


def test_the_two_year_demo_stays_the_hand_shaped_one(db) -> None:
    with db.session() as s:
        summary = demo.fill(s, TODAY)
    with db.session() as s:
        assert count(s, LearningActivity) == len(demo.ACTIVITIES)
    assert "learning sessions" in summary
