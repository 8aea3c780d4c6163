"""Backups: verified copies, never of a damaged file, listed newest first, rotated over a year."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import pytest

from planner.services.learning import log_session
from planner.storage.backups import (
    DAILY,
    MONTHLY,
    WEEKLY,
    latest_good_backup,
    list_backups,
    rotate,
    take_backup,
    to_keep,
)
from planner.storage.errors import DataFileError

NOW = dt.datetime(2027, 6, 15, 12, 0)


def damage(path: Path) -> None:
    """Overwrite the middle of a closed, checkpointed file with junk: pages, not the header."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = b"\xa5" * 8192
    path.write_bytes(bytes(data))


def test_backup_holds_what_was_committed_including_the_wal(db, db_path) -> None:
    with db.session() as s:
        log_session(s, 1.25, dt.date(2026, 11, 2), note="in the WAL only")
    copy = db.back_up("manual")
    assert copy.parent == db_path.parent / "backups"
    with sqlite3.connect(copy) as con:
        assert con.execute("SELECT hours, note FROM learning_session").fetchall() == [
            (1.25, "in the WAL only")
        ]
    assert [(b.path, b.label) for b in list_backups(db_path)] == [(copy, "manual")]


def test_a_file_failing_quick_check_is_not_backed_up(db, db_path) -> None:
    good = db.back_up("manual")
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    damage(db_path)
    con = sqlite3.connect(db_path)
    with pytest.raises(DataFileError, match="not backed up") as caught:
        take_backup(con, db_path, "periodic")
    con.close()
    assert caught.value.kind == "corrupt"
    assert [b.path for b in list_backups(db_path)] == [good]


def test_list_backups_ignores_files_that_are_not_ours(db, db_path) -> None:
    first = db.back_up("manual")
    second = db.back_up("on-close")
    folder = db_path.parent / "backups"
    (folder / "notes.txt").write_text("mine")
    (folder / "planner-2020-01-01.sqlite3").write_text("hand-made copy")
    (folder / "other-20200101-000000-000000-manual.sqlite3").write_text("another file's")
    assert [b.path for b in list_backups(db_path)] == [second, first]
    assert list_backups(db_path)[0].size == second.stat().st_size
    rotate(db_path, now=dt.datetime(2099, 1, 1))  # everything of ours is ancient by then
    assert {p.name for p in folder.iterdir()} >= {
        "notes.txt",
        "planner-2020-01-01.sqlite3",
        "other-20200101-000000-000000-manual.sqlite3",
    }


def test_latest_good_backup_skips_one_damaged_after_it_was_written(db, db_path) -> None:
    older = db.back_up("manual")
    newer = db.back_up("manual")
    damage(newer)
    found = latest_good_backup(db_path)
    assert found is not None and found.path == older
    damage(older)
    assert latest_good_backup(db_path) is None


def test_rotation_keeps_everything_from_the_last_two_days() -> None:
    stamps = {NOW - dt.timedelta(minutes=30 * i) for i in range(96)}  # every half hour, 48 h
    assert to_keep(stamps, NOW) == stamps


def test_rotation_keeps_the_newest_backup_of_each_older_day() -> None:
    day = dt.datetime(2027, 6, 10)
    same_day = {day.replace(hour=h) for h in (9, 13, 18)}
    kept = to_keep(same_day, NOW)
    assert kept == {day.replace(hour=18)}


def simulate(days: int, seed: int) -> tuple[set[dt.datetime], dt.datetime]:
    """A person using the app most days, a few backups a day, rotating after each one."""
    rng = random.Random(seed)
    start = dt.datetime(2026, 1, 1, 8, 0)
    kept: set[dt.datetime] = set()
    now = start
    for day in range(days):
        if rng.random() < 0.2:  # a day without the app
            continue
        for minute in sorted(rng.sample(range(14 * 60), rng.randint(1, 6))):
            now = start + dt.timedelta(days=day, minutes=minute)
            kept.add(now)
            kept = to_keep(kept, now)
    return kept, now


@pytest.mark.parametrize("seed", range(5))
def test_two_simulated_years_keep_about_a_year_in_a_few_dozen_files(seed: int) -> None:
    kept, now = simulate(730, seed)
    assert max(kept) == now  # the newest is always kept
    assert len(kept) <= 6 * 3 + DAILY + WEEKLY + MONTHLY  # two days of backups, then tiers
    oldest_age = now - min(kept)
    assert dt.timedelta(days=300) <= oldest_age <= dt.timedelta(days=400)
    older = sorted((s for s in kept if now - s >= dt.timedelta(hours=48)), reverse=True)
    days = [s.date() for s in older]
    assert len(days) == len(set(days))  # at most one per day beyond the last two days
    assert len({s.isocalendar()[:2] for s in older}) >= WEEKLY  # weeks are covered
    assert len({(s.year, s.month) for s in older}) >= MONTHLY  # so are months


def test_rotation_is_stable_once_nothing_new_comes() -> None:
    kept, now = simulate(200, seed=7)
    assert to_keep(kept, now) == kept


def test_a_clock_set_back_never_deletes_backups_from_the_future() -> None:
    future = {NOW + dt.timedelta(days=d) for d in (1, 30, 400)}
    assert to_keep(future, NOW) == future
