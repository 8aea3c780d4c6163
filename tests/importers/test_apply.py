"""Back up, then import (`importers.apply`): the one way `planner import` and File › Import…
write a previewed plan. The backup holds the file as it was, the plan is written in one
transaction after it, and no backup means no import."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from import_samples import LINKEDIN, write

from planner.importers import commit, preview
from planner.importers.apply import back_up_and_import
from planner.storage.backups import list_backups
from planner.storage.errors import DataFileError


def contacts(path: Path) -> int:
    with closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)) as con:
        return con.execute("SELECT count(*) FROM contact").fetchone()[0]


@pytest.fixture
def plan(db, tmp_path):
    with db.session() as s:
        return preview(s, "linkedin", write(tmp_path, "Connections.csv", LINKEDIN))


def test_the_backup_holds_the_file_as_it_was_before_the_import(db, db_path, plan) -> None:
    assert back_up_and_import(db, plan) == 4
    assert contacts(db_path) == 4
    (backup,) = list_backups(db_path)
    assert backup.label == "before-import"
    assert contacts(backup.path) == 0


def test_a_writer_given_runs_the_one_transaction_after_the_backup(db, db_path, plan) -> None:
    """The window's context passes its own `write`, which tells its screens."""
    calls: list[int] = []

    def write_once(fn, plan):
        calls.append(len(list_backups(db_path)))  # the backup is on disk already
        with db.session() as s:
            return fn(s, plan)

    assert back_up_and_import(db, plan, write=write_once) == 4
    assert calls == [1]
    assert contacts(db_path) == 4


def test_no_backup_means_no_import(db, db_path, plan) -> None:
    (db_path.parent / "backups").write_text("a file where the backups folder should be")
    with pytest.raises(DataFileError, match="No backup could be written"):
        back_up_and_import(db, plan)
    assert contacts(db_path) == 0
    with db.session() as s:  # the plan itself was fine: only the missing backup stopped it
        assert commit(s, plan) == 4
