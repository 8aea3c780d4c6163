"""Plain SQL for the figures the window paints before SQLAlchemy has loaded.

The dashboard's figures (readiness, this week's balance, streaks, the weekly series, open
milestones, due follow-ups), whether the file is set up and the running timer are written as SQL
over Python's own `sqlite3`: at start-up the window reads them straight from the file while
SQLAlchemy is still to be imported, and once it is open the same functions run on the session's
own connection, inside its transaction. One implementation either way, so the first paint and
every later refresh agree. Each lives in its topic's module, marked `@reader`; the modules the
first paint imports keep the ORM out of their top level (tests/test_layers.py runs them so).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: What these functions read from: an open `sqlite3` connection, or a SQLAlchemy Session.
Reader: TypeAlias = "sqlite3.Connection | Session"

Function = TypeVar("Function", bound=Callable[..., Any])

#: Every plain-SQL reader of the services, in the order their modules were imported.
READERS: list[Callable[..., Any]] = []


def reader(function: Function) -> Function:
    """Mark `function` as a plain-SQL reader: it takes a `Reader` and runs on a bare sqlite3
    connection (the first paint) as on a session's own. tests/services/test_plain_sql_readers.py
    runs each one on the files the migrations make, both ways, so a schema change cannot leave
    one behind, and finds any function that takes a `Reader` and is not marked."""
    READERS.append(function)
    return function


def connection(db: Reader) -> sqlite3.Connection:
    """The sqlite3 connection behind `db`: for a session, its own connection (so its transaction
    is shared), after flushing what it holds so that plain SQL sees it as an ORM query would."""
    if isinstance(db, sqlite3.Connection):
        return db
    db.flush()
    raw = db.connection().connection.driver_connection  # typed as any driver's connection
    assert isinstance(raw, sqlite3.Connection), raw
    return raw


#: Query parameters as sqlite3 takes them: by name, or by position.
Params: TypeAlias = Mapping[str, Any] | Sequence[Any]


def rows(db: Reader, query: str, params: Params = ()) -> list[tuple[Any, ...]]:
    return connection(db).execute(query, params).fetchall()


def value(db: Reader, query: str, params: Params = ()) -> Any:
    """The first column of the first row, or None when there is no row."""
    row = connection(db).execute(query, params).fetchone()
    return row[0] if row else None


def date(text: str | None) -> dt.date | None:
    """A stored date (SQLAlchemy writes `Date` columns as ISO text) as a date."""
    return dt.date.fromisoformat(text) if text else None


#: SQL for the Monday on or before a date: back six days, then on to the next Monday.
WEEK_START = "date({}, '-6 days', 'weekday 1')"
