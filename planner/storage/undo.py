"""Undo and redo of every action, row by row: what one action changed in the file, recorded so
that it can be taken back and done again.

This is SQLite's own undo/redo recipe (https://www.sqlite.org/undoredo.html): temporary triggers
on every table of the file write, for each row an action inserts, updates or deletes, the SQL
statement that puts the row back as it was, into a temporary table of this connection. Undoing
the action runs those statements newest first, in one transaction; while they run the same
triggers record the statements that redo it. Nothing is stored in the file itself, and the
command line, which never undoes, never installs the triggers.

Why rows and not a hand-written inverse per action: every action the window offers (a log, an
edit, a delete with its cascades, an import of thousands of rows, a timer stop that logs a
session) is undone the same tested way, with the same row ids back, so nothing that pointed at
a row is left dangling; and the tables written say what changed (`kinds`), so screens refresh
only what they show.

Tables kept in step by the file's own triggers (`learning_day`, each day's hours) are not
recorded: replaying the rows they are derived from fires those triggers again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.vocabulary import CHANGE_KINDS

if TYPE_CHECKING:  # the window imports this module before SQLAlchemy has loaded
    from sqlalchemy import Connection

#: Which kind of change a write to each table is. A table missing here (one a later migration
#: adds) counts as every kind, so no screen misses it; tests/test_changes.py keeps this complete.
KIND_OF_TABLE: dict[str, str] = {
    "learning_activity": "learning",
    "learning_session": "learning",
    "activity_skill": "learning",
    "user_skill": "skills",
    "skill_assessment": "skills",
    "milestone": "milestones",
    "milestone_skill": "milestones",
    "contact": "contacts",
    "contact_skill": "contacts",
    "interaction": "contacts",
    "calendar_map": "contacts",
    "week_hours": "balance",
    "balance_target": "balance",
    "profile": "profile",
    "app_meta": "catalog",
    "weekly_review": "review",
    "portfolio_item": "portfolio",
    "portfolio_skill": "portfolio",
    "saved_posting": "postings",
    "role": "catalog",
    "role_phase": "catalog",
    "role_salary": "catalog",
    "role_skill": "catalog",
    "role_transition": "catalog",
    "skill": "catalog",
    "industry": "catalog",
    "certification": "catalog",
    "running_timer": "timer",
}
#: Tables never recorded: Alembic's own, and those the file's triggers derive from others.
NOT_RECORDED = frozenset({"alembic_version", "learning_day"})

#: The temporary table the triggers write to (a trigger may name it only unqualified).
_LOG = "planner_change_log"
ELSEWHERE = "the same data was changed elsewhere since (by the command line or another window)"


class CannotReplay(Exception):
    """The file no longer holds what the steps expect: another program (the command line)
    changed the same rows since. Nothing of the replay was written."""


@dataclass(frozen=True)
class Steps:
    """The statements that take the file back over one action (newest last), and the tables
    they touch. Empty when the action changed nothing."""

    statements: tuple[str, ...] = ()
    tables: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.statements)

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of change (`vocabulary.CHANGE_KINDS`) these steps make."""
        return kinds_of(self.tables)


def kinds_of(tables: Iterable[str]) -> frozenset[str]:
    found: set[str] = set()
    for table in tables:
        kind = KIND_OF_TABLE.get(table)
        if kind is None:
            return frozenset(CHANGE_KINDS)
        found.add(kind)
    return frozenset(found)


def start(connection: Connection) -> None:
    """Record from now on what this connection's transaction changes (installing the triggers
    on first use of the connection), forgetting what an earlier action recorded."""
    installed = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_temp_master WHERE name = ?", (_LOG,)
    ).first()
    if installed is None:
        _install(connection)
    connection.exec_driver_sql(f"DELETE FROM temp.{_LOG}")


def recorded(connection: Connection) -> Steps:
    """What the transaction has changed since `start`, as the steps that undo it. Call it after
    the session has flushed and before it commits."""
    rows = connection.exec_driver_sql(f"SELECT tbl, stmt FROM temp.{_LOG} ORDER BY seq").all()
    return Steps(tuple(stmt for _, stmt in rows), frozenset(tbl for tbl, _ in rows))


def replay(connection: Connection, steps: Steps) -> None:
    """Take the file back over `steps`, newest first, inside the caller's transaction. Foreign
    keys are checked at commit, not row by row: a parent and the children its delete cascaded
    to come back in whichever order they were recorded."""
    from sqlalchemy.exc import IntegrityError

    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    try:
        for statement in reversed(steps.statements):
            connection.exec_driver_sql(statement)
    except IntegrityError as exc:
        raise CannotReplay(ELSEWHERE) from exc
    # The deferred checks, now, so that a failure rolls back here and not at the commit.
    if connection.exec_driver_sql("PRAGMA foreign_key_check").first():
        raise CannotReplay(ELSEWHERE)


def _install(connection: Connection) -> None:
    connection.exec_driver_sql(
        f"CREATE TEMP TABLE {_LOG} (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, stmt TEXT NOT NULL)"
    )
    tables = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).scalars()
    for table in [t for t in tables if t not in NOT_RECORDED]:
        columns = [
            row[1] for row in connection.exec_driver_sql(f"PRAGMA table_info({_name(table)})")
        ]
        for trigger in _triggers(table, columns):
            connection.exec_driver_sql(trigger)


def _name(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _triggers(table: str, columns: list[str]) -> tuple[str, str, str]:
    """The three triggers that record, for a row of `table`, the statement putting it back."""
    t, lit = _name(table), _literal(table)
    cols = [_name(c) for c in columns]
    insert = f"INSERT INTO {t}(rowid, {', '.join(cols)}) VALUES ("

    def values(side: str) -> str:
        return " || ',' || ".join(f"quote({side}.{c})" for c in cols)

    assignments = " || ',' || ".join(f"{_literal(c + '=')} || quote(old.{c})" for c in cols)
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in cols)
    log = f"INSERT INTO {_LOG}(tbl, stmt) VALUES ({lit}, "
    prefix = f"planner_undo_{table}"
    return (
        f"CREATE TEMP TRIGGER {_name(prefix + '_insert')} AFTER INSERT ON main.{t} BEGIN "
        f"{log}{_literal(f'DELETE FROM {t} WHERE rowid = ')} || new.rowid); END",
        f"CREATE TEMP TRIGGER {_name(prefix + '_update')} AFTER UPDATE ON main.{t} "
        f"WHEN {changed} BEGIN "
        f"{log}{_literal(f'UPDATE {t} SET ')} || {assignments} "
        f"|| ' WHERE rowid = ' || old.rowid); END",
        f"CREATE TEMP TRIGGER {_name(prefix + '_delete')} AFTER DELETE ON main.{t} BEGIN "
        f"{log}{_literal(insert)} "
        f"|| old.rowid || ',' || {values('old')} || ')'); END",
    )
