"""The command line on the real files of issue 13: it asks (exit 2, one line naming the
options) where the file cannot decide, lists every row already present, imports calendars with
--map, and exports contacts as vCards."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from import_samples import (
    CLOCKIFY_DAY_FIRST_AMBIGUOUS,
    CLOCKIFY_TEAM,
    GOOGLE_ICS,
    LINKEDIN_NAMESAKES,
    write,
)


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as con:
        return con.execute(sql).fetchall()


def test_an_undecidable_day_order_exits_2_naming_both_flags(planner, db_path, tmp_path) -> None:
    path = write(tmp_path, "c.csv", CLOCKIFY_DAY_FIRST_AMBIGUOUS)

    code, out, err = planner("import", "clockify", str(path))

    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "--day-first or --month-first" in err
    assert "dates like 05/06/2024" in err and "(5 Jun 2024 or 6 May 2024)" in err
    assert rows(db_path, "SELECT count(*) FROM learning_session") == [(0,)]

    code, out, _ = planner("import", "clockify", str(path), "--month-first")
    assert code == 0
    assert rows(db_path, "SELECT min(date) FROM learning_session") == [("2024-01-06",)]


def test_a_team_report_exits_2_listing_the_people(planner, db_path, tmp_path) -> None:
    path = write(tmp_path, "team.csv", CLOCKIFY_TEAM)

    code, _, err = planner("import", "clockify", str(path), "--json")

    assert code == 2
    assert "3 people (Ana Ruiz, Ben Okoro, Chen Li)" in err and "--user NAME" in err

    code, out, _ = planner("import", "clockify", str(path), "--user", "Ben Okoro", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["written"], [p["reason"] for p in data["skipped"]][:1]) == (
        1,
        ["another person's entry (Ana Ruiz)"],
    )


def test_linkedin_json_lists_each_row_already_present(planner, tmp_path) -> None:
    path = write(tmp_path, "c.csv", LINKEDIN_NAMESAKES)
    planner("import", "linkedin", str(path))

    code, out, _ = planner("import", "linkedin", str(path), "--json")

    assert code == 0
    data = json.loads(out)
    assert [p["number"] for p in data["already_present"]] == [2, 3, 4]
    assert all("same profile URL" in p["reason"] for p in data["already_present"])
    code, out, _ = planner("import", "linkedin", str(path), "--dry-run")
    assert "Already present:" in out and "line 3: Sam Lee (Data Analyst, Globex)" in out


def test_a_calendar_import_with_map_dry_run_and_memory(planner, db_path, tmp_path) -> None:
    path = write(tmp_path, "gym.ics", GOOGLE_ICS)

    code, out, _ = planner("import", "ics", str(path), "--map", "Gym=exercise", "--dry-run")
    assert code == 0
    assert "3 week hours to add" in out and "Dry run: nothing written." in out
    assert rows(db_path, "SELECT count(*) FROM week_hours") == [(0,)]
    assert rows(db_path, "SELECT count(*) FROM calendar_map") == [(0,)]

    code, out, _ = planner("import", "ics", str(path), "--map", "Gym=exercise", "--json")
    assert (code, json.loads(out)["written"]) == (0, 3)
    assert sorted(rows(db_path, "SELECT week_start, hours FROM week_hours")) == [
        ("2024-03-04", 2.0),
        ("2024-03-11", 2.0),
        ("2024-03-18", 2.5),
    ]
    code, out, _ = planner("import", "ics", str(path))  # the mapping was remembered
    assert "0 week hours to add, 3 already present" in out
    code, out, _ = planner("week", "--week", "2024-W12", "--json")
    assert json.loads(out)["categories"]["exercise"]["hours"] == 2.5


@pytest.mark.parametrize(
    ("mapping", "problem"),
    [("Gym=learning", "logged sessions"), ("Gym=fun", "not a category"), ("Gym", "NAME=CATEGORY")],
)
def test_a_bad_map_exits_2(planner, db_path, tmp_path, mapping, problem) -> None:
    path = write(tmp_path, "gym.ics", GOOGLE_ICS)
    code, out, err = planner("import", "ics", str(path), "--map", mapping)
    assert (code, out) == (2, "")
    assert problem in err and err.count("\n") == 1


def test_export_vcard_writes_the_contacts(planner, tmp_path) -> None:
    planner("import", "linkedin", str(write(tmp_path, "c.csv", LINKEDIN_NAMESAKES)))

    code, out, _ = planner("export", "vcard", str(tmp_path / "contacts.vcf"))

    assert code == 0 and "2 contacts" in out
    text = (tmp_path / "contacts.vcf").read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 2
    assert "TEL;TYPE=VOICE:+1 415 555 0101" in text
