"""Every way opening a data file can fail says what is wrong (`kind`) and leaves the file alone;
a file that cannot be written opens read-only instead of failing."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from planner.services.learning import log_session, session_totals
from planner.storage.engine import open_database
from planner.storage.errors import DataFileError, SaveError
from planner.storage.probe import access_for

NOBODY = 65534


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def checkpointed_copy(fresh_template: Path, path: Path) -> Path:
    """A closed data file with one logged session, WAL folded in (as after a normal close)."""
    shutil.copyfile(fresh_template, path)
    database = open_database(path)
    with database.session() as s:
        log_session(s, 1.5, dt.date(2026, 11, 2), note="kept")
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder outside pytest's private (0700) tmp tree, so an unprivileged child can reach it."""
    folder = Path(tempfile.mkdtemp(prefix="planner-ro-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    for path in (folder, *folder.rglob("*")):
        path.chmod(0o777 if path.is_dir() else 0o666)
    shutil.rmtree(folder)


def as_other_user(probe: Callable[[], dict]) -> dict:
    """Run `probe` in a forked child that cannot override permissions (root can: it writes to
    0444 files), and return what it reports. Without root we already are such a user."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through the pipe
        os.close(read)
        try:
            if os.geteuid() == 0:
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            result = probe()
        except BaseException as exc:
            result = {"error": f"{type(exc).__name__}: {exc}"}
        os.write(write, json.dumps(result, default=str).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        text = pipe.read()
    os.waitpid(pid, 0)
    return json.loads(text)


def read_only_probe(path: Path) -> Callable[[], dict]:
    def probe() -> dict:
        database = open_database(path)
        try:
            with database.session() as s:
                hours = session_totals(s).hours
            try:
                with database.session() as s:
                    log_session(s, 2.0, dt.date(2026, 11, 3))
                write = "saved"
            except SaveError as exc:
                write = exc.kind
            return {"read_only": database.read_only, "hours": hours, "write": write}
        finally:
            database.close()

    return probe


def test_a_read_only_file_opens_read_only(fresh_template, shared_dir) -> None:
    path = checkpointed_copy(fresh_template, shared_dir / "planner.sqlite3")
    shared_dir.chmod(0o777)  # the folder is writable, the file is not
    path.chmod(0o444)
    before = digest(path)
    seen = as_other_user(read_only_probe(path))
    assert seen == {"read_only": True, "hours": 1.5, "write": "read-only"}
    assert digest(path) == before


def test_a_file_in_a_read_only_folder_opens_read_only(fresh_template, shared_dir) -> None:
    path = checkpointed_copy(fresh_template, shared_dir / "planner.sqlite3")
    if os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY)
    path.chmod(0o644)  # the file is the user's and writable; its folder is not
    shared_dir.chmod(0o555)
    before = digest(path)
    seen = as_other_user(read_only_probe(path))
    assert seen == {"read_only": True, "hours": 1.5, "write": "read-only"}
    assert digest(path) == before
    assert sorted(p.name for p in shared_dir.iterdir()) == ["planner.sqlite3"]


def test_no_new_file_in_a_read_only_folder(shared_dir) -> None:
    shared_dir.chmod(0o555)
    seen = as_other_user(lambda: {"access": access_for(shared_dir / "new.sqlite3")})
    assert "DataFileError" in seen["error"] and "read-only" in seen["error"]


def test_asking_for_read_only_stops_writes_even_for_root(db, db_path) -> None:
    with db.session() as s:
        log_session(s, 1.0, dt.date(2026, 11, 2))
    viewer = open_database(db_path, read_only=True)
    assert viewer.read_only
    with pytest.raises(SaveError, match="read-only") as caught, viewer.session() as s:
        log_session(s, 2.0, dt.date(2026, 11, 3))
    assert caught.value.kind == "read-only"
    with viewer.session() as s:
        assert session_totals(s).hours == 1.0
    viewer.close()


def test_a_read_only_file_that_needs_upgrading_is_refused_unchanged(tmp_path) -> None:
    from tests.test_migrations import migrate

    path = tmp_path / "old.sqlite3"
    migrate(path, "0001")
    before = digest(path)
    with pytest.raises(DataFileError, match="needs upgrading") as caught:
        open_database(path, read_only=True)
    assert caught.value.kind == "read-only"
    assert digest(path) == before


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"my notes, not a database\n" * 100, "not-ours"),
        (b"SQLite format 3\x00" + b"\x00" * 4000, "not-ours"),
    ],
)
def test_files_that_are_not_databases(tmp_path, content: bytes, kind: str) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(DataFileError) as caught:
        open_database(path)
    assert caught.value.kind == kind
    assert caught.value.path == path
    assert digest(path) == before


def test_a_data_file_overwritten_with_junk_is_corrupt_when_it_has_backups(db, db_path) -> None:
    db.back_up("manual")
    db.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    db_path.write_bytes(b"\x00" * 8192)
    with pytest.raises(DataFileError, match="Restore the latest good backup") as caught:
        open_database(db_path)
    assert caught.value.kind == "corrupt"


def test_damaged_pages_are_reported_as_corrupt_not_as_a_traceback(db, db_path) -> None:
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(db_path.read_bytes())
    data[4096 * 2 : 4096 * 40] = b"\xa5" * (4096 * 38)  # the catalog's pages, after sqlite_master
    db_path.write_bytes(bytes(data))
    with pytest.raises(DataFileError) as caught:
        open_database(db_path)
    assert caught.value.kind == "corrupt"


def test_another_programs_database_is_not_ours(tmp_path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA application_id = 1234")
    with pytest.raises(DataFileError, match="another program") as caught:
        open_database(path)
    assert caught.value.kind == "not-ours"


def test_a_newer_file_is_kind_newer_and_left_byte_for_byte(db, db_path) -> None:
    db.close()
    with sqlite3.connect(db_path) as con:
        con.execute("UPDATE alembic_version SET version_num = 'ffff'")
    sqlite3.connect(db_path).execute("PRAGMA wal_checkpoint(TRUNCATE)").connection.close()
    before = digest(db_path)
    with pytest.raises(DataFileError, match="newer version") as caught:
        open_database(db_path)
    assert caught.value.kind == "newer"
    assert digest(db_path) == before


def test_database_check_finds_damage_the_quick_open_misses(db, db_path) -> None:
    assert db.check(full=True) == [] and db.check() == []
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.exec_driver_sql(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_learning_session_date'"
        ).scalar()
    with db_path.open("r+b") as file:  # an index page: the open still works, the check does not
        file.seek((page - 1) * 4096)
        file.write(b"\xff" * 4096)
    db.close()
    damaged = open_database(db_path)
    assert damaged.check(full=True)
    damaged.close()
