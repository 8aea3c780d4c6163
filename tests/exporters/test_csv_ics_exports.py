"""CSV files a spreadsheet opens safely, and a calendar a real iCalendar parser reads."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import icalendar
import pytest

from planner.exporters.csvdir import export_csv
from planner.exporters.ics import export_ics, fold
from planner.models import Milestone
from planner.services import network, skills
from planner.storage.engine import Database

TODAY = dt.date.today()
DANGEROUS = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR"]


def _rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_neutralises_formula_text_but_keeps_negative_numbers(
    db: Database, tmp_path: Path
) -> None:
    with db.session() as s:
        for n, text in enumerate(DANGEROUS):
            network.save_contact(s, network.ContactInput(name=f"C{n}", notes=text, company=text))
        network.save_contact(s, network.ContactInput(name='Zoë, "quoted"\nsecond line'))
        skills.add_skill(s, "-negative name", "Other", 12.5)
        skills.set_level(s, "-negative name", 2, TODAY)
    with db.session() as s:
        result = export_csv(s, tmp_path / "out")
    contacts = _rows(tmp_path / "out" / "contacts.csv")
    notes = {r["name"]: r["notes"] for r in contacts}
    assert [notes[f"C{n}"] for n in range(len(DANGEROUS))] == ["'" + t for t in DANGEROUS]
    assert all(r["company"] == r["notes"] for r in contacts)
    assert 'Zoë, "quoted"\nsecond line' in notes  # quoting keeps commas and newlines
    assert result.counts["contacts"] == len(DANGEROUS) + 1
    (skill,) = _rows(tmp_path / "out" / "skills.csv")
    assert skill["name"] == "'-negative name"
    assert skill["hours_per_level"] == "12.5"
    # A number is written as a number, so a negative one is not quoted into text.
    text = (tmp_path / "out" / "user_skills.csv").read_bytes().decode("utf-8-sig")
    assert text.splitlines()[1].startswith('"\'-negative name",2,')
    assert "\r\n" in text


def test_csv_export_writes_one_file_per_table(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.session() as s:
        result = export_csv(s, tmp_path)
    for name, count in result.counts.items():
        assert len(_rows(tmp_path / f"{name}.csv")) == count
    assert result.counts["learning_sessions"] > 0
    assert not list(tmp_path.glob(".*.tmp"))


def test_csv_export_refuses_a_file_in_place_of_a_folder(db: Database, tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("keep me")
    with db.session() as s, pytest.raises(Exception, match="is a file; choose a folder"):
        export_csv(s, tmp_path / "taken")
    assert (tmp_path / "taken").read_text() == "keep me"


def _calendar(database: Database, path: Path) -> icalendar.Calendar:
    with database.session() as s:
        export_ics(s, path, TODAY)
    raw = path.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    return icalendar.Calendar.from_ical(raw)


def test_ics_is_valid_with_all_day_milestones_and_follow_up_alarms(
    demo_db: Database, tmp_path: Path
) -> None:
    with demo_db.session() as s:
        network.save_contact(
            s, network.ContactInput(name="Ünïcödé Person; with, punctuation " + "é" * 60)
        )
        network.add_interaction(
            s,
            "Ünïcödé Person; with, punctuation " + "é" * 60,
            TODAY,
            "call",
            follow_up_on=TODAY + dt.timedelta(days=9),
        )
        with_due = s.query(Milestone).filter(Milestone.due_on.is_not(None)).count()
        contact_count = len(network.contacts(s, TODAY))
    cal = _calendar(demo_db, tmp_path / "plan.ics")
    assert (str(cal["VERSION"]), bool(cal.get("PRODID"))) == ("2.0", True)
    events = list(cal.walk("VEVENT"))
    assert len(events) == with_due + contact_count
    for event in events:
        assert event.get("UID") and event.get("DTSTAMP")
        start = event.decoded("DTSTART")
        assert isinstance(start, dt.date) and not isinstance(start, dt.datetime)
    follow_ups = [e for e in events if str(e["SUMMARY"]).startswith("Follow up with")]
    assert len(follow_ups) == contact_count
    assert all(e.walk("VALARM") for e in follow_ups)
    assert all(e.decoded("DTSTART") >= TODAY for e in follow_ups)
    long = next(e for e in follow_ups if "Ünïcödé" in str(e["SUMMARY"]))
    assert str(long["SUMMARY"]) == "Follow up with Ünïcödé Person; with, punctuation " + "é" * 60
    assert long.decoded("DTSTART") == TODAY + dt.timedelta(days=9)


def test_ics_uids_are_the_same_on_re_export(demo_db: Database, tmp_path: Path) -> None:
    first = [str(e["UID"]) for e in _calendar(demo_db, tmp_path / "a.ics").walk("VEVENT")]
    second = [str(e["UID"]) for e in _calendar(demo_db, tmp_path / "b.ics").walk("VEVENT")]
    assert first == second
    assert len(set(first)) == len(first)


def test_folding_never_splits_a_character() -> None:
    line = "SUMMARY:" + "€" * 40
    folded = fold(line)
    pieces = folded.split("\r\n ")
    assert "".join(pieces) == line
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
