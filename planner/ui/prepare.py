"""Pages made ready in idle time, so that the first visit to a page is as quick as a return.

A chart's first draw is mostly matplotlib building objects: every tick of every axis (two
lines, a grid line and two labels each) and the text measured around them, 40–50 ms a chart
however little data it shows. A page with three or four charts cannot appear in 100 ms from
nothing, and what is left of that cost is matplotlib's own. So once start-up is over (the
window drawn, the database open), the window builds the pages not yet built, one step per turn
of the event loop: a page's widgets and data, then laying it out hidden at the place it will
show, which lets its charts build their figures and draw into their buffers, each as an event
of its own. A later visit shows what is there, as a return to a page does.

No step is long: building a page's widgets, or the figures of its charts, took at most 70 ms
on the ten-year benchmark file, and a chart's draw 40 ms. A click or key press waits at most
for one step; a page the person opens meanwhile is built then, as without this, and skipped
here. A page whose data changes later refreshes when it is next shown, as any page does.
The pages then live as long as the window, as they do once visited: the memory is that of a
window whose every page was opened.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, QTimer, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


@contextmanager
def shown_unpainted(widget: QWidget, place: QRect) -> Iterator[None]:
    """Lay a hidden widget (a page behind the shown one, a tab not selected) out at `place`,
    where it will show, and send it the show events that let its charts build their figures
    there; inside, its own hidden parts can be laid out the same way. It never paints: it is
    hidden again before the event loop runs, and painting waits for that. Each chart then
    draws into its buffer in an event of its own."""
    from planner.ui.charts.canvas import Canvas  # matplotlib: loaded by now, not at start-up

    widget.setGeometry(place)
    widget.show()
    try:
        yield
    finally:
        widget.hide()
    for canvas in widget.findChildren(Canvas):
        canvas.draw_pending_soon()


class PagePreparer(QObject):
    """Builds and lays out the window's unbuilt pages in idle time, one step at a time."""

    #: Emitted once every page is built and laid out (the charts' draws are queued by then).
    finished = Signal()

    def __init__(self, window: MainWindow, names: list[str]) -> None:
        super().__init__(window)
        self._window, self._names = window, names
        self._steps = self._plan()
        self._timer = QTimer(self)
        self._timer.setInterval(0)  # a zero timer runs once the events waiting are handled
        self._timer.timeout.connect(self._step)
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
        for name in self._names:
            if window.has_page(name):
                continue  # shown already, or opened while earlier pages were prepared
            page = window.page(name)
            yield
            if not page.isVisible():
                page.prepare(window.page_place())
                yield

    def _step(self) -> None:
        if not self._window.isVisible():
            self._timer.stop()  # closed: its file may be closed too, or another one shown
            return
        if next(self._steps, StopIteration) is StopIteration:
            self._timer.stop()
            self.is_finished = True
            self.finished.emit()
