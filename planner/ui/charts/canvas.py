"""The Qt canvas charts draw on: it draws only when someone can see it, and draws text fast.

matplotlib's Qt canvas draws on the next turn of the event loop whenever asked, even when its
page or tab is hidden and Qt has not given it a size yet; that cost time on pages nobody was
looking at and drew figures so small that constrained layout gave up with a warning. This canvas
only notes the request while hidden; its first paint (which Qt sends once it is shown and sized)
draws it. Requests made while visible are still gathered into one draw on the next turn.

Text was half of every draw: matplotlib 3.11's Agg renderer lays each string out twice (once
to measure it, once to draw it, per canvas) and renders it glyph by glyph from Python, resizing
the font and building a transform per glyph. The canvas draws with `TextRenderer`, which lays a
line out once per process and renders it in one FreeType call into one bitmap (as matplotlib
did before 3.11), kept for the next time the same line is measured or drawn: tick labels such
as "0", "20" or "Nov" recur on every chart. It also answers the font-height question `Text`
asks for every line it places from one read of the font's tables per font and size.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import RendererAgg, get_hinting_flag
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.font_manager import fontManager, get_font

from planner.ui.charts.layout import MIN_PIXELS


class Line(NamedTuple):
    """One line of text as FreeType laid it out and rendered it."""

    width: float
    height: float
    descent: float
    image: Any  # the coverage bitmap, rows top down
    left: float  # where the bitmap starts relative to the pen, in pixels
    top: float


@lru_cache(maxsize=2048)
def _line(
    text: str,
    fonts: tuple,
    size: float,
    dpi: float,
    flags: Any,
    antialiased: bool,
    font_settings: tuple,
) -> Line:
    """Lay out and render `text` in `fonts` (a fallback list of font files) at `size` points.

    Everything the result depends on is an argument, so equal arguments give equal pixels;
    `font_settings` holds the rcParams `get_font` reads (kerning, the last-resort font)."""
    font = get_font(fonts)
    font.clear()
    font.set_size(size, dpi)
    font.set_text(text, 0.0, flags=flags)
    width, height = font.get_width_height()
    descent = font.get_descent()
    font.draw_glyphs_to_bitmap(antialiased=antialiased)
    left, top = font.get_bitmap_offset()
    image = np.array(font.get_image(), copy=True)  # the font reuses its buffer
    return Line(width / 64, height / 64, descent / 64, image, left / 64, top / 64)


@lru_cache(maxsize=256)
def _height_metrics(fonts: tuple, size: float, dpi: float) -> tuple:
    """(ascent, descent, line gap) in pixels from the first font's tables, as `Text` reads them
    for every line it lays out (opening the font and two tables each time)."""
    font = get_font(fonts)
    for table_name, gap, ascent, descent in (
        ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
        ("hhea", "lineGap", "ascent", "descent"),
    ):
        table = font.get_sfnt_table(table_name)
        if table is not None:
            scale = size * dpi / 72 / font.get_sfnt_table("head")["unitsPerEm"]
            return table[ascent] * scale, -table[descent] * scale, table[gap] * scale
    return None, None, None


class TextRenderer(RendererAgg):
    """Agg that measures and draws an upright line of plain text through `_line`.

    The widths, heights and descents are exactly those matplotlib's renderer measures (the same
    FreeType layout). The glyphs, their spacing and fallback fonts are those it draws; the line
    starts on a whole pixel instead of a fraction of one, a shift of under half a pixel. Rotated
    text, math and text asking for font features or a language keep matplotlib's path, which
    renders those properly.
    """

    def _line(self, text: str, prop: Any, antialiased: bool) -> Line:
        return _line(
            text,
            tuple(fontManager._find_fonts_by_props(prop)),  # what _prepare_font opens
            prop.get_size_in_points(),
            self.dpi,
            get_hinting_flag(),
            bool(antialiased),
            (mpl.rcParams["text.kerning_factor"], mpl.rcParams["font.enable_last_resort"]),
        )

    def _get_font_height_metrics(self, prop: Any) -> tuple:
        """The hook `Text` asks renderers first (matplotlib's PDF and PS renderers answer it)."""
        return _height_metrics(
            tuple(fontManager._find_fonts_by_props(prop)), prop.get_size_in_points(), self.dpi
        )

    def get_text_width_height_descent(self, s: str, prop: Any, ismath: Any) -> tuple:
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)
        line = self._line(s, prop, mpl.rcParams["text.antialiased"])
        return line.width, line.height, line.descent

    def draw_text(
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: Any,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        if ismath or angle or _needs_shaping(mtext):
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            return
        line = self._line(s, prop, gc.get_antialiased())
        # draw_text_image takes the bitmap's left side and its bottom (y downwards).
        self._renderer.draw_text_image(
            line.image, round(x + line.left), round(y + line.top + line.descent) + 1, 0, gc
        )


def _needs_shaping(mtext: Any) -> bool:
    """Whether the text asked for OpenType features or a language, which only matplotlib's
    glyph-by-glyph path applies."""
    if mtext is None:
        return False
    return bool(mtext.get_fontfeatures()) or bool(mtext.get_language())


class Canvas(FigureCanvasQTAgg):
    def draw_idle(self) -> None:
        if self.isVisible() and min(self.width(), self.height()) >= MIN_PIXELS:
            super().draw_idle()
        else:
            self._draw_pending = True  # paintEvent draws a pending figure before it paints

    def draw_pending(self) -> None:
        """Draw now a figure that waits for its widget to show, shown or not: how pages
        prepared in idle time draw (`planner.ui.prepare`)."""
        if getattr(self, "_draw_pending", False) and min(self.width(), self.height()) >= MIN_PIXELS:
            self._draw_idle()

    def get_renderer(self) -> TextRenderer:
        """matplotlib's renderer reuse (one per pixel size and dpi), with `TextRenderer`."""
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key:
            self.renderer = TextRenderer(w, h, self.figure.dpi)
            self._lastKey = key
        return self.renderer
