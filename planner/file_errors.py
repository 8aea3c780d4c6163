"""What can go wrong with the data file itself, as typed errors the app and command line act on.

They live below `planner.db` and `planner.backups` so both can raise them. `kind` tells the app
which way out to offer (restore a backup, open another file, update the app, open read-only);
the message says in words what is wrong and what to do.
"""

from __future__ import annotations

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
    "disk-full",  # a save failed for want of space
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
        "The data file could not be saved: the disk is full. Free some space and try again; "
        "nothing you saved earlier was lost.",
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


def save_error(exc: sqlite3.Error, path: Path) -> SaveError | None:
    """The SaveError for a SQLite error raised while saving, or None if it is not a file problem
    (a constraint violation, say, is a bug or bad input and must not read as a full disk)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    found = _SAVE_FAILURES.get(code & 0xFF)
    if found is None:
        return None
    kind, message = found
    return SaveError(message.format(detail=exc), kind=kind, path=path)
