"""The dashboard's follow-ups: the most overdue contacts and how many are due, computed in SQL.

They must follow the same rule as the network page's list (`network.contacts`): due when the
days since the last interaction (or since connecting) exceed the cadence, and never met nor
connected counts as due.
"""

from __future__ import annotations

import datetime as dt

from planner.services import network
from planner.services.network import ContactInput

TODAY = dt.date(2026, 3, 11)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def due(db, today: dt.date = TODAY, limit: int = 5) -> tuple[list[str], int]:
    with db.session() as s:
        rows, total = network.due_contacts(s, today, limit)
    return [r.name for r in rows], total


def test_most_overdue_first_never_met_before_all_and_names_break_ties(db) -> None:
    with db.session() as s:
        for name, cadence, connected in (
            ("Zoe", 30, days_ago(100)),  # due 70 days ago
            ("bob", 30, days_ago(40)),  # due 10 days ago
            ("Amy", 30, days_ago(40)),  # due 10 days ago too: names decide
            ("Nia", 30, None),  # never met, never connected: first
            ("Kai", 30, days_ago(30)),  # due today, not yet overdue
        ):
            network.save_contact(
                s, ContactInput(name=name, cadence_days=cadence, connected_on=connected)
            )
        network.add_interaction(s, "Zoe", days_ago(31))  # the last interaction resets the clock
    assert due(db) == (["Nia", "Amy", "bob", "Zoe"], 4)
    assert due(db, limit=2) == (["Nia", "Amy"], 4)


def test_no_contact_due_gives_an_empty_list_and_zero(db) -> None:
    with db.session() as s:
        network.save_contact(s, ContactInput(name="Ada", cadence_days=30, connected_on=TODAY))
    assert due(db) == ([], 0)


def test_the_rows_equal_the_network_lists_due_contacts_in_the_dashboards_order(demo_db) -> None:
    for today in (dt.date.today(), dt.date.today() + dt.timedelta(days=200)):
        with demo_db.session() as s:
            full = network.contacts(s, today, only_due=True)
            rows, total = network.due_contacts(s, today, 5)
        full.sort(key=lambda c: (c.due_on is not None, c.due_on or today, c.name.casefold()))
        assert total == len(full) > 0
        assert rows == full[:5]


def test_a_follow_up_date_makes_the_contact_due_on_that_date_whatever_the_cadence(db) -> None:
    """ "Follow up on 16 Dec" set on the last interaction: due on that day, though the cadence
    (90 days) has far to run; and not due before it, however short the cadence. Every reader
    agrees: the due list (on the session and on a plain sqlite3 connection, as the first paint
    reads it), the dashboard, the weekly review and `network.contacts`."""
    import sqlite3
    from contextlib import closing

    from planner.services import dashboard, review

    met = dt.date(2026, 12, 1)
    follow = dt.date(2026, 12, 16)
    with db.session() as s:
        network.save_contact(s, ContactInput(name="Ada", cadence_days=90, connected_on=met))
        network.save_contact(s, ContactInput(name="Bea", cadence_days=3, connected_on=met))
        network.add_interaction(s, "Ada", met, follow_up_on=follow)
        network.add_interaction(s, "Bea", met, follow_up_on=follow)  # waits for the date too
    for today, expected in (
        (follow - dt.timedelta(days=1), []),
        (follow, ["Ada", "Bea"]),
        (follow + dt.timedelta(days=5), ["Ada", "Bea"]),
    ):
        assert due(db, today) == (expected, len(expected))
        with closing(sqlite3.connect(db.path)) as con:
            rows, total = network.due_contacts(con, today, 5)
            assert [r.name for r in rows] == expected and total == len(expected)
            assert [c.name for c in dashboard.summary(con, today).due_contacts] == expected
        with db.session() as s:
            everyone = {c.name: c for c in network.contacts(s, today)}
            week = review.summary(s, today, today)
        assert [n for n, c in everyone.items() if c.due] == expected
        assert {c.due_on for c in everyone.values()} == {follow}
        assert [c.name for c in week.contacts_due] == expected
    # A later conversation without a follow-up date goes back to the cadence.
    with db.session() as s:
        network.add_interaction(s, "Ada", follow)
    assert due(db, follow + dt.timedelta(days=5)) == (["Bea"], 1)
