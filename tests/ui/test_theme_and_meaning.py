"""Colours that mean something and follow the theme: a status is coloured by what it means for
its category (rest over its target is good news), a week whose hours were never entered is
missing rather than 0 h, and a live theme switch repaints cards, chips, labels and charts."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from ui_helpers import hover, open_page, row_bars

from planner.services import balance, learning
from planner.services.weeks import week_start
from planner.ui import theme
from planner.ui.pages.balance import BalancePage
from planner.ui.pages.dashboard import DashboardPage


def lightness(widget: QWidget, x: int, y: int) -> int:
    return widget.grab().toImage().pixelColor(x, y).lightness()


def set_week(ctx, monday: dt.date, **hours: float) -> None:
    ctx.write("a change", balance.set_week_hours, monday, hours)


# --- what a status means ---------------------------------------------------------------------


def test_plenty_of_rest_and_exercise_are_not_coloured_as_overwork(qtbot, ctx) -> None:
    monday = week_start(ctx.today())
    set_week(ctx, monday, work=60, exercise=4, social=5, rest=10)  # targets 40, 3, 5, 8
    page = open_page(qtbot, BalancePage, ctx)
    c = theme.colors()
    chips = {k: page.chips[k] for k in ("work", "exercise", "rest")}
    assert {k: chip.text() for k, chip in chips.items()} == dict.fromkeys(chips, "Over")
    assert c.over in chips["work"].styleSheet()
    for good in ("exercise", "rest"):
        assert c.over not in chips[good].styleSheet()
        assert c.balanced in chips[good].styleSheet()
    bars = row_bars(page.week_chart)
    assert QColor.fromRgbF(*bars["Work"].get_facecolor()).name() == c.over
    assert QColor.fromRgbF(*bars["Rest"].get_facecolor()).name() == c.balanced


def test_the_dashboard_colours_plenty_of_rest_as_good_news(qtbot, ctx) -> None:
    set_week(ctx, week_start(ctx.today()), work=60, exercise=4, social=5, rest=10)
    dash = open_page(qtbot, DashboardPage, ctx)
    c = theme.colors()
    assert c.over not in dash.chips["rest"].styleSheet()
    assert c.balanced in dash.chips["exercise"].styleSheet()
    assert c.over in dash.chips["work"].styleSheet()


def test_too_little_rest_is_bad_and_too_little_social_time_a_caution(qtbot, ctx) -> None:
    set_week(ctx, week_start(ctx.today()), work=40, exercise=3, social=1, rest=2)
    page = open_page(qtbot, BalancePage, ctx)
    c = theme.colors()
    assert c.over in page.chips["rest"].styleSheet()
    assert c.under in page.chips["social"].styleSheet()


# --- a week not entered is missing, not zero ---------------------------------------------------


def test_a_week_not_entered_is_drawn_as_missing_not_as_zero(qtbot, ctx) -> None:
    monday = week_start(ctx.today())
    ctx.write(
        "a change", learning.log_session, 2.0, monday
    )  # learning is known; the typed hours are not
    set_week(ctx, monday - dt.timedelta(weeks=1), work=42, exercise=3, social=5, rest=8)
    page = open_page(qtbot, BalancePage, ctx)
    assert page.chips["work"].text() == "Not entered"
    page.week_chart.canvas.draw()
    texts = [t.get_text() for t in page.week_chart.figure.axes[0].texts]
    assert texts.count("not entered") == 4
    assert "0 h · under" not in texts
    assert set(row_bars(page.week_chart)) == {"Learning"}  # no 0 h bars for the rest
    work = list(page.trend_chart.lines["work"].get_ydata())
    assert work[-2] == 42 and work[-1] != work[-1]  # a gap (NaN), not a dip to 0
    history = [t.get_text() for t in page.history_chart.figure.axes[0].texts]
    # Of the 12 weeks shown, the record began with the one entered: the week after it is not
    # entered, the ten before it are no one's to enter.
    assert history.count(" not entered") == 1
    before = page.history_chart.stacks["work"].get_paths()[0].vertices.mean(axis=0)
    x, y = page.history_chart.stacks["work"].get_transform().transform(before)
    assert hover(page.history_chart, x, y + 20).endswith(": before your first record")


def test_the_review_and_the_cli_say_not_entered_rather_than_0_h(ctx, db_path) -> None:
    from planner.services import review
    from planner.ui.report import balance_html

    monday = week_start(ctx.today())
    ctx.write("a change", learning.log_session, 1.5, monday)
    summary = ctx.read(review.summary, monday, ctx.today())
    html = balance_html(summary, theme.colors())
    assert html.count("Not entered") == 4 and "'right'>0 h</td>" not in html
    ctx.db.close()
    out = subprocess.run(
        [sys.executable, "-m", "planner", "--db", str(db_path), "week", "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    week = json.loads(out)["categories"]
    assert week["work"] == {"hours": None, "target": 40.0, "status": None}
    assert week["learning"]["hours"] == 1.5


# --- a live theme switch -----------------------------------------------------------------------


@pytest.mark.parametrize(("first", "then"), [("light", "dark"), ("dark", "light")])
def test_a_live_theme_switch_repaints_cards_chips_labels_and_charts(
    qtbot, demo_ctx, first: str, then: str
) -> None:
    theme.apply(first)
    page = open_page(qtbot, DashboardPage, demo_ctx)
    chart = page.chart
    qtbot.waitUntil(lambda: chart._shown is not None)
    card = page.readiness
    before = lightness(card, card.width() // 2, card.height() - 4)
    theme.apply(then)
    page.refresh()  # as the window does for the page it shows
    c = theme.colors()
    after = lightness(card, card.width() // 2, card.height() - 4)
    assert (before > 128) == (first == "light") and (after > 128) == (then == "light")
    text = QColor(c.text).lightness()
    assert abs(after - text) > 100  # the card's text stays readable on it
    assert QColor.fromRgbF(*chart.figure.get_facecolor()).name() == c.window
    balance_page = open_page(qtbot, BalancePage, demo_ctx)
    assert c.muted in balance_page.learning_note.styleSheet()
    theme.apply(first)
    assert theme.colors().muted in balance_page.learning_note.styleSheet()
    assert QColor.fromRgbF(*chart.figure.get_facecolor()).name() == theme.colors().window
