"""When a command may make a data file, and the limits every entry keeps (issue 12 §4, issue 13
"far dates" and "a dry run writes nothing"): run in-process against real files, and once as a
child process."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from import_samples import TOGGL_HEADER, write

from planner.app import main
from planner.services.weeks import week_label, week_start

TODAY = dt.date.today()


@pytest.fixture
def run(capsys):
    """`planner ARGS...` -> (exit code, stdout, stderr)."""

    def planner(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return planner


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize(
    "command",
    [
        ["week"],
        ["week", "--json"],
        ["gap"],
        ["contacts"],
        ["roles"],
        ["targets"],
        ["profile"],
        ["timer", "status"],
        ["advice"],
        ["postings"],
        ["portfolio"],
    ],
)
def test_a_read_command_never_creates_a_file(run, tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "x.sqlite3"
    code, out, err = run("--db", str(path), *command)
    assert code == 1 and out == ""
    assert f"there is no data file at {path}" in one_line(err)
    assert "init" in err
    assert list(tmp_path.iterdir()) == []


def test_no_command_makes_the_folders_of_a_db_path(run, tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "dir" / "x.sqlite3"
    for command in (["log", "1"], ["init"], ["week"], ["hours", "work=40"]):
        code, _, err = run("--db", str(path), *command)
        assert code == 1, command
        assert str(path.parent) in one_line(err)
    assert list(tmp_path.iterdir()) == []


def test_a_write_command_in_an_existing_folder_says_it_made_a_new_file(run, tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    code, out, err = run("--db", str(path), "log", "1.5")
    assert code == 0 and "Logged 1.5 h" in out
    assert one_line(err) == f"planner log: created a new data file at {path}"
    code, _, err = run("--db", str(path), "log", "1")  # the second time it is not new
    assert code == 0 and err == ""
    assert run("--db", str(path), "week")[0] == 0


def test_refused_input_on_a_new_path_leaves_no_file(run, tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    code, _, err = run("--db", str(path), "log", "1", "--activity", "Nothing by this name")
    assert code == 2 and "unknown activity" in one_line(err)
    assert list(tmp_path.iterdir()) == []


def test_init_makes_a_file_only_where_asked(run, tmp_path: Path) -> None:
    path = tmp_path / "plan.sqlite3"
    code, out, err = run("--db", str(path), "init")
    assert code == 0 and err == ""
    assert f"Created a new data file at {path}" in out
    assert path.is_file()
    code, out, _ = run("--db", str(path), "init")
    assert code == 0 and "already" in out
    assert run("--db", str(path), "week")[0] == 0


def test_a_dry_run_import_with_no_data_file_writes_nothing(run, tmp_path: Path) -> None:
    contacts = write(tmp_path, "c.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:Ada Lovelace\nEND:VCARD\n")
    path = tmp_path / "new.sqlite3"
    code, out, err = run("--db", str(path), "import", "vcard", str(contacts), "--dry-run")
    assert code == 0
    assert "1 contacts to add" in out and "nothing written" in out
    assert "no data file" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.vcf"]


def test_a_read_command_in_a_child_process_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "no" / "x.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "planner", "--db", str(path), "week"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("planner week: there is no data file at ")
    assert not (tmp_path / "no").exists()


# -- dates the app accepts are bounded (issue 13: far dates crashed) -----------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["week", "--week", "9999-W52"],
        ["week", "--week", "0001-W01"],
        ["hours", "--week", "9999-W52", "work=40"],
        ["log", "1", "--date", "9999-12-31"],
        ["log", "1", "--date", "0001-01-01"],
    ],
)
def test_far_dates_are_one_line_and_exit_2(planner, db_path: Path, args: list[str]) -> None:
    code, out, err = planner(*args)
    assert code == 2 and out == ""
    line = one_line(err)
    assert "out of range" in line and "1900" in line and "2199" in line
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM learning_session").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM week_hours").fetchone() == (0,)


# -- a day holds 24 hours, a week 168 (issue 12 §4) -----------------------------------------------


def test_a_day_refuses_more_than_24_hours_naming_what_it_holds(planner, db_path: Path) -> None:
    day = TODAY.isoformat()
    assert planner("log", "2.5", "--date", day)[0] == 0
    code, _, err = planner("log", "23", "--date", day)
    assert code == 2
    line = one_line(err)
    assert f"{TODAY.day} {TODAY:%b %Y}" in line  # the day
    assert "already holds 2.5 h" in line and "at most 21.5 h more fits" in line
    assert planner("log", "21.5", "--date", day)[0] == 0  # exactly full is fine
    code, _, err = planner("log", "0.25", "--date", day)
    assert code == 2 and "nothing more fits" in err
    yesterday = (TODAY - dt.timedelta(days=1)).isoformat()
    assert planner("log", "20", "--date", yesterday)[0] == 0  # `log 20` twice on one day
    assert planner("log", "20", "--date", yesterday)[0] == 2
    with sqlite3.connect(db_path) as con:
        days = con.execute("SELECT date, sum(hours) FROM learning_session GROUP BY date")
        assert dict(days) == {day: 24.0, yesterday: 20.0}


def test_a_week_refuses_more_than_168_hours_in_all(planner, db_path: Path) -> None:
    monday = week_start(TODAY)
    week = week_label(monday)
    assert planner("log", "8", "--date", monday.isoformat())[0] == 0
    code, _, err = planner("hours", "--week", week, "work=160", "exercise=99")
    assert code == 2
    line = one_line(err)
    assert week in line
    assert "already holds 8 h (learning 8 h)" in line
    assert "work and exercise can take at most 160 h together, not 259 h" in line
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM week_hours").fetchone() == (0,)
    assert planner("hours", "--week", week, "work=150", "exercise=10")[0] == 0
    # Now full: one more hour of learning does not fit either, however the day stands.
    code, _, err = planner("log", "1", "--date", monday.isoformat())
    assert code == 2 and "already holds 168 h" in one_line(err)
    assert "nothing more fits" in err


def test_an_import_that_would_overfill_a_week_writes_nothing(
    planner, db_path: Path, tmp_path: Path
) -> None:
    monday = dt.date(2024, 3, 11)
    assert planner("hours", "--week", week_label(monday), "work=160")[0] == 0
    rows = "".join(
        f"Ana,a@example.com,,Deep Learning,,,No,{monday + dt.timedelta(days=i)},08:00:00,"
        f"{monday + dt.timedelta(days=i)},10:00:00,02:00:00,,\r\n"
        for i in range(5)
    )
    report = write(tmp_path, "toggl.csv", f"{TOGGL_HEADER}\r\n{rows}")
    code, _, err = planner("import", "toggl", str(report))
    assert code == 2
    line = one_line(err)
    assert week_label(monday) in line and "170 h" in line and "168" in line
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM learning_session").fetchone() == (0,)


def test_a_future_or_long_past_date_is_logged_with_a_warning(planner) -> None:
    future = TODAY + dt.timedelta(days=3)
    code, out, err = planner("log", "1", "--date", future.isoformat())
    assert code == 0 and "Logged 1 h" in out
    named = f"{future:%a} {future.day} {future:%b %Y}"
    assert one_line(err) == f"planner log: warning: {named} is in the future"
    old = TODAY - dt.timedelta(days=400)
    code, _, err = planner("log", "1", "--date", old.isoformat())
    assert code == 0 and "more than a year ago" in one_line(err)
    code, _, err = planner("log", "1", "--date", (TODAY - dt.timedelta(days=30)).isoformat())
    assert code == 0 and err == ""


def test_planner_contacts_honours_a_follow_up_date(planner, db_path: Path) -> None:
    import json

    from planner.services import network
    from planner.storage.engine import open_database

    database = open_database(db_path)
    with database.session() as s:
        network.save_contact(
            s, network.ContactInput(name="Ada", cadence_days=90, connected_on=TODAY)
        )
        network.add_interaction(s, "Ada", TODAY, follow_up_on=TODAY)
    database.close()
    code, out, _ = planner("contacts", "--json")
    assert code == 0
    assert [(c["name"], c["due"]) for c in json.loads(out)] == [("Ada", True)]


def test_hours_for_a_week_in_the_future_are_set_with_a_warning(planner) -> None:
    week = week_label(week_start(TODAY) + dt.timedelta(weeks=2))
    code, out, err = planner("hours", "--week", week, "work=40")
    assert code == 0 and out.startswith(f"{week}: work 40 h")
    assert one_line(err) == f"planner hours: warning: the week {week} is in the future"
