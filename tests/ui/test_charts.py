"""What every chart does to stay cheap without looking different: a chart updated in place looks
like one drawn from scratch, a hidden chart draws when it is shown (with the latest data), the
same data twice draws nothing, and no page warns that its layout collapsed."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtWidgets import QTabWidget, QWidget
from ui_helpers import bar_heights, hover

from planner.services import balance, learning
from planner.services.learning import (
    CommitmentSeries,
    LearningCalendar,
    MonthCommitment,
    WeekPoint,
    YearPath,
)
from planner.ui.charts.balance import BalanceWeekChart
from planner.ui.charts.heatmap import CalendarHeatmap
from planner.ui.charts.learning import MonthlyCommitmentChart, WeeklyHoursChart, YearToDateChart

MONDAY = dt.date(2026, 3, 2)


def series(*hours: float, goal: float = 5.0) -> CommitmentSeries:
    weeks = tuple(
        WeekPoint(MONDAY + dt.timedelta(weeks=i), f"2026-W{10 + i}", h) for i, h in enumerate(hours)
    )
    return CommitmentSeries(weeks, goal)


def shown_chart(qtbot, chart):
    qtbot.addWidget(chart)
    chart.resize(900, 300)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def draws(chart) -> list[int]:
    calls: list[int] = []
    chart.canvas.mpl_connect("draw_event", lambda _e: calls.append(1))
    return calls


def settle(qtbot, chart) -> None:
    """Wait for the draw a change asked for (the canvas draws on a later turn of the loop)."""
    drawn = draws(chart)
    qtbot.waitUntil(lambda: bool(drawn))


def test_an_updated_chart_looks_like_one_drawn_from_scratch(qtbot) -> None:
    chart = shown_chart(qtbot, WeeklyHoursChart())
    chart.set_data(series(2, 4, 3))
    chart.canvas.draw()
    bars = chart.bars
    final = series(2, 4, 130)  # three-digit hours: wider tick labels need a wider margin
    chart.set_data(final)
    assert chart.bars is bars  # moved, not rebuilt
    assert bar_heights(chart.bars) == [2, 4, 130]
    chart.canvas.draw()
    fresh = shown_chart(qtbot, WeeklyHoursChart())
    fresh.set_data(final)
    fresh.canvas.draw()
    updated_ax, fresh_ax = chart.figure.axes[0], fresh.figure.axes[0]
    assert updated_ax.get_position().bounds == pytest.approx(fresh_ax.get_position().bounds)
    assert updated_ax.get_ylim() == fresh_ax.get_ylim()
    assert [t.get_text() for t in updated_ax.get_yticklabels()] == [
        t.get_text() for t in fresh_ax.get_yticklabels()
    ]
    x, y = updated_ax.transData.transform((2, 65))  # the middle of the 130 h bar
    text = hover(chart, x, y)
    assert "130 h logged — goal met" in text


def pixels(chart) -> bytes:
    chart.canvas.draw()
    return bytes(chart.canvas.buffer_rgba())


MONTHS = ("2026-01", "2026-02", "2026-03")


@pytest.mark.parametrize(
    ("make", "first", "final", "kept"),
    [
        (
            MonthlyCommitmentChart,
            [MonthCommitment(m, 10, h) for m, h in zip(MONTHS, (4, 8, 2), strict=True)],
            [MonthCommitment(m, 10, h) for m, h in zip(MONTHS, (4, 8, 140), strict=True)],
            "logged_bars",
        ),
        (
            YearToDateChart,
            YearPath(2026, 300, dt.date(2026, 3, 1), ((dt.date(2026, 1, 5), 2.0),)),
            YearPath(
                2026,
                300,
                dt.date(2026, 3, 2),
                ((dt.date(2026, 1, 5), 2.0), (dt.date(2026, 3, 2), 90.5)),
            ),
            "logged_line",
        ),
    ],
)
def test_monthly_and_year_charts_update_in_place_as_if_drawn_afresh(
    qtbot, make, first, final, kept
) -> None:
    """Hours logged while the Learning charts tab is hidden move its bars and lines when it is
    opened, instead of rebuilding the axes: and the picture is the one a rebuild would draw
    (legend text, scale and margins included)."""
    chart = shown_chart(qtbot, make())
    chart.set_data(first)
    pixels(chart)
    artist = getattr(chart, kept)
    chart.set_data(final)
    assert getattr(chart, kept) is artist
    fresh = shown_chart(qtbot, make())
    fresh.set_data(final)
    assert pixels(chart) == pixels(fresh)


DAYS = (dt.date(2026, 3, 2), dt.date(2026, 3, 4))


@pytest.mark.parametrize(
    ("make", "first", "final"),
    [
        # The goal line crosses a bar: drawn over it, as in a full draw.
        (WeeklyHoursChart, series(2, 4, 3, goal=3.5), series(2, 4, 3.75, goal=3.5)),
        (
            MonthlyCommitmentChart,
            [MonthCommitment(m, 10, h) for m, h in zip(MONTHS, (4, 8, 2), strict=True)],
            [MonthCommitment(m, 10, h) for m, h in zip(MONTHS, (4, 8, 2.5), strict=True)],
        ),
        (
            YearToDateChart,
            YearPath(2026, 300, dt.date(2026, 3, 2), ((dt.date(2026, 1, 5), 2.0),)),
            YearPath(2026, 300, dt.date(2026, 3, 2), ((dt.date(2026, 1, 5), 2.0), (DAYS[0], 3.5))),
        ),
        (
            CalendarHeatmap,
            LearningCalendar(dt.date(2025, 3, 3), DAYS[1], ((DAYS[0], 1.0),)),
            LearningCalendar(dt.date(2025, 3, 3), DAYS[1], ((DAYS[0], 1.0), (DAYS[1], 2.5))),
        ),
    ],
)
def test_new_hours_on_the_same_scale_redraw_only_what_moved(
    qtbot, monkeypatch, tmp_path, make, first, final
) -> None:
    """An hour logged that keeps the scale (the usual quick log) moves a bar, a line, a shade and
    a text: only those are drawn again, over the frame kept from the last draw, and the picture
    is the very one matplotlib draws whole, as it does to save the chart."""
    from matplotlib.image import imread

    chart = shown_chart(qtbot, make())
    chart.set_data(first)
    pixels(chart)
    full_draws: list[object] = []
    whole = chart.figure.draw
    monkeypatch.setattr(chart.figure, "draw", lambda r: (full_draws.append(r), whole(r)))
    chart.set_data(final)
    on_screen = np.frombuffer(pixels(chart), np.uint8)
    assert full_draws == []
    chart.save(str(tmp_path / "chart.png"))  # every artist, in matplotlib's order
    saved = (imread(tmp_path / "chart.png") * 255).round().astype(np.uint8)
    assert np.array_equal(saved.ravel(), on_screen)


def test_a_different_number_of_weeks_rebuilds_the_chart(qtbot) -> None:
    chart = shown_chart(qtbot, WeeklyHoursChart())
    chart.set_data(series(2, 4, 3))
    bars = chart.bars
    chart.set_data(series(2, 4, 3, 6))
    assert chart.bars is not bars
    assert bar_heights(chart.bars) == [2, 4, 3, 6]
    chart.set_data(series(0, 0, 0, 0))
    assert bar_heights(chart.bars) == []
    assert chart.empty_message in [t.get_text() for t in chart.figure.axes[0].texts]


def test_a_chart_shown_again_with_what_it_drew_draws_nothing(qtbot) -> None:
    chart = shown_chart(qtbot, WeeklyHoursChart())
    chart.set_data(series(2, 4, 3))
    settle(qtbot, chart)
    drawn = draws(chart)
    chart.hide()
    chart.show()  # a tab or page shown again
    qtbot.wait(1)  # one turn of the event loop: a requested draw would happen now
    assert drawn == []
    chart.set_data(series(2, 4, 5))
    settle(qtbot, chart)
    assert len(drawn) == 1


def test_a_chart_on_a_hidden_tab_draws_when_shown_with_the_latest_data(qtbot) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "first")
    chart = WeeklyHoursChart()
    tabs.addTab(chart, "chart")
    tabs.resize(900, 400)
    tabs.show()
    qtbot.waitExposed(tabs)
    drawn = draws(chart)
    chart.set_data(series(2, 4, 3))
    chart.set_data(series(2, 4, 7))
    qtbot.wait(1)
    assert drawn == []  # nobody can see it yet
    tabs.setCurrentIndex(1)
    settle(qtbot, chart)
    assert bar_heights(chart.bars) == [2, 4, 7]
    assert len(drawn) == 1  # two changes, one draw, at its real size
    assert chart.canvas.width() > 100 and chart.canvas.height() > 100


def test_the_heatmap_hover_follows_an_hour_logged_today(qtbot, demo_ctx) -> None:
    chart = shown_chart(qtbot, CalendarHeatmap())
    today = demo_ctx.today()
    chart.set_data(demo_ctx.read(learning.learning_calendar, today))
    before = dict(demo_ctx.read(learning.learning_calendar, today).days).get(today, 0.0)
    squares = chart.squares
    demo_ctx.write("a change", learning.log_session, 1.5, today)
    chart.set_data(demo_ctx.read(learning.learning_calendar, today))
    assert chart.squares is squares  # the year's squares stayed; their shades changed
    chart.canvas.draw()
    column, row = chart.position(today)
    px, py = chart.figure.axes[0].transData.transform((column + 0.5, row + 0.5))
    assert f"{before + 1.5:g} h of learning" in hover(chart, px, py)


def test_no_chart_warns_that_its_layout_collapsed(qapp, demo_db, tmp_path, recwarn) -> None:
    """Pages built before their window shows, as `planner --screenshot` builds them, drew their
    charts at a size of nothing, and constrained layout warned on every such draw."""
    from planner.ui.launch import screenshot
    from planner.ui.main_window import PAGE_NAMES

    demo_db.close()
    for name in PAGE_NAMES:
        assert screenshot(tmp_path / f"{name}.png", name, demo_db.path) == 0
    assert [str(w.message) for w in recwarn if "collapsed" in str(w.message)] == []


def test_text_at_the_bars_ends_fits_inside_a_narrow_chart(qtbot, demo_ctx) -> None:
    """The hours written past each bar reach beyond the axes; the layout makes room for them
    where they land after the axes moved, so none is cut off at the figure's edge."""
    chart = BalanceWeekChart()
    qtbot.addWidget(chart)
    chart.resize(240, 260)
    chart.show()
    qtbot.waitExposed(chart)
    monday = demo_ctx.today() - dt.timedelta(days=demo_ctx.today().weekday())
    chart.set_data(demo_ctx.read(balance.week_balance, monday, demo_ctx.today()))
    chart.canvas.draw()
    ax = chart.figure.axes[0]
    renderer = chart.canvas.get_renderer()
    figure = chart.figure.bbox
    assert ax.texts
    reach = max(t.get_window_extent(renderer).x1 for t in ax.texts)
    assert ax.bbox.x1 < reach <= figure.x1  # past the axes, inside the figure
    for text in [*ax.texts, *ax.get_yticklabels()]:
        box = text.get_window_extent(renderer)
        assert figure.x0 <= box.x0 and box.x1 <= figure.x1


def test_a_resized_heatmap_sits_where_a_fresh_one_does(qtbot, demo_ctx) -> None:
    """Its squares keep their aspect, so its axes shrink inside their place by an amount that
    depends on the place: a layout starting from the last one must still land where a first
    layout at that size does (within two pixels)."""
    calendar = demo_ctx.read(learning.learning_calendar, demo_ctx.today())
    resized = shown_chart(qtbot, CalendarHeatmap())
    resized.set_data(calendar)
    resized.canvas.draw()
    resized.resize(1150, 260)
    qtbot.waitUntil(lambda: resized.canvas.width() == 1150)
    resized.canvas.draw()
    fresh = CalendarHeatmap()
    qtbot.addWidget(fresh)
    fresh.resize(1150, 260)
    fresh.show()
    qtbot.waitExposed(fresh)
    fresh.set_data(calendar)
    fresh.canvas.draw()
    placed, first = resized.figure.axes[0].bbox, fresh.figure.axes[0].bbox  # in pixels
    assert placed.bounds == pytest.approx(first.bounds, abs=2)


def test_a_chart_keeps_its_layout_when_new_hours_keep_its_labels(qtbot, monkeypatch) -> None:
    """The layout is measured again only when the text around the axes changes; an axis's
    ticks depend on its length, which the first layout changed, and that is not a change."""
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    chart = shown_chart(qtbot, MonthlyCommitmentChart())
    chart.resize(514, 252)  # its size on the Learning page, where this was seen
    qtbot.waitUntil(lambda: chart.canvas.get_width_height() == (514, 252))
    chart.set_data([MonthCommitment(m, 30, h) for m, h in zip(MONTHS, (60, 38, 40), strict=True)])
    chart.canvas.draw()
    laid_out: list[object] = []
    layout = ConstrainedLayoutEngine.execute
    monkeypatch.setattr(
        ConstrainedLayoutEngine,
        "execute",
        lambda self, fig: (laid_out.append(fig), layout(self, fig)),
    )
    labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    # A quick log: the same scale, a taller bar this month.
    chart.set_data([MonthCommitment(m, 30, h) for m, h in zip(MONTHS, (60, 38, 40.5), strict=True)])
    chart.canvas.draw()
    assert [t.get_text() for t in chart.figure.axes[0].get_yticklabels()] == labels
    assert laid_out == []


def test_the_calendar_lays_nothing_out_when_an_hour_is_logged(qtbot, demo_ctx, monkeypatch) -> None:
    """The calendar's total (in its legend's row, inside the axes) changes with every log; the
    tick labels and title do not, so the figure keeps its layout and only draws."""
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    chart = shown_chart(qtbot, CalendarHeatmap())
    today = demo_ctx.today()
    chart.set_data(demo_ctx.read(learning.learning_calendar, today))
    chart.canvas.draw()
    texts_before = [t.get_text() for t in chart.figure.axes[0].texts]
    laid_out: list[object] = []
    layout = ConstrainedLayoutEngine.execute
    monkeypatch.setattr(
        ConstrainedLayoutEngine,
        "execute",
        lambda self, fig: (laid_out.append(fig), layout(self, fig)),
    )
    demo_ctx.write("a change", learning.log_session, 1.5, today)
    chart.set_data(demo_ctx.read(learning.learning_calendar, today))
    chart.canvas.draw()
    texts_after = [t.get_text() for t in chart.figure.axes[0].texts]
    assert texts_after != texts_before  # the total moved on
    assert laid_out == []
