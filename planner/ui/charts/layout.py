"""Constrained layout that runs only when it could move something.

matplotlib's constrained layout measures every tick label, title and axis label twice on each
draw, which was about half of every chart's draw time. The margins it finds depend only on the
figure's size and on the text around the axes, so this engine remembers what that text was and
skips the layout while it is unchanged: a chart redrawn with new bar heights but the same tick
labels keeps the margins it had, exactly as a full layout would have placed them.

It also refuses to lay out a figure too small to hold its axes (a canvas Qt has not sized yet),
where constrained layout would only warn that the axes collapsed and leave them as they were.
"""

from __future__ import annotations

from typing import Any

from matplotlib.layout_engine import ConstrainedLayoutEngine

#: Below this many pixels a side, a figure is a widget that has not been laid out yet.
MIN_PIXELS = 40


def _text(artist: Any) -> tuple:
    return (artist.get_text(), artist.get_visible(), artist.get_fontsize(), artist.get_fontweight())


def text_signature(figure: Any) -> tuple:
    """Everything around each axes that sets the margins constrained layout finds: titles, axis
    labels, tick labels and free-standing text (with where it sits, as it may reach outside)."""
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
                tuple(_text(t) for t in ax.xaxis.get_majorticklabels()),
                tuple(_text(t) for t in ax.yaxis.get_majorticklabels()),
                texts,
                (ax.get_xlim(), ax.get_ylim()) if texts else None,
            )
        )
    return tuple(parts)


class CachedConstrainedLayout(ConstrainedLayoutEngine):
    """Constrained layout, re-run only when the figure's pixel size or its text changed."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._laid_out_for: tuple | None = None

    def execute(self, fig: Any) -> None:
        width, height = fig.bbox.width, fig.bbox.height
        if width < MIN_PIXELS or height < MIN_PIXELS:
            return
        key = (round(width), round(height), fig.dpi, text_signature(fig))
        if key == self._laid_out_for:
            return
        super().execute(fig)
        self._laid_out_for = key

    def forget(self) -> None:
        """Lay out afresh at the next draw (the axes were replaced)."""
        self._laid_out_for = None
