"""`planner backup`, `backups`, `restore FILE` and `check [--json]`: they work on the file's path,
so a damaged file can still be checked and restored; `check` finds each problem made for real."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from planner.app import main
from planner.services import network
from planner.services.learning import log_session, session_totals
from planner.storage.backups import list_backups
from planner.storage.engine import open_database


@pytest.fixture
def planner(db, planner):
    """`planner` on a seeded file (the db fixture's), closed so the commands own it."""
    db.close()
    return planner


def raw(path: Path, *statements: str) -> None:
    """Write behind the app's back, as a bug, a sync tool or a hand edit would."""
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA foreign_keys = OFF")
        for statement in statements:
            con.execute(statement)


def test_backup_prints_the_new_file_and_backups_lists_it(planner, db_path) -> None:
    code, out, err = planner("backup")
    assert (code, err) == (0, "")
    made = Path(out.strip())
    assert made.is_file() and made.parent == db_path.parent / "backups"
    code, out, _ = planner("backups", "--json")
    listed = json.loads(out)
    assert [(r["path"], r["label"]) for r in listed] == [(str(made), "manual")]


def test_backup_of_a_missing_file_creates_nothing(tmp_path, capsys) -> None:
    missing = tmp_path / "nothing.sqlite3"
    assert main(["--db", str(missing), "backup"]) == 1
    assert "no data file" in capsys.readouterr().err
    assert not missing.exists()


def test_restore_brings_back_the_backup_and_keeps_what_it_replaced(planner, db_path) -> None:
    backup = Path(planner("backup")[1].strip())
    raw(db_path, "INSERT INTO learning_session (date, hours, note) VALUES ('2026-11-02', 3, '')")
    code, out, err = planner("restore", str(backup))
    assert (code, err) == (0, "")
    assert "before-restore" in out
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM learning_session").fetchone() == (0,)


def test_restore_works_when_the_data_file_cannot_be_opened(planner, db_path) -> None:
    backup = Path(planner("backup")[1].strip())
    db_path.write_bytes(b"\x00" * 4096)
    assert planner("week")[0] == 1  # the app refuses it...
    code, out, _ = planner("restore", str(backup))  # ...and restore mends it
    assert code == 0 and "kept as" in out
    assert planner("week")[0] == 0


def test_restore_of_a_missing_or_foreign_file(planner, tmp_path) -> None:
    code, _, err = planner("restore", str(tmp_path / "nope.sqlite3"))
    assert code == 2 and err.startswith("planner restore: there is no file")
    other = tmp_path / "other.sqlite3"
    other.write_text("hello")
    code, _, err = planner("restore", str(other))
    assert code == 1 and "not a Career Planner backup" in err


def test_check_on_a_sound_file_backs_up_first_and_exits_0(planner, db_path) -> None:
    code, out, _ = planner("check")
    assert code == 0
    assert "no problems found" in out
    assert [b.label for b in list_backups(db_path)] == ["before-check"]


def add_contact_with_interaction(path: Path) -> None:
    database = open_database(path)
    with database.session() as s:
        network.save_contact(s, network.ContactInput(name="Ada"))
    with database.session() as s:
        network.add_interaction(s, "Ada", dt.date(2026, 11, 10), "call")
    database.close()


WEEK_HOURS = "INSERT INTO week_hours (week_start, category, hours) VALUES "


@pytest.mark.parametrize(
    ("statements", "check", "row"),
    [
        (
            [
                "INSERT INTO learning_session (date, hours, note) VALUES ('2026-11-02', 20, '')",
                "INSERT INTO learning_session (date, hours, note) VALUES ('2026-11-02', 6, '')",
            ],
            "hours-per-day",
            "2026-11-02: 26 h of learning sessions",
        ),
        (
            [
                WEEK_HOURS + "('2026-11-02', 'work', 100)",
                WEEK_HOURS + "('2026-11-02', 'rest', 60)",
                "INSERT INTO learning_session (date, hours, note) VALUES ('2026-11-08', 10, '')",
            ],
            "hours-per-week",
            "week of 2026-11-02: 170 h in all",
        ),
        (
            [  # a session written with the day totals' trigger removed
                "DROP TRIGGER learning_day_after_insert",
                "INSERT INTO learning_session (date, hours, note) VALUES ('2026-11-03', 2, '')",
            ],
            "day-sums",
            "2026-11-03: sessions 2 h, day total 0 h",
        ),
        (
            ["UPDATE interaction SET follow_up_on = '2026-11-01'"],
            "follow-up-dates",
            "with Ada on 2026-11-10: follow-up on 2026-11-01",
        ),
        (
            [
                "INSERT INTO learning_session (activity_id, date, hours, note) "
                "VALUES (999, '2026-11-02', 1, '')"
            ],
            "foreign-keys",
            "points to a missing learning_activity",
        ),
        (
            ["INSERT INTO learning_session (date, hours, note) VALUES ('2026-02-30', 1, '')"],
            "value-types",
            "learning_session.date",
        ),
        (
            ["UPDATE contact SET connected_on = '03/12/2024'"],  # a US date, hand-edited
            "value-types",
            "contact.connected_on row 1: '03/12/2024'",
        ),
    ],
)
def test_check_reports_each_problem_made_for_real(planner, db_path, statements, check, row) -> None:
    add_contact_with_interaction(db_path)
    raw(db_path, *statements)
    code, out, _ = planner("check", "--json")
    assert code == 3
    report = json.loads(out)
    assert report["ok"] is False
    assert [p["check"] for p in report["problems"]] == [check]
    assert any(row in r for r in report["problems"][0]["rows"])
    assert Path(report["backup"]).is_file()
    code, text, _ = planner("check")
    assert code == 3 and f"{check}:" in text


def test_check_reports_damage_without_backing_the_damage_up(planner, db_path) -> None:
    database = open_database(db_path)
    with database.session() as s:
        log_session(s, 1.0, dt.date(2026, 11, 2))
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.exec_driver_sql(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_learning_session_date'"
        ).scalar()
        with database.session() as s:
            assert session_totals(s).hours == 1.0
    database.close()
    with db_path.open("r+b") as file:
        file.seek((page - 1) * 4096)
        file.write(b"\xff" * 4096)
    code, out, _ = planner("check", "--json")
    report = json.loads(out)
    assert code == 3
    assert report["backup"] is None and "not backed up" in report["backup_note"]
    assert "integrity" in [p["check"] for p in report["problems"]]
    assert list_backups(db_path) == []


def test_check_of_another_programs_file_is_a_file_problem(tmp_path, capsys) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    assert main(["--db", str(other), "check"]) == 1
    assert "another program" in capsys.readouterr().err


def test_a_relative_data_file_path_works_for_every_file_command(tmp_path, monkeypatch) -> None:
    """`planner --db demo.sqlite3 ...` as the README shows it (SQLite URIs need absolute paths)."""
    monkeypatch.chdir(tmp_path)
    for args in (["log", "1"], ["week"], ["backup"], ["check"], ["backups"]):
        assert main(["--db", "rel.sqlite3", *args]) == 0, args
    backup = next((tmp_path / "backups").glob("rel-*-manual.sqlite3"))
    assert main(["--db", "rel.sqlite3", "restore", str(backup.relative_to(tmp_path))]) == 0
