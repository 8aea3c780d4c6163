"""`planner export json|csv|ics PATH` as a person runs it: what it prints, exit codes, and no
half-written file when writing fails."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner.app import main
from planner.services import timer
from planner.storage.engine import Database


@pytest.fixture
def planner(demo_db: Database, capsys):
    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(demo_db.path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_export_json_prints_counts_and_path(planner, tmp_path: Path) -> None:
    target = tmp_path / "backup.json"
    code, out, err = planner("export", "json", str(target))
    assert (code, err) == (0, "")
    document = json.loads(target.read_text(encoding="utf-8"))
    assert f"to {target}:" in out
    assert f"{len(document['contacts'])} contacts" in out
    assert f"{len(document['learning_sessions'])} learning sessions" in out


def test_export_csv_and_ics(planner, tmp_path: Path) -> None:
    code, out, _ = planner("export", "csv", str(tmp_path / "tables"))
    assert code == 0 and (tmp_path / "tables" / "contacts.csv").exists()
    code, out, _ = planner("export", "ics", str(tmp_path / "plan.ics"))
    assert code == 0 and "follow ups" in out
    assert (tmp_path / "plan.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_an_export_with_the_sessions_says_a_running_timer_is_not_in_it(
    planner, demo_db: Database, tmp_path: Path
) -> None:
    with demo_db.session() as s:
        timer.start(s, timer.utc_now() - dt.timedelta(minutes=25), note="reading")
    for kind, target in (("json", tmp_path / "b.json"), ("csv", tmp_path / "tables")):
        code, out, _ = planner("export", kind, str(target))
        assert code == 0
        assert "The timer running for learning with no activity (25 min so far) is not in it" in out
        assert "stop the timer to log its time, then export again" in out
    code, out, _ = planner("export", "ics", str(tmp_path / "plan.ics"))  # no sessions in it
    assert code == 0 and "timer" not in out
    with demo_db.session() as s:
        timer.discard(s)
    code, out, _ = planner("export", "json", str(tmp_path / "b.json"))
    assert code == 0 and "timer" not in out


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["export", "pdf", "x"], "invalid choice: 'pdf'"),
        (["export", "json", "/no/such/folder/b.json"], "cannot write /no/such/folder/b.json"),
    ],
)
def test_bad_export_input_is_one_line_and_exit_2(planner, args, problem) -> None:
    code, out, err = planner(*args)
    assert out == ""
    assert code == 2
    assert problem in err and err.count("\n") == 1 and err.startswith("planner export")


def test_a_failed_export_leaves_the_old_file_and_no_temporary(planner, tmp_path: Path) -> None:
    target = tmp_path / "backup.json"
    target.mkdir()  # a folder where the file should go: the final rename must fail
    (target / "keep.txt").write_text("old")
    code, _, err = planner("export", "json", str(target))
    assert code == 2 and "cannot write" in err
    assert (target / "keep.txt").read_text() == "old"
    assert list(tmp_path.glob(".backup.json.*")) == []


def test_export_does_not_load_qt_or_matplotlib(demo_db: Database, tmp_path: Path) -> None:
    code = (
        "import sys; from planner.app import main; "
        f"main(['--db', {str(demo_db.path)!r}, 'export', 'json', {str(tmp_path / 'b.json')!r}]); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'matplotlib')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("[]")
