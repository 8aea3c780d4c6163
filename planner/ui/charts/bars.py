"""Bars drawn as one collection of rectangles instead of a matplotlib artist per bar.

`ax.bar` makes a Rectangle per bar and widens the data limits with each; a chart of 24 to 130
bars spent most of its build doing that. The charts that set their own limits draw a series of
bars as one `PolyCollection` and find the bar under the mouse from its corners. Only bars with
no outline are drawn this way, so they look the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def add_bars(
    ax: Any,
    xs: Sequence[float],
    heights: Sequence[float],
    *,
    width: float,
    bottoms: Sequence[float] | None = None,
    **style: Any,
) -> Any:
    """Draw bars centred on `xs`, `heights` tall from `bottoms` (0), as one collection on `ax`
    (which does not widen its limits: the caller sets them)."""
    from matplotlib.collections import PolyCollection

    half = width / 2
    bottoms = bottoms if bottoms is not None else [0.0] * len(xs)
    corners = [
        ((x - half, y0), (x + half, y0), (x + half, y0 + h), (x - half, y0 + h))
        for x, y0, h in zip(xs, bottoms, heights, strict=True)
    ]
    bars = PolyCollection(corners, edgecolors="none", linewidths=0, **style)
    ax.add_collection(bars, autolim=False)
    return bars


def bar_under(bars: Any, x: float, y: float) -> int | None:
    """The index of the bar holding the data point (x, y), None when there is none (an empty
    bar holds nothing)."""
    for i, path in enumerate(bars.get_paths()):
        (x0, y0), (x1, y1) = path.vertices[0], path.vertices[2]
        if y1 != y0 and x0 <= x <= x1 and min(y0, y1) <= y <= max(y0, y1):
            return i
    return None


def set_bar_heights(bars: Any, heights: Sequence[float]) -> None:
    """Move each bar's top to its new height, keeping where it stands and its bottom."""
    corners = []
    for path, height in zip(bars.get_paths(), heights, strict=True):
        (x0, y0), (x1, _) = path.vertices[0], path.vertices[1]
        corners.append(((x0, y0), (x1, y0), (x1, y0 + height), (x0, y0 + height)))
    bars.set_verts(corners)
