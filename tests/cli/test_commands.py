"""The command line as a person uses it: exit codes, one-line errors, JSON shapes, no partial
writes. Commands run in-process through `planner.app.main` against a real file."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planner.services.weeks import week_label, week_start

TODAY = dt.date.today()


def sessions_in(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT date, hours, note FROM learning_session ORDER BY id").fetchall()


def test_log_records_a_session_for_today(planner, db_path) -> None:
    code, out, _ = planner("log", "1.5", "--note", "chapter 3")
    assert code == 0
    assert "1.5 h" in out
    assert sessions_in(db_path) == [(TODAY.isoformat(), 1.5, "chapter 3")]


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["log", "0"], "more than 0"),
        (["log", "--", "-2"], "more than 0"),
        (["log", "25"], "at most 24"),
        (["log", "two"], "must be a number"),
        (["log", "1", "--date", "2026-13-01"], "YYYY-MM-DD"),
        (["log", "1", "--activity", "Fast.aj"], "unknown activity"),
        (["hours", "--week", "2026-W60", "work=40"], "YYYY-Www"),
        (["hours", "learning=5"], "planner log"),
        (["hours", "wrok=40"], "did you mean 'work'"),
        (["hours", "work=200"], "between 0 and 168"),
        (["targets", "sleep=8"], "unknown category"),
        (["target", "ml-enginer"], "did you mean"),
        (["skill", "Pythn", "3"], "'Python'"),
        (["skill", "Python", "9"], "0..5"),
        (["role", "astronaut"], "unknown role"),
        (["demo", "--years", "1"], "from 2 to 20"),
        (["demo", "--years", "ten"], "from 2 to 20"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(planner, db_path, args, problem):
    code, _, err = planner(*args)
    assert code == 2
    assert problem in err
    assert len(err.strip().splitlines()) == 1
    assert sessions_in(db_path) == [] if db_path.exists() else True


def test_a_failed_hours_command_sets_none_of_its_values(planner, db_path) -> None:
    assert planner("hours", "work=40", "exercise=4")[0] == 0
    code, _, _ = planner("hours", "work=50", "rest=-1")
    assert code == 2
    week = json.loads(planner("week", "--json")[1])
    assert week["categories"]["work"]["hours"] == 40.0


def test_week_json_has_the_documented_shape(planner) -> None:
    monday = week_start(TODAY) - dt.timedelta(weeks=1)  # a week that has ended, judged whole
    label = week_label(monday)
    planner("hours", "--week", label, "work=49", "exercise=3", "social=5", "rest=5")
    planner("log", "2", "--date", monday.isoformat())
    planner("log", "3.5", "--date", monday.isoformat())
    code, out, _ = planner("week", "--week", label, "--json")
    assert code == 0
    week = json.loads(out)
    assert week["week"] == week_label(monday)
    assert week["start"] == monday.isoformat()
    assert week["end"] == (monday + dt.timedelta(days=6)).isoformat()
    assert list(week["categories"]) == ["work", "learning", "exercise", "social", "rest"]
    assert week["categories"]["work"] == {"hours": 49.0, "target": 40.0, "status": "over"}
    assert week["categories"]["learning"] == {"hours": 5.5, "target": 5.0, "status": "balanced"}
    assert week["categories"]["rest"]["status"] == "under"
    assert week["learning_sessions"] == 2
    assert any("recovery" in r for r in week["recommendations"])
    assert week["in_progress"] is False
    this_week = json.loads(planner("week", "--json")[1])
    assert this_week["in_progress"] is (TODAY.weekday() < 6)  # until its Sunday


def test_week_option_reads_another_week(planner) -> None:
    planner("hours", "--week", "2025-W01", "work=30")
    week = json.loads(planner("week", "--week", "2025-W01", "--json")[1])
    assert (week["start"], week["categories"]["work"]["hours"]) == ("2024-12-30", 30.0)


def test_targets_show_and_set(planner) -> None:
    code, out, _ = planner("targets")
    assert code == 0 and "work      40 h/week" in out
    planner("targets", "learning=8", "rest=10")
    week = json.loads(planner("week", "--json")[1])
    assert week["categories"]["learning"]["target"] == 8.0
    assert week["categories"]["rest"]["target"] == 10.0


def test_roles_json_lists_phases_and_skills(planner) -> None:
    roles = json.loads(planner("roles", "--json")[1])
    research = next(r for r in roles if r["slug"] == "research-scientist")
    assert research["track"] == "technical"
    last = research["phases"][-1]
    assert set(last) == {"order", "name", "earliest_month", "latest_month", "focus"}
    assert last["latest_month"] is None
    assert {"name", "category", "importance"} <= set(research["skills"][0])


def test_target_skill_and_gap(planner) -> None:
    assert planner("target", "machine-learning-engineer")[0] == 0
    assert planner("target", "machine-learning-engineer")[0] == 0  # again: no duplicates
    assert planner("skill", "python", "4")[0] == 0
    code, out, _ = planner("gap", "--json")
    gap = json.loads(out)
    assert code == 0 and gap["role"] == "machine-learning-engineer"
    assert 0 < gap["readiness"] < 1
    assert "Python" not in [g["skill"] for g in gap["gaps"]]
    # Nothing logged yet: the date stands on the weekly goal (5 h by default) and says so.
    assert gap["forecast"]["basis"] == "goal"
    assert "log two weeks to see a projected date" in gap["forecast"]["message"]


def test_demo_then_week_and_gap_print_sensible_figures(planner) -> None:
    code, out, _ = planner("demo")
    assert code == 0 and "learning sessions" in out
    week = json.loads(planner("week", "--json")[1])
    assert week["categories"]["work"]["hours"] > 0
    gap = json.loads(planner("gap", "--json")[1])
    assert gap["title"] == "Machine Learning Engineer"
    assert 0.2 < gap["readiness"] < 0.95
    assert gap["forecast"]["ready_on"] is not None
    contacts = json.loads(planner("contacts", "--json")[1])
    assert set(contacts[0]) == {
        "name", "relationship", "company", "position", "email", "url",
        "connected_on", "last_contact", "due",
    }  # fmt: skip
    assert any(c["due"] for c in contacts) and not all(c["due"] for c in contacts)


def test_contacts_on_a_new_file_says_how_to_add_some(planner) -> None:
    code, out, _ = planner("contacts")
    assert code == 0 and out.startswith("No contacts yet") and "planner import" in out
    assert json.loads(planner("contacts", "--json")[1]) == []  # a script still gets a list


def test_demo_refuses_a_file_with_the_persons_data(planner, db_path) -> None:
    planner("log", "1")
    code, _, err = planner("demo")
    assert code == 2 and "already holds your data" in err
    assert len(sessions_in(db_path)) == 1


def test_newer_file_is_refused_with_exit_1(planner, db_path) -> None:
    planner("targets")
    with sqlite3.connect(db_path) as con:
        con.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    code, _, err = planner("week")
    assert code == 1 and "newer version" in err


def test_python_dash_m_planner_runs_the_same_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "planner", "--db", str(tmp_path / "x.sqlite3"), "targets", "rest=8"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "learning" in result.stdout


def test_role_lists_pay_levels_in_the_guides_order_with_open_tops(planner) -> None:
    code, out, _ = planner("role", "research-scientist")
    assert code == 0
    levels = [line.split("(")[1].split(",")[0] for line in out.splitlines() if "Salary (" in line]
    assert levels[:5] == ["Entry", "Mid", "Senior", "Principal", "Director/VP"]
    assert "Salary (Principal, 2025): $350K–$500K+" in out
    code, out, _ = planner("role", "team-lead")
    assert "derived from ai-engineering-manager" in out and "Phase 1:" in out
    data = json.loads(planner("role", "research-scientist", "--json")[1])
    principal = data["salaries"][3]
    assert (principal["label"], principal["max_usd"], principal["open_top"]) == (
        "Principal",
        500000,
        True,
    )


def test_gap_and_role_show_the_move_from_the_current_role(planner, db_path) -> None:
    from planner.services.profile import update_profile
    from planner.storage.engine import open_database

    assert planner("target", "machine-learning-engineer")[0] == 0
    database = open_database(db_path)
    with database.session() as s:
        update_profile(s, current_role="data-analyst")
    database.close()
    gap = json.loads(planner("gap", "--json")[1])
    assert gap["move"]["direct"] and gap["move"]["duration"] == "6–12 months"
    reasons = {g["skill"]: g["reason"] for g in gap["gaps"] if g["reason"]}
    assert {"Advanced statistics", "ML algorithms"} <= set(reasons)
    out = planner("gap")[1]
    assert "Move: Data Analyst → Machine Learning Engineer: a direct move, 6–12 months." in out
    assert "Your current role already brings: SQL" in out
    role = json.loads(planner("role", "ai-architect", "--json")[1])
    assert role["move_from_current"]["between"] == ["Machine Learning Engineer"]
