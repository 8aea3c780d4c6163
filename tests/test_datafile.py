"""Opening the data file: pragmas, private permissions, and files that must be refused."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest

from planner.storage.engine import open_database
from planner.storage.errors import DataFileError
from planner.storage.probe import APPLICATION_ID


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_private_and_uses_wal_foreign_keys_and_busy_timeout(tmp_path) -> None:
    db_path = tmp_path / "new" / "planner.sqlite3"
    db = open_database(db_path)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    with db.engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 1000
        assert pragma("application_id") == APPLICATION_ID
    db.close()


def test_file_from_a_newer_version_is_refused_and_left_byte_for_byte(db, db_path) -> None:
    db.close()
    con = sqlite3.connect(db_path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = digest(db_path)
    with pytest.raises(DataFileError, match="newer version"):
        open_database(db_path)
    assert digest(db_path) == before


def test_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("my notes, not a database\n" * 100)
    before = digest(path)
    with pytest.raises(DataFileError, match="not a Career Planner data file"):
        open_database(path)
    assert digest(path) == before


def test_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(DataFileError, match="another program"):
        open_database(path)


def test_reopening_a_file_at_head_keeps_its_data(db, db_path) -> None:
    import datetime as dt

    from planner.services.learning import log_session

    with db.session() as s:
        log_session(s, 2.0, dt.date(2026, 11, 20))
    db.close()
    again = open_database(db_path)
    with again.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT sum(hours) FROM learning_session").scalar() == 2.0
    assert not (db_path.parent / "backups").exists()  # nothing to upgrade, nothing copied
    again.close()
