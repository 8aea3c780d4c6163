"""Reports the moments start-up is measured by, for the benchmark (tests/bench).

With `PLANNER_TRACE_STARTUP=1` in the environment the app writes two lines to stderr: one when
the dashboard's figures have first been painted, one when its charts (which it builds after that
first paint) have also been drawn at their real size and painted. Nothing else changes: the app
keeps running as usual, and without the variable this module only reads the environment.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV = "PLANNER_TRACE_STARTUP"
TEXT_PAINTED = "planner-trace: dashboard painted"
CHARTS_DRAWN = "planner-trace: charts drawn"


def watch(page: QWidget, figure: QWidget) -> None:
    """Report the first paint of `figure` (a label of `page` that shows its data), and, once the
    page calls `charts_built`, the first paint after all its visible charts drew at their real
    size.

    A label, not the page: Qt skips painting a widget its opaque children cover entirely.
    """
    if os.environ.get(ENV):
        page._startup_trace = _Trace(page, figure)  # type: ignore[attr-defined]  # ours, not Qt's


def charts_built(page: QWidget) -> None:
    """`page` (being watched) has built its charts: watch them draw."""
    trace = getattr(page, "_startup_trace", None)
    if trace is not None:
        trace.follow_charts()


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class _Trace(QObject):
    def __init__(self, page: QWidget, figure: QWidget) -> None:
        super().__init__(page)
        self.page, self.figure = page, figure
        self.painted = self.said = self.done = False
        self.painting: int | None = None
        #: Canvases drawn at a real size, and those painted since.
        self.drawn: set[int] = set()
        self.shown: set[int] = set()
        #: None until the page has built its charts.
        self.charts: list | None = None
        figure.installEventFilter(self)

    def follow_charts(self) -> None:
        from planner.ui.charts.base import ChartView

        self.charts = self.page.findChildren(ChartView)
        for chart in self.charts:
            chart.canvas.mpl_connect("draw_event", lambda _e, c=chart.canvas: self._drew(c))
            chart.canvas.installEventFilter(self)
        self._check()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or self.done:
            return False
        if obj is self.figure and not self.painted:
            self.painted = True
        elif id(obj) in self.drawn:
            self.shown.add(id(obj))
        else:  # matplotlib may draw inside this paint (a pending idle draw): see _drew
            self.painting = id(obj)
            QTimer.singleShot(0, self._painted)
        self._check()
        return False

    def _painted(self) -> None:
        self.painting = None

    def _drew(self, canvas: QWidget) -> None:
        if canvas.width() > 1 and canvas.height() > 1:
            self.drawn.add(id(canvas))
            if self.painting == id(canvas):
                self.shown.add(id(canvas))
                self._check()

    def _check(self) -> None:
        """Report (once this paint pass is over) what has reached the screen."""
        if self.painted and not self.said:
            self.said = True
            QTimer.singleShot(0, lambda: _say(TEXT_PAINTED))
        if self.charts is None:
            return
        visible = {id(c.canvas) for c in self.charts if c.isVisible()}
        if self.painted and not self.done and visible <= self.shown:
            self.done = True
            QTimer.singleShot(0, lambda: _say(CHARTS_DRAWN))
