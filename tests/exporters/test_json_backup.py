"""The JSON backup restores everything: export a full file, import it into an empty one, and
every table holds the same content; importing again adds nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from backup_helpers import content, fill_extras
from sqlalchemy import func, select

from planner.exporters.jsonfile import export_json
from planner.importers import jsonfile
from planner.models import Base, Contact, Interaction, LearningActivity, LearningSession
from planner.services.errors import ImportFileError
from planner.storage.engine import Database
from planner.storage.probe import SCHEMA_REVISION


def _import(database: Database, path: Path) -> tuple[jsonfile.ImportPlan, int]:
    with database.session() as s:
        plan = jsonfile.plan(s, path)
        return plan, plan.writer(s, plan.add)


@pytest.fixture
def full_db(demo_db: Database) -> Database:
    with demo_db.session() as s:
        fill_extras(s)
    return demo_db


def test_every_table_has_rows_to_compare(full_db: Database) -> None:
    # Otherwise the round trip below would pass for a table the backup leaves out.
    # Not `running_timer`: a timer running is kept in the file and its SQLite backups, but a
    # JSON backup is a record of what was logged; restored days later it would start a timer
    # that "ran" all that time.
    empty = [t for t, rows in content(full_db).items() if not rows and t != "running_timer"]
    assert empty == [], "fill these tables in backup_helpers.fill_extras"


def test_import_into_an_empty_file_reproduces_every_table(
    full_db: Database, db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "backup.json"
    with full_db.session() as s:
        result = export_json(s, path)
        logged = s.scalar(select(func.count()).select_from(LearningSession))
    # Every session logged (how many the demo holds depends on the day it was filled).
    assert result.counts["learning_sessions"] == logged > 0
    plan, written = _import(db, path)
    assert plan.rejected == []
    assert written == len(plan.add) > 0
    expected, restored = content(full_db), content(db)
    for table in Base.metadata.sorted_tables:
        assert restored[table.name] == expected[table.name], table.name


def test_importing_the_same_backup_again_adds_nothing(
    full_db: Database, db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "backup.json"
    with full_db.session() as s:
        export_json(s, path)
    _import(db, path)
    before = content(db)
    plan, written = _import(db, path)
    assert (plan.add, written) == ([], 0)
    assert len(plan.duplicates) == plan.rows_read
    assert content(db) == before


def test_identical_sessions_are_counted_not_merged(db: Database, tmp_path: Path) -> None:
    # Two one-hour sessions on the same day with no note are two sessions, not one.
    session = {"activity": None, "date": "2024-03-04", "hours": 1.0, "note": ""}
    path = tmp_path / "two.json"
    path.write_text(
        json.dumps({"format": "career-planner", "version": 1, "learning_sessions": [session] * 2})
    )
    assert _import(db, path)[1] == 2
    path.write_text(
        json.dumps({"format": "career-planner", "version": 1, "learning_sessions": [session] * 3})
    )
    plan, written = _import(db, path)
    assert (len(plan.duplicates), written) == (2, 1)


def test_rows_join_the_activity_and_contact_already_in_the_file_by_name(
    db: Database, tmp_path: Path
) -> None:
    with db.session() as s:
        s.add_all([LearningActivity(title="Deep Learning Course"), Contact(name="Ada Lovelace")])
    session = {"activity": "deep learning course", "date": "2024-03-04", "hours": 1.5, "note": ""}
    talk = {
        "contact": "ADA LOVELACE",
        "date": "2024-03-05",
        "channel": "call",
        "note": "mock interview",
        "follow_up_on": "2024-04-05",
    }
    path = tmp_path / "rows.json"
    path.write_text(
        json.dumps(
            {
                "format": "career-planner",
                "version": 1,
                "learning_sessions": [session, {**session, "activity": None}],
                "interactions": [talk],
            }
        )
    )
    plan, written = _import(db, path)
    assert (plan.rejected, written) == ([], 3)
    with db.session() as s:
        activity = s.query(LearningActivity).one()
        contact = s.query(Contact).one()
        sessions = s.query(LearningSession).order_by(LearningSession.id).all()
        assert [(x.activity_id, x.hours) for x in sessions] == [(activity.id, 1.5), (None, 1.5)]
        (interaction,) = s.query(Interaction).all()
        assert interaction.contact_id == contact.id
        assert (interaction.channel, interaction.note) == ("call", "mock interview")
        assert str(interaction.follow_up_on) == "2024-04-05"


def test_the_backup_names_its_format_version_and_schema(full_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "backup.json"
    with full_db.session() as s:
        export_json(s, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("career-planner", 1)
    assert document["schema"] == SCHEMA_REVISION
    assert document["exported_at"].endswith("Z")
    # Rows point at each other by name, never by a row id of this file.
    assert not any(
        key == "id" or key.endswith("_id")
        for rows in document.values()
        if isinstance(rows, list)
        for row in rows
        for key in row
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "is not valid JSON (line 1, column 2"),
        ('{"format": "something-else", "version": 1}', "is not a Career Planner backup"),
        ("[1, 2]", "is not a Career Planner backup"),
        ('{"format": "career-planner", "version": 2}', "newer Career Planner (backup format 2"),
        ('{"format": "career-planner", "version": "1"}', "no valid format version"),
        ('{"format": "career-planner", "version": 1, "contacts": {}}', "'contacts' must be a list"),
        (
            '{"format": "career-planner", "version": 1, "learning_sessions": [{"hours": NaN}]}',
            "not valid JSON",
        ),
    ],
)
def test_a_file_that_is_not_a_backup_is_refused_whole(
    db: Database, tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "x.json"
    path.write_text(text)
    before = content(db)
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        _import(db, path)
    assert content(db) == before


def test_bad_records_are_rejected_by_section_and_position(db: Database, tmp_path: Path) -> None:
    document = {
        "format": "career-planner",
        "version": 1,
        "contacts": [
            {"name": "Ada"},
            {"name": "Bob", "cadence_days": 0},
            {"name": "ada"},
            "just text",
        ],
        "interactions": [
            {"contact": "Ada", "date": "2024-02-30"},
            {"contact": "Nobody", "date": "2024-02-01"},
            {"contact": "ADA", "date": "2024-02-01", "channel": "email"},
        ],
    }
    path = tmp_path / "x.json"
    path.write_text(json.dumps(document))
    plan, written = _import(db, path)
    reasons = [p.reason for p in plan.rejected]
    assert reasons == [
        "contacts #2: cadence_days must be between 1 and 3650, not 0",
        "contacts #3: repeats contacts #1",
        "contacts #4: expected a record {...}, found text",
        "interactions #1: date '2024-02-30' is not a date as YYYY-MM-DD",
        "interactions #2: contact 'Nobody' is neither in this backup nor in the data file",
    ]
    assert written == 2
