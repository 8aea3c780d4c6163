"""The network: follow-ups by cadence, who can help with a skill, and outreach per month.

DESIGN.md: a contact is due when the days since the last interaction exceed its cadence; the
default monthly goal is two outreaches.
"""

from __future__ import annotations

import datetime as dt

import pytest

from planner.services import network, profile
from planner.services.errors import InputError
from planner.services.network import ContactInput
from planner.services.skills import add_skill

TODAY = dt.date(2026, 3, 11)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def add_contact(db, name: str, **fields) -> None:
    with db.session() as s:
        network.save_contact(s, ContactInput(name=name, **fields))


def meet(db, name: str, day: dt.date) -> None:
    with db.session() as s:
        network.add_interaction(s, name, day)


def contact(db, name: str, today: dt.date = TODAY) -> network.ContactRow:
    with db.session() as s:
        return next(c for c in network.contacts(s, today) if c.name == name)


def due_names(db, today: dt.date = TODAY) -> set[str]:
    with db.session() as s:
        return {c.name for c in network.contacts(s, today, only_due=True)}


# --- due by cadence ----------------------------------------------------------------------------


def test_exactly_cadence_days_since_last_interaction_is_not_due(db) -> None:
    add_contact(db, "Ada", cadence_days=30, connected_on=days_ago(200))
    meet(db, "Ada", days_ago(30))
    row = contact(db, "Ada")
    assert row.due is False
    assert row.due_on == TODAY
    assert row.last_contact == days_ago(30)
    assert due_names(db) == set()


def test_one_day_more_than_the_cadence_is_due(db) -> None:
    add_contact(db, "Ada", cadence_days=30, connected_on=days_ago(200))
    meet(db, "Ada", days_ago(31))
    row = contact(db, "Ada")
    assert row.due is True
    assert row.due_on == days_ago(1)
    assert due_names(db) == {"Ada"}


def test_the_latest_interaction_is_the_one_that_counts(db) -> None:
    add_contact(db, "Ada", cadence_days=14, connected_on=days_ago(200))
    meet(db, "Ada", days_ago(20))
    meet(db, "Ada", days_ago(90))  # an older conversation typed in later
    assert contact(db, "Ada").last_contact == days_ago(20)
    assert contact(db, "Ada").due is True


def test_an_interaction_resets_the_clock(db) -> None:
    add_contact(db, "Ada", cadence_days=30, connected_on=days_ago(200))
    meet(db, "Ada", days_ago(45))
    assert contact(db, "Ada").due is True
    meet(db, "Ada", TODAY)
    row = contact(db, "Ada")
    assert (row.due, row.last_contact, row.due_on) == (False, TODAY, TODAY + dt.timedelta(30))


def test_a_contact_never_met_counts_from_connected_on(db) -> None:
    add_contact(db, "New", cadence_days=10, connected_on=days_ago(10))
    add_contact(db, "Old", cadence_days=10, connected_on=days_ago(11))
    assert contact(db, "New").last_contact is None
    assert (contact(db, "New").due, contact(db, "New").due_on) == (False, TODAY)
    assert contact(db, "Old").due is True
    assert due_names(db) == {"Old"}


def test_each_contact_uses_its_own_cadence(db) -> None:
    add_contact(db, "Weekly", cadence_days=7, connected_on=days_ago(100))
    add_contact(db, "Quarterly", cadence_days=90, connected_on=days_ago(100))
    meet(db, "Weekly", days_ago(8))
    meet(db, "Quarterly", days_ago(8))
    assert due_names(db) == {"Weekly"}


def test_interaction_with_an_unknown_contact_is_refused_with_a_suggestion(db) -> None:
    add_contact(db, "Margaret Hamilton")
    with db.session() as s, pytest.raises(InputError, match="Margaret Hamilton"):
        network.add_interaction(s, "Margret Hamilton", TODAY)


# --- who can help ------------------------------------------------------------------------------


@pytest.fixture
def helpers(db):
    with db.session() as s:
        add_skill(s, "Tskill Graphs")
        add_skill(s, "Tskill Other")
    add_contact(db, "Zoe", relationship="peer", expertise=["Tskill Graphs"])
    add_contact(db, "Amy", relationship="recruiter", expertise=["Tskill Graphs"])
    add_contact(db, "Mo", relationship="mentor", expertise=["Tskill Graphs", "Tskill Other"])
    add_contact(db, "Bea", relationship="mentor", expertise=["Tskill Graphs"])
    add_contact(db, "Cal", relationship="mentor", expertise=["Tskill Other"])
    add_contact(db, "Dan", relationship="peer")
    return db


def test_mentors_for_lists_contacts_with_the_expertise_mentors_first(helpers) -> None:
    with helpers.session() as s:
        found = [(c.name, c.relationship) for c in network.mentors_for(s, "Tskill Graphs", TODAY)]
    assert {name for name, _ in found} == {"Zoe", "Amy", "Mo", "Bea"}
    assert found[:2] == [("Bea", "mentor"), ("Mo", "mentor")]
    assert all(rel != "mentor" for _, rel in found[2:])


def test_mentors_for_finds_the_skill_in_any_case(helpers) -> None:
    with helpers.session() as s:
        found = [c.name for c in network.mentors_for(s, "tskill other", TODAY)]
    assert found == ["Cal", "Mo"]


def test_mentors_for_an_unknown_skill_is_refused(helpers) -> None:
    with helpers.session() as s, pytest.raises(InputError):
        network.mentors_for(s, "Tskill Nothing Like It", TODAY)


def test_contacts_show_their_expertise(helpers) -> None:
    assert contact(helpers, "Mo").expertise == ("Tskill Graphs", "Tskill Other")
    assert contact(helpers, "Dan").expertise == ()


# --- outreach per month ------------------------------------------------------------------------


def test_interactions_by_month_count_against_the_default_goal_of_two(db) -> None:
    add_contact(db, "Ada")
    add_contact(db, "Bob")
    for day in (
        dt.date(2025, 12, 31),  # before the three months shown
        dt.date(2026, 1, 1),
        dt.date(2026, 1, 31),
        dt.date(2026, 3, 11),
        dt.date(2026, 3, 12),  # after today
    ):
        meet(db, "Ada", day)
    meet(db, "Bob", dt.date(2026, 1, 15))
    with db.session() as s:
        months = network.interactions_by_month(s, TODAY, months=3)
    # January: Ada twice and Bob once are two people reached, as the goal counts them.
    assert [(m.month, m.count, m.goal) for m in months] == [
        ("2026-01", 2, 2),
        ("2026-02", 0, 2),
        ("2026-03", 1, 2),
    ]


def test_interactions_by_month_use_the_edited_goal(db) -> None:
    with db.session() as s:
        profile.update_profile(s, monthly_contact_goal=5)
    with db.session() as s:
        months = network.interactions_by_month(s, TODAY, months=2)
    assert [(m.month, m.count, m.goal) for m in months] == [("2026-02", 0, 5), ("2026-03", 0, 5)]
