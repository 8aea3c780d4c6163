"""Chart text drawn the fast way (`charts.canvas.TextRenderer`) reads exactly like matplotlib's own:
the same measured sizes (so layouts do not move), the same glyphs at most a pixel away,
letters from fallback fonts, and rotated text left to matplotlib."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from planner.ui.charts.canvas import TextRenderer
from planner.ui.charts.learning import WeeklyHoursChart

TEXTS = ("0", "W47", "Hours per week", "46.2 h · balanced", "Ωé–—✓ ⚠", "Dec")
PROPS = (FontProperties(size=8.5), FontProperties(size=11, weight="bold"))


def ink(renderer_class, text: str, prop: FontProperties, x: float, y: float, angle: float = 0):
    renderer = renderer_class(240, 60, 100)
    gc = renderer.new_gc()
    gc.set_foreground("black")
    renderer.draw_text(gc, x, y, text, prop, angle)
    return np.asarray(renderer.buffer_rgba())[..., 3].astype(int)


@pytest.mark.parametrize("prop", PROPS)
def test_text_measures_as_matplotlib_measures_it(prop) -> None:
    fast, plain = TextRenderer(240, 60, 100), RendererAgg(240, 60, 100)
    for text in TEXTS:
        assert fast.get_text_width_height_descent(
            text, prop, False
        ) == plain.get_text_width_height_descent(text, prop, False)


def test_text_takes_the_room_matplotlib_gives_it() -> None:
    """Where a text sits and how far it reaches (lines, line gaps, alignment) is unchanged, so
    every layout places the axes where it did."""
    figure = Figure(figsize=(4, 3))
    FigureCanvasAgg(figure)
    texts = [
        figure.text(0.2, 0.5, text, fontsize=size, weight=weight, ha="center", va="top")
        for text in ("Dec\n2025", "W47", "Hours per week\nsecond line", "")
        for size in (8, 11)
        for weight in ("normal", "bold")
    ]
    fast, plain = TextRenderer(400, 300, 100), RendererAgg(400, 300, 100)
    for text in texts:
        assert text.get_window_extent(fast).bounds == text.get_window_extent(plain).bounds


def box(pixels) -> tuple[int, int, int, int]:
    """The first and last row and column holding ink."""
    rows, cols = (np.nonzero(pixels.sum(axis=a))[0] for a in (1, 0))
    return rows[0], rows[-1], cols[0], cols[-1]


@pytest.mark.parametrize("prop", PROPS)
@pytest.mark.parametrize(("x", "y"), [(10.0, 40.0), (10.4, 40.3), (10.5, 40.5), (11.0, 39.8)])
def test_text_is_drawn_with_the_same_glyphs_at_most_a_pixel_away(prop, x, y) -> None:
    """A line starts on a whole pixel, as matplotlib placed text before 3.11, where its own
    drawing now places each glyph between pixels: never more than a pixel apart."""
    for text in TEXTS:
        fast, plain = ink(TextRenderer, text, prop, x, y), ink(RendererAgg, text, prop, x, y)
        assert all(abs(a - b) <= 1 for a, b in zip(box(fast), box(plain), strict=True))
        assert fast.sum() == pytest.approx(plain.sum(), rel=0.01)  # the same glyphs


def test_rotated_text_is_left_to_matplotlib() -> None:
    prop = PROPS[0]
    fast = ink(TextRenderer, "Hours per week", prop, 30.3, 55.6, angle=90)
    assert np.array_equal(fast, ink(RendererAgg, "Hours per week", prop, 30.3, 55.6, angle=90))


def test_a_chart_on_screen_draws_its_text_the_fast_way(qtbot) -> None:
    chart = WeeklyHoursChart()
    qtbot.addWidget(chart)
    chart.resize(600, 300)
    chart.show()
    qtbot.waitExposed(chart)
    chart.canvas.draw()
    assert isinstance(chart.canvas.get_renderer(), TextRenderer)
