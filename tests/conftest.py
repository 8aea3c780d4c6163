"""Shared fixtures: a real SQLite file per test, Qt offscreen, settings in a temporary folder."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from planner.storage.engine import Database, open_database

TODAY = dt.date.today()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "planner.sqlite3"


def _checkpointed(database: Database) -> None:
    """Fold the WAL into the main file and close, so the file alone can be copied."""
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()


@pytest.fixture(scope="session")
def fresh_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new file, migrated and seeded once per run (migrating 300+ catalog skills per test
    would dominate the suite's time)."""
    path = tmp_path_factory.mktemp("fresh") / "fresh.sqlite3"
    _checkpointed(open_database(path))
    return path


@pytest.fixture
def db(fresh_template: Path, db_path: Path) -> Iterator[Database]:
    """A fresh data file, migrated and seeded with the role catalog."""
    shutil.copyfile(fresh_template, db_path)
    db_path.chmod(0o600)
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo profile, written once per run and copied for each test that wants it."""
    from planner.services import demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = open_database(path)
    with database.session() as s:
        demo.fill(s, TODAY)
    _checkpointed(database)
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    database = open_database(path)
    yield database
    database.close()
