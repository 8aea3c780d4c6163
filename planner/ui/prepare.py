"""Pages made ready in idle time, so that the first visit to a page is as quick as a return.

A chart's first draw is mostly matplotlib building objects: every tick of every axis (two lines,
a grid line and two labels each) and the text measured around them, however little data it
shows. A page with three or four charts cannot appear from nothing within the benchmark's target
for a page switch, and what is left of that cost is matplotlib's own. So once start-up is over
(the window drawn, the database open), the window makes the pages not yet built ready, one step
per turn of the event loop: a page's module, then its widgets and data, then laying it out
hidden at the place it will show, then each of its charts' figures and each chart's draw into
its buffer. A later visit shows what is there, as a return to a page does.

No step is long, because a click or key press waits for the step under way: the longest are a
page's widgets and data, and a chart's plot or draw (`tests/bench` measures the longest step,
the most a click waits). The costliest pages to build on a click come first (`ORDER`), so the
time in which a click can meet an unprepared page is shortest where that costs most; a page the
person opens meanwhile is built then, as without this, and skipped here. A page whose data
changes later refreshes when it is next shown, as any page does. The pages then live as long as
the window, as they do once visited: the memory is that of a window whose every page was opened.
"""

from __future__ import annotations

import linecache
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QTimer, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from planner.ui.charts.base import ChartView


#: The pages in the order they are prepared: the slowest to build on a click first, as the
#: benchmark measures them with their charts, the dashboard last: most starts show it, and
#: the page the window opened on is built already.
ORDER = ("balance", "learning", "review", "network", "roadmap", "skills", "dashboard")

#: Enough rounds of layout for nested layouts to settle (a scroll area in a tab takes three).
LAYOUT_PASSES = 5


class Preparable(Protocol):
    """A page as the preparer sees it: `warm_up` yields after each step (`pages.base.Page`)."""

    def isVisible(self) -> bool: ...

    def warm_up(self, place: QRect) -> Iterator[None]: ...


class PageHost(Protocol):
    """What the preparer needs of the window whose pages it prepares: the main window, which
    imports this module's page classes' base; a protocol keeps this module from importing the
    window back."""

    def isVisible(self) -> bool: ...

    def has_page(self, name: str) -> bool: ...

    def import_page(self, name: str) -> None: ...

    def page(self, name: str) -> Preparable: ...

    def page_place(self) -> QRect: ...


@contextmanager
def shown_unpainted(widget: QWidget, place: QRect) -> Iterator[list[ChartView]]:
    """Lay a hidden widget (a page behind the shown one, a tab not selected) out at `place`,
    where it will show, without plotting its charts; the list yielded holds, once the block
    ends, the charts it showed, for `plot_and_draw`. Inside, its own hidden parts can be laid
    out the same way (their charts are listed by the inner block). It never paints: it is
    hidden again before the event loop runs, and painting waits for that."""
    from planner.ui.charts.base import ChartView

    charts = widget.findChildren(ChartView)
    held = [chart for chart in charts if chart.plots_when_shown]  # not an outer block's
    for chart in held:
        chart.plots_when_shown = False
    shown: list[ChartView] = []
    widget.setGeometry(place)
    widget.show()
    try:
        yield shown
        settle_layout(charts)
        shown.extend(chart for chart in charts if chart.isVisible())
    finally:
        widget.hide()
        for chart in held:
            chart.plots_when_shown = True


def settle_layout(charts: list[ChartView]) -> None:
    """Run the layouts that showing asked for until the charts stop moving. What showing
    changed (a page that selects a row as it shows, filling a panel) moves the charts, and one
    pass is not always the end of it: a scroll area fits its contents to their preferred height
    first, and only in the next pass to what its width leaves. The event loop paints between
    those passes, so a chart shown without this is drawn at a size it is about to leave, then
    drawn again at its real size: used here for hidden pages, and by a tab of charts in a
    scroll area as it shows (`pages.learning`)."""
    sizes = None
    for _ in range(LAYOUT_PASSES):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        now = [chart.size() for chart in charts]
        if now == sizes:
            return
        sizes = now


def plot_and_draw(charts: list[ChartView]) -> Iterator[None]:
    """Plot each chart, then draw it into its buffer, yielding after each: a click meanwhile
    waits for one chart at most. A chart the person has opened meanwhile drew as it showed."""
    for chart in charts:
        if chart.isVisible():
            continue
        chart.show_data()
        yield
        chart.canvas.draw_pending()
        yield


class PagePreparer(QObject):
    """Builds, lays out and draws the window's unbuilt pages in idle time, a step at a time."""

    #: Emitted once every page is built and laid out and its charts drawn.
    finished = Signal()

    def __init__(self, window: PageHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._steps = self._plan()
        self._timer = QTimer(self)
        self._timer.setInterval(0)  # a zero timer runs once the events waiting are handled
        self._timer.timeout.connect(self.step)
        self.is_finished = False

    def start(self) -> None:
        self._timer.start()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def stop(self) -> None:
        """Prepare nothing more: the window's file is about to close."""
        self._timer.stop()

    def _plan(self) -> Iterator[None]:
        window = self._window
        for name in ORDER:
            if window.has_page(name):
                continue  # shown already, or opened while earlier pages were prepared
            window.import_page(name)
            yield
            if window.has_page(name):
                continue
            page = window.page(name)
            yield
            if page.isVisible():
                continue
            yield from page.warm_up(window.page_place())

    def step(self) -> None:
        """One step: what the timer does at each turn of the event loop."""
        if not self._window.isVisible():
            self._timer.stop()  # closed: its file may be closed too, or another one shown
            return
        if next(self._steps, StopIteration) is StopIteration:
            self._timer.stop()
            # PySide6 reads the whole source of every module imported after it (to look for
            # its opt-in `__feature__` switches) and linecache keeps them: ~40 MB once every
            # page's modules are in. Nothing here shows source lines, so let them go.
            linecache.clearcache()
            self.is_finished = True
            self.finished.emit()
