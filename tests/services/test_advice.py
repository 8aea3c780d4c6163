"""The guides' advice as the person's plan: stage priorities and the stage moving forward with a
new current role, certifications for the target and the gap (one click: an activity and a
milestone), portfolio evidence in the gap list, interview steps as milestones, networking habits,
industries, and the pitfall the data shows."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from planner.models import LearningActivity, Milestone
from planner.services import advice, pitfalls, profile, readiness
from planner.services.errors import InputError
from planner.services.learning import log_session
from planner.services.network import ContactInput, add_interaction, save_contact
from planner.services.portfolio import portfolio, save_item
from planner.services.skills import set_level

TODAY = dt.date(2026, 3, 18)


def test_the_stage_shows_the_guides_priorities_years_and_pay(db) -> None:
    with db.session() as s:
        view = advice.stage_advice(s)
        assert view.advice.stage == "entry" and view.years == "0–2 years"
        assert view.pay == "$80K–$120K"
        assert "Build a portfolio of three to five substantial projects" in " ".join(
            view.advice.actions
        ).replace("that show your skills", "")
        profile.update_profile(s, career_stage="executive")
        top = advice.stage_advice(s)
    assert top.pay == "$250K–$400K+" and top.years == "8+ years"


def test_a_new_current_role_moves_the_stage_forward_never_back(db) -> None:
    with db.session() as s:
        profile.update_profile(s, current_role="machine-learning-engineer")
        assert profile.profile_info(s).career_stage == "mid"
        profile.update_profile(s, current_role="ai-ml-director")
        assert profile.profile_info(s).career_stage == "executive"
        profile.update_profile(s, current_role="data-analyst")
        assert profile.profile_info(s).career_stage == "executive"
        profile.update_profile(s, current_role="junior-ml-engineer", career_stage="entry")
        assert profile.profile_info(s).career_stage == "entry"  # the person's own choice wins


def test_certifications_for_the_target_and_the_gap_are_one_click_away(db) -> None:
    with db.session() as s:
        profile.set_target_role(s, "machine-learning-engineer", TODAY)
        found = advice.suggested_certifications(s)
        names = [c.name for c in found]
        assert "AWS Certified Machine Learning - Specialty" in names
        aws = next(c for c in found if c.name.startswith("AWS"))
        assert "suits Machine Learning Engineer" in aws.why and "AWS" in aws.why
        advice.add_certification(s, aws.name, TODAY)
        activity = s.scalar(select(LearningActivity).where(LearningActivity.title == aws.name))
        assert (activity.kind, activity.provider) == ("certification", "Amazon Web Services")
        milestone = s.scalar(select(Milestone).where(Milestone.kind == "certification"))
        assert aws.name in milestone.title and {k.name for k in milestone.skills} == {
            "AWS",
            "Model deployment",
        }
        assert next(c for c in advice.suggested_certifications(s) if c.name == aws.name).added
        with pytest.raises(InputError, match="already an activity"):
            advice.add_certification(s, aws.name, TODAY)


def test_a_finished_portfolio_project_is_evidence_in_the_gap_list(db) -> None:
    with db.session() as s:
        profile.set_target_role(s, "machine-learning-engineer", TODAY)
        save_item(s, "Churn API", kind="project", status="in_progress", skills=["Docker"])
        docker = next(g for g in readiness.readiness(s).gaps if g.skill == "Docker")
        assert docker.evidence == ""  # not finished yet
        item = portfolio(s)[0]
        save_item(s, "Churn API", status="done", skills=["Docker", "FastAPI"], item_id=item.id)
        gap = {g.skill: g for g in readiness.readiness(s).gaps}
    assert gap["Docker"].evidence == "Churn API" and gap["FastAPI"].evidence == "Churn API"


def test_a_portfolio_item_is_checked_whole(db) -> None:
    with db.session() as s:
        with pytest.raises(InputError, match="https://"):
            save_item(s, "Thing", link="example.org")
        with pytest.raises(InputError, match="unknown kind"):
            save_item(s, "Thing", kind="poem")
        assert portfolio(s) == []


def test_the_interview_checklist_appears_at_the_threshold_and_becomes_milestones(db) -> None:
    with db.session() as s:
        profile.set_target_role(s, "ai-engineer", TODAY)
        prep = advice.interview_prep(s)
        assert not prep.due and not prep.started and len(prep.items) >= 8
        for g in readiness.readiness(s).gaps:
            set_level(s, g.skill, g.required_level, TODAY)
        assert advice.interview_prep(s).due
        assert advice.start_interview_prep(s) == len(prep.items)
        assert advice.start_interview_prep(s) == 0  # again: nothing doubled
        first = advice.interview_prep(s).items[0]
        s.get(Milestone, first.milestone_id).done_on = TODAY
        assert advice.interview_prep(s).done == 1


def test_networking_habits_become_this_periods_milestones(db) -> None:
    with db.session() as s:
        keys = [h.habit.key for h in advice.habits(s, TODAY)]
        assert keys == ["meetup", "community", "conference", "writing"]
        advice.take_on_habit(s, "meetup", TODAY)
        advice.take_on_habit(s, "conference", TODAY)
        status = {h.habit.key: h for h in advice.habits(s, TODAY)}
        meetup = s.get(Milestone, status["meetup"].milestone_id)
        assert meetup.kind == "networking" and meetup.due_on == dt.date(2026, 3, 31)
        assert s.get(Milestone, status["conference"].milestone_id).due_on == dt.date(2026, 12, 31)
        assert advice.habits(s, dt.date(2026, 4, 2))[0].milestone_id is None  # a new month
        with pytest.raises(InputError, match="already one of your milestones"):
            advice.take_on_habit(s, "meetup", TODAY)


def test_industries_show_where_a_role_works(db) -> None:
    with db.session() as s:
        found = advice.industries_for(s, "computer-vision-engineer")
    assert {"Healthcare", "Autonomous Vehicles"} <= {i.name for i in found}
    assert "Medical imaging" in next(i for i in found if i.name == "Healthcare").applications


def test_the_dashboard_pitfall_fits_the_data(db) -> None:
    with db.session() as s:
        assert pitfalls.pitfall(s, TODAY) is None  # nothing to judge yet
        log_session(s, 1.0, TODAY - dt.timedelta(days=30))
        assert pitfalls.pitfall(s, TODAY).key == "no_learning"
        log_session(s, 1.0, TODAY - dt.timedelta(days=2))
        save_contact(s, ContactInput(name="Ada"))
        assert pitfalls.pitfall(s, TODAY).key == "no_contacts"
        add_interaction(s, "Ada", TODAY - dt.timedelta(days=3))
        profile.set_target_role(s, "data-scientist", TODAY)
        assert pitfalls.pitfall(s, TODAY).key == "no_portfolio"
        save_item(s, "House prices")
        assert pitfalls.pitfall(s, TODAY) is None
