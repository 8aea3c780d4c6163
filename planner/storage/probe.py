"""The data file as SQLite sees it, read with the standard library alone: whose file it is, the
schema revision it is at, and how this user may open it.

Kept apart from `planner.storage.engine` (SQLAlchemy, Alembic) because the window decides from
these, before SQLAlchemy has loaded, whether it can paint the dashboard straight from the file.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Literal, NoReturn

from planner.storage.backups import list_backups
from planner.storage.errors import DataFileError, disk_full_error, is_disk_full

#: The newest migration in migrations/versions; a test keeps it equal to Alembic's head.
SCHEMA_REVISION = "0009"
#: Marks a SQLite file as Career Planner's ("CPLN"): set by migration 0006, so by every new file.
APPLICATION_ID = 0x43504C4E

#: The tables schema 0001 created; every Career Planner file has had them since.
CORE_TABLES = frozenset(
    [
        "app_meta",
        "balance_target",
        "certification",
        "contact",
        "industry",
        "learning_activity",
        "role",
        "skill",
        "week_hours",
        "weekly_review",
        "activity_skill",
        "contact_skill",
        "interaction",
        "learning_session",
        "profile",
        "role_phase",
        "role_salary",
        "role_transition",
        "skill_assessment",
        "user_skill",
        "milestone",
        "role_skill",
        "milestone_skill",
        "alembic_version",
    ]
)
#: Revisions written before files carried APPLICATION_ID, with the tables a file at each has.
#: An unmarked file is ours only when its revision is one of these and it has their tables:
#: another program using Alembic may well have an `alembic_version` saying "0001".
UNMARKED_REVISIONS: dict[str, frozenset[str]] = {
    "0001": CORE_TABLES,
    "0002": CORE_TABLES,
    "0003": CORE_TABLES,
    "0004": CORE_TABLES | {"learning_day"},
    "0005": CORE_TABLES | {"learning_day", "running_timer"},
}


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


def traces_of(path: Path) -> list[Path]:
    """What is left of a data file that is missing (or empty): a restore's `NAME.partial`,
    set-aside `NAME.corrupt-*` files, a `-wal` holding its last commits, its backups. Empty for
    a name that never held a data file."""
    folder = path.parent
    if not folder.is_dir():
        return []
    found = [
        entry
        for entry in sorted(folder.iterdir())
        if entry.name.startswith(f"{path.name}.partial")
        or entry.name.startswith(f"{path.name}.corrupt-")
        or entry.name == f"{path.name}-wal"
    ]
    return found + [b.path for b in list_backups(path)]


def refuse_if_lost(path: Path) -> None:
    """Refuse to start a new, empty file where one is missing but its traces remain (a killed
    restore, a file moved or deleted by mistake): starting afresh there would look like every
    entry was lost. DataFileError kind "missing" names what was found and how to restore."""
    if path.exists() and path.stat().st_size > 0:
        return
    found = traces_of(path)
    if not found:
        return
    names = ", ".join(str(p.relative_to(path.parent)) for p in found[:6])
    more = f" and {len(found) - 6} more" if len(found) > 6 else ""
    state = "is empty" if path.exists() else "is missing"
    raise DataFileError(
        f"{path} {state}, but its folder still holds {names}{more}. Put a backup back with "
        "'planner restore FILE' (see 'planner backups'), or move these away to start a new "
        "file; nothing was created.",
        kind="missing",
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
            user_version = con.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            row = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        if is_disk_full(exc, path):
            raise disk_full_error(path) from exc
        marked_ours = int.from_bytes(header[68:72], "big") == APPLICATION_ID
        _not_a_database(path, str(exc), marked_ours=marked_ours)
    revision = row[0] if row else None
    if app_id == APPLICATION_ID and tables and revision is None:
        raise DataFileError(
            f"{path} is damaged: it is marked as a Career Planner file but has no schema "
            "revision. Restore the latest good backup; the damaged file is kept beside it.",
            kind="corrupt",
            path=path,
        )
    if is_ours(app_id, user_version, tables, revision):
        return revision
    raise DataFileError(
        f"{path} is not a Career Planner file: it is a SQLite database of another program. "
        "Open a Career Planner data file, or choose a new file name; it was not changed.",
        kind="not-ours",
        path=path,
    )


def is_ours(app_id: int, user_version: int, tables: set[str], revision: str | None) -> bool:
    """Whether a SQLite file with this header and these tables is a Career Planner file (or a
    new one, with nothing in it yet, that it may make its own).

    Marked files are ours whatever their revision (a newer one is "newer", not foreign); an
    unmarked one only at a revision written before the mark existed, with that revision's
    tables; an empty one only when no program has stamped its header."""
    if not tables:
        return app_id in (0, APPLICATION_ID) and user_version == 0
    if app_id == APPLICATION_ID:
        return True
    expected = UNMARKED_REVISIONS.get(revision or "")
    return app_id == 0 and expected is not None and expected <= tables


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
