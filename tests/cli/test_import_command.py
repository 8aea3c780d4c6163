"""`planner import KIND FILE [--dry-run] [--json]` as a person runs it against a real file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from import_samples import LINKEDIN, LINKEDIN_HEADER, TOGGL, write


def count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def backups(db_path: Path) -> list[Path]:
    return sorted((db_path.parent / "backups").glob("*before-import*"))


def test_dry_run_prints_the_plan_and_writes_nothing(planner, db_path, tmp_path) -> None:
    path = write(tmp_path, "Connections.csv", LINKEDIN)

    code, out, err = planner("import", "linkedin", str(path), "--dry-run")

    assert (code, err) == (0, "")
    assert "4 contacts to add, 0 already present, 1 skipped, 0 rejected" in out
    assert "line 6: no name" in out
    assert "Dry run: nothing written." in out
    assert count(db_path, "contact") == 0
    assert backups(db_path) == []


def test_import_backs_up_then_writes_and_a_second_run_adds_nothing(
    planner, db_path, tmp_path
) -> None:
    path = write(tmp_path, "toggl.csv", TOGGL)

    code, out, _ = planner("import", "toggl", str(path))
    assert code == 0
    assert "Imported 3 learning sessions." in out
    assert count(db_path, "learning_session") == 3
    assert len(backups(db_path)) == 1

    code, out, _ = planner("import", "toggl", str(path))
    assert code == 0
    assert "0 learning sessions to add, 3 already present" in out
    assert count(db_path, "learning_session") == 3
    assert len(backups(db_path)) == 1  # nothing to write, nothing to back up


def test_json_lists_every_problem_with_its_line(planner, tmp_path) -> None:
    path = write(tmp_path, "Connections.csv", LINKEDIN)

    code, out, _ = planner("import", "linkedin", str(path), "--json")

    assert code == 0
    data = json.loads(out)
    assert (data["add"], data["written"], data["unit"]) == (4, 4, "line")
    assert data["skipped"] == [
        {"number": 6, "reason": "no name (LinkedIn hides members who opt out)"}
    ]


def test_a_long_list_of_problems_is_capped(planner, tmp_path) -> None:
    rows = "".join(f"Person,{i},,bad-email-{i},,,\n" for i in range(45))
    path = write(tmp_path, "c.csv", f"{LINKEDIN_HEADER}\n{rows}")

    code, out, _ = planner("import", "linkedin", str(path), "--dry-run")

    assert code == 0
    assert out.count("is not an email address") == 20
    assert "… and 25 more" in out


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["import", "linkedin", "/no/such/Connections.csv"], "does not exist"),
        (["import", "vcard", "{csv}"], "no BEGIN:VCARD"),
        (["import", "outlook", "{csv}"], "unknown import kind 'outlook'"),
    ],
)
def test_an_unreadable_file_is_one_line_and_exit_2(
    planner, db_path, tmp_path, args, problem
) -> None:
    csv_path = write(tmp_path, "Connections.csv", LINKEDIN)
    code, out, err = planner(*[a.format(csv=csv_path) for a in args])

    assert code == 2
    assert out == ""
    assert err.startswith("planner import: ")
    assert problem in err
    assert err.count("\n") == 1
    assert count(db_path, "contact") == 0
