"""`planner check`: is the data file sound, and does it hold only what the app could have written?

Like Anki's Check Database it backs the file up first, then runs SQLite's `integrity_check`
and `foreign_key_check`, then the app's own invariants: no day with more than 24 logged hours,
no week with more than 168, no follow-up before its interaction, each day's kept total
(`learning_day`) equal to its sessions', and every value readable as its column's type (a date
SQLAlchemy cannot parse would crash the page that shows it). It only reads, with plain
`sqlite3`, so it also works on a file the app refuses to open.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import JSON, Boolean, Date, Float, Integer

from planner.models import Base
from planner.storage.backups import integrity_problems, take_backup
from planner.storage.errors import DataFileError
from planner.storage.probe import access_for, read_revision
from planner.vocabulary import DAY_HOURS, WEEK_HOURS
from planner.wording import hours_text

#: At most this many rows are named per problem; the count says how many there are.
SHOWN = 20


@dataclass(frozen=True)
class Problem:
    check: str  # which check found it, e.g. "integrity", "foreign-keys", "hours-per-day"
    message: str  # what is wrong, in words
    rows: tuple[str, ...] = ()  # the rows concerned (at most SHOWN)
    count: int = 1  # how many rows are concerned in all


@dataclass
class CheckReport:
    path: Path
    backup: Path | None = None
    backup_note: str = ""  # why no backup was taken, when none was
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(data_path: Path) -> CheckReport:
    """Back the file up, then run every check. Raises DataFileError for a file that is missing,
    not ours, unreadable or from a newer version (there is nothing here to check)."""
    if not data_path.is_file():
        raise DataFileError(f"There is no data file at {data_path}.", path=data_path)
    report = CheckReport(data_path)
    try:
        read_revision(data_path)
    except DataFileError as exc:
        if exc.kind != "corrupt":
            raise
        report.problems.append(Problem("integrity", str(exc)))
        return report
    mode = "immutable=1" if access_for(data_path) == "immutable" else "mode=ro"
    with closing(sqlite3.connect(f"{data_path.absolute().as_uri()}?{mode}", uri=True)) as con:
        try:
            report.backup = take_backup(con, data_path, "before-check")
        except DataFileError as exc:
            report.backup_note = str(exc)
        for run in CHECKS:
            try:
                report.problems.extend(run(con))
            except sqlite3.DatabaseError as exc:
                report.problems.append(
                    Problem(run.__name__.removeprefix("_").replace("_", "-"), f"not run: {exc}")
                )
    return report


def _problem(check: str, message: str, rows: list[str]) -> list[Problem]:
    return [Problem(check, message, tuple(rows[:SHOWN]), len(rows))] if rows else []


def _integrity(con: sqlite3.Connection) -> list[Problem]:
    found = integrity_problems(con, full=True)
    return _problem("integrity", "SQLite's integrity check found damage", found)


def _foreign_keys(con: sqlite3.Connection) -> list[Problem]:
    rows = con.execute("PRAGMA foreign_key_check").fetchall()
    described = [
        f"{table} row {rowid} points to a missing {parent}" for table, rowid, parent, _ in rows
    ]
    return _problem("foreign-keys", "rows refer to rows that do not exist", described)


def _hours_per_day(con: sqlite3.Connection) -> list[Problem]:
    rows = con.execute(
        "SELECT date, sum(hours) FROM learning_session GROUP BY date HAVING sum(hours) > ? "
        "ORDER BY date",
        (DAY_HOURS,),
    ).fetchall()
    described = [f"{day}: {hours_text(hours)} of learning sessions" for day, hours in rows]
    return _problem(
        "hours-per-day", f"days with more than {DAY_HOURS:g} hours of learning logged", described
    )


def _hours_per_week(con: sqlite3.Connection) -> list[Problem]:
    """Typed categories plus the week's learning sessions (learning is derived from them)."""
    rows = con.execute(
        "SELECT week, sum(hours) FROM ("
        "  SELECT week_start AS week, hours FROM week_hours"
        "  UNION ALL"
        "  SELECT date(date, 'weekday 0', '-6 days'), hours FROM learning_session"
        ") GROUP BY week HAVING sum(hours) > ? ORDER BY week",
        (WEEK_HOURS,),
    ).fetchall()
    described = [f"week of {week}: {hours_text(hours)} in all" for week, hours in rows]
    return _problem("hours-per-week", f"weeks with more than {WEEK_HOURS:g} hours", described)


def _day_sums(con: sqlite3.Connection) -> list[Problem]:
    """`learning_day` (schema 0004 on) against the sessions it sums: its triggers keep it so,
    unless something removed them or wrote to it. The weekly streak reads it."""
    has_table = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'learning_day'"
    ).fetchone()
    if not has_table:
        return []
    rows = con.execute(
        "SELECT s.date, s.hours, coalesce(d.hours, 0) FROM"
        " (SELECT date, sum(hours) AS hours FROM learning_session GROUP BY date) s"
        " LEFT JOIN learning_day d ON d.date = s.date WHERE d.hours IS NOT s.hours"
        " UNION ALL SELECT date, 0, hours FROM learning_day d WHERE NOT EXISTS"
        " (SELECT 1 FROM learning_session s WHERE s.date = d.date) ORDER BY 1"
    ).fetchall()
    described = [
        f"{day}: sessions {hours_text(hours)}, day total {hours_text(kept)}"
        for day, hours, kept in rows
    ]
    return _problem(
        "day-sums",
        "day totals that disagree with the day's sessions (the weekly streak reads them)",
        described,
    )


def _follow_up_dates(con: sqlite3.Connection) -> list[Problem]:
    rows = con.execute(
        "SELECT i.id, c.name, i.date, i.follow_up_on FROM interaction i "
        "JOIN contact c ON c.id = i.contact_id "
        "WHERE i.follow_up_on < i.date ORDER BY i.date"
    ).fetchall()
    described = [
        f"interaction {id_} with {name} on {day}: follow-up on {follow}"
        for id_, name, day, follow in rows
    ]
    return _problem("follow-up-dates", "follow-ups dated before their interaction", described)


def _value_condition(column_type: object, name: str) -> str | None:
    """SQL true for a value the model's column type cannot read back, None if any will do."""
    quoted = f'"{name}"'
    if isinstance(column_type, Date):
        # '+0 days' makes SQLite normalise: date('2026-02-30') alone echoes the impossible day
        return f"typeof({quoted}) != 'text' OR date({quoted}, '+0 days') IS NOT {quoted}"
    if isinstance(column_type, Boolean):
        return f"{quoted} NOT IN (0, 1)"
    if isinstance(column_type, Integer):
        return f"typeof({quoted}) != 'integer'"
    if isinstance(column_type, Float):
        return f"typeof({quoted}) NOT IN ('real', 'integer')"
    if isinstance(column_type, JSON):
        return f"NOT json_valid({quoted})"
    return None


def _value_types(con: sqlite3.Connection) -> list[Problem]:
    present = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    described = []
    for table in Base.metadata.sorted_tables:
        if table.name not in present:
            continue
        for column in table.columns:
            condition = _value_condition(column.type, column.name)
            if condition is None:
                continue
            bad = con.execute(
                f'SELECT rowid, "{column.name}" FROM "{table.name}" '
                f'WHERE "{column.name}" IS NOT NULL AND ({condition})'
            ).fetchall()
            described += [
                f"{table.name}.{column.name} row {rowid}: {value!r}" for rowid, value in bad
            ]
    return _problem("value-types", "values the app cannot read as their column's type", described)


CHECKS: tuple[Callable[[sqlite3.Connection], list[Problem]], ...] = (
    _integrity,
    _foreign_keys,
    _hours_per_day,
    _hours_per_week,
    _day_sums,
    _follow_up_dates,
    _value_types,
)
