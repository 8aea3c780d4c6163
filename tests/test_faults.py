"""Faults, for real: SIGKILLs aimed at and scattered over restores and backups, a damaged page
met by every command, a full disk on a real small file system, another program's database,
and a data file gone with its traces left. Each runs the real code in child processes."""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import shutil
import signal
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

import planner.storage.backups
import planner.storage.restore
from planner.services.learning import log_session, session_totals
from planner.storage.backups import is_sound, list_backups, rotate, take_backup
from planner.storage.engine import open_database
from planner.storage.probe import APPLICATION_ID, SCHEMA_REVISION, read_revision
from tests.faults import (
    checkpointed,
    cli,
    damage_page,
    digest,
    fresh_copy,
    killed_after,
    killed_at,
    one_line,
    small_disk_at,
    steps_to_finish,
)

RESTORE_ROUNDS = 100
BACKUP_ROUNDS = 40
#: Rounds between two timings of the real work the kills are spread over.
RECALIBRATE = 20


def hours_in(path: Path) -> float:
    with closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)) as con:
        return con.execute("SELECT coalesce(sum(hours), 0) FROM learning_session").fetchone()[0]


@pytest.fixture
def damaged(demo_template: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A demo file with a good backup, then one page of its learning sessions overwritten."""
    path = fresh_copy(demo_template, tmp_path / "planner.sqlite3")
    with closing(sqlite3.connect(path)) as con:
        backup = take_backup(con, path, "manual")
    damage_page(path, "learning_session")
    return path, backup


# -- restore: the data path always holds the old file or the restored one ---------------------


def test_a_restore_killed_after_setting_aside_leaves_the_damaged_file_in_place(damaged) -> None:
    path, backup = damaged
    before = digest(path)
    killed_at(
        planner.storage.restore, "set_aside", lambda: planner.storage.restore.restore(path, backup)
    )
    assert path.exists(), "a kill between two steps of a restore left no data file"
    assert digest(path) == before
    aside = [p for p in path.parent.iterdir() if re.fullmatch(r".*\.corrupt-[\d-]+", p.name)]
    assert [digest(p) for p in aside] == [before]  # and its second name already holds it

    refused = cli(path, "log", "1")  # the next command does not start an empty file
    assert refused.returncode == 1
    assert "is damaged" in one_line(refused.stderr)
    assert cli(path, "restore", str(backup)).returncode == 0
    assert hours_in(path) == hours_in(backup)


def test_random_kills_during_restores_never_leave_the_data_path_empty(damaged) -> None:
    path, backup = damaged
    old = path.read_bytes()
    restored_hours = hours_in(backup)

    def reset() -> None:
        for leftover in path.parent.iterdir():
            if leftover.name != "backups":
                leftover.unlink()
        path.write_bytes(old)

    # once to load what it imports, as the children have
    planner.storage.restore.restore(path, backup)

    def restore() -> None:
        planner.storage.restore.restore(path, backup)

    rng = random.Random(20261202)
    outcomes = {"old": 0, "restored": 0, "missing": 0, "other": 0}
    landed = 0
    for round_no in range(RESTORE_ROUNDS):
        if round_no % RECALIBRATE == 0:  # the machine's load moves; so does a restore's time
            reach = steps_to_finish(restore, prepare=reset)
        reset()
        landed += killed_after(rng.randint(0, reach), restore)
        if not path.exists():
            outcomes["missing"] += 1
        elif path.read_bytes() == old:
            outcomes["old"] += 1
        elif is_sound(path) and hours_in(path) == restored_hours:
            outcomes["restored"] += 1
        else:
            outcomes["other"] += 1
    print(f"\nrestore kills: {RESTORE_ROUNDS} rounds, {landed} killed mid-restore, {outcomes}")
    assert outcomes["missing"] == 0 and outcomes["other"] == 0
    assert landed > RESTORE_ROUNDS // 4  # the kills really landed inside restores
    assert outcomes["old"] and outcomes["restored"]


# -- a missing data file whose traces remain is never started afresh --------------------------


@pytest.mark.parametrize("trace", ["backups", "corrupt", "partial"])
def test_a_missing_file_with_traces_is_not_replaced_by_an_empty_one(
    demo_template, tmp_path, trace
) -> None:
    path = fresh_copy(demo_template, tmp_path / "planner.sqlite3")
    if trace == "backups":
        assert cli(path, "backup").returncode == 0
        path.unlink()
        expected = "backups/"
    else:
        suffix = "corrupt-20261202-101010" if trace == "corrupt" else "partial"
        left = path.with_name(f"{path.name}.{suffix}")
        path.rename(left)
        expected = left.name
    for command in (["log", "1"], ["gap"]):
        refused = cli(path, *command)
        assert refused.returncode == 1
        line = one_line(refused.stderr)
        assert expected in line and "planner restore" in line
        assert not path.exists()


# -- a damaged page: one message, no traceback, nothing written ------------------------------


def _written_state(path: Path) -> tuple[str, int]:
    wal = Path(f"{path}-wal")
    return digest(path), wal.stat().st_size if wal.exists() else 0


LOG, IMPORT, HOURS = ["log", "1.5"], ["import", "json", "EXPORT"], ["hours", "work=40"]
GAP, CONTACTS, WEEK, EXPORT = ["gap"], ["contacts"], ["week"], ["export", "json", "OUT"]


@pytest.mark.parametrize(
    ("table", "commands"),
    [
        ("learning_session", [LOG, IMPORT, GAP, WEEK, EXPORT]),
        ("contact", [CONTACTS, HOURS, EXPORT]),
        ("interaction", [LOG, CONTACTS]),
    ],
)
def test_a_damaged_page_is_the_damaged_file_path_for_every_command(
    demo_template, tmp_path, table, commands
) -> None:
    """Writes are refused (the first write after opening checks the file); reads either do
    not meet the damaged page or stop with the damaged-file message: never a traceback."""
    path = fresh_copy(demo_template, tmp_path / "planner.sqlite3")
    export = tmp_path / "before.json"
    assert cli(path, "export", "json", str(export)).returncode == 0
    with closing(sqlite3.connect(path)) as con:
        take_backup(con, path, "manual")
    damage_page(path, table)
    before = _written_state(path)
    paths = {"EXPORT": str(export), "OUT": str(tmp_path / "out.json")}

    for command in commands:
        run = cli(path, *(paths.get(word, word) for word in command))
        assert "Traceback" not in run.stderr, (command, run.stderr)
        if command in (LOG, IMPORT, HOURS) or run.returncode != 0:
            assert run.returncode == 1, (command, run.stdout, run.stderr)
            line = one_line(run.stderr)
            assert "is damaged" in line and "planner restore" in line, line
            assert "could not be saved" not in line
        assert _written_state(path) == before, f"{command} wrote into the damaged file"


def test_the_window_pages_show_a_damaged_file_without_tracebacks(demo_template, tmp_path) -> None:
    path = fresh_copy(demo_template, tmp_path / "planner.sqlite3")
    for table in ("learning_session", "interaction", "week_hours"):
        damage_page(path, table)
    for page in ("learning", "network", "balance", "review"):
        run = cli(path, "--screenshot", str(tmp_path / f"{page}.png"), "--page", page)
        assert "Traceback" not in run.stderr, (page, run.stderr)


# -- a full disk is not a damaged file ------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MB file system, mounted for the test (skipped where that is not permitted)."""
    with small_disk_at(tmp_path / "disk") as mount:
        yield mount


def fill(disk: Path, leave: int) -> None:
    free = shutil.disk_usage(disk).free
    (disk / "filler").write_bytes(b"\0" * max(free - leave, 0))


def test_a_full_disk_says_so_and_never_offers_a_restore(demo_template, small_disk) -> None:
    path = fresh_copy(demo_template, small_disk / "planner.sqlite3")
    with closing(sqlite3.connect(path)) as con:
        take_backup(con, path, "manual")  # a backup exists: nothing may offer it
    checkpointed(path)
    fill(small_disk, 16 * 1024)
    before = digest(path)
    for command in (
        ["gap"],
        ["log", "1"],
        ["contacts"],
        ["backup"],
        ["check"],
        ["check", "--json"],
    ):
        run = cli(path, *command)
        assert run.returncode == 1, (command, run.stdout, run.stderr)  # never 3 for `check`
        line = one_line(run.stderr)
        assert "is full" in line and "is needed" in line and "free now" in line, line
        assert "damaged" not in line.replace("is not damaged", "")
        assert "restore" not in line.lower()
    assert digest(path) == before
    assert [b.label for b in list_backups(path)] == ["manual"]


def test_a_backup_that_does_not_fit_says_how_much_room_it_needs(demo_template, small_disk):
    path = fresh_copy(demo_template, small_disk / "planner.sqlite3")
    fill(small_disk, 200 * 1024)  # room to work, not for a copy of the file
    run = cli(path, "backup")
    assert run.returncode == 1
    line = one_line(run.stderr)
    assert "is full" in line and "MB is needed" in line and "not damaged" in line
    assert not any(p.name.endswith(".partial") for p in (small_disk / "backups").iterdir())
    assert cli(path, "check").returncode == 0  # the file is sound; only the backup is noted


# -- another program's database is never changed ---------------------------------------------


def _alembic_app(path: Path, revision: str) -> Path:
    with closing(sqlite3.connect(path)) as con, con:
        con.executescript(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);"
            f"INSERT INTO alembic_version VALUES ('{revision}');"
            "CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL);"
            "INSERT INTO invoice VALUES (1, 9.5);"
        )
    return path


def _stamped_empty(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA user_version = 7")
    return path


@pytest.mark.parametrize(
    "make",
    [
        lambda p: _alembic_app(p, "0001"),
        lambda p: _alembic_app(p, "ae1027a6acf"),
        _stamped_empty,
    ],
    ids=["alembic-0001", "alembic-foreign-revision", "empty-user-version-7"],
)
def test_another_programs_database_is_left_byte_identical(tmp_path, make) -> None:
    folder = tmp_path / "other"
    folder.mkdir()
    path = make(folder / "app.db")
    before = digest(path)
    for command in (["gap"], ["log", "1"], ["backup"], ["check"], ["contacts"]):
        run = cli(path, *command)
        assert run.returncode == 1, (command, run.stdout, run.stderr)
        line = one_line(run.stderr)
        assert "not a Career Planner file" in line and "newer version" not in line, line
    assert digest(path) == before
    assert sorted(p.name for p in folder.iterdir()) == ["app.db"]  # no WAL, no backups/


def test_another_programs_database_is_not_restored_as_a_backup(db, db_path, tmp_path) -> None:
    db.close()
    foreign = _alembic_app(tmp_path / "app.db", "0001")
    before = digest(db_path)
    run = cli(db_path, "restore", str(foreign))
    assert run.returncode == 1
    assert "not a Career Planner backup" in one_line(run.stderr)
    assert digest(db_path) == before


@pytest.mark.parametrize("revision", ["0001", "0002", "0003", "0004"])
def test_unmarked_files_of_earlier_versions_still_open_and_get_the_mark(tmp_path, revision):
    from tests.test_migrations import migrate

    path = tmp_path / "old.sqlite3"
    migrate(path, revision)
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA application_id = 0")  # as those versions wrote them
        log = "INSERT INTO learning_session (date, hours, note) VALUES ('2026-01-05', 2, '')"
        con.execute(log)
        con.commit()
    database = open_database(path)
    with database.session() as s:
        assert session_totals(s).hours == 2.0
    database.close()
    assert read_revision(path) == SCHEMA_REVISION
    with closing(sqlite3.connect(path)) as con:
        assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


# -- killed backups leave nothing for ever ---------------------------------------------------


def _leftovers(path: Path) -> list[str]:
    folder = path.parent / "backups"
    return sorted(p.name for p in folder.iterdir() if ".partial" in p.name)


def test_a_killed_backup_leaves_files_that_the_next_backup_removes(db, db_path) -> None:
    with db.session() as s:
        log_session(s, 1.0, dt.date(2026, 11, 2))
    db.close()

    def back_up() -> None:
        with closing(sqlite3.connect(db_path)) as con:
            take_backup(con, db_path, "manual")

    killed_at(planner.storage.backups, "_copy_verified", back_up)
    assert _leftovers(db_path), "the kill left nothing to clean: the test proves nothing"
    assert cli(db_path, "backup").returncode == 0
    assert _leftovers(db_path) == []
    assert all(is_sound(b.path) for b in list_backups(db_path))


def test_a_backup_being_written_by_a_live_process_is_not_removed(db, db_path) -> None:
    db.close()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - a live writer, paused while it holds its partial file
        os.close(read)
        real = planner.storage.backups._copy_verified

        def paused(*args, **kwargs) -> None:
            real(*args, **kwargs)
            os.write(write, b"writing\n")
            signal.pause()

        planner.storage.backups._copy_verified = paused
        with closing(sqlite3.connect(db_path)) as con:
            take_backup(con, db_path, "manual")
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        assert pipe.readline().strip() == "writing"
        live = _leftovers(db_path)
        assert live
        assert cli(db_path, "backup").returncode == 0  # runs the cleaner meanwhile
        assert set(live) <= set(_leftovers(db_path)), "a live backup's file was removed"
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    rotate(db_path)  # its writer is gone now: stale
    assert _leftovers(db_path) == []


def test_random_kills_during_backups_leave_nothing_after_the_next_one(demo_db) -> None:
    path = demo_db.path
    demo_db.close()
    checkpointed(path)

    def back_up() -> None:
        with closing(sqlite3.connect(path)) as con:
            take_backup(con, path, "auto")

    back_up()  # once to load what it imports, as the children have
    rng = random.Random(4242)
    landed = leaving = 0
    for round_no in range(BACKUP_ROUNDS):
        if round_no % RECALIBRATE == 0:  # the machine's load moves; so does a backup's time
            reach = steps_to_finish(back_up, prepare=lambda: None)
        landed += killed_after(rng.randint(0, reach), back_up)
        leaving += bool(_leftovers(path))  # the next round's backup removes them
    assert cli(path, "backup").returncode == 0
    print(
        f"\nbackup kills: {BACKUP_ROUNDS} rounds, {landed} killed mid-backup, {leaving} left "
        f"partial files behind, {len(_leftovers(path))} left after the next backup"
    )
    assert leaving, "no kill left a partial file: the test proves nothing"
    assert _leftovers(path) == []
    assert all(is_sound(b.path) for b in list_backups(path))
    assert hours_in(path) == hours_in(list_backups(path)[0].path)


def test_a_restore_leaves_other_programs_partial_files_alone(damaged) -> None:
    path, backup = damaged
    download = path.with_name("movie.mkv.partial")  # a browser's download beside the data
    download.write_bytes(b"half a film")
    stale = path.with_name(path.name + ".partial")  # a killed restore's, no one holds it
    stale.write_bytes(b"left by a kill")
    planner.storage.restore.restore(path, backup)
    assert download.read_bytes() == b"half a film"
    assert not stale.exists()
