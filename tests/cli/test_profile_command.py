"""`planner profile` changes what onboarding chose; `planner gap` survives a tiny pace."""

from __future__ import annotations

import datetime as dt
import json

import pytest


def test_profile_round_trips_every_field_as_json(planner) -> None:
    assert planner("target", "data-scientist")[0] == 0
    code, out, err = planner(
        "profile",
        "name=Ada Lovelace",
        "current_role=data-analyst",
        "plan_start=2026-01-05",
        "weekly_goal=6",
        "yearly_goal=300",
        "networking_goal=4",
        "stage=mid",
    )
    assert code == 0, err
    assert "Saved 7 changes." in out
    code, out, _ = planner("profile", "--json")
    shown = json.loads(out)
    assert shown == {
        "display_name": "Ada Lovelace",
        "current_role": "data-analyst",
        "current_role_title": "Data Analyst",
        "target_role": "data-scientist",
        "target_role_title": "Data Scientist",
        "career_stage": "mid",
        "plan_start": "2026-01-05",
        "weekly_learning_goal": 6.0,
        "annual_learning_goal": 300.0,
        "monthly_contact_goal": 4,
        "annual_goal_follows_weekly": False,
    }
    # The names --json prints are accepted back.
    assert planner("profile", "annual_learning_goal=auto", "career_stage=senior")[0] == 0
    shown = json.loads(planner("profile", "--json")[1])
    assert (shown["annual_learning_goal"], shown["annual_goal_follows_weekly"]) == (312.0, True)
    assert shown["career_stage"] == "senior"
    # The weekly goal is the learning target: the week view agrees.
    week = json.loads(planner("week", "--json")[1])
    assert week["categories"]["learning"]["target"] == 6.0


def test_moving_the_plan_start_moves_the_phase_milestones(planner, db_path) -> None:
    from planner.services.roadmap import milestones
    from planner.storage.engine import open_database

    assert planner("target", "machine-learning-engineer")[0] == 0
    assert planner("profile", "plan_start=2026-01-31")[0] == 0
    database = open_database(db_path)
    try:
        with database.session() as s:
            dues = [m.due_on for m in milestones(s) if m.kind == "phase"]
    finally:
        database.close()
    # Foundation, Core Skills, Specialization end at months 9, 15 and 24 (their windows' ends).
    assert dues == [dt.date(2026, 10, 31), dt.date(2027, 4, 30), dt.date(2028, 1, 31)]


@pytest.mark.parametrize(
    ("assignment", "names"),
    [
        ("stage=boss", "stage must be one of entry, mid, senior, executive"),
        ("weekly_goal=lots", "weekly_goal must be hours a week from 0 to 168"),
        ("weekly_goal=200", "weekly_goal must be hours a week from 0 to 168"),
        ("yearly_goal=-1", "yearly_goal must be 'auto'"),
        ("networking_goal=1.5", "networking_goal must be whole people a month"),
        ("plan_start=5 May", "plan_start must be a date YYYY-MM-DD"),
        ("plan_start=1900-01-01", "plan start must be between"),
        ("current_role=astronaut", "current role: unknown role 'astronaut'"),
        ("favourite_colour=blue", "unknown field 'favourite_colour'; fields: name"),
        ("target_role=nlp-engineer", "planner target SLUG"),
        ("weekly_goal", "expected FIELD=VALUE"),
    ],
)
def test_a_bad_value_is_one_line_exit_2_and_nothing_written(planner, assignment, names) -> None:
    assert planner("target", "data-scientist")[0] == 0
    before = planner("profile", "--json")[1]
    code, _, err = planner("profile", "name=Changed", "weekly_goal=9", assignment)
    assert code == 2
    assert names in err and err.count("\n") == 1
    assert planner("profile", "--json")[1] == before


def test_gap_with_a_minute_a_fortnight_says_more_than_ten_years(planner) -> None:
    """A tiny pace put the projected date past year 9999: OverflowError (issue 13)."""
    assert planner("target", "data-scientist")[0] == 0
    day = (dt.date.today() - dt.timedelta(days=20)).isoformat()
    assert planner("profile", f"plan_start={day}")[0] == 0
    assert planner("log", "0.02", "--date", day)[0] == 0
    code, out, err = planner("gap", "--json")
    assert code == 0, err
    forecast = json.loads(out)["forecast"]
    assert forecast["ready_on"] is None and forecast["beyond_horizon"] is True
    code, out, err = planner("gap")
    assert code == 0, err
    assert "more than ten years" in out
