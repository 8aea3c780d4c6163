"""A migration completes or leaves the data untouched, and upgrading a filled file from every
past revision keeps every row (batch rebuilds run with foreign keys off, so no cascade fires)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from planner.storage.backups import is_sound, list_backups
from planner.storage.engine import _alembic_config, make_engine, open_database, upgrade_to_head
from planner.storage.errors import DataFileError
from planner.storage.probe import SCHEMA_REVISION, read_revision
from tests.test_migrations import migrate

#: One row or more in every table, written with raw SQL as an older version would have; ids are
#: fixed so parents and children line up. Rows of the catalog are marked as the user's, so the
#: catalog sync after opening never replaces them.
FILLED = [
    "INSERT INTO app_meta VALUES ('catalog_version', '1')",
    "INSERT INTO balance_target VALUES ('work', 40), ('learning', 6)",
    "INSERT INTO certification (id, name, provider, focus, roles, skills) "
    "VALUES (1, 'Cert', 'Prov', 'focus', '[]', '[]')",
    "INSERT INTO industry (id, name, applications, roles) VALUES (1, 'Health', '[]', '[]')",
    "INSERT INTO role (id, slug, title, track, stage, summary, responsibilities, source) VALUES "
    "(1, 'my-role', 'My Role', 'technical', 'mid', '', '[]', 'user'),"
    "(2, 'my-next', 'My Next', 'technical', 'senior', '', '[]', 'user')",
    'INSERT INTO role_phase (id, role_id, "order", name, earliest_month, latest_month, focus) '
    "VALUES (1, 1, 1, 'Basics', 0, 3, ''), (2, 1, 2, 'Depth', 3, 9, '')",
    "INSERT INTO role_salary (id, role_id, level, min_usd, max_usd, source_year) "
    "VALUES (1, 1, 'mid', 100, 200, 2025)",
    "INSERT INTO role_transition (id, from_role_id, to_role_id, months_min, months_max, note) "
    "VALUES (1, 1, 2, 6, 12, '')",
    "INSERT INTO skill (id, name, category, hours_per_level, source) VALUES "
    "(1, 'My Rust', 'Programming', 20, 'user'), (2, 'My Go', 'Programming', 20, 'user')",
    "INSERT INTO role_skill VALUES (1, 1, 'essential', 3, 0, 1), (1, 2, 'useful', 1, 1, NULL)",
    "INSERT INTO user_skill VALUES (1, 2, '2026-01-05')",
    "INSERT INTO skill_assessment (id, skill_id, assessed_on, level) "
    "VALUES (1, 1, '2026-01-05', 2), (2, 1, '2025-06-01', 1)",
    "INSERT INTO profile VALUES (1, 'Me', 1, 2, 'mid', '2026-01-01', 300, 2)",
    "INSERT INTO learning_activity (id, title, kind, provider, url, planned_hours_per_month, "
    "priority, status, notes) VALUES (1, 'Book', 'book', '', '', 4, 'high', 'in_progress', '')",
    "INSERT INTO activity_skill VALUES (1, 1), (1, 2)",
    "INSERT INTO learning_session (id, activity_id, date, hours, note) "
    "VALUES (1, 1, '2026-01-05', 1.5, 'ch 1'), (2, NULL, '2026-01-06', 1, '')",
    "INSERT INTO contact (id, name, relationship, company, position, industry, email, url, "
    "cadence_days, notes) VALUES (1, 'Ada', 'mentor', '', '', '', '', '', 30, '')",
    "INSERT INTO contact_skill VALUES (1, 1)",
    "INSERT INTO interaction (id, contact_id, date, channel, note, follow_up_on) "
    "VALUES (1, 1, '2026-01-07', 'call', '', '2026-02-01'),"
    " (2, 1, '2026-02-07', 'email', '', NULL)",
    "INSERT INTO week_hours (id, week_start, category, hours) VALUES (1, '2026-01-05', 'work', 41)",
    "INSERT INTO weekly_review VALUES ('2026-01-05', 'good week')",
    "INSERT INTO milestone (id, title, kind, role_phase_id, due_on, done_on, notes) "
    "VALUES (1, 'Basics done', 'phase', 1, '2026-04-01', NULL, '')",
    "INSERT INTO milestone_skill VALUES (1, 1)",
    # Tables later revisions added: filled where the revision has them.
    "INSERT INTO running_timer (id, started_at, activity_id, note) "
    "VALUES (1, '2026-01-05 09:00:00.000000', 1, 'timing')",
    "INSERT INTO calendar_map (name, category) VALUES ('Gym', 'exercise')",
    "INSERT INTO portfolio_item (id, title, kind, link, status, notes) "
    "VALUES (1, 'Churn model', 'project', '', 'done', '')",
    "INSERT INTO portfolio_skill VALUES (1, 1)",
]


#: The revision before 0004, whose triggers the failure test collides with.
BEFORE_TRIGGERS = "0003"


def past_revisions() -> list[str]:
    script = ScriptDirectory.from_config(_alembic_config(None))
    return [r.revision for r in script.walk_revisions() if r.revision != SCHEMA_REVISION]


def counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as con:
        names = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'alembic_version'"
            )
        ]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def filled_at(path: Path, revision: str) -> dict[str, int]:
    migrate(path, revision)
    with sqlite3.connect(path) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for statement in FILLED:
            if statement.split()[2] in tables:  # INSERT INTO <table>
                con.execute(statement)
    found = counts(path)
    assert all(found.values()), (
        f"the fixture misses tables: {[t for t, n in found.items() if not n]}"
    )
    return found


@pytest.mark.parametrize("revision", past_revisions())
def test_a_filled_file_from_every_past_revision_keeps_every_row(tmp_path, revision) -> None:
    path = tmp_path / "old.sqlite3"
    before = filled_at(path, revision)
    engine = make_engine(path)
    upgrade_to_head(engine)
    engine.dispose()
    assert read_revision(path) == SCHEMA_REVISION
    upgraded = counts(path)
    assert {table: upgraded[table] for table in before} == before
    with sqlite3.connect(path) as con:  # 0004's day sums, filled from the sessions
        assert con.execute("SELECT date, hours FROM learning_day ORDER BY date").fetchall() == [
            ("2026-01-05", 1.5),
            ("2026-01-06", 1.0),
        ]
    database = open_database(path)  # the app's own path: catalog sync on top of the upgrade
    database.close()
    after = counts(path)
    cascading = (
        "role_phase",
        "role_skill",
        "activity_skill",
        "contact_skill",
        "interaction",
        "milestone_skill",
        "skill_assessment",
        "user_skill",
        "role_salary",
    )
    assert all(after[t] >= before[t] for t in cascading)


def test_a_failure_inside_the_last_step_changes_nothing(tmp_path) -> None:
    """0004's last trigger collides with a trigger of the same name, so migration 0004 fails
    after its table, its day sums and its first triggers were made: all of it must roll back.
    (Started from 0003 by name: with later revisions after 0004 the file before the head
    already has 0004's triggers.)"""
    path = tmp_path / "old.sqlite3"
    before = filled_at(path, BEFORE_TRIGGERS)
    with sqlite3.connect(path) as con:
        con.execute(
            "CREATE TRIGGER learning_day_after_update AFTER UPDATE ON app_meta BEGIN SELECT 1; END"
        )
        schema = con.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()

    with pytest.raises(DataFileError, match="could not be upgraded") as caught:
        open_database(path)
    assert caught.value.kind == "upgrade-failed"
    assert "Nothing in it was changed" in " ".join(str(caught.value).split())

    assert read_revision(path) == BEFORE_TRIGGERS
    assert counts(path) == before
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall() == schema
    saved = [b for b in list_backups(path) if b.label.startswith("before-upgrade-from-")]
    assert len(saved) == 1 and is_sound(saved[0].path)
    assert str(saved[0].path) in str(caught.value)
    assert counts(saved[0].path) == before
