"""The data file: engine and pragmas, one transaction per user action, migrations and backups.

Opening a file (`open_database`) brings it to the schema this code knows:
- a new file runs every migration from empty;
- a file at head skips Alembic entirely (it is imported only to migrate);
- an older file is backed up with SQLite's backup API, then upgraded in one transaction;
- a file written by a newer version, or not by this app at all, is refused untouched;
- a file that cannot be written (or sits in a folder that cannot) opens read-only.
Every refusal is a DataFileError whose `kind` tells the app which way out to offer.
"""

from __future__ import annotations

import io
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import Literal, NoReturn

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from planner import catalog
from planner.backups import integrity_problems, list_backups, take_backup
from planner.file_errors import DataFileError, SaveError, save_error

__all__ = ["DataFileError", "Database", "SaveError", "open_database"]

#: The newest migration in migrations/versions; a test keeps it equal to Alembic's head.
SCHEMA_REVISION = "0003"
#: Marks a SQLite file as Career Planner's ("CPLN").
APPLICATION_ID = 0x43504C4E
BUSY_TIMEOUT_MS = 5000
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26  # result codes: https://sqlite.org/rescode.html


def _create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only, before SQLite opens it."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


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


def make_engine(path: Path, access: Access = "rw") -> Engine:
    """An engine whose every connection enforces foreign keys, uses WAL and waits on locks.

    pysqlite's own transaction handling is switched off so that SQLAlchemy's BEGIN covers DDL
    too: a migration then commits whole or not at all. A read-only engine also sets
    `query_only`, so no write gets through even for a user whom permissions do not stop.
    """
    if access == "rw":
        _create_private_file(path)
        engine = create_engine(f"sqlite:///{path}")
    else:
        mode = "mode=ro" if access == "ro" else "immutable=1"
        uri = f"{path.absolute().as_uri()}?{mode}"
        engine = create_engine(
            "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        writable = ("journal_mode = WAL", "synchronous = FULL") if access == "rw" else ()
        for pragma in (
            "foreign_keys = ON",
            f"busy_timeout = {BUSY_TIMEOUT_MS}",
            *writable,
            f"query_only = {int(access != 'rw')}",
        ):
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


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
    mode = "immutable=1" if access_for(path) == "immutable" else "mode=ro"
    try:
        with closing(sqlite3.connect(f"{path.absolute().as_uri()}?{mode}", uri=True)) as con:
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


def backup_file(engine: Engine, label: str) -> Path:
    """Back up the live database (WAL included) into backups/ and rotate; see planner.backups.

    Raises DataFileError "corrupt" rather than copy a file that fails `quick_check`."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        path = Path(raw.execute("PRAGMA database_list").fetchone()[2])
        return take_backup(raw, path, label)


def _alembic_config(connection: Connection):  # -> alembic.config.Config, imported lazily
    from importlib.resources import files

    from alembic.config import Config

    cfg = Config(stdout=io.StringIO())  # never print into a command's --json output
    cfg.set_main_option("script_location", str(files("planner.migrations")))
    cfg.attributes["connection"] = connection
    return cfg


def known_revision(revision: str) -> bool:
    """Whether migrations/ has this revision (a file ahead of this code does not)."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    script = ScriptDirectory.from_config(_alembic_config(None))  # type: ignore[arg-type]
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def upgrade_to_head(engine: Engine) -> None:
    """Run the pending migrations in one transaction, with foreign keys off so that batch-mode
    table rebuilds never cascade deletes into child rows; a broken reference aborts it all."""
    from alembic import command

    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                command.upgrade(_alembic_config(conn), "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DataFileError(
                        f"Upgrade stopped: {len(broken)} broken references; nothing was changed.",
                        kind="upgrade-failed",
                    )
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


class Database:
    """An open data file. `session()` is the one way to read or change it.

    `read_only` is True when the file (or its folder) cannot be written: reads work, and any
    write raises SaveError kind "read-only" before a byte changes."""

    def __init__(self, engine: Engine, path: Path, *, read_only: bool = False) -> None:
        self.engine = engine
        self.path = path
        self.read_only = read_only
        self._sessions = sessionmaker(engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One user action: commits at the end, rolls back everything on any error.

        A save the disk refuses (full, I/O error, read-only, locked, damaged) raises SaveError
        with a message for the person; the action is rolled back whole and earlier ones kept."""
        try:
            with self._sessions.begin() as session:
                yield session
        except DBAPIError as exc:
            problem = save_error(exc.orig, self.path) if exc.orig is not None else None
            if problem is None:
                raise
            raise problem from exc

    def check(self, *, full: bool = False) -> list[str]:
        """`quick_check` (on a normal close), or the full `integrity_check` (after an unclean
        shutdown); the problems SQLite reports, empty when the file is sound."""
        with self.engine.connect() as conn:
            return integrity_problems(conn.connection.driver_connection, full=full)

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path, *, read_only: bool = False) -> Database:
    """Open (or create) a data file, migrate it to this code's schema and seed the catalog.

    A file that cannot be written opens read-only by itself; `read_only=True` asks for that
    anyway (say, while another window has the file). Raises DataFileError with a `kind`."""
    access = access_for(path)
    if read_only and access == "rw":
        access = "immutable" if not path.exists() else "ro"
    revision = read_revision(path)
    if revision not in (None, SCHEMA_REVISION) and not known_revision(revision):
        raise DataFileError(
            f"{path} was written by a newer version of Career Planner (schema {revision}). "
            "Update the app to open it; the file was not changed.",
            kind="newer",
            path=path,
        )
    if access != "rw":
        return _open_read_only(path, access, revision)
    engine = make_engine(path)
    try:
        if revision != SCHEMA_REVISION:
            saved = backup_file(engine, f"before-upgrade-from-{revision}") if revision else None
            try:
                upgrade_to_head(engine)
            except Exception as exc:
                if revision is None or isinstance(exc, DataFileError):
                    raise
                detail = exc.orig if isinstance(exc, DBAPIError) else exc
                raise DataFileError(
                    f"{path} could not be upgraded from schema {revision} ({detail}). Nothing "
                    f"in it was changed, and a copy was saved first as {saved}. Keep using the "
                    "version of Career Planner that wrote it, and report this problem.",
                    kind="upgrade-failed",
                    path=path,
                ) from exc
        with engine.begin() as conn:
            if conn.exec_driver_sql("PRAGMA application_id").scalar() != APPLICATION_ID:
                conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        database = Database(engine, path)
        with database.session() as session:
            catalog.sync(session)
    except DBAPIError as exc:
        engine.dispose()
        code = getattr(exc.orig, "sqlite_errorcode", 0) & 0xFF
        if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
            raise DataFileError(
                f"{path} is damaged and cannot be opened ({exc.orig}). Restore the latest good "
                "backup; the damaged file is kept beside it, never deleted.",
                kind="corrupt",
                path=path,
            ) from exc
        problem = save_error(exc.orig, path) if exc.orig is not None else None
        if problem is None:
            raise
        raise problem from exc
    except BaseException:
        engine.dispose()
        raise
    return database


def _open_read_only(path: Path, access: Access, revision: str | None) -> Database:
    """A read-only Database, for a file already at this code's schema (an older one would need
    writing to upgrade, and an empty one has nothing to show)."""
    if revision != SCHEMA_REVISION:
        what = "is empty" if revision is None else f"needs upgrading from schema {revision}"
        raise DataFileError(
            f"{path} is read-only and {what}, which needs writing. Make the file and its folder "
            "writable, or copy it to a folder you can write to, and open it again.",
            kind="read-only",
            path=path,
        )
    engine = make_engine(path, access)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except DBAPIError as exc:
        engine.dispose()
        raise DataFileError(
            f"{path} cannot be opened read-only ({exc.orig}). Copy it to a folder you can "
            "write to and open the copy.",
            kind="unreadable",
            path=path,
        ) from exc
    return Database(engine, path, read_only=True)
