"""The data file itself refuses what no screen should be able to write."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from planner.models import (
    Contact,
    Interaction,
    LearningActivity,
    LearningSession,
    Skill,
    SkillAssessment,
    UserSkill,
    WeekHours,
)

DAY = dt.date(2026, 11, 18)


def add(db, *rows) -> None:
    with db.session() as s:
        s.add_all(rows)


@pytest.mark.parametrize("hours", [0, -1, 24.01, 100])
def test_session_hours_outside_0_to_24_are_refused(db, hours) -> None:
    with pytest.raises(IntegrityError):
        add(db, LearningSession(date=DAY, hours=hours))


@pytest.mark.parametrize("hours", [0.25, 24])
def test_session_hours_inside_the_range_are_kept(db, hours) -> None:
    add(db, LearningSession(date=DAY, hours=hours))
    with db.session() as s:
        assert s.scalar(select(LearningSession.hours)) == hours


@pytest.mark.parametrize("level", [-1, 6])
def test_skill_levels_outside_0_to_5_are_refused(db, level) -> None:
    add(db, Skill(name="Zig", category="Programming"))
    with db.session() as s:
        skill_id = s.scalar(select(Skill.id).where(Skill.name == "Zig"))
    with pytest.raises(IntegrityError):
        add(db, UserSkill(skill_id=skill_id, level=level, updated_on=DAY))
    with pytest.raises(IntegrityError):
        add(db, SkillAssessment(skill_id=skill_id, level=level, assessed_on=DAY))


@pytest.mark.parametrize(
    ("model", "field"),
    [(Skill, "name"), (LearningActivity, "title"), (Contact, "name")],
)
def test_names_are_unique_without_regard_to_case(db, model, field) -> None:
    add(db, model(**{field: "Deep Work Club"}))
    with pytest.raises(IntegrityError):
        add(db, model(**{field: "deep WORK club"}))


def test_foreign_keys_are_enforced(db) -> None:
    with pytest.raises(IntegrityError):
        add(db, Interaction(contact_id=9999, date=DAY))


def test_deleting_an_activity_keeps_its_sessions_hours(db) -> None:
    add(db, LearningActivity(title="Fast.ai"))
    with db.session() as s:
        activity = s.scalar(select(LearningActivity))
        s.add_all(LearningSession(date=DAY, hours=h, activity=activity) for h in (1.0, 2.5))
    with db.session() as s:
        s.delete(s.scalar(select(LearningActivity)))
    with db.session() as s:
        rows = s.execute(select(LearningSession.hours, LearningSession.activity_id)).all()
    assert sorted(rows) == [(1.0, None), (2.5, None)]


def test_deleting_a_contact_deletes_its_interactions(db) -> None:
    add(db, Contact(name="Ada", interactions=[Interaction(date=DAY), Interaction(date=DAY)]))
    with db.session() as s:
        s.delete(s.scalar(select(Contact)))
    with db.session() as s:
        assert s.scalars(select(Interaction)).all() == []


def test_deleting_a_skill_deletes_the_persons_level_and_history(db) -> None:
    add(db, Skill(name="Zig", category="Programming"))
    with db.session() as s:
        skill_id = s.scalar(select(Skill.id).where(Skill.name == "Zig"))
        s.add(UserSkill(skill_id=skill_id, level=2, updated_on=DAY))
        s.add(SkillAssessment(skill_id=skill_id, level=2, assessed_on=DAY))
    with db.engine.begin() as conn:  # plain SQL: the cascade is the file's, not the ORM's
        conn.exec_driver_sql("DELETE FROM skill WHERE name = 'Zig'")
    with db.session() as s:
        assert s.scalars(select(UserSkill)).all() == []
        assert s.scalars(select(SkillAssessment)).all() == []


def test_week_hours_are_stored_by_monday_and_within_a_week(db) -> None:
    with pytest.raises(IntegrityError):  # a Wednesday
        add(db, WeekHours(week_start=DAY, category="work", hours=40))
    with pytest.raises(IntegrityError):
        add(db, WeekHours(week_start=dt.date(2026, 11, 16), category="work", hours=169))
    with pytest.raises(IntegrityError):  # learning is derived from sessions, never typed
        add(db, WeekHours(week_start=dt.date(2026, 11, 16), category="learning", hours=4))
