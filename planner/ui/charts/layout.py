"""Constrained layout that runs only when it could move something.

matplotlib's constrained layout measures every tick label, title and axis label twice on each
draw, which was about half of every chart's draw time. The margins it finds depend only on the
figure's size and on the text around the axes, so this engine remembers what that text was and
skips the layout while it is unchanged: a chart redrawn with new bar heights but the same tick
labels keeps the margins it had, exactly as a full layout would have placed them.

A layout is one pass, not constrained layout's two: every chart here is one
axes (with at most a twin sharing its place), so the margins are the pad plus how far its
decorations reach past it on each side, measured once. Constrained layout's second pass only
corrects for tick labels that change as the axes resize, which moved edges by a pixel or two
here, and its measuring was a fifth of each chart's first draw. Charts with text placed at data
points (which moves with the axes) get a second pass that measures only that text.

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


def _tick_labels(axis: Any) -> tuple:
    """The tick labels an axis will draw, read from its locator and formatter: asking the axis
    for its labels builds and updates every tick first, a sixth of a chart's draw. The places
    are taken before they are clipped to the view, so this changes whenever the drawn labels
    can; the style `tick_params` set (size, visibility) is part of it."""
    places = axis.get_majorticklocs()
    labels = axis.major.formatter.format_ticks(places)
    return tuple(places), tuple(labels), repr(sorted(axis._major_tick_kw.items()))


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
        self._laid_out_for: tuple | None = None

    def execute(self, fig: Any) -> None:
        width, height = fig.bbox.width, fig.bbox.height
        if width < MIN_PIXELS or height < MIN_PIXELS:
            return
        size = (round(width), round(height), fig.dpi)
        if (*size, text_signature(fig)) == self._laid_out_for:
            return
        self._one_pass(fig)
        # Remembered as laid out: how many ticks an axis shows depends on its length, which the
        # layout just changed, so the text before it would differ at the next draw and lay the
        # figure out once more for nothing.
        self._laid_out_for = (*size, text_signature(fig))

    def _one_pass(self, fig: Any, *, again: bool = True, around: tuple | None = None) -> None:
        """Place the axes (and any twin at the same place) so that everything drawn around them
        fits inside the figure with constrained layout's padding on every side.

        `around` is how far the decorations (ticks, labels, title, legend) reach past the axes
        on each side, when a first pass measured them: they keep that reach wherever the axes
        go, so a second pass measures only the text placed at data points. Not so for axes of
        fixed aspect (the heatmap), which shrink inside their place by an amount that depends
        on its size: their second pass measures everything again."""
        axes = [ax for ax in fig.axes if ax.get_visible() and ax.get_in_layout()]
        spots = {tuple(ax.get_position(original=True).bounds) for ax in axes}
        if not axes or len(spots) > 1 or fig.subfigs:
            super().execute(fig)  # a grid of axes: constrained layout proper
            return
        from matplotlib.transforms import Bbox

        renderer = fig._get_renderer()
        width, height = fig.get_size_inches()
        w_pad, h_pad = self._params["w_pad"] / width, self._params["h_pad"] / height
        pos = axes[0].get_position(original=True)
        to_figure = fig.transFigure.inverted()
        texts = [t for ax in axes for t in ax.texts if t.get_visible() and t.get_in_layout()]

        def reach(boxes: list) -> tuple[float, float, float, float]:
            """How far the boxes reach past the axes: left, bottom, right, top."""
            edges = [0.0, 0.0, 0.0, 0.0]
            for tight in boxes:
                if tight is None or not tight._is_finite() or (tight.width, tight.height) == (0, 0):
                    continue
                box = tight.transformed(to_figure)
                reached = (pos.x0 - box.x0, pos.y0 - box.y0, box.x1 - pos.x1, box.y1 - pos.y1)
                edges = [max(e, r) for e, r in zip(edges, reached, strict=True)]
            return edges[0], edges[1], edges[2], edges[3]

        decorations = around
        if decorations is None:
            decorations = reach(
                [
                    ax.get_tightbbox(
                        renderer,
                        for_layout_only=True,
                        bbox_extra_artists=[
                            a for a in ax.get_default_bbox_extra_artists() if a not in texts
                        ],
                    )
                    for ax in axes
                ]
            )
        placed = reach([t.get_tightbbox(renderer) for t in texts])
        left, bottom, right, top = (max(d, p) for d, p in zip(decorations, placed, strict=True))
        x0, y0 = left + w_pad, bottom + h_pad
        x1, y1 = 1 - right - w_pad, 1 - top - h_pad
        if x1 <= x0 or y1 <= y0:
            return  # the decorations fill the figure: leave the axes where they are
        place = Bbox.from_extents(x0, y0, x1, y1)
        for ax in axes:
            ax._set_position(place)
        if again and texts:
            # Text placed at data points moves with the axes: measure once more where it went.
            keeps_reach = all(ax.get_aspect() == "auto" for ax in axes)
            self._one_pass(fig, again=False, around=decorations if keeps_reach else None)

    def forget(self) -> None:
        """Lay out afresh at the next draw (the axes were replaced)."""
        self._laid_out_for = None
