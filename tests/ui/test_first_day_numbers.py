"""A newcomer's first day on screen (issue 12, parts 2 and 3): onboarding with the current
role's skills, one log, then the dashboard, roadmap and learning page show numbers that make
sense; the Profile dialog changes what onboarding chose."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QDate, Qt
from ui_helpers import open_page

from planner.services import balance, learning, profile, readiness, skills
from planner.ui.dialogs.onboarding import OnboardingDialog
from planner.ui.dialogs.profile import ProfileDialog
from planner.vocabulary import WEEKS_A_YEAR


def onboard(qtbot, ctx, *, held: bool = True) -> OnboardingDialog:
    """Ada, a Data Analyst aiming at Data Scientist, 6 h a week from today."""
    dialog = OnboardingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("Ada")
    dialog.current.setCurrentIndex(dialog.current.findData("data-analyst"))
    dialog._select("data-scientist")
    dialog.plan_start.setDate(QDate.currentDate())
    dialog.goal.setValue(6.0)
    if not held:
        for row in range(dialog.held.rowCount()):
            dialog.held.item(row, 0).setCheckState(Qt.CheckState.Unchecked)
    dialog.start()
    assert dialog.result() == dialog.DialogCode.Accepted
    return dialog


def levels(ctx) -> dict[str, int]:
    return {s.name: s.level for s in ctx.read(skills.list_skills) if s.level}


# --- onboarding: the skills of the current role --------------------------------------------


def test_onboarding_lists_the_current_roles_skills_ticked_at_their_level(qtbot, ctx) -> None:
    dialog = OnboardingDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.held.rowCount() == 0  # no current role chosen yet
    dialog.current.setCurrentIndex(dialog.current.findData("data-analyst"))
    rows = {
        dialog.held.item(r, 0).text(): dialog.held.cellWidget(r, 1).value()
        for r in range(dialog.held.rowCount())
    }
    assert rows["SQL"] == 3  # essential: level 3
    assert all(
        dialog.held.item(r, 0).checkState() == Qt.CheckState.Checked
        for r in range(dialog.held.rowCount())
    )


def test_onboarding_saves_the_ticked_skills_at_the_chosen_levels(qtbot, ctx) -> None:
    dialog = OnboardingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.current.setCurrentIndex(dialog.current.findData("data-analyst"))
    names = [dialog.held.item(r, 0).text() for r in range(dialog.held.rowCount())]
    sql = names.index("SQL")
    dialog.held.cellWidget(sql, 1).setValue(4)
    other = next(i for i, n in enumerate(names) if n != "SQL")
    dialog.held.item(other, 0).setCheckState(Qt.CheckState.Unchecked)
    dialog._select("data-scientist")
    dialog.start()
    held = levels(ctx)
    assert held["SQL"] == 4
    assert names[other] not in held
    assert len(held) == len(names) - 1
    # The analyst starts above 0 % for the target role, since the roles share skills.
    assert ctx.read(readiness.readiness).score > 0


# --- the first day's numbers ----------------------------------------------------------------


def test_after_a_first_log_the_dashboard_gives_the_goal_date_not_2217(qtbot, ctx) -> None:
    from planner.ui.pages.dashboard import DashboardPage

    onboard(qtbot, ctx, held=False)
    ctx.write("a change", learning.log_session, 1.5, ctx.today())
    page = open_page(qtbot, DashboardPage, ctx, follow_changes=False)
    text = page.forecast.text()
    years = [int(y) for y in re.findall(r"\b(2\d{3})\b", text)]
    assert years and max(years) <= ctx.today().year + 10
    assert "weekly goal of 6 h/week" in text
    assert "log two weeks to see a projected date" in text


def test_the_roadmap_says_in_how_many_weeks_at_the_goal(qtbot, ctx) -> None:
    from planner.ui.pages.roadmap import RoadmapPage

    onboard(qtbot, ctx, held=False)
    ctx.write("a change", learning.log_session, 1.5, ctx.today())
    page = open_page(qtbot, RoadmapPage, ctx)
    f = ctx.read(readiness.forecast, ctx.today())
    weeks = int(re.search(r"in (\d+) weeks", page.recent.text())[1])
    assert weeks == round(f.weeks_needed) and weeks < 10 * 53
    assert "weekly goal" in page.recent.text()
    # The plan and the pace disagree: both are shown, with why.
    assert page.plan_note.isVisibleTo(page)
    column = [c.header for c in page.milestone_model.columns].index("At your pace")
    shown = [
        page.milestone_model.index(r, column).data() for r in range(page.milestone_model.rowCount())
    ]
    assert any(shown)


def test_a_pace_below_ten_years_is_a_sentence_not_an_overflow(qtbot, ctx) -> None:
    from planner.ui.pages.dashboard import DashboardPage
    from planner.ui.pages.roadmap import RoadmapPage

    onboard(qtbot, ctx, held=False)
    ctx.write("a change", profile.update_profile, plan_start=ctx.today() - dt.timedelta(weeks=8))
    ctx.write("a change", learning.log_session, 0.02, ctx.today() - dt.timedelta(days=50))
    dash = open_page(qtbot, DashboardPage, ctx, follow_changes=False)
    assert "more than ten years" in dash.forecast.text()
    road = open_page(qtbot, RoadmapPage, ctx)
    assert "more than ten years" in road.recent.text()
    road.pace.setValue(0.5)
    assert "more than ten years" in road.what_if.text()


def test_the_learning_page_expects_hours_from_the_plan_start(qtbot, ctx) -> None:
    from planner.ui.pages.learning import LearningPage

    onboard(qtbot, ctx, held=False)
    page = open_page(qtbot, LearningPage, ctx)
    text = page.summary.text()
    assert "312 h goal (your weekly goal × 52)" in text
    assert "0.9 h expected by now" in text  # a day's share of 312 h, not 184 h


# --- the Profile dialog -----------------------------------------------------------------------


def test_the_profile_dialog_changes_every_onboarding_choice_at_once(qtbot, ctx) -> None:
    onboard(qtbot, ctx, held=False)
    dialog = ProfileDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "Ada"
    assert dialog.current.currentData() == "data-analyst"
    assert dialog.yearly.text() == "Weekly goal × 52 (312 h/year)"
    dialog.name.setText("Ada Lovelace")
    dialog.current.setCurrentIndex(dialog.current.findData("data-scientist"))
    dialog.stage.setCurrentIndex(dialog.stage.findData("mid"))
    dialog.plan_start.setDate(QDate(2026, 1, 5))
    dialog.weekly.setValue(8)
    dialog.yearly.setValue(350)
    dialog.contacts.setValue(4)
    assert dialog.submit()
    info = ctx.read(profile.profile_info)
    assert (info.display_name, info.current_role, info.career_stage) == (
        "Ada Lovelace",
        "data-scientist",
        "mid",
    )
    assert info.plan_start == dt.date(2026, 1, 5)
    assert (info.weekly_learning_goal, info.annual_learning_goal) == (8.0, 350.0)
    assert info.monthly_contact_goal == 4
    assert ctx.read(balance.targets)["learning"] == 8.0
    again = ProfileDialog(ctx)
    qtbot.addWidget(again)
    assert again.changes() == {}  # what it shows is what the file holds
    again.yearly.setValue(0)  # back to following the weekly goal
    assert again.submit()
    assert ctx.read(profile.profile_info).annual_learning_goal == 8 * WEEKS_A_YEAR


def test_the_profile_dialog_writes_nothing_when_one_value_is_refused(qtbot, ctx) -> None:
    onboard(qtbot, ctx, held=False)
    dialog = ProfileDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.weekly.setValue(9)
    dialog.name.setText("x" * 50)
    dialog.name.setMaxLength(1000)
    dialog.name.setText("x" * 300)
    assert not dialog.submit()
    assert "name" in dialog.error.text()
    assert ctx.read(balance.targets)["learning"] == 6.0  # the weekly goal was not written


def test_the_dashboard_cards_and_the_edit_menu_open_the_profile(qtbot, window, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(ProfileDialog, "exec", lambda self: opened.append("dialog") or 0)
    window.show_page("dashboard")
    page = window.page("dashboard")
    for button in page.profile_buttons:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    menu = next(a for a in window.menuBar().actions() if a.text() == "&Edit").menu()
    next(a for a in menu.actions() if a.text() == "&Profile…").trigger()
    assert opened == ["dialog"] * 3


def test_the_year_chart_path_starts_at_the_plan_start(qtbot, ctx) -> None:
    from planner.services import learning
    from planner.ui.pages.learning import LearningPage

    onboard(qtbot, ctx, held=False)
    ctx.write("a change", learning.log_session, 1.5, ctx.today())
    page = open_page(qtbot, LearningPage, ctx)
    page.tabs.setCurrentIndex(2)
    today = ctx.today()
    path = ctx.read(learning.year_path, today)
    xs, ys = page.charts.year_chart.goal_line.get_data()
    assert xs[0] == (today - dt.date(today.year, 1, 1)).days  # not 1 January
    assert ys[-1] == pytest.approx(path.expected_on(dt.date(today.year, 12, 31)))
    assert ys[-1] < path.goal or today == dt.date(today.year, 1, 1)
    if today != dt.date(today.year, 1, 1):  # the legend says how far the path goes this year
        label = page.charts.year_chart.goal_line.get_label()
        assert label.startswith("Path from ") and label.endswith(" by 31 Dec")
        assert f"{round(ys[-1])} h of the {path.goal:g} h goal" in label
