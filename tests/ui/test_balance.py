"""The Balance page on a real file: the week grid (one write for the four typed categories, and
nothing written when a value is refused), learning taken from sessions, targets, week navigation,
the recommendations and the three charts."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_helpers import bar_heights, hover, hover_shows_nothing, open_page, row_bars, row_lengths

from planner.services import balance, learning
from planner.services.weeks import week_heading, week_start
from planner.ui.charts.balance import LABEL
from planner.ui.pages.balance import BalancePage
from planner.vocabulary import CATEGORIES


@pytest.fixture
def page(qtbot, demo_ctx) -> BalancePage:
    return open_page(qtbot, BalancePage, demo_ctx)


def typed(ctx, monday: dt.date) -> dict[str, float]:
    return ctx.read(balance.typed_by_week, monday, monday).get(monday, {})


def empty_state_shown(chart) -> bool:
    return chart.empty_message in [t.get_text() for ax in chart.figure.axes for t in ax.texts]


def count_writes(ctx) -> list[int]:
    calls: list[int] = []
    ctx.changed.connect(lambda: calls.append(1))
    return calls


# --- opening -------------------------------------------------------------------------------------


def test_an_empty_file_shows_an_empty_week_and_empty_charts(qtbot, ctx) -> None:
    page = open_page(qtbot, BalancePage, ctx)
    assert page.monday == week_start(ctx.today())
    assert page.week_label.text() == week_heading(page.monday)
    assert all(page.hours[c].value() == 0 for c in CATEGORIES)
    assert [page.chips[c].text() for c in ("work", "exercise", "social", "rest")] == [
        "Not entered"
    ] * 4
    assert "No hours entered" in page.advice.text()
    assert not page.save_button.isEnabled()
    for chart in (page.history_chart, page.week_chart, page.trend_chart):
        assert empty_state_shown(chart)


def test_the_demo_week_shows_the_services_figures(page, demo_ctx) -> None:
    week = demo_ctx.read(balance.week_balance, demo_ctx.today(), demo_ctx.today())
    for cat in week.categories:
        assert page.hours[cat.category].value() == pytest.approx(cat.hours)
        assert page.chips[cat.category].text() == cat.status.capitalize()
        assert page.targets[cat.category].value() == cat.target
    assert row_lengths(page.week_chart) == {LABEL[c.category]: c.hours for c in week.categories}
    # The demo ends with a crunch at work: three weeks over target is a burnout risk.
    assert week.burnout_risk and not page.burnout.isHidden()
    assert week.burnout_advice in page.burnout.text()
    assert all(tip in page.advice.text() for tip in week.advice)


def test_the_history_charts_draw_the_service_series(page, demo_ctx) -> None:
    history = demo_ctx.read(balance.history, page.monday, 12)
    for category in CATEGORIES:
        heights = bar_heights(page.history_chart.stacks[category])
        assert heights == pytest.approx(list(history.series(category)))
    assert list(page.trend_chart.lines["work"].get_ydata()) == list(history.series("work"))
    assert list(page.trend_chart.lines["learning"].get_ydata()) == list(history.series("learning"))
    page.span.setCurrentIndex(page.span.findData(26))
    assert len(bar_heights(page.history_chart.stacks["work"])) == 26


# --- the week grid -------------------------------------------------------------------------------


def test_save_writes_the_four_categories_in_one_write_and_statuses_update(qtbot, ctx) -> None:
    page = open_page(qtbot, BalancePage, ctx)
    for category, value in {"work": 55, "exercise": 1, "social": 5, "rest": 8.5}.items():
        page.hours[category].setValue(value)
    assert page.save_button.isEnabled()
    writes = count_writes(ctx)
    assert page.save_week()
    assert len(writes) == 1
    assert typed(ctx, page.monday) == {"work": 55, "exercise": 1, "social": 5, "rest": 8.5}
    chips = {c: page.chips[c].text() for c in ("work", "exercise", "social", "rest")}
    assert chips == {"work": "Over", "exercise": "Under", "social": "Balanced", "rest": "Balanced"}
    assert not page.save_button.isEnabled()
    assert row_lengths(page.week_chart)["Work"] == 55


def test_a_value_over_168_is_refused_and_nothing_is_written(page, demo_ctx) -> None:
    before = typed(demo_ctx, page.monday)
    page.hours["social"].setValue(4)
    page.hours["work"].setValue(200)
    writes = count_writes(demo_ctx)
    assert not page.save_week()
    assert writes == []
    assert typed(demo_ctx, page.monday) == before
    assert not page.week_error.isHidden()
    assert "Work hours 200 h is more than the 168 hours" in page.week_error.text()
    assert page.hours["work"].value() == 200  # kept, so the person can correct it
    page.hours["work"].setValue(50)
    assert page.save_week()
    assert typed(demo_ctx, page.monday)["work"] == 50
    assert page.week_error.isHidden()


def test_the_learning_row_is_the_weeks_sessions_and_read_only(qtbot, ctx) -> None:
    page = open_page(qtbot, BalancePage, ctx)
    monday = page.monday
    ctx.write("a change", learning.log_session, 1.5, monday)
    ctx.write("a change", learning.log_session, 0.75, monday + dt.timedelta(days=6))
    ctx.write(
        "a change", learning.log_session, 3.0, monday - dt.timedelta(days=1)
    )  # the week before
    box = page.hours["learning"]
    assert box.value() == 2.25
    assert box.isReadOnly()
    assert "2 logged sessions" in page.learning_note.text()
    assert "learning" not in page.typed_values()


def test_typed_hours_survive_a_refresh_from_elsewhere(page, demo_ctx) -> None:
    page.hours["rest"].setValue(12)
    demo_ctx.write(
        "a change", learning.log_session, 1.0, demo_ctx.today()
    )  # e.g. a quick log (Ctrl+L)
    assert page.hours["rest"].value() == 12
    assert page.save_button.isEnabled()
    page.revert_button.click()
    assert page.hours["rest"].value() == typed(demo_ctx, page.monday)["rest"]


def test_a_status_follows_the_hours_typed_beside_it(page, demo_ctx) -> None:
    """The demo week's work is over its target; typing fewer hours shows the status they would
    have, through a refresh from elsewhere, and Revert shows the saved status again."""
    week = demo_ctx.read(balance.week_balance, page.monday, demo_ctx.today())
    work = week.category("work")
    assert page.chips["work"].text() == work.status.capitalize() == "Over"
    page.hours["work"].setValue(work.target)
    assert page.chips["work"].text() == "Balanced"
    demo_ctx.write("a change", learning.log_session, 1.0, demo_ctx.today())
    assert page.chips["work"].text() == "Balanced"
    page.revert_button.click()
    assert page.chips["work"].text() == "Over"


# --- targets and weeks ---------------------------------------------------------------------------


def test_the_targets_editor_changes_targets(page, demo_ctx) -> None:
    page.targets["learning"].setValue(7)
    page.targets["work"].setValue(45)
    assert page.save_targets()
    stored = demo_ctx.read(balance.targets)
    assert (stored["learning"], stored["work"]) == (7, 45)
    assert page.target_labels["learning"].text() == "7 h"
    page.targets["rest"].setValue(300)
    assert not page.save_targets()
    assert demo_ctx.read(balance.targets)["rest"] == stored["rest"]
    assert "168" in page.targets_error.text()


def test_week_navigation_moves_by_one_iso_week(page, demo_ctx) -> None:
    this_monday = week_start(demo_ctx.today())
    page.prev_button.click()
    assert page.monday == this_monday - dt.timedelta(weeks=1)
    assert page.week_label.text() == week_heading(this_monday - dt.timedelta(weeks=1))
    previous = demo_ctx.read(balance.week_balance, page.monday, demo_ctx.today())
    assert page.hours["work"].value() == pytest.approx(previous.category("work").hours)
    assert page.this_button.isEnabled()
    page.next_button.click()
    page.next_button.click()
    assert page.monday == this_monday + dt.timedelta(weeks=1)
    page.this_button.click()
    assert page.monday == this_monday
    assert not page.this_button.isEnabled()


def test_the_page_opens_in_the_main_window(window) -> None:
    page = window.show_page("balance")
    assert isinstance(page, BalancePage)
    assert page.hours["work"].value() > 0


@pytest.mark.parametrize(("button", "saved"), [("Save", True), ("Discard", False)])
def test_leaving_a_week_with_typed_hours_asks_to_save(page, demo_ctx, button, saved) -> None:
    monday = page.monday
    before = typed(demo_ctx, monday)["exercise"]
    page.hours["exercise"].setValue(9.5)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(getattr(QMessageBox.StandardButton, button)).click()

    QTimer.singleShot(0, answer)
    page.prev_button.click()
    assert page.monday == monday - dt.timedelta(weeks=1)
    assert typed(demo_ctx, monday)["exercise"] == (9.5 if saved else before)
    assert not page.save_button.isEnabled()


@pytest.mark.parametrize(
    ("button", "closed", "saved"),
    [("Save", True, True), ("Discard", True, False), ("Cancel", False, False)],
)
def test_closing_the_window_with_typed_hours_asks_to_save(
    window, demo_ctx, button, closed, saved
) -> None:
    """Typed hours are not lost by closing the window: save, discard, or stay."""
    page = window.show_page("balance")
    monday = page.monday
    before = typed(demo_ctx, monday)["rest"]
    page.hours["rest"].setValue(11.5)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(getattr(QMessageBox.StandardButton, button)).click()

    QTimer.singleShot(0, answer)
    assert window.close() is closed
    assert typed(demo_ctx, monday)["rest"] == (11.5 if saved else before)
    if not closed:  # staying keeps what was typed, still unsaved
        assert page.hours["rest"].value() == 11.5 and page.save_button.isEnabled()
        page.revert_button.click()  # so that the window closes after the test without asking


def test_hovering_a_bar_tells_its_hours_target_and_status(page, demo_ctx) -> None:
    week = demo_ctx.read(balance.week_balance, page.monday, demo_ctx.today())
    work = week.category("work")
    page.week_chart.canvas.draw()
    box = row_bars(page.week_chart)["Work"].get_window_extent()
    text = hover(page.week_chart, (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
    assert f"Work: {work.hours:g} h, target {work.target:g} h" in text
    assert work.status.capitalize() in text


def test_hovering_a_history_bar_tells_its_week_category_and_hours(qtbot, page, demo_ctx) -> None:
    history = demo_ctx.read(balance.history, page.monday, 12)
    chart = page.history_chart
    chart.canvas.draw()
    to_pixels = chart.figure.axes[0].transData.transform
    week = len(history.weeks) - 2
    bottom = 0.0
    for category in history.categories:
        value = history.series(category)[week]
        if value > 0:
            x, y = to_pixels((week + 0.2, bottom + value / 2))
            assert hover(chart, x, y) == (
                f"{history.weeks[week].label} · {LABEL[category]}: {value:g} h "
                f"(target {history.target(category):g} h)"
            )
        bottom += value
    x, y = to_pixels((week + 0.5, bottom / 2))  # between two weeks' bars
    assert hover_shows_nothing(qtbot, chart, x, y)
    x, y = to_pixels((week, bottom + 5))  # above the stack
    assert "Target" in hover(chart, x, y) or hover_shows_nothing(qtbot, chart, x, y)


def test_hovering_a_trend_point_tells_its_week_hours_and_target(qtbot, page, demo_ctx) -> None:
    history = demo_ctx.read(balance.history, page.monday, 12)
    chart = page.trend_chart
    chart.canvas.draw()
    for name, label in (("work", "Work"), ("learning", "Learning")):
        line = chart.lines[name]
        other = chart.lines["learning" if name == "work" else "work"]
        points = line.get_transform().transform(line.get_xydata())
        others = other.get_transform().transform(other.get_xydata())
        # A week whose two points are apart, so the mouse is over this series' point only.
        i = max(range(len(points)), key=lambda k: abs(points[k][1] - others[k][1]))
        x, y = points[i]
        value = history.series(name)[i]
        expected = (
            f"{history.weeks[i].label} · {label}: {value:g} h (target {history.target(name):g} h)"
        )
        assert hover(chart, x + 2, y - 2) == expected
        above = hover(chart, x, y + 40)
        assert above != expected or hover_shows_nothing(qtbot, chart, x, y + 40)


# --- a week still running --------------------------------------------------------------------


def test_midweek_the_screens_say_what_is_left_not_that_the_week_fell_short(
    qtbot, ctx, monkeypatch
) -> None:
    """On a Wednesday with 2 h of a 5 h goal logged, the dashboard's hover, the Balance page's
    advice and the weekly review say 3 h are to go by Sunday; on the Monday after, the same
    week reads as it ended: 3 h short."""
    from planner.services import review
    from planner.ui import report, theme
    from planner.ui.pages.dashboard import DashboardPage

    monday = dt.date(2026, 3, 9)
    wednesday, next_monday = monday + dt.timedelta(days=2), monday + dt.timedelta(days=7)
    ctx.write("log 2 h", learning.log_session, 2.0, monday)
    ctx.write(
        "save the hours",
        balance.set_week_hours,
        monday,
        {"work": 20.0, "exercise": 3.0, "social": 5.0, "rest": 8.0},
    )
    monkeypatch.setattr(ctx, "today", lambda: wednesday)

    dashboard = open_page(qtbot, DashboardPage, ctx, follow_changes=False)
    assert dashboard.chips["learning"].toolTip() == "3 h to go by Sunday to reach the target."
    page = open_page(qtbot, BalancePage, ctx, follow_changes=False)
    advice = page.advice.text()
    assert "The week runs to Sunday: 3 h of learning to go" in advice
    assert "fell short" not in advice and "Work was light" not in advice
    running = report.learning_html(ctx.read(review.summary, monday, wednesday), theme.colors())
    assert "3 h to go by Sunday." in running and "short" not in running

    monkeypatch.setattr(ctx, "today", lambda: next_monday)
    page.refresh()  # still showing that week, now over
    assert balance.ADVICE[("learning", "under")] in page.advice.text()
    ended = report.learning_html(ctx.read(review.summary, monday, next_monday), theme.colors())
    assert "3 h short." in ended


def test_a_newcomers_last_week_is_not_judged(qtbot, ctx) -> None:
    """Someone who started this week and steps back a week: its learning reads as not entered
    (no 0 h "Under"), the review says their record begins after it, and the work-vs-learning
    chart draws no learning line before their first week."""
    from planner.services import review
    from planner.ui import report, theme

    today = ctx.today()
    ctx.write("log 2 h", learning.log_session, 2.0, today)
    page = open_page(qtbot, BalancePage, ctx)
    assert page.chips["learning"].text() != "Not entered"  # this week: 2 h so far
    learned = list(page.trend_chart.lines["learning"].get_ydata())
    assert learned[-1] == 2.0 and all(h != h for h in learned[:-1])  # gaps (nan), not 0 h
    page.go_week(-1)
    assert page.chips["learning"].text() == "Not entered"
    summary = ctx.read(review.summary, page.monday, today)
    text = report.learning_html(summary, theme.colors())
    assert "your record begins after this week" in text and "short" not in text
