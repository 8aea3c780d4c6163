"""The main window as a person meets it: every page opens, shortcuts work, settings stick,
data logged elsewhere shows up when the window regains focus, and --screenshot renders pages."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from planner.services import learning
from planner.storage.engine import open_database
from planner.ui.context import AppContext
from planner.ui.launch import render, screenshot
from planner.ui.main_window import PAGE_NAMES, MainWindow
from planner.ui.settings import Settings


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_page_opens_on_the_demo_file(window, name) -> None:
    page = window.show_page(name)
    render(window)
    assert window.stack.currentWidget() is page
    assert page.isVisible()


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_page_opens_on_an_empty_file(qtbot, ctx, name) -> None:
    win = MainWindow(ctx, Settings())
    qtbot.addWidget(win)
    win.show()
    page = win.show_page(name)
    render(win)
    assert page.isVisible()


def test_ctrl_number_switches_pages(qtbot, window) -> None:
    for i, name in enumerate(PAGE_NAMES):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + i), Qt.KeyboardModifier.ControlModifier)
        assert window.sidebar.currentRow() == i, name


def test_geometry_last_page_and_theme_are_remembered(qtbot, demo_ctx) -> None:
    first = MainWindow(demo_ctx, Settings())
    qtbot.addWidget(first)
    first.show()
    first.resize(1100, 700)
    first.show_page("network")
    first.set_theme("dark")
    first.close()
    second = MainWindow(demo_ctx, Settings())
    qtbot.addWidget(second)
    assert PAGE_NAMES[second.sidebar.currentRow()] == "network"
    # Qt keeps a restored window on its screen; offscreen the screen is 800 px wide, so the
    # width is clamped to the window's minimum and only the height can be compared exactly.
    assert second.height() == 700
    assert Settings().get("view/theme") == "dark"
    assert QApplication.instance().palette().color(QPalette.ColorRole.Base).lightness() < 128
    second.set_theme("light")


def test_data_logged_elsewhere_appears_when_the_window_regains_focus(qtbot, window) -> None:
    dashboard = window.show_page("dashboard")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before = dashboard.learning.figure.text()
    other_window = QWidget()  # the person switches to a terminal...
    qtbot.addWidget(other_window)
    other_window.show()
    other_window.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    terminal = open_database(window.ctx.db.path)  # ...and logs from the command line
    with terminal.session() as s:
        learning.log_session(s, 3.25, dt.date.today(), note="from the terminal")
    terminal.close()
    assert dashboard.learning.figure.text() == before  # nothing polls behind their back
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert dashboard.learning.figure.text() != before
    hours = float(before.split()[0]) + 3.25
    assert dashboard.learning.figure.text().startswith(f"{hours:g}")


def test_undo_and_redo_are_in_the_edit_menu(window) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    edit = window.menuBar().actions()[1].menu()
    texts = [a.text() for a in edit.actions()]
    assert any("Undo" in t for t in texts) and any("Redo" in t for t in texts)
    assert any("Quick" in t for t in texts)


def test_screenshot_renders_each_page_to_png(qapp, demo_db, tmp_path) -> None:
    path = demo_db.path
    demo_db.close()
    for name in PAGE_NAMES:
        out = tmp_path / f"{name}.png"
        assert screenshot(out, name, path) == 0
        image = QImage(str(out))
        assert (image.width(), image.height()) == (1280, 820), name


def test_screenshot_command_line(tmp_path: Path, demo_db) -> None:
    path = demo_db.path
    demo_db.close()
    out = tmp_path / "dash.png"
    # Offscreen by itself, as the README says: no platform chosen, and no display here.
    headless = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-m", "planner", "--db", str(path), "--screenshot", str(out)],
        capture_output=True,
        text=True,
        env=headless,
    )
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() == 1280
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "planner",
            "--db",
            str(path),
            "--screenshot",
            str(out),
            "--page",
            "nope",
        ],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "unknown page" in bad.stderr


def test_context_write_refuses_bad_input_and_writes_nothing(ctx) -> None:
    from planner.services.errors import InputError

    with pytest.raises(InputError):
        ctx.write("a change", learning.log_session, 0, dt.date.today())
    assert ctx.read(learning.sessions) == []


def test_app_context_is_shared_by_pages(window) -> None:
    assert all(window.page(n).ctx is window.ctx for n in PAGE_NAMES)
    assert isinstance(window.ctx, AppContext)
