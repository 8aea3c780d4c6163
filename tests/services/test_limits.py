"""A file that is over already (written before these checks, or by hand) can be corrected: an
edit that leaves its day or week no fuller is let through, one that adds is still refused."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.services import balance, learning
from planner.services.errors import InputError
from planner.services.sql import connection

DAY = dt.date(2026, 3, 3)
MONDAY = dt.date(2026, 3, 2)


def over_full(db) -> list[int]:
    """Three sessions of 10 h on one day (30 h) and a week of 200 h, as an old file has them."""
    with db.session() as s:
        con = connection(s)
        con.executemany(
            "INSERT INTO learning_session (date, hours, note) VALUES (?, 10, '')",
            [(DAY.isoformat(),)] * 3,
        )
        con.execute(
            "INSERT INTO week_hours (week_start, category, hours) VALUES (?, 'work', 168)",
            (MONDAY.isoformat(),),
        )
    with db.session() as s:
        return [r.id for r in learning.sessions(s)]


def test_an_over_full_day_and_week_can_be_corrected_but_not_filled_more(db) -> None:
    ids = over_full(db)
    with db.session() as s:
        learning.update_session(s, ids[0], hours=4, day=DAY, activity=None, note="")
    with pytest.raises(InputError, match="already holds 20 h"), db.session() as s:
        learning.update_session(s, ids[0], hours=8, day=DAY, activity=None, note="")
    with pytest.raises(InputError, match="already holds"), db.session() as s:
        learning.log_session(s, 0.5, DAY)
    with db.session() as s:
        balance.set_week_hours(s, MONDAY, {"work": 120})  # lowers the week: allowed
    with pytest.raises(InputError, match="can take at most 144 h"), db.session() as s:
        balance.set_week_hours(s, MONDAY, {"work": 150})
    with db.session() as s:
        assert sum(r.hours for r in learning.sessions(s)) == 24.0
        assert balance.typed_by_week(s, MONDAY, MONDAY) == {MONDAY: {"work": 120.0}}


def test_a_refused_week_names_the_categories_typed_as_a_sentence(db) -> None:
    with (
        pytest.raises(InputError, match="work, exercise and social can take at most 168 h"),
        db.session() as s,
    ):
        balance.set_week_hours(s, MONDAY, {"work": 100, "exercise": 50, "social": 50})
