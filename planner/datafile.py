"""The data file as SQLite sees it, read with the standard library alone: whose file it is, the
schema revision it is at, and how this user may open it.

Kept apart from `planner.db` (SQLAlchemy, Alembic) because the window decides from these, before
SQLAlchemy has loaded, whether it can paint the dashboard straight from the file.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Literal, NoReturn

from planner.backups import list_backups
from planner.file_errors import DataFileError

#: The newest migration in migrations/versions; a test keeps it equal to Alembic's head.
SCHEMA_REVISION = "0009"
#: Marks a SQLite file as Career Planner's ("CPLN").
APPLICATION_ID = 0x43504C4E


#: How a file is opened: "rw" normally; "ro" when the file cannot be written but its folder
#: can (SQLite still needs to create the -shm there); "immutable" when the folder is read-only
#: and no WAL content waits (SQLite then needs no -shm at all).
Access = Literal["rw", "ro", "immutable"]


def access_for(path: Path) -> Access:
    """How `path` can be opened, decided from the permissions the current user has.

    Raises DataFileError "read-only" for a new file in a folder that cannot be written, and
    "unreadable" when WAL content waits beside a file in a read-only folder without its -shm
    (SQLite cannot read that safely; opening it once where the folder is writable can)."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:  # a new file's folders get created
        folder = folder.parent
    folder_writable = os.access(folder, os.W_OK)
    if not path.exists():
        if folder_writable:
            return "rw"
        raise DataFileError(
            f"No data file can be created in {path.parent}: the folder is read-only. "
            "Choose a file in a folder you can write to.",
            kind="read-only",
            path=path,
        )
    if not os.access(path, os.R_OK):
        raise DataFileError(
            f"{path} cannot be read: you do not have permission. Check its permissions, or "
            "open another file.",
            kind="unreadable",
            path=path,
        )
    if folder_writable and os.access(path, os.W_OK):
        return "rw"
    if folder_writable:
        return "ro"
    wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    if not wal.exists() or wal.stat().st_size == 0:
        return "immutable"
    if shm.exists():
        return "ro"
    raise DataFileError(
        f"{path} is in a read-only folder with unsaved journal content ({wal.name}) that "
        "cannot be read there. Copy the file together with its -wal file to a writable folder "
        "and open the copy.",
        kind="unreadable",
        path=path,
    )


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write a byte of `path` (nor create its -wal and -shm files
    where the folder is read-only)."""
    mode = "immutable=1" if access_for(path) == "immutable" else "mode=ro"
    return sqlite3.connect(f"{path.absolute().as_uri()}?{mode}", uri=True)


def read_revision(path: Path) -> str | None:
    """The file's schema revision, read without writing a byte; None for a new, empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with path.open("rb") as file:
            header = file.read(100)
    except OSError as exc:
        raise DataFileError(
            f"{path} cannot be read ({exc.strerror}). Check its permissions, or open another file.",
            kind="unreadable",
            path=path,
        ) from exc
    if header[:16] != b"SQLite format 3\x00":
        _not_a_database(path, "it is not a SQLite database", marked_ours=False)
    try:
        with closing(connect_read_only(path)) as con:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            row = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        marked_ours = int.from_bytes(header[68:72], "big") == APPLICATION_ID
        _not_a_database(path, str(exc), marked_ours=marked_ours)
    if app_id not in (0, APPLICATION_ID) or (tables and "alembic_version" not in tables):
        raise DataFileError(
            f"{path} is a SQLite database of another program. "
            "Open a Career Planner data file, or choose a new file name.",
            kind="not-ours",
            path=path,
        )
    return row[0] if row else None


def _not_a_database(path: Path, reason: str, *, marked_ours: bool) -> NoReturn:
    """Refuse a file SQLite cannot read: damaged when its header still carries our
    application_id or our backups sit beside it (it was ours), else not ours."""
    if marked_ours or list_backups(path):
        raise DataFileError(
            f"{path} is damaged and cannot be opened ({reason}). Restore the latest good backup; "
            "the damaged file is kept beside it, never deleted.",
            kind="corrupt",
            path=path,
        )
    raise DataFileError(
        f"{path} is not a Career Planner data file or is damaged ({reason}). "
        "Open another file, or restore a backup from the backups folder beside it.",
        kind="not-ours",
        path=path,
    )
