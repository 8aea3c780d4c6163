"""Backups of the data file: taken with SQLite's online backup API, verified, rotated like Anki's.

A backup is `backups/STEM-YYYYmmdd-HHMMSS-ffffff-LABEL.SUFFIX` beside the data file. It is
written under a `.partial` name, checked with `integrity_check` and only then renamed, so every
file that matches the pattern is a complete, sound database. A file that fails `quick_check` is
never backed up: a damaged copy would push good ones out of the rotation.

Rotation keeps about a year of history in a few dozen files: everything from the last two days,
then the newest backup of each of the 12 days before, of 10 weeks before those, and of 9 months
before those. It only ever deletes files matching our own pattern in our own folder.

Only `sqlite3` here (no SQLAlchemy), so restore and check work on files the app cannot open.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterable
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from planner.file_errors import DataFileError
from planner.paths import backup_dir

STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
RECENT = dt.timedelta(hours=48)
DAILY, WEEKLY, MONTHLY = 12, 10, 9
_LABEL = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    label: str
    size: int


def integrity_problems(con: sqlite3.Connection, *, full: bool = True) -> list[str]:
    """What `integrity_check` (or the faster `quick_check`) finds; empty when the file is sound.

    A file too damaged to be checked at all reports that as its one problem."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [r[0] for r in con.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [f"the file cannot be checked: {exc}"]
    return [] if rows == ["ok"] else rows


def _pattern(data_path: Path) -> re.Pattern[str]:
    stem, suffix = re.escape(data_path.stem), re.escape(data_path.suffix)
    return re.compile(rf"{stem}-(\d{{8}}-\d{{6}}-\d{{6}})-({_LABEL.pattern}){suffix}")


def list_backups(data_path: Path) -> list[BackupInfo]:
    """This data file's backups, newest first (only files that match our name pattern)."""
    folder = backup_dir(data_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(data_path)
    found = []
    for entry in folder.iterdir():
        match = pattern.fullmatch(entry.name)
        if match is None or not entry.is_file():
            continue
        taken_at = dt.datetime.strptime(match[1], STAMP_FORMAT)
        found.append(BackupInfo(entry, taken_at, match[2], entry.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def is_sound(path: Path) -> bool:
    """Whether a file is a SQLite database that passes `integrity_check` (read without writing)."""
    try:
        with closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)) as con:
            return not integrity_problems(con)
    except sqlite3.Error:
        return False


def latest_good_backup(data_path: Path) -> BackupInfo | None:
    """The newest backup that passes `integrity_check` (a disk can damage a file after it was
    written), or None when there is none."""
    return next((b for b in list_backups(data_path) if is_sound(b.path)), None)


def take_backup(
    source: sqlite3.Connection, data_path: Path, label: str, *, now: dt.datetime | None = None
) -> Path:
    """Back up the database open on `source` (WAL included), then rotate the folder.

    Raises DataFileError: kind "corrupt" when the file fails `quick_check` (nothing is written
    and no backup is rotated away), "read-only" when the backups folder cannot be written."""
    if not _LABEL.fullmatch(label):
        raise ValueError(f"backup label must be lower-case words joined by '-', not {label!r}")
    problems = integrity_problems(source, full=False)
    if problems:
        raise DataFileError(
            f"{data_path} is damaged ({problems[0]}), so it was not backed up: a damaged copy "
            "would replace good backups. Restore the latest good backup.",
            kind="corrupt",
            path=data_path,
        )
    now = now or dt.datetime.now()
    folder = backup_dir(data_path)
    target = folder / f"{data_path.stem}-{now.strftime(STAMP_FORMAT)}-{label}{data_path.suffix}"
    partial = target.with_name(target.name + ".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600))
    except OSError as exc:
        raise DataFileError(
            f"No backup could be written to {folder} ({exc.strerror}). Make the folder writable "
            "or free some space.",
            kind="read-only",
            path=data_path,
        ) from exc
    try:
        _copy_verified(source, partial, data_path)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    rotate(data_path, now=now)
    return target


def _copy_verified(source: sqlite3.Connection, dest_path: Path, data_path: Path) -> None:
    """Copy with the backup API into `dest_path` and raise unless the copy passes
    `integrity_check`."""
    try:
        with closing(sqlite3.connect(dest_path)) as dest:
            source.backup(dest)
            problems = integrity_problems(dest)
    except sqlite3.Error as exc:
        raise DataFileError(
            f"The copy of {data_path} could not be written ({exc}). Free some disk space and "
            "try again; the data file itself was not changed.",
            kind="disk-full" if getattr(exc, "sqlite_errorcode", 0) & 0xFF == 13 else "io-error",
            path=data_path,
        ) from exc
    if problems:
        raise DataFileError(
            f"The copy of {data_path} failed its integrity check ({problems[0]}); it was "
            "discarded.",
            kind="io-error",
            path=data_path,
        )


def copy_into(source: sqlite3.Connection, dest_path: Path, data_path: Path) -> None:
    """Write the database on `source` to `dest_path` whole or not at all: a verified copy under
    a temporary name, then a rename (the caller makes sure no `-wal` of an older file remains)."""
    partial = dest_path.with_name(dest_path.name + ".partial")
    os.close(os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600))
    try:
        _copy_verified(source, partial, data_path)
        partial.replace(dest_path)
    finally:
        partial.unlink(missing_ok=True)


def to_keep(stamps: Iterable[dt.datetime], now: dt.datetime) -> set[dt.datetime]:
    """Which backup times the rotation keeps (a pure function, so it is tested over simulated
    years): all from the last 48 hours, then the newest of each of 12 days, 10 ISO weeks and 9
    months, walking back in time. A period already holding a kept backup needs no other, so
    each tier starts where the one before ends. Times in the future (a clock set back) are kept.
    """
    keep: set[dt.datetime] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    quota = {"day": DAILY, "week": WEEKLY, "month": MONTHLY}

    def cover(stamp: dt.datetime) -> None:
        keep.add(stamp)
        days.add(stamp.date())
        weeks.add(stamp.isocalendar()[:2])
        months.add((stamp.year, stamp.month))

    for stamp in sorted(set(stamps), reverse=True):
        week, month = stamp.isocalendar()[:2], (stamp.year, stamp.month)
        if now - stamp < RECENT:
            tier = "recent"
        elif stamp.date() in days:
            continue
        elif quota["day"]:
            tier = "day"
        elif week in weeks:
            continue
        elif quota["week"]:
            tier = "week"
        elif month in months:
            continue
        elif quota["month"]:
            tier = "month"
        else:
            continue
        if tier != "recent":
            quota[tier] -= 1
        cover(stamp)
    return keep


def rotate(data_path: Path, *, now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups `to_keep` lets go; returns what was deleted."""
    found = list_backups(data_path)
    keep = to_keep((b.taken_at for b in found), now or dt.datetime.now())
    gone = [b.path for b in found if b.taken_at not in keep]
    for path in gone:
        with suppress(FileNotFoundError):
            path.unlink()
    return gone
