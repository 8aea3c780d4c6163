"""The Qt canvas charts draw on: it draws only when someone can see it, and after new data it
draws only what the data moved.

matplotlib's Qt canvas draws on the next turn of the event loop whenever asked, even when its
page or tab is hidden and Qt has not given it a size yet; that cost time on pages nobody was
looking at and drew figures so small that constrained layout gave up with a warning. This canvas
only notes the request while hidden; its first paint (which Qt sends once it is shown and sized)
draws it. Requests made while visible are still gathered into one draw on the next turn.

Most of a chart's draw is its frame: tick labels, titles, legends. When new data only moves the
bars or lines (`ChartView.update_plot`), the frame is the same picture as before, so the canvas
keeps it: matplotlib's own blitting (`copy_from_bbox` / `restore_region` / `draw_artist`). The
artists new data moves, and every artist drawn over them (a higher z-order: the axis line, the
legend, the title), are marked animated, which a full draw leaves out; after a full draw the
canvas saves the picture and draws them on it, and while the frame would draw the same (same
size, same text around the axes, same limits) the next draw puts the saved picture back and
draws only them, in the order a full draw would: the same pixels, at a fraction of the cost.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from matplotlib.backend_bases import DrawEvent
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

from planner.ui.charts.layout import MIN_PIXELS, text_signature


class Canvas(FigureCanvasQTAgg):
    def __init__(self, figure: Any) -> None:
        super().__init__(figure)
        #: A draw was asked for while the canvas could not be seen: its next paint draws.
        self.waiting = False
        #: A draw was asked for while visible: matplotlib draws on a later turn of the loop.
        self.scheduled = False
        #: The artists drawn over the saved frame, in drawing order; empty: every draw is full.
        self.overlay: list[Any] = []
        #: The frame as the last full draw left it, without the overlay; None: draw in full.
        self._frame: Any = None
        #: What the frame was drawn for (`_scene`).
        self._frame_scene: tuple | None = None

    @property
    def pending(self) -> bool:
        """Whether a draw was asked for that has not happened yet."""
        return self.waiting or self.scheduled

    def is_sized(self) -> bool:
        return min(self.width(), self.height()) >= MIN_PIXELS

    def set_moving(self, ax: Any, moving: list[Any]) -> None:
        """Draw `moving` (artists on `ax` that new data changes in place) and whatever a full
        draw puts over them on top of a saved frame from now on; an empty list: draw in full.
        Called whenever the figure is built anew, so the frame saved before is forgotten."""
        for artist in self.overlay:
            artist.set_animated(False)
        self.overlay = []
        self._frame = self._frame_scene = None
        moving = [artist for artist in moving if artist is not None]
        if not moving:
            return
        lowest = min(artist.get_zorder() for artist in moving)
        # As `Axes.draw` orders its children: by z-order, ties in the order the axes holds them.
        self.overlay = sorted(
            (
                child
                for child in ax.get_children()
                if child is not ax.patch
                and (any(child is artist for artist in moving) or child.get_zorder() >= lowest)
            ),
            key=attrgetter("zorder"),
        )
        for artist in self.overlay:
            artist.set_animated(True)

    def _scene(self) -> tuple:
        """Everything the saved frame depends on that new data can change: the pixel size, the
        text around the axes (tick labels follow the limits) and the limits themselves."""
        figure = self.figure
        return (
            self.get_width_height(physical=True),
            figure.dpi,
            text_signature(figure),
            tuple((ax.get_xlim(), ax.get_ylim()) for ax in figure.axes),
        )

    def render(self) -> None:
        """Draw the figure into the buffer: the saved frame and the overlay when the frame would
        draw the same, else in full (saving the frame when there is an overlay)."""
        if not self.overlay:
            FigureCanvasAgg.draw(self)
            return
        if self._frame is not None and self._scene() == self._frame_scene:
            self.restore_region(self._frame)
            self._draw_overlay()
            # Said as a full draw says it: listeners learn the picture changed.
            self.callbacks.process("draw_event", DrawEvent("draw_event", self, self.get_renderer()))
            return
        FigureCanvasAgg.draw(self)  # the overlay is animated: left out
        self._frame = self.copy_from_bbox(self.figure.bbox)
        self._frame_scene = self._scene()
        self._draw_overlay()

    def _draw_overlay(self) -> None:
        for artist in self.overlay:
            if artist.get_visible():
                self.figure.draw_artist(artist)

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
        self.render()
        self.update()

    def draw_pending(self) -> None:
        """Draw now a figure that waits for its widget to show, shown or not: how pages
        prepared in idle time draw (`planner.ui.prepare`). Only the buffer is drawn; Qt paints
        it when the widget shows."""
        if self.waiting and self.is_sized():
            self.waiting = False
            self.render()

    def paintEvent(self, event: Any) -> None:
        self.draw_pending()
        super().paintEvent(event)
