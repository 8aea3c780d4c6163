"""Every plain-SQL reader of the services (`@reader`) runs on the files the app makes, over a bare
read-only sqlite3 connection, as the window's first paint reads them before SQLAlchemy has
loaded; and it answers the same over a session's connection, as every later refresh reads them.
So a schema change that leaves one reader behind fails here, not on someone's first paint."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import re
from contextlib import closing

import pytest

import planner.services
from planner.services import profile, timer
from planner.services.sql import READERS
from planner.storage.probe import connect_read_only
from tests.plain_sql_calls import CALLS, TODAY, key, run

#: How a parameter that takes a plain connection is annotated.
PLAIN_CONNECTION = re.compile(r"\bReader\b|\bsqlite3\.Connection\b")


def _takes_a_plain_connection(function) -> bool:
    parameters = inspect.signature(function).parameters.values()
    return any(PLAIN_CONNECTION.search(str(p.annotation)) for p in parameters)


def test_every_function_that_takes_a_plain_connection_is_a_reader_with_a_call() -> None:
    """The readers below are all of them: every public function of the services that takes a
    sqlite3 connection (a `Reader`) is registered, and each has its call in
    `tests/plain_sql_calls.py`. The primitives of `services/sql.py` are how readers read, and
    private helpers run inside the public readers that call them."""
    modules = [
        importlib.import_module(f"planner.services.{info.name}")
        for info in pkgutil.iter_modules(planner.services.__path__)
        if info.name != "sql"
    ]
    takes_one = {
        f"{module.__name__.rsplit('.', 1)[-1]}.{name}"
        for module in modules
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__
        and not name.startswith("_")
        and _takes_a_plain_connection(function)
    }
    registered = [key(reader) for reader in READERS]
    assert len(registered) == len(set(registered))
    assert set(registered) == takes_one
    assert set(CALLS) == takes_one


@pytest.fixture(params=["new", "set up", "demo"])
def made(request):
    """A file as the app makes it (migrated and seeded by `open_database`): new, set up by the
    first run with nothing logged yet, or the demo's with a timer running."""
    if request.param == "demo":
        database = request.getfixturevalue("demo_db")
        with database.session() as s:
            timer.start(s, dt.datetime.now(dt.UTC) - dt.timedelta(minutes=20), None, "reading")
        return database
    database = request.getfixturevalue("db")
    if request.param == "set up":
        with database.session() as s:
            profile.complete(
                s,
                display_name="Ada",
                current_role="data-analyst",
                target_role="data-scientist",
                plan_start=TODAY,
                weekly_goal=6.0,
            )
    return database


def test_each_reader_runs_on_the_closed_file_and_answers_as_over_a_session(made) -> None:
    with made.session() as s:
        over_session = {key(reader): run(reader, s) for reader in READERS}
    made.close()  # as the first paint finds it: closed, read without writing a byte
    wrong = []
    with closing(connect_read_only(made.path)) as con:
        for reader in READERS:
            try:
                answer = run(reader, con)
            except Exception as exc:
                wrong.append(f"{key(reader)} raised {exc!r}")
            else:
                if answer != over_session[key(reader)]:
                    wrong.append(f"{key(reader)}: {answer!r} != {over_session[key(reader)]!r}")
    assert not wrong, "\n".join(wrong)
