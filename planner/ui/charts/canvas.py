"""The Qt canvas charts draw on: it draws only when someone can see it.

matplotlib's Qt canvas draws on the next turn of the event loop whenever asked, even when its
page or tab is hidden and Qt has not given it a size yet; that cost time on pages nobody was
looking at and drew figures so small that constrained layout gave up with a warning. This canvas
only notes the request while hidden; its first paint (which Qt sends once it is shown and sized)
draws it. Requests made while visible are still gathered into one draw on the next turn.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

from planner.ui.charts.layout import MIN_PIXELS


class Canvas(FigureCanvasQTAgg):
    def draw_idle(self) -> None:
        if self.isVisible() and min(self.width(), self.height()) >= MIN_PIXELS:
            super().draw_idle()
        else:
            self._draw_pending = True  # paintEvent draws a pending figure before it paints
