"""First run: the onboarding sets up the profile in one action, or opens a demo file."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from planner.services import balance, roadmap
from planner.services.profile import profile_info
from planner.ui.dialogs.onboarding import OnboardingDialog, needs_onboarding


def test_a_new_file_needs_onboarding_and_a_set_up_one_does_not(ctx, demo_ctx) -> None:
    assert needs_onboarding(ctx)
    assert not needs_onboarding(demo_ctx)


def test_search_narrows_roles_and_shows_the_visible_one(qtbot, ctx) -> None:
    dialog = OnboardingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.search.setText("nlp")
    assert dialog.selected_target() == "nlp-engineer"
    assert "NLP Engineer" in dialog.details.toPlainText()
    assert "Essential skills" in dialog.details.toPlainText()
    dialog.search.setText("no role has this word")
    assert dialog.selected_target() is None
    dialog.start()
    assert "Pick a target role" in dialog.error.text()
    assert needs_onboarding(ctx)  # nothing was written


def test_start_writes_profile_goal_and_phase_milestones(qtbot, ctx) -> None:
    dialog = OnboardingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("Sam")
    dialog.current.setCurrentIndex(dialog.current.findData("data-analyst"))
    dialog.search.setText("data scientist")
    dialog._select("data-scientist")
    dialog.plan_start.setDate(QDate(2026, 1, 15))
    dialog.goal.setValue(7.5)
    dialog.start()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.chosen_path == ctx.db.path
    info = ctx.read(profile_info)
    assert (info.display_name, info.current_role, info.target_role) == (
        "Sam",
        "data-analyst",
        "data-scientist",
    )
    assert info.plan_start == dt.date(2026, 1, 15)
    assert ctx.read(balance.targets)["learning"] == 7.5
    phase_rows = [m for m in ctx.read(roadmap.milestones) if m.kind == "phase"]
    assert phase_rows and phase_rows[0].due_on == dt.date(2026, 7, 15)  # Foundation ends month 6


def test_explore_with_demo_data_opens_a_separate_filled_file(qtbot, ctx) -> None:
    dialog = OnboardingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.explore_demo()
    assert dialog.chosen_path == ctx.db.path.with_name("demo.sqlite3")
    assert dialog.chosen_path.exists()
    assert needs_onboarding(ctx)  # the person's own file stays untouched


def test_the_plan_start_offers_only_the_dates_the_profile_accepts(qtbot, ctx) -> None:
    """Onboarding offered any year for the plan start and then refused one outside the
    profile's range with a message; both fields now offer the same range."""
    from planner.services.profile import PLAN_START_RANGE

    dialog = OnboardingDialog(ctx)
    qtbot.addWidget(dialog)
    offered = (
        dialog.plan_start.minimumDate().toPython(),
        dialog.plan_start.maximumDate().toPython(),
    )
    assert offered == PLAN_START_RANGE
