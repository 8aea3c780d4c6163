"""Pages prepared in idle time once the window has started (planner.ui.prepare): every page is
built and its charts drawn at the size they show at, without moving the person from the page,
the field or the text they are on, so that the first visit draws nothing new; later changes
still show; and closing the window stops the preparing."""

from __future__ import annotations

import grimp
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import bar_heights

from planner.services import learning
from planner.ui.charts.base import ChartView
from planner.ui.charts.canvas import Canvas
from planner.ui.instance import claim
from planner.ui.launch import _Windows
from planner.ui.main_window import PAGE_NAMES
from planner.ui.pages.learning import CHARTS_TAB, LearningPage
from planner.ui.prepare import ORDER
from planner.ui.settings import Settings


def started(qtbot, db, *, prepare: bool = True) -> _Windows:
    """The window as the app starts it on `db`'s file: painted, then opened."""
    path = db.path
    db.close()
    windows = _Windows(Settings(), prepare_pages=prepare)
    windows.show_then_open(path, False, claim(path))
    assert windows.window is not None
    qtbot.addWidget(windows.window)
    windows.window.resize(1280, 820)
    qtbot.waitUntil(lambda: windows.ctx is not None and windows.ctx.is_open, timeout=20_000)
    return windows


def turns_of_the_event_loop(turns: int = 50) -> None:
    """More turns than preparing every page takes (a step each), without waiting on time."""
    for _ in range(turns):
        QApplication.processEvents()


def prepared(qtbot, db) -> _Windows:
    windows = started(qtbot, db)
    qtbot.waitUntil(
        lambda: windows.preparer is not None and windows.preparer.is_finished, timeout=30_000
    )
    charts = windows.window.findChildren(ChartView)
    qtbot.waitUntil(lambda: not any(c.canvas.pending for c in charts if c._shown))
    return windows


def test_every_page_is_ready_before_it_is_visited_and_shows_without_drawing_again(
    qtbot, demo_db
) -> None:
    windows = started(qtbot, demo_db)
    window = windows.window
    quick_log = window.page("dashboard").quick_log
    quick_log.hours.setFocus()
    quick_log.note.setText("half-typed")  # the person is typing while the pages are prepared
    qtbot.waitUntil(
        lambda: windows.preparer is not None and windows.preparer.is_finished, timeout=30_000
    )
    assert all(window.has_page(name) for name in PAGE_NAMES)
    assert window.current_page().name == "dashboard"  # still where the person was
    assert window.focusWidget() is quick_log.hours and quick_log.note.text() == "half-typed"

    balance = window.page("balance")
    charts = balance.findChildren(ChartView)
    qtbot.waitUntil(lambda: not any(c.canvas.pending for c in charts))
    drawn: list[str] = []
    for chart in charts:
        chart.canvas.mpl_connect("draw_event", lambda _e, c=chart: drawn.append(c.title))
    sizes = {chart.title: chart.size() for chart in charts}
    window.show_page("balance")
    qtbot.waitUntil(lambda: all(c.isVisible() for c in charts))
    window.grab()  # paints the page now: a chart not drawn yet would draw in its paint
    assert drawn == []  # what the idle time drew is what shows
    assert {chart.title: chart.size() for chart in charts} == sizes
    for chart in charts:  # drawn at the size it shows at
        assert chart.canvas.get_width_height() == (chart.canvas.width(), chart.canvas.height())
    windows.close_current()


def test_no_prepared_page_draws_again_when_first_visited(qtbot, demo_db) -> None:
    """Each page's charts were drawn at the size they show at, with the data they show (Skills
    selects its first skill as it shows: that happened while it was prepared), the Learning
    page's charts tab too."""
    windows = prepared(qtbot, demo_db)
    window = windows.window
    drawn: list[str] = []
    for chart in window.findChildren(ChartView):
        chart.canvas.mpl_connect("draw_event", lambda _e, c=chart: drawn.append(type(c).__name__))
    for name in ORDER:
        window.show_page(name)
        window.grab()
        assert drawn == [], name
    # Behind its first tab, in a scroll area that fits its charts to the room in two passes.
    window.show_page("learning").tabs.setCurrentIndex(2)
    window.grab()
    assert drawn == [], "the learning charts tab"
    windows.close_current()


def test_the_learning_charts_tab_is_prepared_and_takes_hours_logged_since(qtbot, demo_db) -> None:
    windows = prepared(qtbot, demo_db)
    window, ctx = windows.window, windows.ctx
    page = window.page("learning")
    assert bar_heights(page.charts.weekly_chart.bars)  # the charts tab was drawn in idle time
    before = bar_heights(page.charts.weekly_chart.bars)[-1]
    dashboard = window.page("dashboard")
    dashboard.quick_log.hours.setValue(2.0)
    qtbot.keyClick(dashboard.quick_log.hours, Qt.Key.Key_Return)
    window.show_page("learning")
    page.tabs.setCurrentIndex(2)
    assert bar_heights(page.charts.weekly_chart.bars)[-1] == before + 2.0
    year = ctx.read(learning.year_path, ctx.today())
    assert page.charts.year_chart.logged_line.get_ydata()[-1] == year.logged
    windows.close_current()


def test_closing_the_window_while_pages_are_prepared_stops_the_preparing(qtbot, demo_db) -> None:
    windows = started(qtbot, demo_db)
    window, preparer = windows.window, windows.preparer
    assert preparer is not None and not preparer.is_finished
    built = {name for name in PAGE_NAMES if window.has_page(name)}
    windows.close_current()  # the database closes with the window
    assert not preparer.running
    turns_of_the_event_loop()
    assert not preparer.is_finished
    assert {name for name in PAGE_NAMES if window.has_page(name)} == built


def test_without_preparing_a_page_is_built_on_its_first_visit(qtbot, demo_db) -> None:
    windows = started(qtbot, demo_db, prepare=False)
    window = windows.window
    turns_of_the_event_loop()
    assert [name for name in PAGE_NAMES if window.has_page(name)] == ["dashboard"]
    assert windows.preparer is None
    window.show_page("learning")
    assert window.has_page("learning") and window.current_page().name == "learning"
    windows.close_current()


def test_without_preparing_the_learning_charts_tab_draws_each_chart_once_at_its_size(
    qtbot, demo_db
) -> None:
    """Opened before idle time prepared it, the charts tab's scroll area settles its layout
    before the first paint: no chart is drawn at a size it then leaves, and drawn again."""
    windows = started(qtbot, demo_db, prepare=False)
    page = windows.window.show_page("learning")
    assert not page.charts_tab.is_built  # left for its first visit
    page.tabs.setCurrentIndex(CHARTS_TAB)  # built and laid out now; drawn as it paints
    charts = page.charts_tab.findChildren(ChartView)
    assert len(charts) == 4
    drawn: list[tuple[str, tuple[int, int]]] = []
    for chart in charts:
        chart.canvas.mpl_connect(
            "draw_event",
            lambda _e, c=chart: drawn.append((type(c).__name__, c.canvas.get_width_height())),
        )
    windows.window.grab()
    shown = sorted((type(c).__name__, (c.canvas.width(), c.canvas.height())) for c in charts)
    assert sorted(drawn) == shown
    windows.close_current()


def test_every_page_is_in_the_preparing_order_once() -> None:
    assert sorted(ORDER) == sorted(PAGE_NAMES)


def test_a_click_waits_for_one_chart_at_most_while_pages_are_prepared(
    qtbot, demo_db, monkeypatch
) -> None:
    """Each step of preparing plots one chart or draws one, never a page of them: a click made
    meanwhile waits for that step only."""
    plots: list[ChartView] = []
    draws: list[Canvas] = []
    redraw, draw = ChartView.redraw, Canvas.draw
    monkeypatch.setattr(ChartView, "redraw", lambda self: (plots.append(self), redraw(self)))
    monkeypatch.setattr(Canvas, "draw", lambda self: (draws.append(self), draw(self)))
    windows = started(qtbot, demo_db)
    preparer = windows.preparer
    assert preparer is not None
    preparer.stop()  # stepped here instead, one step at a time
    steps = 0
    plots.clear()
    draws.clear()
    while not preparer.is_finished:
        preparer.step()
        steps += 1
        assert len(plots) + len(draws) <= 1, f"step {steps} plotted {plots} and drew {draws}"
        plots.clear()
        draws.clear()
    assert all(windows.window.has_page(name) for name in PAGE_NAMES)
    windows.close_current()


def test_a_page_opened_while_others_are_prepared_is_built_then_and_the_rest_prepared(
    qtbot, demo_db
) -> None:
    windows = started(qtbot, demo_db)
    window, preparer = windows.window, windows.preparer
    assert preparer is not None
    preparer.stop()
    while not window.has_page(ORDER[0]):
        preparer.step()
    later = ORDER[-2]
    assert not window.has_page(later)
    page = window.show_page(later)  # the person clicks a page not prepared yet
    charts = page.findChildren(ChartView)
    window.grab()
    assert all(c._shown is not None for c in charts if c.isVisible())
    assert not any(c.canvas.pending for c in charts if c.isVisible())
    while not preparer.is_finished:
        preparer.step()
    assert all(window.has_page(name) for name in PAGE_NAMES)
    assert window.current_page() is page
    windows.close_current()


def test_preparing_knows_the_window_by_a_protocol_not_by_its_module() -> None:
    """The window imports the pages, whose base imports the preparer: the preparer importing
    the window back (even inside a function) closed a circle."""
    graph = grimp.build_graph("planner")
    assert not graph.chain_exists("planner.ui.prepare", "planner.ui.main_window")
    assert not graph.chain_exists("planner.ui.pages.base", "planner.ui.main_window")


def test_a_page_warms_up_a_step_at_a_time_and_its_charts_then_plot_when_shown(
    qtbot, demo_ctx
) -> None:
    """Laying the Learning page out plots none of its charts; the steps after plot and draw
    those it showed and those of its charts tab; afterwards a chart shown plots at once."""
    page = LearningPage(demo_ctx)
    qtbot.addWidget(page)
    page.refresh()
    steps = page.warm_up(QRect(0, 0, 1100, 700))
    next(steps)
    charts = page.findChildren(ChartView)
    assert charts and all(c._shown is None for c in charts)
    assert not page.isVisible()
    for _ in steps:
        assert not page.isVisible()
    tab_charts = page.tabs.widget(CHARTS_TAB).findChildren(ChartView)
    assert tab_charts and all(c._shown is not None for c in tab_charts)
    assert not any(c.canvas.pending for c in tab_charts)
    assert all(c.plots_when_shown for c in charts)
    weekly = page.charts.weekly_chart
    weekly.set_data(None)
    page.show()
    page.tabs.setCurrentIndex(CHARTS_TAB)
    assert weekly._shown is not None and weekly._shown[0] is None
