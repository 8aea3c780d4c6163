"""The data file: engine and pragmas, one transaction per user action, migrations and backups.

Opening a file (`open_database`) brings it to the schema this code knows:
- a new file runs every migration from empty;
- a file at head skips Alembic entirely (it is imported only to migrate);
- an older file is backed up with SQLite's backup API, then upgraded in one transaction;
- a file written by a newer version, or not by this app at all, is refused untouched.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from planner import catalog
from planner.paths import backup_dir

#: The newest migration in migrations/versions; a test keeps it equal to Alembic's head.
SCHEMA_REVISION = "0002"
#: Marks a SQLite file as Career Planner's ("CPLN").
APPLICATION_ID = 0x43504C4E
BUSY_TIMEOUT_MS = 5000


class DataFileError(Exception):
    """A file that cannot be opened; the message says what is wrong and what to do."""


def _create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only, before SQLite opens it."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def make_engine(path: Path) -> Engine:
    """An engine whose every connection enforces foreign keys, uses WAL and waits on locks.

    pysqlite's own transaction handling is switched off so that SQLAlchemy's BEGIN covers DDL
    too: a migration then commits whole or not at all.
    """
    _create_private_file(path)
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        for pragma in (
            "foreign_keys = ON",
            f"busy_timeout = {BUSY_TIMEOUT_MS}",
            "journal_mode = WAL",
            "synchronous = FULL",
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
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DataFileError(f"{path} cannot be read ({exc}). Check its permissions.") from exc
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DataFileError(
            f"{path} is not a Career Planner data file or is damaged ({exc}). "
            "Open another file, or restore a backup from the backups folder beside it."
        ) from exc
    finally:
        con.close()
    if tables:
        raise DataFileError(
            f"{path} is a SQLite database of another program. "
            "Open a Career Planner data file, or choose a new file name."
        )
    return None


def backup_file(engine: Engine, label: str) -> Path:
    """Copy the live database, WAL included, with SQLite's online backup API.

    The copy is written to a temporary name, checked with `integrity_check`, and only then
    renamed into place, so a file in backups/ is always a complete, sound database.
    """
    source = Path(engine.url.database or "")
    folder = backup_dir(source)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{source.stem}-{stamp}-{label}{source.suffix}"
    partial = target.with_name(target.name + ".partial")
    _create_private_file(partial)
    try:
        dest = sqlite3.connect(partial)
        try:
            with engine.connect() as conn:
                conn.connection.driver_connection.backup(dest)
            verdict = dest.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dest.close()
        if verdict != "ok":
            raise DataFileError(f"The backup of {source} failed its integrity check: {verdict}")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


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
                    raise DataFileError(f"Upgrade stopped: {len(broken)} broken references.")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


class Database:
    """An open data file. `session()` is the one way to read or change it."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One user action: commits at the end, rolls back everything on any error."""
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path) -> Database:
    """Open (or create) a data file, migrate it to this code's schema and seed the catalog."""
    revision = read_revision(path)
    if revision not in (None, SCHEMA_REVISION) and not known_revision(revision):
        raise DataFileError(
            f"{path} was written by a newer version of Career Planner (schema {revision}). "
            "Update the app to open it; the file was not changed."
        )
    engine = make_engine(path)
    try:
        if revision != SCHEMA_REVISION:
            if revision is not None:
                backup_file(engine, f"before-upgrade-from-{revision}")
            upgrade_to_head(engine)
        with engine.begin() as conn:
            if conn.exec_driver_sql("PRAGMA application_id").scalar() != APPLICATION_ID:
                conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        database = Database(engine, path)
        with database.session() as session:
            catalog.sync(session)
    except Exception:
        engine.dispose()
        raise
    return database
