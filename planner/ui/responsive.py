"""Layouts that change with the room they get: side by side when wide, stacked when narrow, and
windows no larger than the screen they open on.

A page at 1024 px beside the sidebar has about 850 px; two charts side by side there cut their
titles and crowd their tick labels, and a form beside three charts squeezes them all.
`stack_when_narrow` flips a box layout between a row and a column as its widget crosses a width,
the way web pages reflow at a breakpoint. `fit_to_screen` gives a window its preferred size, or
the screen's free area when that is smaller.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QWidget

#: What a window manager adds around a window (a title bar, borders), which a window's own
#: size leaves out: kept free so that the whole window, frame included, fits the screen.
WINDOW_FRAME = QSize(16, 40)


class _Breakpoint(QObject):
    def __init__(self, widget: QWidget, width: int, arrange: Callable[[bool], None]) -> None:
        super().__init__(widget)
        self.width, self.arrange = width, arrange
        self.wide: bool | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            wide = watched.width() >= self.width
            if wide != self.wide:
                self.wide = wide
                self.arrange(wide)
        return False


def on_breakpoint(widget: QWidget, width: int, arrange: Callable[[bool], None]) -> None:
    """Call `arrange(wide)` now and whenever `widget` becomes at least (or less than) `width`
    pixels wide."""
    watcher = _Breakpoint(widget, width, arrange)
    watcher.wide = widget.width() >= width
    arrange(watcher.wide)


def stack_when_narrow(widget: QWidget, row: QBoxLayout, width: int) -> None:
    """Lay `row` out left to right while `widget` is at least `width` px wide, else top down."""

    def arrange(wide: bool) -> None:
        row.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )

    on_breakpoint(widget, width, arrange)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Give `window` the size `width` x `height`, or less where its screen's free area (without
    panels and docks) is smaller: a 1280 x 820 window on a 1366 x 768 laptop opened with its
    status bar and the foot of its charts below the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() - WINDOW_FRAME
    window.resize(min(width, room.width()), min(height, room.height()))
