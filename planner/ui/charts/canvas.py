"""The Qt canvas charts draw on: it draws only when someone can see it.

matplotlib's Qt canvas draws on the next turn of the event loop whenever asked, even when its
page or tab is hidden and Qt has not given it a size yet; that cost time on pages nobody was
looking at and drew figures so small that constrained layout gave up with a warning. This canvas
only notes the request while hidden; its first paint (which Qt sends once it is shown and sized)
draws it. Requests made while visible are still gathered into one draw on the next turn.
"""

from __future__ import annotations

from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

from planner.ui.charts.layout import MIN_PIXELS


class Canvas(FigureCanvasQTAgg):
    def __init__(self, figure: Any) -> None:
        super().__init__(figure)
        #: A draw was asked for while the canvas could not be seen: its next paint draws.
        self.waiting = False
        #: A draw was asked for while visible: matplotlib draws on a later turn of the loop.
        self.scheduled = False

    @property
    def pending(self) -> bool:
        """Whether a draw was asked for that has not happened yet."""
        return self.waiting or self.scheduled

    def is_sized(self) -> bool:
        return min(self.width(), self.height()) >= MIN_PIXELS

    def draw_idle(self) -> None:
        if not (self.isVisible() and self.is_sized()):
            self.waiting = True
        elif self.waiting:
            self.update()  # its paint, already due as it shows or grows, draws once
        else:
            self.scheduled = True
            super().draw_idle()

    def draw(self) -> None:
        self.scheduled = self.waiting = False
        super().draw()

    def draw_pending(self) -> None:
        """Draw now a figure that waits for its widget to show, shown or not: how pages
        prepared in idle time draw (`planner.ui.prepare`). Only the buffer is drawn; Qt paints
        it when the widget shows."""
        if self.waiting and self.is_sized():
            self.waiting = False
            FigureCanvasAgg.draw(self)

    def paintEvent(self, event: Any) -> None:
        self.draw_pending()
        super().paintEvent(event)
