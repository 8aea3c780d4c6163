"""The move from the current role to the target, as the framework guide advises it: its route
through the catalog's moves, duration, the skills it needs (in the gap list, with the guide's
reason) and what the current role already brings."""

from __future__ import annotations

import datetime as dt

from planner.services import moves, profile, readiness
from planner.services.skills import set_level

TODAY = dt.date(2026, 3, 2)


def plan(s, current: str, target: str) -> None:
    profile.update_profile(s, current_role=current)
    profile.set_target_role(s, target, TODAY)


def test_data_analyst_to_ml_engineer_adds_the_two_skills_the_guide_names(db) -> None:
    with db.session() as s:
        profile.set_target_role(s, "machine-learning-engineer", TODAY)
        alone = {g.skill for g in readiness.readiness(s).gaps}
        plan(s, "data-analyst", "machine-learning-engineer")
        gap = readiness.readiness(s)
    assert not {"Advanced statistics", "ML algorithms"} & alone
    reasons = {g.skill: g.reason for g in gap.gaps if g.reason}
    assert set(reasons) == {
        "Advanced statistics",
        "ML algorithms",
        "Software engineering best practices",
        "CI/CD for ML",
    }
    assert "advanced statistics" in reasons["ML algorithms"]
    assert gap.skills_total == len(alone) + 2


def test_the_direct_move_has_its_duration_and_what_the_current_role_brings(db) -> None:
    with db.session() as s:
        plan(s, "data-analyst", "machine-learning-engineer")
        way = moves.move(s)
    assert way.direct and way.months == (6, 12)
    assert way.summary == ("Data Analyst → Machine Learning Engineer: a direct move, 6–12 months.")
    assert "SQL" in way.brings


def test_without_a_direct_move_the_route_goes_through_the_roles_in_between(db) -> None:
    with db.session() as s:
        plan(s, "data-scientist", "ai-architect")
        way = moves.move(s)
    assert [st.to_role for st in way.steps] == ["machine-learning-engineer", "ai-architect"]
    assert way.between == ("Machine Learning Engineer",)
    assert way.months == (None, 24 + 36) and way.duration == "up to 60 months"


def test_a_met_move_skill_leaves_the_gap(db) -> None:
    with db.session() as s:
        plan(s, "software-engineer", "ai-engineer")
        set_level(s, "LLM APIs", 3, TODAY)
        gap = {g.skill for g in readiness.readiness(s).gaps}
        way = moves.move(s)
    assert "LLM APIs" not in gap and "Prompt engineering" in gap
    assert [m.met for m in way.skills] == [False, True, False, False]


def test_no_route_and_no_current_role_say_so(db) -> None:
    with db.session() as s:
        profile.set_target_role(s, "machine-learning-engineer", TODAY)
        assert moves.move(s).summary.startswith("Set your current and target role")
        plan(s, "cto-ai", "data-analyst")
        way = moves.move(s)
    assert way.steps == () and "no route" in way.summary


def test_readiness_over_time_ends_where_readiness_is(db) -> None:
    from planner.services import readiness

    with db.session() as s:
        plan(s, "data-analyst", "machine-learning-engineer")
        set_level(s, "Python", 3, TODAY)
        set_level(s, "Advanced statistics", 1, TODAY)
        last = readiness.readiness_history(s, TODAY)[-1]
        now = readiness.readiness(s)
    assert (last.score, last.skills_met, last.skills_total) == (
        now.score,
        now.skills_met,
        now.skills_total,
    )
