"""The guides' advice on screen, on a real data file: the Roadmap's Your move and Portfolio tabs,
the explorer's industries and derived paths, the dashboard's pitfall, the Network page's habits
and the weekly review's section; each action is checked in the file it wrote."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select
from ui_helpers import open_page

from planner.models import LearningActivity, Milestone
from planner.services import advice, portfolio, readiness
from planner.ui.dialogs.portfolio import PortfolioDialog
from planner.ui.pages.roadmap import MOVE_TAB, PORTFOLIO_TAB, ROLES_TAB, RoadmapPage
from planner.ui.pages.roadmap_common import select_where, selected_row


@pytest.fixture
def page(qtbot, demo_ctx) -> RoadmapPage:
    return open_page(qtbot, RoadmapPage, demo_ctx)


def milestones_of(ctx, kind: str) -> list[Milestone]:
    with ctx.db.session() as s:
        rows = list(s.scalars(select(Milestone).where(Milestone.kind == kind)))
        s.expunge_all()
    return rows


def test_your_move_shows_the_move_and_the_stage(page) -> None:
    page.tabs.setCurrentIndex(MOVE_TAB)
    text = page.move_panel.text.toPlainText()
    assert "Data Analyst → Machine Learning Engineer: a direct move, 6–12 months." in text
    assert "Advanced statistics — your level 0 of 2" in text
    assert "What Data Analyst already brings: SQL" in text
    assert "Your stage: Entry level" in text and "$80K–$120K" in text


def test_a_certification_is_one_click_from_the_plan(page, demo_ctx) -> None:
    page.tabs.setCurrentIndex(MOVE_TAB)
    panel = page.move_panel
    name = "AWS Certified Machine Learning - Specialty"
    assert select_where(panel.certs, lambda c: c.name == name)
    assert "covers your gap in AWS" in panel.cert_why.text()
    panel.add_cert.click()
    with demo_ctx.db.session() as s:
        activity = s.scalar(select(LearningActivity).where(LearningActivity.title == name))
        assert (activity.kind, activity.provider) == ("certification", "Amazon Web Services")
    assert any(name in m.title for m in milestones_of(demo_ctx, "certification"))
    assert selected_row(panel.certs).added and not panel.add_cert.isEnabled()


def test_the_interview_checklist_on_request_then_tracked_as_milestones(page, demo_ctx) -> None:
    page.tabs.setCurrentIndex(MOVE_TAB)
    panel = page.move_panel
    assert not panel.prep.due and panel.steps.isHidden()
    assert "60 % ready" in panel.interview_status.text()
    panel.show_steps.click()
    assert not panel.steps.isHidden() and panel.steps.count() == len(panel.prep.items)
    panel.start.click()
    steps = milestones_of(demo_ctx, "interview")
    assert len(steps) == panel.steps.count()
    first = panel.steps.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    done = [m for m in milestones_of(demo_ctx, "interview") if m.done_on is not None]
    assert len(done) == 1 and "1 of" in panel.interview_status.text()


def test_a_finished_portfolio_item_is_evidence_in_the_gap(page, demo_ctx, qtbot) -> None:
    page.tabs.setCurrentIndex(PORTFOLIO_TAB)
    panel = page.portfolio
    assert panel.ideas_model.rowCount() > 0
    assert select_where(panel.ideas, lambda i: i.title == "Serve a model behind an API")
    dialog = PortfolioDialog(demo_ctx, None, panel, idea=("Churn API", "project", ("Docker",)))
    qtbot.addWidget(dialog)
    dialog.status.setCurrentIndex(dialog.status.findData("done"))
    dialog.link.setText("not a link")
    assert not dialog.submit() and "https://" in dialog.error.text()
    dialog.link.setText("https://github.com/me/churn")
    assert dialog.submit()
    assert [r.title for r in demo_ctx.read(portfolio.portfolio)] == ["Churn API"]
    assert "1 item, 1 finished" in panel.count.text()
    items = {g.skill: g for g in demo_ctx.read(readiness.skill_levels)}
    assert items["Docker"].evidence == "Churn API"


def test_the_explorer_shows_industries_and_derived_paths(page) -> None:
    page.tabs.setCurrentIndex(ROLES_TAB)
    b = page.browser
    b.select("computer-vision-engineer")
    html = b.detail.toPlainText()
    assert "Where it works" in html and "Healthcare: Medical imaging" in html
    b.select("team-lead")
    assert "derived from AI Engineering Manager" in b.detail.toPlainText()


def test_the_dashboard_points_out_the_pitfall_the_data_shows(qtbot, demo_ctx) -> None:
    from planner.ui.pages.dashboard import DashboardPage

    dash = open_page(qtbot, DashboardPage, demo_ctx)
    assert not dash.pitfall.isHidden()
    assert "No portfolio project yet" in dash.pitfall.text()
    demo_ctx.write("a change", portfolio.save_item, "House prices")
    assert dash.pitfall.isHidden()


def test_networking_habits_become_milestones_and_are_ticked_done(qtbot, demo_ctx) -> None:
    from planner.ui.pages.network import NetworkPage

    net = open_page(qtbot, NetworkPage, demo_ctx)
    done, take = net.habits.rows[0]
    assert not done.isEnabled() and not take.isHidden()
    take.click()
    assert done.isEnabled() and take.isHidden()
    done.setChecked(True)
    meetups = milestones_of(demo_ctx, "networking")
    meetup = next(m for m in meetups if m.title.startswith("An AI/ML meetup"))
    assert meetup.done_on == demo_ctx.today()


def test_the_weekly_review_has_the_move(qtbot, demo_ctx) -> None:
    from planner.ui.pages.review import ReviewPage

    review = open_page(qtbot, ReviewPage, demo_ctx)
    text = review.sections["Your move"].text()
    assert "a direct move, 6–12 months" in text and "Advanced statistics" in text


def test_the_stage_on_screen_follows_a_new_current_role(page, demo_ctx) -> None:
    from planner.services.profile import update_profile

    demo_ctx.write("a change", update_profile, current_role="senior-ml-engineer")
    page.tabs.setCurrentIndex(MOVE_TAB)
    assert "Your stage: Senior level" in page.move_panel.text.toPlainText()
    assert demo_ctx.read(advice.stage_advice).advice.stage == "senior"
