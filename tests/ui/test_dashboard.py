"""The Dashboard on a real file: this week's figures, the readiness card, the lists, the chart,
and the quick-log box that updates all of them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import bar_heights, open_page

from planner.services import balance, dashboard, learning, readiness
from planner.ui.pages.dashboard import DashboardPage
from planner.wording import hours_text


def session_count(ctx) -> int:
    return ctx.read(learning.session_totals).count


def empty_state_shown(chart) -> bool:
    texts = [t.get_text() for ax in chart.figure.axes for t in ax.texts]
    return chart.empty_message in texts


def test_an_empty_file_says_how_to_choose_a_target_role(qtbot, ctx) -> None:
    page = open_page(qtbot, DashboardPage, ctx, follow_changes=False)
    assert page.readiness.figure.text() == "—"
    assert "Roadmap" in page.readiness.detail.text()
    assert page.roadmap_button.isVisible()
    assert page.learning.figure.text() == "0 h"
    assert "No open milestones" in page.milestones.detail.text()
    assert "Nobody is due" in page.contacts.detail.text()
    assert bar_heights(page.chart.bars) == []
    assert empty_state_shown(page.chart)


def test_the_demo_shows_readiness_week_balance_milestones_and_follow_ups(qtbot, demo_ctx) -> None:
    page = open_page(qtbot, DashboardPage, demo_ctx, follow_changes=False)
    today = demo_ctx.today()
    gap = demo_ctx.read(readiness.readiness)
    week = demo_ctx.read(balance.week_balance, today, today)
    assert gap.role_title in page.readiness.title.text()
    assert page.readiness.figure.text() == f"{round(gap.score * 100)} %"
    assert not page.roadmap_button.isVisible()
    assert "Projected ready" in page.forecast.text()
    assert page.learning.figure.text() == hours_text(week.category("learning").hours)
    streak = demo_ctx.read(learning.streak, today)
    assert f"longest {streak.longest}" in page.learning.detail.text()
    for c in week.categories:
        assert f"{c.target:g} h" in page.chips[c.category].text()
    summary = demo_ctx.read(dashboard.summary, today)
    assert 3 <= len(summary.next_milestones) <= dashboard.LIST_LENGTH
    for m in summary.next_milestones:
        assert m.title in page.milestones.detail.text()
    assert "overdue since" in page.milestones.detail.text()
    for c in summary.due_contacts:
        assert c.name in page.contacts.detail.text()


def test_weekly_chart_bars_equal_the_weekly_series(qtbot, demo_ctx) -> None:
    page = open_page(qtbot, DashboardPage, demo_ctx, follow_changes=False)
    series = demo_ctx.read(learning.weekly_series, demo_ctx.today(), dashboard.CHART_WEEKS)
    assert bar_heights(page.chart.bars) == [p.hours for p in series.weeks]
    assert page.chart.goal_line.get_ydata()[0] == series.weekly_goal


def test_quick_log_with_enter_updates_the_weeks_hours_and_the_chart(qtbot, demo_ctx) -> None:
    page = open_page(qtbot, DashboardPage, demo_ctx, follow_changes=False)
    before_label = page.learning.figure.text()
    before_bar = bar_heights(page.chart.bars)[-1]
    before_hours = page.summary.learning_hours
    page.quick_log.hours.setValue(1.5)
    qtbot.keyClick(page.quick_log.hours, Qt.Key.Key_Return)
    assert page.summary.learning_hours == pytest.approx(before_hours + 1.5)
    assert page.learning.figure.text() == hours_text(before_hours + 1.5)
    assert page.learning.figure.text() != before_label
    assert bar_heights(page.chart.bars)[-1] == pytest.approx(before_bar + 1.5)


def test_quick_log_of_zero_hours_is_refused_with_a_message_and_writes_nothing(
    qtbot, demo_ctx
) -> None:
    page = open_page(qtbot, DashboardPage, demo_ctx, follow_changes=False)
    before = session_count(demo_ctx)
    label = page.learning.figure.text()
    page.quick_log.hours.setValue(0.0)
    qtbot.keyClick(page.quick_log.hours, Qt.Key.Key_Return)
    assert page.quick_log.error.isVisible()
    assert "0.25" in page.quick_log.error.text()
    assert session_count(demo_ctx) == before
    assert page.learning.figure.text() == label


def test_quick_log_through_the_main_window_refreshes_the_dashboard(qtbot, window) -> None:
    page = window.show_page("dashboard")
    before = page.summary.learning_hours
    page.quick_log.hours.setValue(2.0)
    assert page.quick_log.submit()
    assert page.learning.figure.text() == hours_text(before + 2.0)


def test_a_refresh_with_nothing_changed_leaves_the_chart_alone(qtbot, demo_ctx) -> None:
    page = open_page(qtbot, DashboardPage, demo_ctx, follow_changes=False)
    drawn = page.chart.bars
    page.refresh()
    assert page.chart.bars is drawn


def test_the_dashboard_follows_the_dark_theme(qtbot, demo_ctx) -> None:
    from planner.ui import theme

    page = open_page(qtbot, DashboardPage, demo_ctx, follow_changes=False)
    theme.apply("dark")
    try:
        page.refresh()
        status = page.summary.week.category("work").status
        assert getattr(theme.DARK, status) in page.chips["work"].styleSheet()
    finally:
        theme.apply("light")
