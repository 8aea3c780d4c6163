"""The window's side of file faults: a damaged page is said once and stops every save while
what was typed stays; damage no page reads is found in idle time and its backup restored; a
background backup meeting damage says so; a full disk offers to try again, never a restore; a
missing file with backups asks before starting afresh; a symlink finds the running window."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from planner.services import learning
from planner.storage.backups import list_backups, take_backup
from planner.storage.engine import open_database
from planner.ui.context import AppContext
from planner.ui.instance import claim, wake_running
from planner.ui.launch import _Windows
from planner.ui.opening import Opened, open_for_window
from planner.ui.safekeeping import Safekeeper
from planner.ui.settings import Settings
from tests.faults import damage_page, digest, fresh_copy, small_disk_at


def hours_in(path: Path) -> float:
    with closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)) as con:
        return con.execute("SELECT coalesce(sum(hours), 0) FROM learning_session").fetchone()[0]


@pytest.fixture
def with_backup(demo_template: Path, tmp_path: Path) -> tuple[Path, Path]:
    path = fresh_copy(demo_template, tmp_path / "planner.sqlite3")
    with closing(sqlite3.connect(path)) as con:
        backup = take_backup(con, path, "manual")
    return path, backup


def boxes_seen(*answers: str) -> list[tuple[str, str, list[str]]]:
    """Like `answer_boxes`, but records each box's title, text and every button offered."""
    seen: list[tuple[str, str, list[str]]] = []
    pending = list(answers)

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and pending:
            buttons = [b for b in box.findChildren(QAbstractButton) if b.text()]
            seen.append((box.windowTitle(), box.text(), [b.text() for b in buttons]))
            wanted = pending.pop(0)
            match = [b for b in buttons if b.text().startswith(wanted)]
            match[0].click() if match else box.done(0)
        if pending:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    return seen


def test_a_damaged_page_is_said_once_and_no_save_reaches_the_file(qtbot, with_backup) -> None:
    path, _ = with_backup
    damage_page(path, "learning_session")
    instance = claim(path)
    windows = _Windows(Settings(), prepare_pages=False)
    seen = boxes_seen("Keep looking")
    windows.show(Opened(open_database(path), instance))
    window, ctx = windows.window, windows.ctx
    qtbot.addWidget(window)
    before = digest(path)

    window.show_page("learning")  # reads the damaged page: no traceback, the window goes on
    window.show_page("network")
    qtbot.waitUntil(lambda: len(seen) == 1)
    title, text, buttons = seen[0]
    assert title == "The data file is damaged" and "is damaged" in text
    assert any(b.startswith("Restore the backup of") for b in buttons)
    assert ctx.damage is not None

    form = window.show_page("dashboard").quick_log
    form.hours.setValue(2.5)
    form.note.setText("chapter 4 of the book")
    assert not form.submit()
    assert form.error.isVisible() and "damaged" in form.error.text()
    assert (form.hours.value(), form.note.text()) == (2.5, "chapter 4 of the book")
    windows.close_current()
    assert len(seen) == 1  # said once: no second box on close
    assert digest(path) == before
    assert [b.label for b in list_backups(path)] == ["manual"]


def test_damage_no_page_reads_is_found_after_opening_and_its_backup_restored(
    qtbot, with_backup
) -> None:
    path, backup = with_backup
    damage_page(path, "certification")  # the dashboard never reads the catalog's certificates
    instance = claim(path)
    windows = _Windows(Settings(), prepare_pages=False)
    seen = boxes_seen("Restore the backup", "OK")
    windows.show(Opened(open_database(path), instance))
    qtbot.addWidget(windows.window)
    windows._started()  # start-up over (the dashboard's chart drawn)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=20_000)
    assert "is damaged" in seen[0][1] and "now holds the backup" in seen[1][1]
    assert windows.ctx is not None and windows.ctx.damage is None  # the restored file
    assert windows.ctx.read(lambda s: learning.session_totals(s).hours) == hours_in(backup)
    windows.close_current()
    assert any(".corrupt-" in p.name for p in path.parent.iterdir())


def test_a_background_backup_that_meets_damage_says_so_and_stops_saves(qtbot, with_backup):
    path, _ = with_backup
    damage_page(path, "interaction")
    ctx = AppContext(open_database(path))
    told: list[object] = []
    ctx.damaged.connect(told.append)
    keeper = Safekeeper(ctx)
    keeper.changed_since_backup = True
    assert keeper.back_up("auto") is None
    qtbot.waitUntil(lambda: told == [ctx.damage])
    assert ctx.damage is not None and ctx.damage.kind == "corrupt"
    assert [b.label for b in list_backups(path)] == ["manual"]  # no damaged copy made
    keeper.timer.stop()
    ctx.db.close()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk_at(tmp_path / "disk") as mount:
        yield mount


def test_a_full_disk_offers_to_try_again_and_never_a_restore(qtbot, demo_template, small_disk):
    path = fresh_copy(demo_template, small_disk / "planner.sqlite3")
    with closing(sqlite3.connect(path)) as con:
        take_backup(con, path, "manual")
    free = os.statvfs(small_disk)
    (small_disk / "filler").write_bytes(b"\0" * (free.f_bavail * free.f_frsize - 16 * 1024))
    before = digest(path)
    seen = boxes_seen("Quit")
    assert open_for_window(path) is None
    title, text, buttons = seen[0]
    assert title == "The disk is full" and "is needed" in text
    assert "Try again" in buttons and not any("Restore" in b for b in buttons)
    assert digest(path) == before


@pytest.mark.parametrize("answer", ["Start a new file", "Restore the backup"])
def test_a_missing_file_with_backups_asks_before_starting_afresh(qtbot, with_backup, answer):
    path, backup = with_backup
    path.unlink()
    seen = boxes_seen(answer, "OK")
    opened = open_for_window(path)
    assert opened is not None
    title, text, buttons = seen[0]
    assert title == "The data file is missing" and "backups/" in text
    assert {"Quit", "Start a new file"} <= set(buttons)
    with opened.db.session() as s:
        hours = learning.session_totals(s).hours
    opened.close()
    assert hours == (0.0 if answer == "Start a new file" else hours_in(backup))


def test_a_symlink_to_an_open_file_finds_its_window(qtbot, tmp_path: Path) -> None:
    real = tmp_path / "data" / "planner.sqlite3"
    real.parent.mkdir()
    link = tmp_path / "elsewhere" / "mine.sqlite3"
    link.parent.mkdir()
    link.symlink_to(real)
    first = claim(real)
    assert first is not None
    woken: list[bool] = []
    first.listen(lambda: woken.append(True))
    assert claim(link) is None  # the lock is the real file's, whichever name was given
    assert wake_running(link)
    qtbot.waitUntil(lambda: woken == [True])

    launch = subprocess.Popen(  # a second app launched on the link, as a person would
        [sys.executable, "-m", "planner", "--db", str(link)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    qtbot.waitUntil(lambda: launch.poll() is not None, timeout=60_000)
    out, _ = launch.communicate()
    assert launch.returncode == 0 and "already open" in out
    qtbot.waitUntil(lambda: woken == [True, True])
    first.release()


def test_the_quick_check_runs_once_per_open_and_writes_go_on_after_it(qtbot, db) -> None:
    ctx = AppContext(db)
    ctx.verify()
    assert db.verified and ctx.damage is None
    ctx.write("a change", learning.log_session, 1.0, dt.date(2026, 11, 2), None, "")
    assert ctx.read(lambda s: learning.session_totals(s).hours) == 1.0


def test_an_export_of_a_damaged_file_says_it_is_damaged(qtbot, with_backup, tmp_path) -> None:
    from planner.ui.dialogs.export_dialog import ExportDialog

    path, _ = with_backup
    damage_page(path, "contact")
    ctx = AppContext(open_database(path))
    dialog = ExportDialog(ctx, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.run_export()  # no exception out of the dialog: a message in it
    assert "is damaged" in dialog.error.text() and "could not be saved" not in dialog.error.text()
    assert ctx.damage is not None
    ctx.db.close()


def test_an_import_into_a_damaged_file_writes_nothing_and_says_so_once(
    qtbot, with_backup, tmp_path
) -> None:
    from import_samples import TOGGL, write

    from planner.ui.dialogs.import_dialog import ImportDialog

    path, _ = with_backup
    before = hours_in(path)
    damage_page(path, "interaction")
    ctx = AppContext(open_database(path))
    told: list[object] = []
    ctx.damaged.connect(told.append)
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.set_kind("toggl")
    dialog.set_path(write(tmp_path, "toggl.csv", TOGGL))
    assert dialog.import_button.isEnabled()

    dialog.import_now()  # the backup before it refuses the damaged file

    assert dialog.result() != ImportDialog.DialogCode.Accepted
    assert "Nothing was imported" in dialog.error.text() and "is damaged" in dialog.error.text()
    qtbot.waitUntil(lambda: told == [ctx.damage])
    assert ctx.damage is not None and ctx.damage.kind == "corrupt"
    assert [b.label for b in list_backups(path)] == ["manual"]  # no damaged copy made
    ctx.db.close()
    assert hours_in(path) == before
