"""What can go wrong with the data file itself, as typed errors the app and command line act on.

They sit below every other module of `planner.storage` so all of them can raise them. `kind`
tells the app which way out to offer (restore a backup, open another file, update the app, open
read-only); the message says in words what is wrong and what to do.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path
from typing import Literal

Kind = Literal[
    "corrupt",  # damaged, or not a database although it was ours: restore the latest good backup
    "not-ours",  # not a database, or another program's: open another file
    "newer",  # written by a newer Career Planner: update the app; the file is unchanged
    "upgrade-failed",  # a migration failed and was rolled back whole; the file is unchanged
    "unreadable",  # permissions or the disk stop us reading it
    "read-only",  # it can be read but not written (see Database.read_only)
    "disk-full",  # no room on the disk: free some; the file itself is sound, never restore
    "missing",  # the file is gone but its backups or set-aside copies remain: restore, or ask
    "io-error",  # the disk reported an error during a save
    "locked",  # another program held the write lock past the busy timeout
]


class DataFileError(Exception):
    """A data file that cannot be opened, backed up, restored or saved."""

    def __init__(self, message: str, *, kind: Kind = "unreadable", path: Path | None = None):
        super().__init__(message)
        self.kind: Kind = kind
        self.path = path


class SaveError(DataFileError):
    """A user action could not be committed; everything committed before it is intact, and the
    action itself was rolled back whole, so the caller can keep the person's input and retry."""


#: SQLite primary result codes (https://sqlite.org/rescode.html) that mean "the save failed".
_SAVE_FAILURES: dict[int, tuple[Kind, str]] = {
    13: (
        "disk-full",
        "The data file could not be saved: the disk is full. Free some space ({room}) and try "
        "again; nothing you saved earlier was lost.",
    ),
    10: (
        "io-error",
        "The data file could not be saved: the disk reported an error ({detail}). Check that the "
        "drive is connected and has space, then try again; nothing you saved earlier was lost.",
    ),
    8: (
        "read-only",
        "This data file is open read-only, so changes cannot be saved. To edit it, make the file "
        "and its folder writable (or copy it to a writable folder) and open it again.",
    ),
    5: (
        "locked",
        "The data file could not be saved: another program kept it busy. Try again in a moment; "
        "nothing you saved earlier was lost.",
    ),
    6: (
        "locked",
        "The data file could not be saved: another program kept it busy. Try again in a moment; "
        "nothing you saved earlier was lost.",
    ),
    11: (
        "corrupt",
        "The data file could not be saved because it is damaged ({detail}). Restore the latest "
        "good backup; the damaged file is kept aside, never deleted.",
    ),
}


def save_error(exc: BaseException, path: Path) -> SaveError | None:
    """The SaveError for a SQLite error raised while saving, or None if it is not a file problem
    (a constraint violation, say, is a bug or bad input and must not read as a full disk)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    found = _SAVE_FAILURES.get(SQLITE_FULL if is_disk_full(exc, path) else code & 0xFF)
    if found is None:
        return None
    kind, message = found
    return SaveError(message.format(detail=exc, room=room_needed(path)), kind=kind, path=path)


SQLITE_FULL, SQLITE_IOERR = 13, 10
#: The room SQLite needs beside a data file to open and save it: the -shm index (32 KiB) and
#: a write-ahead log of a few hundred pages (it is reused after each checkpoint, not grown).
WORKING_ROOM = 32 * 1024 + 256 * (4096 + 24)


def free_space(path: Path) -> int | None:
    """Bytes free on the disk holding `path` (its folder, or the nearest existing parent)."""
    folder = path if path.is_dir() else path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def is_disk_full(exc: BaseException, path: Path | None = None) -> bool:
    """Whether an error means the disk has no room: SQLITE_FULL, ENOSPC/EDQUOT, or an I/O error
    growing a file while the disk holding `path` has less than WORKING_ROOM free. A full disk
    must never read as a damaged file: that would offer a restore over good data."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return False
    if code & 0xFF == SQLITE_FULL:
        return True
    if code & 0xFF == SQLITE_IOERR and path is not None:
        free = free_space(path)
        return free is not None and free < WORKING_ROOM
    return False


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def room_needed(path: Path, copy: int = 0) -> str:
    """The room to make, in words: "about 1.1 MB is needed, 16 KB free now"."""
    free = free_space(path)
    have = f"{_size(free)} free now" if free is not None else "none free now"
    return f"about {_size(WORKING_ROOM + copy)} is needed, {have}"


def disk_full_error(path: Path, *, copy: int = 0, where: Path | None = None) -> SaveError:
    """The error for a disk with no room for the data file at `path` (or for its backup copy of
    `copy` bytes in the folder `where`): how much is needed and free, and that it is sound."""
    where = where or path.parent
    return SaveError(
        f"The disk holding {where} is full: free some space ({room_needed(where, copy)}) and "
        f"try again. {path.name} is not damaged; nothing saved in it was lost.",
        kind="disk-full",
        path=path,
    )


SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26


def is_damage(exc: BaseException) -> bool:
    """Whether SQLite found the file damaged ("database disk image is malformed", or a page
    that is not a database page) while reading or writing it."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    return isinstance(exc, sqlite3.DatabaseError) and "malformed" in str(exc)
