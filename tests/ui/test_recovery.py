"""Ways out in the app: a damaged file offers its latest good backup, File > Restore puts a
backup back, and an unclean shutdown gets a full integrity check before the file is used."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ui_helpers import answer_boxes, crash_holding_lock

from planner.services import learning
from planner.storage.backups import list_backups
from planner.storage.engine import open_database
from planner.ui.dialogs.restore import RestoreDialog
from planner.ui.instance import lock_path
from planner.ui.launch import _Windows
from planner.ui.opening import open_for_window
from planner.ui.settings import Settings


def _log(path: Path, hours: float) -> None:
    database = open_database(path)
    with database.session() as s:
        learning.log_session(s, hours, dt.date(2026, 11, 20), note="")
    database.close()


def _hours(path: Path) -> float:
    database = open_database(path)
    with database.session() as s:
        total = learning.session_totals(s).hours
    database.close()
    return total


def _ruin(path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"\x00" * 8192)


def test_a_damaged_file_offers_and_restores_its_latest_good_backup(qapp, db, db_path) -> None:
    with db.session() as s:
        learning.log_session(s, 2.0, dt.date(2026, 11, 20), note="kept in the backup")
    db.back_up("manual")
    db.close()
    _ruin(db_path)

    seen = answer_boxes("Restore the backup", "OK")
    opened = open_for_window(db_path)
    assert opened is not None
    assert "damaged" in seen[0] or "not a Career Planner" in seen[0]
    assert "now holds the backup" in seen[1]
    with opened.db.session() as s:
        assert learning.session_totals(s).hours == 2.0
    opened.close()
    aside = [p for p in db_path.parent.iterdir() if ".corrupt-" in p.name]
    assert aside and aside[0].read_bytes() == b"\x00" * 8192  # set aside, never deleted


def test_quit_leaves_a_damaged_file_exactly_as_it_was(qapp, db, db_path) -> None:
    db.back_up("manual")
    db.close()
    _ruin(db_path)
    answer_boxes("Quit")
    assert open_for_window(db_path) is None
    assert db_path.read_bytes() == b"\x00" * 8192
    assert not lock_path(db_path).exists()  # quitting releases the lock


def test_an_unclean_shutdown_runs_a_full_check_that_catches_damage(qapp, db, db_path) -> None:
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(db_path.read_bytes())
    index_page = len(data) // 4096 - 2  # a late page: the quick open never reads it
    data[index_page * 4096 + 100 : index_page * 4096 + 4000] = b"\xa5" * 3900
    db_path.write_bytes(bytes(data))
    crash_holding_lock(db_path)

    seen = answer_boxes("Quit")
    assert open_for_window(db_path) is None
    assert seen and "integrity check" in seen[0]


def test_file_restore_puts_a_backup_back_and_keeps_the_current_data_too(qtbot, db_path, db):
    db.close()
    _log(db_path, 1.0)
    opened = open_for_window(db_path)
    assert opened is not None
    first = opened.db.back_up("manual")
    with opened.db.session() as s:
        learning.log_session(s, 3.0, dt.date(2026, 11, 21), note="after the backup")
    windows = _Windows(Settings())
    windows.show(opened)
    qtbot.addWidget(windows.window)
    # The window is preparing its other pages (planner.ui.prepare) when the restore begins;
    # the restore closes the file and waits on its report, and no page may be built meanwhile.
    qtbot.waitUntil(lambda: windows.preparer is not None)
    preparing = windows.preparer

    dialog = RestoreDialog(windows.window.ctx)
    qtbot.addWidget(dialog)
    assert [b.path for b in dialog.backups] == [first]
    dialog.grab().save("/tmp/restore_dialog.png")
    answer_boxes("&Yes", "OK")
    dialog.accept()
    assert dialog.chosen == first
    windows.restore(str(dialog.chosen))
    assert not preparing.running  # stopped before the file closed

    assert windows.window is not None and windows.window.isVisible()
    assert windows.window.ctx.read(lambda s: learning.session_totals(s).hours) == 1.0
    assert list_backups(db_path)[0].label == "before-restore"
    qtbot.waitUntil(
        lambda: windows.preparer is not None and windows.preparer.is_finished, timeout=30_000
    )
    assert windows.window.has_page("learning")  # the restored file's pages are prepared
    windows.close_current()
    assert _hours(db_path) == 1.0
