"""The session log's windows: every order and filter the log offers, read a window at a time from
the data file, give the same sessions in the same order as sorting them all, and each order is
read along an index (a whole-table sort per window is what made the log slow on ten years)."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.services import learning
from planner.services.errors import InputError
from planner.services.learning import ActivityInput, SessionQuery, SessionRow

TODAY = dt.date(2026, 3, 11)
TITLES = ["alpha course", "Beta book", "gamma project"]


@pytest.fixture
def logged(db) -> list[SessionRow]:
    """Sessions on repeating dates and hours, some with no activity, notes in mixed case."""
    notes = ["", "Zebra", "apple", "Mango", ""]
    with db.session() as s:
        for title in TITLES:
            learning.save_activity(s, ActivityInput(title))
        for i in range(60):
            day = TODAY - dt.timedelta(days=i // 3)
            activity = None if i % 4 == 0 else TITLES[i % 3]
            learning.log_session(s, 0.25 * (1 + i % 5), day, activity, notes[i % 5])
        return learning.sessions(s)


def value(row: SessionRow, sort: str):
    return {"date": row.date, "hours": row.hours, "activity": row.activity, "note": row.note}[sort]


def expected(rows: list[SessionRow], query: SessionQuery) -> list[SessionRow]:
    """The documented order: blanks first, text without regard to case, ties by date then entry
    in the sort's direction (by activity: each activity's newest first)."""
    kept = [
        r
        for r in rows
        if (query.first is None or r.date >= query.first)
        and (query.last is None or r.date <= query.last)
        and (query.activity is None or r.activity == query.activity)
    ]
    down = query.descending
    kept.sort(key=lambda r: (r.date, r.id), reverse=down or query.sort == "activity")
    if query.sort == "activity":
        kept.sort(key=lambda r: (0, "") if r.activity is None else (1, r.activity.casefold()))
        if down:  # a stable reverse by activity that keeps each one's sessions newest first
            groups: dict = {}
            for r in kept:
                groups.setdefault(r.activity, []).append(r)
            kept = [r for rows_ in reversed(groups.values()) for r in rows_]
        return kept

    def key(r: SessionRow):
        v = value(r, query.sort)
        return (0, "") if v in (None, "") else (1, v.casefold() if isinstance(v, str) else v)

    return sorted(kept, key=key, reverse=down)


QUERIES = [
    SessionQuery(sort=sort, descending=down, **filters)
    for sort in learning.SESSION_SORTS
    for down in (False, True)
    for filters in (
        {},
        {"first": TODAY - dt.timedelta(days=9)},
        {"first": TODAY - dt.timedelta(days=15), "last": TODAY - dt.timedelta(days=5)},
        {"activity": "Beta book"},
    )
]


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_every_order_and_filter_matches_sorting_all_the_sessions(db, logged, query) -> None:
    with db.session() as s:
        assert learning.session_window(s, query) == expected(logged, query)


@pytest.mark.parametrize("sort", learning.SESSION_SORTS)
@pytest.mark.parametrize("down", [False, True])
def test_windows_side_by_side_are_the_whole_list(db, logged, sort, down) -> None:
    """Windows that cross the border between sessions with and without an activity too."""
    query = SessionQuery(sort=sort, descending=down)
    with db.session() as s:
        whole = learning.session_window(s, query)
        for size in (1, 7, 13):
            pieces = [learning.session_window(s, query, at, size) for at in range(0, 70, size)]
            assert [r for piece in pieces for r in piece] == whole
    assert len(whole) == len(logged)


def test_by_activity_the_sessions_without_one_come_first_ascending_and_last_descending(
    db, logged
) -> None:
    with db.session() as s:
        up = learning.session_window(s, SessionQuery(sort="activity", descending=False))
        down = learning.session_window(s, SessionQuery(sort="activity", descending=True))
    unlinked = sum(r.activity is None for r in logged)
    assert {r.activity for r in up[:unlinked]} == {None}
    assert {r.activity for r in down[-unlinked:]} == {None}
    assert [r.activity for r in up[unlinked:]][:1] == ["alpha course"]


def test_an_unknown_order_is_an_input_error(db) -> None:
    with db.session() as s, pytest.raises(InputError, match="use date, hours, activity, note"):
        learning.session_window(s, SessionQuery(sort="colour"))


@pytest.mark.parametrize("sort", learning.SESSION_SORTS)
@pytest.mark.parametrize("down", [False, True])
def test_every_order_over_all_sessions_is_read_along_an_index(db, logged, sort, down) -> None:
    """No whole-table sort per window, and the offset is skipped in an index alone: SQLite's
    plan for a window's ids has no temporary B-tree and reads no table rows."""
    query = SessionQuery(sort=sort, descending=down)
    parts = (
        [learning._no_activity(query), learning._by_activity(query)]
        if sort == "activity"
        else [learning._ordered(query)]
    )
    with db.session() as s:
        for ids, _order in parts:
            compiled = ids.limit(128).offset(1000).compile(s.get_bind())
            plan = s.connection().exec_driver_sql(
                f"EXPLAIN QUERY PLAN {compiled}", tuple(compiled.params.values())
            )
            steps = [row[3] for row in plan]
            assert not [step for step in steps if "TEMP B-TREE" in step], steps
            read = [step for step in steps if "COVERING INDEX" not in step]
            assert all("(activity_id=?)" in step for step in read), steps
