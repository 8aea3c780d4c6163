"""Constrained layout that runs only when it could move something.

matplotlib's constrained layout measures every tick label, title and axis label twice on each
draw. The margins it finds depend only on the figure's size and on the text around the axes, so
this engine remembers what that text was and skips the layout while it is unchanged: a chart
redrawn with new bar heights but the same tick labels keeps the margins it had, exactly as a
full layout would have placed them. When it does run, it is matplotlib's own constrained layout,
through its public `LayoutEngine` interface.

It also refuses to lay out a figure too small to hold its axes (a canvas Qt has not sized yet, or
one whose text fills it), where constrained layout would only warn that the axes collapsed and
leave them as they were.
"""

from __future__ import annotations

import warnings
from typing import Any

from matplotlib.layout_engine import ConstrainedLayoutEngine

#: Below this many pixels a side, a figure is a widget that has not been laid out yet.
MIN_PIXELS = 40


def _text(artist: Any) -> tuple:
    return (artist.get_text(), artist.get_visible(), artist.get_fontsize(), artist.get_fontweight())


def _tick_labels(axis: Any) -> tuple:
    """The tick labels an axis will draw, read from its locator and formatter: asking the axis
    for its labels builds and updates every tick first. The places are taken before they are
    clipped to the view, so this changes whenever the drawn labels can; the style
    `tick_params` set (size, visibility) is part of it."""
    places = axis.get_majorticklocs()
    labels = axis.get_major_formatter().format_ticks(places)
    return tuple(places), tuple(labels), repr(sorted(axis.get_tick_params().items()))


def text_signature(figure: Any) -> tuple:
    """Everything around each axes that sets the margins constrained layout finds: titles, axis
    labels, tick labels and free-standing text (with where it sits, as it may reach outside).
    Legends sit inside the axes here and take no part in the layout."""
    parts: list[tuple] = []
    for ax in figure.axes:
        texts = tuple(
            (_text(t), t.get_position(), getattr(t, "xy", None))
            for t in ax.texts
            if t.get_in_layout()
        )
        parts.append(
            (
                ax.get_visible(),
                ax.axison,
                id(ax),
                tuple(ax.get_title(loc) for loc in ("left", "center", "right")),
                _text(ax.xaxis.label),
                _text(ax.yaxis.label),
                ax.xaxis.get_label_position(),
                ax.xaxis.get_ticks_position(),
                _tick_labels(ax.xaxis),
                _tick_labels(ax.yaxis),
                texts,
                (ax.get_xlim(), ax.get_ylim()) if texts else None,
            )
        )
    return tuple(parts)


class CachedConstrainedLayout(ConstrainedLayoutEngine):
    """Constrained layout, re-run only when the figure's pixel size or its text changed."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: (width, height, dpi, text) the axes were last placed for; None: lay out afresh.
        self.laid_out_for: tuple | None = None

    def execute(self, fig: Any) -> None:
        width, height = fig.bbox.width, fig.bbox.height
        if width < MIN_PIXELS or height < MIN_PIXELS:
            return
        size = (round(width), round(height), fig.dpi)
        if (*size, text_signature(fig)) == self.laid_out_for:
            return
        with warnings.catch_warnings():
            # A figure whose text leaves no room for its axes (a window made very small) keeps
            # its axes where they were; matplotlib would warn on every draw while it stays so.
            warnings.filterwarnings("ignore", "constrained_layout not applied", UserWarning)
            super().execute(fig)
        # Remembered as laid out: how many ticks an axis shows depends on its length, which the
        # layout just changed, so the text before it would differ at the next draw and lay the
        # figure out once more for nothing.
        self.laid_out_for = (*size, text_signature(fig))

    def forget(self) -> None:
        """Lay out afresh at the next draw (the axes were replaced)."""
        self.laid_out_for = None
