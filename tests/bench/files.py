"""The data files the benchmark measures: the two-year demo, the ten-year heavy profile, and the
heavy profile at the oldest schema (revision 0001), for timing an upgrade."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from planner.services import demo
from planner.storage.engine import _alembic_config, open_database

OLDEST_REVISION = "0001"


def make(path: Path, years: int) -> Path:
    """A fresh file holding the `years`-long demo profile, WAL folded in so it copies whole."""
    database = open_database(path)
    with database.session() as session:
        demo.fill(session, dt.date.today(), years)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


def make_old(source: Path, path: Path) -> Path:
    """A copy of `source` taken back to the first schema, as an old install would have left it."""
    from alembic import command

    shutil.copyfile(source, path)
    path.chmod(0o600)
    database = open_database(path)
    with database.engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys = OFF")
        with conn.begin():
            command.downgrade(_alembic_config(conn), OLDEST_REVISION)
        raw.execute("PRAGMA foreign_keys = ON")
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


def fresh_copy(source: Path, path: Path) -> Path:
    """A private copy of `source`, so a run that writes (log, migrate) starts from the same file.

    `path` must be new: a WAL or lock left beside an old file of that name would apply to it.
    """
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, path)
    path.chmod(0o600)
    return path
