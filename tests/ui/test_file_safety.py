"""The window over a file it cannot write: a banner, no editing controls; a full disk keeps
the person's input for a retry."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget
from sqlalchemy import event

from planner.services import learning
from planner.storage.engine import open_database
from planner.ui.context import AppContext
from planner.ui.dialogs.quick_log import QuickLogDialog
from planner.ui.forms import EDITS_DATA
from planner.ui.main_window import PAGE_NAMES, MainWindow
from planner.ui.settings import Settings


@pytest.fixture
def read_only_ctx(qapp, demo_template: Path, tmp_path: Path):
    path = tmp_path / "shared.sqlite3"
    shutil.copyfile(demo_template, path)
    os.chmod(path, 0o444)
    database = open_database(path, read_only=True)  # as for a file the user cannot write
    yield AppContext(database)
    database.close()


def test_a_read_only_file_shows_a_banner_and_no_editing_controls(qtbot, read_only_ctx) -> None:
    window = MainWindow(read_only_ctx, Settings())
    qtbot.addWidget(window)
    window.show()
    banner = window.findChild(QLabel, "readOnlyBanner")
    assert banner is not None and banner.isVisible()
    assert "Read-only" in banner.text()

    marked: set[QPushButton] = set()

    def check(name: str, page) -> None:
        for button in page.findChildren(QPushButton):
            if button.property(EDITS_DATA):
                marked.add(button)
                assert not button.isVisible(), f"{name}: {button.text()} still offered"

    for name in PAGE_NAMES:
        page = window.show_page(name)
        check(name, page)
        for tabs in page.findChildren(QTabWidget):  # a tab's panel may be built when first shown
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                check(name, page)
    assert len(marked) >= 20  # every page's add/edit/delete/save buttons are marked
    log = next(a for a in window.menuBar().actions()[1].menu().actions() if "log" in a.text())
    assert not log.isEnabled()
    window.show_page("dashboard")
    window.grab().save(str(Path(os.environ.get("PLANNER_SHOTS", "/tmp")) / "read_only.png"))


def test_a_full_disk_keeps_the_typed_input_and_a_retry_saves_it(qtbot, ctx) -> None:
    with ctx.db.session() as s:
        learning.log_session(s, 1.0, dt.date(2026, 11, 2), note="before the disk filled")
    ctx.db.engine.dispose()
    room = {"pages": 0}

    @event.listens_for(ctx.db.engine, "connect")
    def _small_disk(dbapi_connection, _record) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + room['pages']}")

    dialog = QuickLogDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.hours.setValue(2.5)
    dialog.form.note.setText("x" * 20000)  # needs new pages the full disk does not have
    assert not dialog.form.submit()
    assert dialog.isVisible()
    assert "disk is full" in dialog.form.error.text()
    assert dialog.form.note.text() == "x" * 20000 and dialog.form.hours.value() == 2.5
    with ctx.db.session() as s:
        assert learning.session_totals(s).count == 1  # the earlier session is intact

    room["pages"] = 1000  # space freed
    ctx.db.engine.dispose()
    assert dialog.form.submit()
    with ctx.db.session() as s:
        assert learning.session_totals(s).count == 2


def test_an_error_no_screen_caught_is_a_message_not_a_crash(qtbot, capsys) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from planner.ui.launch import report_unexpected

    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.done(0)
        else:
            QTimer.singleShot(10, close_box)

    QTimer.singleShot(0, close_box)
    try:
        raise RuntimeError("the chart lost its axes")
    except RuntimeError as exc:
        report_unexpected(type(exc), exc, exc.__traceback__)
    assert "RuntimeError: the chart lost its axes" in seen[0]
    assert "everything saved before it is safe" in seen[0]
    assert "Traceback" in capsys.readouterr().err  # still there for a bug report
