"""The one plain-SQL contacts query behind the Network page, its mentor finder, the dashboard and
the weekly review (`planner.services.network`): its edges, and that every reader agrees.

The rule itself (due when the days since the last interaction, or since connecting, exceed the
cadence) is pinned in test_network_rules.py; here: never met nor connected, a day in the past
to look back from, the order of names and of expertise, and the review's first dozen.
"""

from __future__ import annotations

import datetime as dt

from planner.services import network, review
from planner.services.network import ContactInput
from planner.services.skills import add_skill

TODAY = dt.date(2026, 3, 11)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def add(db, name: str, **fields) -> None:
    with db.session() as s:
        network.save_contact(s, ContactInput(name=name, **fields))


def meet(db, name: str, day: dt.date) -> None:
    with db.session() as s:
        network.add_interaction(s, name, day)


def listed(db, today: dt.date = TODAY, **kwargs) -> list[network.ContactRow]:
    with db.session() as s:
        return network.contacts(s, today, **kwargs)


def test_a_contact_never_met_nor_connected_is_due_with_no_date(db) -> None:
    add(db, "Nia", cadence_days=30)
    (row,) = listed(db)
    assert (row.due, row.due_on, row.last_contact, row.connected_on) == (True, None, None, None)
    assert [r.name for r in listed(db, only_due=True)] == ["Nia"]
    # Seen from any past day too: with no connection date there is nothing to leave them out by.
    assert [r.name for r in listed(db, until=days_ago(3000))] == ["Nia"]


def test_looking_back_counts_the_day_itself_and_nothing_after(db) -> None:
    day = days_ago(100)
    add(db, "Ada", cadence_days=10, connected_on=days_ago(400))
    add(db, "Bo", cadence_days=10, connected_on=day)  # connected on the day: listed
    add(db, "Cy", cadence_days=10, connected_on=day + dt.timedelta(days=1))  # the day after: not
    meet(db, "Ada", day)  # on the day: counts
    meet(db, "Ada", day + dt.timedelta(days=1))  # after it: ignored
    then = {r.name: r for r in listed(db, day + dt.timedelta(days=10), until=day)}
    assert sorted(then) == ["Ada", "Bo"]
    assert (then["Ada"].last_contact, then["Ada"].due_on, then["Ada"].due) == (
        day,
        day + dt.timedelta(days=10),
        False,
    )
    later = listed(db, day + dt.timedelta(days=11), until=day, only_due=True)
    assert [r.name for r in later] == ["Ada", "Bo"]
    assert {r.name: r.last_contact for r in listed(db)}["Ada"] == day + dt.timedelta(days=1)


def test_names_are_listed_without_regard_to_case_and_expertise_in_order(db) -> None:
    with db.session() as s:
        for skill in ("Tq Zebra", "tq apple", "Tq Mango"):
            add_skill(s, skill)
    add(db, "cy", expertise=["Tq Zebra", "tq apple", "Tq Mango"])
    add(db, "Bo")
    add(db, "amy")
    rows = listed(db)
    assert [r.name for r in rows] == ["amy", "Bo", "cy"]
    assert rows[2].expertise == ("tq apple", "Tq Mango", "Tq Zebra")
    with db.session() as s:
        (expert,) = network.mentors_for(s, "TQ MANGO", TODAY)
    assert expert == rows[2]


def test_the_mentor_finder_rows_are_the_network_lists_rows(demo_db) -> None:
    with demo_db.session() as s:
        everyone = {r.id: r for r in network.contacts(s, TODAY)}
        helpers = network.helpers_per_skill(s)
        for skill, count in helpers.items():
            found = network.mentors_for(s, skill, TODAY)
            assert len(found) == count
            assert all(row == everyone[row.id] for row in found)
    assert any(count == 0 for count in helpers.values())  # skills nobody lists are offered too
    assert sum(helpers.values()) == sum(len(r.expertise) for r in everyone.values())


def test_the_review_names_the_first_dozen_due_by_name_and_counts_them_all(db) -> None:
    for i in range(15):
        add(db, f"Person {14 - i:02d}", cadence_days=30, connected_on=days_ago(100))
    add(db, "person 99 later", cadence_days=30, connected_on=TODAY)  # connected after the week
    add(db, "Met", cadence_days=30, connected_on=days_ago(100))
    meet(db, "Met", days_ago(20))
    week_day = days_ago(10)
    with db.session() as s:
        s_ = review.summary(s, week_day, TODAY)
        due = network.contacts(s, s_.as_of, only_due=True, until=s_.as_of)
    assert s_.contacts_due_total == len(due) == 15
    assert list(s_.contacts_due) == due[: review.NETWORK_LIST_MAX]
    assert [r.name for r in s_.contacts_due][:2] == ["Person 00", "Person 01"]
