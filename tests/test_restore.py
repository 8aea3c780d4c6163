"""Restore: a sound file is backed up first, a damaged one set aside with its WAL, a bad backup
refused, and the restored file opens with the backup's data."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
import sqlite3
from pathlib import Path

import pytest

from planner.services.learning import log_session, session_totals
from planner.storage.backups import list_backups
from planner.storage.engine import open_database
from planner.storage.errors import DataFileError
from planner.storage.restore import restore

STAMP = dt.datetime(2026, 11, 21, 10, 30, 5)


def hours_in(path: Path) -> float:
    database = open_database(path)
    with database.session() as s:
        hours = session_totals(s).hours
    database.close()
    return hours


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_restoring_over_a_sound_file_backs_it_up_first(db, db_path) -> None:
    with db.session() as s:
        log_session(s, 1.0, dt.date(2026, 11, 2))
    backup = db.back_up("manual")
    with db.session() as s:
        log_session(s, 2.0, dt.date(2026, 11, 3))
    db.close()

    done = restore(db_path, backup, now=STAMP)
    assert done.set_aside == ()
    assert done.safety_backup is not None
    assert hours_in(db_path) == 1.0
    assert hours_in(done.safety_backup) == 3.0  # what was there before is one restore away
    assert {b.label for b in list_backups(db_path)} == {"manual", "before-restore"}


def test_a_damaged_file_is_set_aside_with_its_wal_then_replaced(db, db_path) -> None:
    with db.session() as s:
        log_session(s, 1.0, dt.date(2026, 11, 2))
    backup = db.back_up("manual")
    db.close()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - a process killed right after a commit, WAL not folded in
        crashed = open_database(db_path)
        with crashed.session() as s:
            log_session(s, 4.0, dt.date(2026, 11, 3))
        os.kill(os.getpid(), signal.SIGKILL)
    os.waitpid(pid, 0)
    wal = Path(f"{db_path}-wal")
    wal_bytes = wal.read_bytes()
    assert wal_bytes
    with db_path.open("r+b") as file:
        file.write(b"\x00" * 100)  # the header is gone: SQLite no longer knows the file
    damaged = db_path.read_bytes()

    done = restore(db_path, backup, now=STAMP)
    aside = db_path.with_name("planner.sqlite3.corrupt-20261121-103005")
    assert done.safety_backup is None
    assert aside in done.set_aside
    assert aside.read_bytes() == damaged
    assert Path(f"{aside}-wal").read_bytes() == wal_bytes  # kept, and still paired by name
    assert hours_in(db_path) == 1.0


def test_a_file_that_is_not_a_database_is_set_aside_not_deleted(db, db_path) -> None:
    backup = db.back_up("manual")
    db.close()
    db_path.write_text("overwritten by a confused editor")
    restore(db_path, backup, now=STAMP)
    restore(db_path.with_name("fresh.sqlite3"), backup, now=STAMP)  # no current file at all
    aside = db_path.with_name("planner.sqlite3.corrupt-20261121-103005")
    assert aside.read_text() == "overwritten by a confused editor"
    assert hours_in(db_path) == 0.0
    assert hours_in(db_path.with_name("fresh.sqlite3")) == 0.0


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda p: p.write_text("not a backup"), "not-ours"),
        (
            lambda p: sqlite3.connect(p).execute("CREATE TABLE invoices (id)").connection.commit(),
            "not-ours",
        ),
    ],
)
def test_a_backup_that_is_not_ours_is_refused_and_nothing_changes(db, db_path, make, kind) -> None:
    with db.session() as s:
        log_session(s, 1.0, dt.date(2026, 11, 2))
    db.close()
    bogus = db_path.with_name("bogus.sqlite3")
    make(bogus)
    before = digest(db_path)
    with pytest.raises(DataFileError, match="Nothing was restored") as caught:
        restore(db_path, bogus)
    assert caught.value.kind == kind
    assert digest(db_path) == before
    assert list_backups(db_path) == []


def test_a_damaged_backup_is_refused(db, db_path) -> None:
    backup = db.back_up("manual")
    data = bytearray(backup.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xa5" * (4096 * 3)
    backup.write_bytes(bytes(data))
    db.close()
    with pytest.raises(DataFileError, match="damaged") as caught:
        restore(db_path, backup)
    assert caught.value.kind == "corrupt"


def test_a_backup_from_a_newer_version_is_refused(db, db_path) -> None:
    backup = db.back_up("manual")
    db.close()
    with sqlite3.connect(backup) as con:
        con.execute("UPDATE alembic_version SET version_num = 'ffff'")
    with pytest.raises(DataFileError, match="newer version") as caught:
        restore(db_path, backup)
    assert caught.value.kind == "newer"
