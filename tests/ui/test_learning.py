"""The Learning page on a real file: the activity table and dialog, the session log with undoable
deletes and the commitment charts (the timer: test_timer_window.py)."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_helpers import bar_heights, hover, hover_shows_nothing, open_page

from planner.services import learning
from planner.ui.dialogs.activity import ActivityDialog
from planner.ui.dialogs.session import SessionDialog
from planner.ui.format import short_day_text
from planner.ui.pages.learning import CHARTS_TAB, LearningPage
from planner.ui.pages.learning_sessions import RANGES
from planner.ui.qtmodels.rows import ROW_ROLE


@pytest.fixture
def page(qtbot, demo_ctx) -> LearningPage:
    return open_page(qtbot, LearningPage, demo_ctx)


def all_sessions(ctx) -> list[learning.SessionRow]:
    return ctx.read(learning.sessions)


def log_rows(page: LearningPage) -> list[learning.SessionRow]:
    """The sessions the log's table shows, top to bottom."""
    model = page.log.view.model()
    return [model.index(i, 0).data(ROW_ROLE) for i in range(model.rowCount())]


def titles(ctx) -> list[str]:
    return ctx.read(learning.activity_titles)


def empty_state_shown(chart) -> bool:
    return chart.empty_message in [t.get_text() for ax in chart.figure.axes for t in ax.texts]


# --- opening -----------------------------------------------------------------------------------


def test_an_empty_file_shows_what_to_do(qtbot, ctx) -> None:
    page = open_page(qtbot, LearningPage, ctx)
    assert page.activity_model.rowCount() == 0
    assert page.activity_empty.isVisible()
    page.tabs.setCurrentIndex(1)
    assert "No sessions yet" in page.log.empty.text()
    assert page.log.empty.isVisible()
    page.tabs.setCurrentIndex(CHARTS_TAB)
    for chart in (
        page.charts.weekly_chart,
        page.charts.monthly_chart,
        page.charts.year_chart,
        page.charts.heatmap,
    ):
        assert empty_state_shown(chart), chart.title


def test_the_demo_fills_the_tables_and_the_summary(page, demo_ctx) -> None:
    activities = demo_ctx.read(learning.activities)
    assert page.activity_model.rowCount() == len(activities)
    assert not page.activity_empty.isVisible()
    first = demo_ctx.today() - dt.timedelta(days=RANGES["Last 90 days"] - 1)
    shown = demo_ctx.read(learning.sessions, first)
    assert log_rows(page) == shown
    assert f"{len(shown):,} sessions" in page.log.totals.text()
    year = demo_ctx.read(learning.year_to_date, demo_ctx.today())
    assert f"{year.logged:g} h" in page.summary.text()


def test_the_year_summary_says_from_when_hours_are_expected(qtbot, ctx) -> None:
    """Without a plan start (a file set up from the command line), hours are expected from the
    first record, and the summary says so; with nothing recorded, from today."""
    page = open_page(qtbot, LearningPage, ctx)
    assert "expected by now from today" in page.summary.text()
    today = ctx.today()
    began = today - dt.timedelta(days=min(9, today.timetuple().tm_yday - 1))
    ctx.write("log 1 h", learning.log_session, 1.0, began)
    page.refresh()
    year = ctx.read(learning.year_to_date, today)
    if began > dt.date(today.year, 1, 1):
        assert f"since your first record on {short_day_text(began)}" in page.summary.text()
    assert f"{year.expected_by_now:g} h expected by now" in page.summary.text()


def test_the_table_models_pass_the_model_tester(page, qtmodeltester) -> None:
    assert page.activity_model.rowCount() > 0 and page.log.model.rowCount() > 0
    qtmodeltester.check(page.activity_model)
    qtmodeltester.check(page.log.model)


def test_the_session_log_sorts_by_any_column_and_keeps_the_order(page, demo_ctx) -> None:
    page.tabs.setCurrentIndex(1)
    page.log.range.setCurrentText("All time")
    page.log.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    hours = [r.hours for r in log_rows(page)]
    assert hours == sorted(hours)
    page.log.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    names = [r.activity or "" for r in log_rows(page)]
    assert names == sorted(names, key=str.casefold, reverse=True)
    first_shown = page.log.view.model().index(0, 2).data()
    assert first_shown == (names[0] or "(no activity)")
    page.log.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # new rows keep the order
    demo_ctx.write("a change", learning.log_session, 0.5, demo_ctx.today() - dt.timedelta(days=400))
    dates = [r.date for r in log_rows(page)]
    assert dates == sorted(dates, reverse=True)


def test_the_session_log_filters_by_range_and_activity(page, demo_ctx) -> None:
    page.tabs.setCurrentIndex(1)
    page.log.range.setCurrentText("All time")
    assert page.log.model.rowCount() == demo_ctx.read(learning.session_totals).count
    title = "Deep Learning with PyTorch"
    page.log.activity.setCurrentText(title)
    rows = log_rows(page)
    assert rows and {r.activity for r in rows} == {title}
    page.log.range.setCurrentText("Custom range")
    assert page.log.first.isVisible()
    page.log.first.setDate(page.log.last.date().addDays(1))
    assert page.log.model.rowCount() == 0
    assert "before" in page.log.totals.text()


# --- activities --------------------------------------------------------------------------------


def test_the_activity_dialog_refuses_an_empty_title_and_writes_nothing(qtbot, demo_ctx) -> None:
    before = titles(demo_ctx)
    dialog = ActivityDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("   ")
    assert not dialog.submit()
    assert dialog.title_error.isVisible()
    assert "title is required" in dialog.title_error.text()
    assert titles(demo_ctx) == before


def test_the_activity_dialog_refuses_a_duplicate_title_and_writes_nothing(qtbot, demo_ctx) -> None:
    before = demo_ctx.read(learning.activities)
    dialog = ActivityDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("deep learning with PYTORCH")  # titles compare without case
    dialog.planned.setValue(20)
    assert not dialog.submit()
    assert dialog.title_error.isVisible()
    assert "already an activity" in dialog.title_error.text()
    assert demo_ctx.read(learning.activities) == before


def test_the_activity_dialog_refuses_a_finish_date_before_the_start(qtbot, ctx) -> None:
    dialog = ActivityDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("Book")
    dialog.start.set_value(dt.date(2026, 3, 1))
    dialog.target.set_value(dt.date(2026, 2, 1))
    assert not dialog.submit()
    assert dialog.dates_error.isVisible()
    assert titles(ctx) == []


def test_a_new_activity_is_saved_with_its_fields_and_searched_skills(qtbot, page, demo_ctx) -> None:
    dialog = ActivityDialog(demo_ctx, parent=page)
    qtbot.addWidget(dialog)
    dialog.title.setText("  Transformers from scratch ")
    dialog.kind.setCurrentIndex(dialog.kind.findData("project"))
    dialog.planned.setValue(12.5)
    dialog.estimated.setValue(60)
    dialog.skill_picker.search.setText("pytor")
    visible = [
        dialog.skill_picker.list.item(i).text()
        for i in range(dialog.skill_picker.list.count())
        if not dialog.skill_picker.list.item(i).isHidden()
    ]
    assert visible == ["PyTorch"]
    dialog.set_skills(["PyTorch"])
    assert dialog.submit()
    detail = demo_ctx.read(learning.activity_detail, dialog.saved_id).row
    assert (detail.title, detail.kind, detail.planned_hours_per_month) == (
        "Transformers from scratch",
        "project",
        12.5,
    )
    assert (detail.estimated_hours, detail.skills) == (60.0, ("PyTorch",))
    assert "Transformers from scratch" in [r.title for r in page.activity_model.rows()]


def test_editing_an_activity_starts_from_its_values_and_saves_changes(qtbot, demo_ctx) -> None:
    row = next(a for a in demo_ctx.read(learning.activities) if a.skills)
    dialog = ActivityDialog(demo_ctx, row.id)
    qtbot.addWidget(dialog)
    assert dialog.title.text() == row.title
    assert tuple(sorted(dialog.chosen_skills(), key=str.casefold)) == row.skills
    dialog.status.setCurrentIndex(dialog.status.findData("done"))
    assert dialog.submit()
    assert demo_ctx.read(learning.activity_detail, row.id).row.status == "done"


def test_deleting_an_activity_asks_and_keeps_its_hours(qtbot, page, demo_ctx, monkeypatch) -> None:
    total = demo_ctx.read(learning.session_totals)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.activity_view.selectRow(0)
    gone = page.activity_view.currentIndex().data(ROW_ROLE)
    page.delete_activity()
    assert gone.title not in titles(demo_ctx)
    assert demo_ctx.read(learning.session_totals) == total


# --- sessions ----------------------------------------------------------------------------------


def test_deleting_a_session_can_be_undone_and_redone(page, demo_ctx) -> None:
    page.tabs.setCurrentIndex(1)
    page.log.view.selectRow(0)
    target = page.log.view.currentIndex().data(ROW_ROLE)
    before, shown = len(all_sessions(demo_ctx)), page.log.model.rowCount()
    page.log.delete_selected()
    assert len(all_sessions(demo_ctx)) == before - 1
    assert target.id not in [r.id for r in log_rows(page)]
    demo_ctx.undo_stack.undo()
    back = all_sessions(demo_ctx)
    assert len(back) == before
    same = [(r.date, r.hours, r.activity, r.note) for r in back]
    assert (target.date, target.hours, target.activity, target.note) in same
    assert page.log.model.rowCount() == shown
    demo_ctx.undo_stack.redo()
    assert len(all_sessions(demo_ctx)) == before - 1


def test_the_session_dialog_refuses_zero_hours_and_writes_nothing(qtbot, demo_ctx) -> None:
    row = all_sessions(demo_ctx)[0]
    dialog = SessionDialog(demo_ctx, row)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.hours.setValue(0.0)
    assert not dialog.submit()
    assert dialog.hours_error.isVisible()
    assert "0.25" in dialog.hours_error.text()
    assert all_sessions(demo_ctx)[0] == row


def test_the_session_dialog_edits_a_session(qtbot, page, demo_ctx) -> None:
    row = all_sessions(demo_ctx)[0]
    dialog = SessionDialog(demo_ctx, row)
    qtbot.addWidget(dialog)
    dialog.hours.setValue(2.25)
    dialog.note.setText("Attention heads")
    dialog.activity.setCurrentText("(no activity)")
    assert dialog.submit()
    edited = next(r for r in all_sessions(demo_ctx) if r.id == row.id)
    assert (edited.hours, edited.note, edited.activity, edited.date) == (
        2.25,
        "Attention heads",
        None,
        row.date,
    )
    assert edited in log_rows(page)


# The timer: tests/ui/test_timer_window.py.


# --- charts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("index", [0, 1, 2])
def test_weekly_chart_bars_equal_the_weekly_series(page, demo_ctx, index) -> None:
    page.tabs.setCurrentIndex(CHARTS_TAB)
    page.charts.weeks.setCurrentIndex(index)
    weeks = page.charts.weeks.currentData()
    series = demo_ctx.read(learning.weekly_series, demo_ctx.today(), weeks)
    assert bar_heights(page.charts.weekly_chart.bars) == [p.hours for p in series.weeks]
    assert len(bar_heights(page.charts.weekly_chart.bars)) == weeks


def test_monthly_and_year_charts_draw_the_services_figures(page, demo_ctx) -> None:
    page.tabs.setCurrentIndex(CHARTS_TAB)
    months = demo_ctx.read(learning.monthly_commitment, demo_ctx.today(), 12)
    chart = page.charts.monthly_chart
    planned, logged = bar_heights(chart.planned_bars), bar_heights(chart.logged_bars)
    assert logged == pytest.approx([m.logged for m in months])
    assert planned == pytest.approx([m.planned for m in months])
    path = demo_ctx.read(learning.year_path, demo_ctx.today())
    assert page.charts.year_chart.logged_line.get_ydata()[-1] == path.logged
    assert page.charts.year_chart.goal_line.get_ydata()[-1] == path.goal


def test_hovering_a_month_bar_tells_planned_or_logged_hours(qtbot, page, demo_ctx) -> None:
    page.tabs.setCurrentIndex(CHARTS_TAB)
    months = demo_ctx.read(learning.monthly_commitment, demo_ctx.today(), 12)
    chart = page.charts.monthly_chart
    chart.canvas.draw()
    to_pixels = chart.figure.axes[0].transData.transform
    i = max(range(len(months)), key=lambda k: min(months[k].planned, months[k].logged))
    m = months[i]
    year, month = m.month.split("-")
    name = f"{calendar.month_abbr[int(month)]} {year}"
    assert hover(chart, *to_pixels((i - 0.19, m.planned / 2))) == (
        f"{name}: {m.planned:g} h a month planned"
    )
    logged = hover(chart, *to_pixels((i + 0.19, m.logged / 2)))
    assert logged.startswith(f"{name}: {m.logged:g} h logged")
    assert hover_shows_nothing(qtbot, chart, *to_pixels((i + 0.5, m.logged / 2)))  # between


def test_heatmap_hover_shows_a_days_hours(page, demo_ctx) -> None:
    page.tabs.setCurrentIndex(CHARTS_TAB)
    calendar = demo_ctx.read(learning.learning_calendar, demo_ctx.today())
    day, hours = calendar.days[-1]
    heatmap = page.charts.heatmap
    assert len(heatmap.cells) == (calendar.last - calendar.first).days + 1
    heatmap.canvas.draw()
    column, row = heatmap.position(day)
    px, py = heatmap.figure.axes[0].transData.transform((column + 0.5, row + 0.5))
    text = hover(heatmap, px, py)
    assert f"{day.year}: {hours:g} h of learning" in text
    assert str(day.day) in text


def test_charts_redraw_after_a_change_while_showing(page, demo_ctx) -> None:
    page.tabs.setCurrentIndex(CHARTS_TAB)
    before = bar_heights(page.charts.weekly_chart.bars)[-1]
    demo_ctx.write("a change", learning.log_session, 2.0, demo_ctx.today())
    assert bar_heights(page.charts.weekly_chart.bars)[-1] == pytest.approx(before + 2.0)
