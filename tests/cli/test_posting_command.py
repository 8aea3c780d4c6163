"""`planner posting FILE` and `planner postings`: a real child process reads a kept posting and
its --json figures meet the floor against the careful reader's list; saving, listing,
comparing, deleting; bad input exits 2 with one line and writes nothing."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from posting_samples import FOLDER, minimal_pdf, samples, score

#: One posting's own floor (the whole set's is in tests/services/test_postings.py).
FILE_PRECISION, FILE_RECALL = 0.85, 0.85


def child(db: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONUTF8": "1"}
    return subprocess.run(
        [sys.executable, "-m", "planner", "--db", str(db), *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        timeout=120,
        check=False,
    )


def saved_count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM saved_posting").fetchone()[0]


def test_posting_json_in_a_child_process_meets_the_floor(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    assert child(db, "init").returncode == 0  # reading a posting makes no data file
    for name in ("02_ml_engineer_aliases.txt", "22_data_scientist_saved.html"):
        sample = next(k for k in samples() if k.path.name == name)
        result = child(db, "posting", str(sample.path), "--json")
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        got = {s["skill"]: s["need"] for s in data["skills"]}
        assert set(data["required"]) | set(data["nice"]) == got.keys()
        figures = score([(sample.wanted, got)])
        assert figures.precision >= FILE_PRECISION, (name, figures)
        assert figures.recall >= FILE_RECALL, (name, figures)
        assert data["readiness"] == 0 and data["skills_met"] == 0  # a new file knows nothing
        assert data["remaining_hours"] == sum(s["remaining_hours"] for s in data["skills"])


def test_save_list_compare_plan_and_delete(planner, db_path: Path) -> None:
    first, second = FOLDER / "09_data_engineer.txt", FOLDER / "10_data_engineer_streaming.txt"
    code, out, err = planner("posting", str(first), "--save", "Lakehouse DE")
    assert code == 0, err
    assert "Saved as 'Lakehouse DE'" in out and "Apache Spark" in out
    code, out, err = planner("skill", "SQL", "4")
    code, out, err = planner("posting", str(second), "--save", "Jetlane", "--plan", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["name"] == "Jetlane" and "SQL" not in data["gaps"]
    assert data["plan"]["milestone"] == "Ready for posting: Jetlane"
    assert set(data["plan"]["gap"]) == set(data["gaps"])
    code, out, _ = planner("postings", "--json")
    assert [p["name"] for p in json.loads(out)] == ["Jetlane", "Lakehouse DE"]
    code, out, _ = planner("postings")
    assert out.splitlines()[0].startswith("Jetlane") and "Lakehouse DE" in out
    code, out, _ = planner("postings", "--compare", "Lakehouse DE", "Jetlane", "--json")
    table = json.loads(out)
    by_skill = {row["skill"]: row for row in table["skills"]}
    assert set(by_skill["Apache Kafka"]["asked"]) == {"Lakehouse DE", "Jetlane"}
    assert by_skill["SQL"]["level"] == 4
    code, out, _ = planner("postings", "--compare", "Lakehouse DE", "Jetlane")
    assert code == 0 and "readiness" in out and "Apache Kafka" in out
    code, out, _ = planner("postings", "--delete", "jetlane")
    assert code == 0 and saved_count(db_path) == 1


def test_bad_input_exits_2_with_one_line_and_writes_nothing(planner, db_path: Path, tmp_path):
    posting = FOLDER / "19_data_analyst.txt"
    assert planner("posting", str(posting), "--save", "Bloomly")[0] == 0
    broken = tmp_path / "saved.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    for args, words in (
        (("posting", str(posting), "--save", "bloomly"), "already a saved posting"),
        (("posting", str(broken), "--save", "X"), "saved.pdf is not a readable PDF"),
        (("posting", str(tmp_path / "missing.txt")), "cannot open"),
        (("posting", str(posting), "--save", "  "), "needs a name"),
        (("postings", "--compare", "Bloomly"), "at least two"),
        (("postings", "--delete", "Nope"), "unknown saved posting"),
    ):
        code, out, err = planner(*args)
        assert code == 2, args
        assert words in err and len(err.strip().splitlines()) == 1, err
        assert out == ""
    assert saved_count(db_path) == 1


def test_pasted_text_on_stdin_and_a_pdf_file(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    assert child(db, "init").returncode == 0
    result = child(db, "posting", "-", "--json", stdin="Must have: k8s, torch\nBonus: Kafka\n")
    data = json.loads(result.stdout)
    assert set(data["required"]) == {"Kubernetes", "PyTorch"}
    assert data["nice"] == ["Apache Kafka"]
    pdf = tmp_path / "posting.pdf"
    pdf.write_bytes(minimal_pdf(["Requirements:", "- SQL and Excel", "Nice to have:", "- Tableau"]))
    data = json.loads(child(db, "posting", str(pdf), "--json").stdout)
    assert set(data["required"]) == {"SQL", "Excel"} and data["nice"] == ["Tableau"]
    assert data["source"] == "posting.pdf"
