"""Put a backup back in place of the data file, whether or not the current file still opens.

The order makes every step recoverable, and at every instant the data path holds either the
old file or the restored one (a kill between two steps never leaves it missing): the backup is
verified before anything changes; a sound current file is first backed up ("before-restore"),
then overwritten in one transaction with SQLite's backup API (so its own WAL stays consistent
and a reader sees old or new, never half). For a damaged current file, the backup is first
copied beside it as `NAME.partial` and verified; then the damaged file gets a second name,
`NAME.corrupt-YYYYmmdd-HHMMSS` (a hard link, or a copy where links are not possible), its -wal
and -shm are renamed to go with that name (an old WAL beside the new file would be replayed
into it), and only then is the copy renamed over the data path in one atomic step. Nothing is
ever deleted. Close the app's Database on the file before calling `restore`.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from planner.storage.backups import (
    integrity_problems,
    is_sound,
    remove_stale,
    staged,
    sync_folder,
    take_backup,
)
from planner.storage.errors import DataFileError
from planner.storage.probe import read_revision

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Restored:
    path: Path  # the data file, now holding the backup's data
    backup: Path  # the backup that was restored
    safety_backup: Path | None  # the current file's "before-restore" backup, when it was sound
    set_aside: tuple[Path, ...]  # the damaged file and its -wal/-shm, renamed, when it was not


def check_restorable(backup: Path) -> str:
    """The schema revision of a backup fit to restore; DataFileError (kind "unreadable",
    "corrupt", "not-ours" or "newer") for one that is not, before anything is changed."""
    unchanged = "Nothing was restored; your data file was not changed."
    if not backup.is_file():
        raise DataFileError(
            f"There is no file {backup}. {unchanged}", kind="unreadable", path=backup
        )
    if not _has_sqlite_header(backup):
        raise DataFileError(
            f"{backup} is not a Career Planner backup (not a SQLite database). {unchanged}",
            kind="not-ours",
            path=backup,
        )
    if not is_sound(backup):
        raise DataFileError(
            f"{backup} is damaged (it fails SQLite's integrity check). Choose another backup. "
            f"{unchanged}",
            kind="corrupt",
            path=backup,
        )
    try:
        revision = read_revision(backup)  # whose file it is, by its mark or its tables
    except DataFileError as exc:
        raise DataFileError(
            f"{backup} is not a Career Planner backup (another program's database). {unchanged}",
            kind="not-ours",
            path=backup,
        ) from exc
    if revision is None:
        raise DataFileError(
            f"{backup} is not a Career Planner backup (an empty database). {unchanged}",
            kind="not-ours",
            path=backup,
        )
    from planner.storage.engine import known_revision  # Alembic reads migrations: only here

    if not known_revision(revision):
        raise DataFileError(
            f"{backup} was made by a newer version of Career Planner (schema {revision}). "
            f"Update the app to restore it. {unchanged}",
            kind="newer",
            path=backup,
        )
    return revision


def restore(data_path: Path, backup: Path, *, now: dt.datetime | None = None) -> Restored:
    """Replace the data at `data_path` with `backup`; see the module docstring for the order.

    Raises DataFileError when the backup is unfit or the file or its folder cannot be written;
    in both cases nothing was changed."""
    check_restorable(backup)
    now = now or dt.datetime.now()
    folder_ok = os.access(data_path.parent, os.W_OK)
    if not folder_ok or (data_path.exists() and not os.access(data_path, os.W_OK)):
        raise DataFileError(
            f"{data_path} cannot be replaced: the file or its folder is read-only. Make them "
            "writable and try again; nothing was changed.",
            kind="read-only",
            path=data_path,
        )
    with closing(sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)) as source:
        live = _open_if_sound(data_path)
        if live is not None:
            with closing(live):
                safety = take_backup(live, data_path, "before-restore", now=now)
                _overwrite(source, live, data_path)
            return Restored(data_path, backup, safety, ())
        # a killed restore's NAME.partial, if no live process holds it
        remove_stale(data_path.parent, lambda name: name == data_path.name)
        with staged(source, data_path, data_path) as partial:
            aside = set_aside(data_path, now) if _exists_with_journal(data_path) else ()
            partial.replace(data_path)  # the one step from old to new
            sync_folder(data_path.parent)
    return Restored(data_path, backup, None, aside)


def _has_sqlite_header(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(16) == SQLITE_HEADER


def _exists_with_journal(data_path: Path) -> bool:
    return any(p.exists() for p in _with_journal(data_path))


def _with_journal(data_path: Path) -> tuple[Path, Path, Path]:
    """The -wal and -shm first: renamed in that order, a crash halfway never leaves an old WAL
    beside a new file (SQLite would replay it into the restored data)."""
    return (
        data_path.with_name(data_path.name + "-wal"),
        data_path.with_name(data_path.name + "-shm"),
        data_path,
    )


def _open_if_sound(data_path: Path) -> sqlite3.Connection | None:
    """A connection to the current file when it is a database that passes `quick_check`."""
    if not data_path.is_file() or data_path.stat().st_size == 0:
        return None
    if not _has_sqlite_header(data_path):
        return None
    # Probe read-only: closing a read-write connection would checkpoint a damaged file's WAL
    # into it, and the WAL is part of what we set aside untouched.
    with closing(sqlite3.connect(f"{data_path.absolute().as_uri()}?mode=ro", uri=True)) as probe:
        if integrity_problems(probe, full=False):
            return None
    return sqlite3.connect(data_path, isolation_level=None)


def _overwrite(source: sqlite3.Connection, live: sqlite3.Connection, data_path: Path) -> None:
    """Copy the backup over the live file in one transaction (the backup API locks and writes
    the destination through its own journal), then verify the result."""
    try:
        source.backup(live)
    except sqlite3.Error as exc:
        raise DataFileError(
            f"{data_path} could not be restored ({exc}); it still holds its earlier data. Free "
            "some disk space and try again.",
            kind="io-error",
            path=data_path,
        ) from exc
    problems = integrity_problems(live, full=False)
    if problems:
        raise DataFileError(
            f"{data_path} fails its check after the restore ({problems[0]}). Restore again from "
            "another backup; the file before the restore is in the backups folder.",
            kind="corrupt",
            path=data_path,
        )


def set_aside(data_path: Path, now: dt.datetime) -> tuple[Path, ...]:
    """Give a damaged file a second name, `NAME.corrupt-STAMP`, and move its -wal and -shm to
    go with it (`+-wal`, `+-shm`, so SQLite still pairs them); returns the new names, the file's
    own first. The data path keeps the damaged file until the caller renames the restored copy
    over it. Nothing is ever deleted."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    base = data_path.with_name(f"{data_path.name}.corrupt-{stamp}")
    n = 1
    while any(p.exists() for p in _with_journal(base)):
        n += 1
        base = data_path.with_name(f"{data_path.name}.corrupt-{stamp}-{n}")
    wal, shm, main = _with_journal(data_path)
    moved = []
    if main.exists():
        try:
            os.link(main, base)
        except OSError:  # a file system without hard links: a copy, flushed before going on
            shutil.copy2(main, base)
            with base.open("rb+") as file:
                os.fsync(file.fileno())
        moved.append(base)
    for old, new in ((wal, Path(f"{base}-wal")), (shm, Path(f"{base}-shm"))):
        if old.exists():
            old.rename(new)
            moved.append(new)
    sync_folder(data_path.parent)
    return tuple(moved)
