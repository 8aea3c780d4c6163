"""Every page (and every tab of it) at 1024×640, 1280×800 and 1920×1080, in the light and the
dark theme and after switching live between them, with nothing cut: no label, button or table
cell narrower than its text, nothing outside the window, no page scrolling sideways, no chart
text outside its figure or on top of another. The PNGs are saved (to `PLANNER_LAYOUT_PNGS`, or
the test's tmp folder) to look at.

One demo file and one window per size: each page is built once and then resized and re-themed,
as a person would, which keeps the whole run to a few seconds a page."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from layout_check import chart_problems, settle, tab_widgets, widget_problems

from planner.ui import theme
from planner.ui.launch import render
from planner.ui.main_window import PAGE_NAMES, MainWindow
from planner.ui.settings import Settings

SIZES = [(1024, 640), (1280, 800), (1920, 1080)]


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PLANNER_LAYOUT_PNGS") or tmp_path / "layouts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def views(window: MainWindow) -> Iterator[str]:
    """Show each page and each tab of it in turn, yielding a name for what shows."""
    for name in PAGE_NAMES:
        page = window.show_page(name)
        tabs = tab_widgets(page)
        if not tabs:
            render(window)
            yield name
            continue
        for tab in tabs:
            for i in range(tab.count()):
                tab.setCurrentIndex(i)
                render(window)
                yield f"{name}-{tab.tabText(i).replace('&', '').replace(' ', '-').lower()}"
            tab.setCurrentIndex(0)


def problems_everywhere(window: MainWindow, label: str, shots: Path) -> list[str]:
    found: list[str] = []
    for view in views(window):
        settle()
        here = widget_problems(window) + chart_problems(window)
        found += [f"{label} {view}: {p}" for p in here]
        window.grab().save(str(shots / f"{view}-{label}.png"))
    return found


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_page_fits_in_light_dark_and_after_a_live_switch(
    qtbot, demo_ctx, shots: Path, width: int, height: int
) -> None:
    theme.apply("light")
    window = MainWindow(demo_ctx, Settings())
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    found = problems_everywhere(window, f"{width}x{height}-light", shots)
    window.set_theme("dark")  # live, as View › Theme › Dark does
    found += problems_everywhere(window, f"{width}x{height}-dark-live", shots)
    assert not found, "\n".join(found)


def test_a_window_started_dark_fits_and_switches_live_to_light(qtbot, demo_ctx, shots) -> None:
    """The other way round, at the smallest size: started dark, then View › Theme › Light."""
    theme.apply("dark")
    window = MainWindow(demo_ctx, Settings())
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    qtbot.waitExposed(window)
    found = problems_everywhere(window, "1024x640-dark", shots)
    window.set_theme("light")
    found += problems_everywhere(window, "1024x640-light-live", shots)
    assert not found, "\n".join(found)
