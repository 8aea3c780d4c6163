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
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from planner import catalog
from planner.storage.backups import damaged_error, integrity_problems, take_backup
from planner.storage.errors import (
    DataFileError,
    SaveError,
    disk_full_error,
    is_damage,
    is_disk_full,
    save_error,
)
from planner.storage.probe import (
    SCHEMA_REVISION,
    Access,
    access_for,
    read_revision,
    refuse_if_lost,
)

if TYPE_CHECKING:
    from alembic.config import Config

BUSY_TIMEOUT_MS = 5000


def _create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only, before SQLite opens it."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


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


def sqlite_connection(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under `conn`: the pragmas, `total_changes`, the backup API and the
    integrity checks need it, and SQLAlchemy types a driver's connection as anything."""
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection), raw
    return raw


def _alembic_config(connection: Connection | None) -> Config:
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

    script = ScriptDirectory.from_config(_alembic_config(None))
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def upgrade_to_head(engine: Engine) -> None:
    """Run the pending migrations in one transaction, with foreign keys off so that batch-mode
    table rebuilds never cascade deletes into child rows; a broken reference aborts it all."""
    from alembic import command

    with engine.connect() as conn:
        raw = sqlite_connection(conn)
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
        #: `quick_check` passed since this file was opened: writes may go in. A damaged page
        #: that no query happens to read would otherwise take writes for ever unnoticed.
        self.verified = False

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One user action: commits at the end, rolls back everything on any error.

        The first action that writes runs `quick_check` before it commits (once per open), so a
        damaged file is never written to. A damaged file met anywhere raises SaveError kind
        "corrupt" (`storage.backups.damaged_error`); a save the disk refuses (full, I/O error,
        read-only, locked) a SaveError of its kind; the action is rolled back whole."""
        try:
            with self._sessions.begin() as session:
                raw = sqlite_connection(session.connection())
                changes = raw.total_changes
                yield session
                if not self.verified:
                    session.flush()
                    if raw.total_changes != changes:
                        self.verify(raw)
        except DBAPIError as exc:
            problem = self._file_problem(exc.orig)
            if problem is None:
                raise
            raise problem from exc
        except sqlite3.DatabaseError as exc:  # raw DB-API queries (services.sql) raise these
            problem = self._file_problem(exc)
            if problem is None:
                raise
            raise problem from exc

    def _file_problem(self, exc: BaseException | None) -> SaveError | None:
        if exc is None:
            return None
        if is_damage(exc):
            return damaged_error(self.path, exc)
        return save_error(exc, self.path) if isinstance(exc, sqlite3.Error) else None

    def verify(self, raw: sqlite3.Connection | None = None) -> None:
        """Run `quick_check` once (the window does it in idle time after opening; otherwise
        the first write does); SaveError kind "corrupt" when the file is damaged."""
        if self.verified:
            return
        if raw is None:
            with self.engine.connect() as conn:
                problems = integrity_problems(sqlite_connection(conn), full=False, path=self.path)
        else:
            problems = integrity_problems(raw, full=False, path=self.path)
        if problems:
            raise damaged_error(self.path, problems[0])
        self.verified = True

    def back_up(self, label: str) -> Path:
        """Back up the open file (WAL included) with `storage.backups.take_backup`, the one way
        a backup is taken: verified, renamed into place, rotated. Raises DataFileError "corrupt"
        rather than copy a file that fails `quick_check`."""
        with self.engine.connect() as conn:
            return take_backup(sqlite_connection(conn), self.path, label)

    def check(self, *, full: bool = False) -> list[str]:
        """`quick_check` (on a normal close), or the full `integrity_check` (after an unclean
        shutdown); the problems SQLite reports, empty when the file is sound."""
        with self.engine.connect() as conn:
            return integrity_problems(sqlite_connection(conn), full=full, path=self.path)

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path, *, read_only: bool = False, start_new: bool = False) -> Database:
    """Open (or create) a data file, migrate it to this code's schema and seed the catalog.

    A file that cannot be written opens read-only by itself; `read_only=True` asks for that
    anyway (say, while another window has the file). A missing file whose backups or
    set-aside copies remain is not created afresh unless `start_new` says the person chose
    to (`probe.refuse_if_lost`). Raises DataFileError with a `kind`."""
    if not start_new:
        refuse_if_lost(path)
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
    database = Database(engine, path)
    try:
        if revision != SCHEMA_REVISION:
            saved = database.back_up(f"before-upgrade-from-{revision}") if revision else None
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
        with database.session() as session:
            catalog.sync(session)
    except DBAPIError as exc:
        engine.dispose()
        if exc.orig is not None and is_damage(exc.orig):
            raise damaged_error(path, exc.orig) from exc
        if exc.orig is not None and is_disk_full(exc.orig, path):
            raise disk_full_error(path) from exc
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
