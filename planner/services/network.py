"""The professional network: contacts, interactions, follow-ups by cadence, and who can help.

A contact is due when the days since the last interaction (or since connecting, if there was
none) exceed its cadence. The networking plan's habit of two outreaches a month is the default
monthly goal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.models import Contact, Interaction
from planner.services.errors import InputError, unknown
from planner.services.follow_ups import ContactRow as ContactRow
from planner.services.follow_ups import contact_rows
from planner.services.follow_ups import due_contacts as due_contacts
from planner.services.skills import find_skill, find_skills
from planner.services.sql import Reader, reader, rows, value
from planner.vocabulary import (
    CHANNELS,
    DEFAULT_CADENCE_DAYS,
    DEFAULT_MONTHLY_CONTACT_GOAL,
    MAX_CADENCE_DAYS,
    RELATIONSHIPS,
)


@dataclass(frozen=True)
class ContactDetail:
    """Everything the contact form edits, for the detail panel and the edit dialog."""

    id: int
    name: str
    relationship: str
    company: str
    position: str
    industry: str
    email: str
    url: str
    cadence_days: int
    phone: str
    connected_on: dt.date | None
    notes: str
    expertise: tuple[str, ...]


@dataclass(frozen=True)
class InteractionRow:
    id: int
    contact: str
    date: dt.date
    channel: str
    note: str
    follow_up_on: dt.date | None


@dataclass(frozen=True)
class ContactTouch:
    """A contact met during a period: how often, how, and when last."""

    name: str
    relationship: str
    interactions: int
    last: dt.date
    channels: tuple[str, ...]


@dataclass(frozen=True)
class MonthInteractions:
    month: str
    count: int
    goal: int


@dataclass
class ContactInput:
    name: str
    relationship: str = "peer"
    company: str = ""
    position: str = ""
    industry: str = ""
    email: str = ""
    url: str = ""
    cadence_days: int = DEFAULT_CADENCE_DAYS
    phone: str = ""
    connected_on: dt.date | None = None
    notes: str = ""
    expertise: list[str] = field(default_factory=list)


def find_contact(session: Session, name: str) -> Contact:
    contact = session.scalar(select(Contact).where(Contact.name == name.strip()))
    if contact is None:
        raise unknown("contact", name, session.scalars(select(Contact.name).order_by(Contact.name)))
    return contact


def save_contact(session: Session, data: ContactInput, contact_id: int | None = None) -> int:
    name = data.name.strip()
    if not name:
        raise InputError("a contact needs a name")
    clash = session.scalar(select(Contact.id).where(Contact.name == name))
    if clash is not None and clash != contact_id:
        raise InputError(f"there is already a contact called {name!r}")
    if data.relationship not in RELATIONSHIPS:
        raise InputError(
            f"unknown relationship {data.relationship!r}; use {', '.join(RELATIONSHIPS)}"
        )
    if not 1 <= data.cadence_days <= MAX_CADENCE_DAYS:
        raise InputError(f"the follow-up cadence must be between 1 and {MAX_CADENCE_DAYS} days")
    if data.email and "@" not in data.email:
        raise InputError(f"{data.email!r} is not an email address (it needs an @)")
    skills = find_skills(session, data.expertise)
    contact = Contact() if contact_id is None else session.get(Contact, contact_id)
    if contact is None:
        raise InputError(f"contact {contact_id} no longer exists")
    session.add(contact)
    contact.name, contact.relationship = name, data.relationship
    contact.company, contact.position, contact.industry = data.company, data.position, data.industry
    contact.email, contact.url, contact.notes = data.email.strip(), data.url.strip(), data.notes
    contact.cadence_days, contact.connected_on = data.cadence_days, data.connected_on
    contact.phone = " ".join(data.phone.split())
    contact.expertise = skills
    session.flush()
    return contact.id


def delete_contact(session: Session, contact_id: int) -> None:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise InputError(f"contact {contact_id} no longer exists")
    session.delete(contact)
    session.flush()


def add_interaction(
    session: Session,
    contact: str,
    day: dt.date,
    channel: str = "meeting",
    note: str = "",
    follow_up_on: dt.date | None = None,
) -> int:
    """Record a conversation; it resets the contact's follow-up clock."""
    if channel not in CHANNELS:
        raise InputError(f"unknown channel {channel!r}; use {', '.join(CHANNELS)}")
    if follow_up_on is not None and follow_up_on < day:
        raise InputError("the follow-up date is before the interaction")
    row = Interaction(
        contact=find_contact(session, contact),
        date=day,
        channel=channel,
        note=note.strip(),
        follow_up_on=follow_up_on,
    )
    session.add(row)
    session.flush()
    return row.id


def contacts(
    session: Session, today: dt.date, *, only_due: bool = False, until: dt.date | None = None
) -> list[ContactRow]:
    """Contacts with their last interaction and follow-up state, by name (one query, the
    dashboard's follow-up rule: `follow_ups.contact_rows`).

    With `until`, the file is seen as it stood on that day: later interactions are ignored and
    contacts connected later are left out (the weekly review of a past week looks back so).
    """
    return contact_rows(session, today, only_due=only_due, until=until)


def mentors_for(session: Session, skill: str, today: dt.date) -> list[ContactRow]:
    """Who can help with a skill: contacts with that expertise, mentors first."""
    skill_id = value(session, "SELECT id FROM skill WHERE name = ?", (skill.strip(),))
    if skill_id is None:  # unknown: this raises, naming the skills closest to what was asked
        skill_id = find_skill(session, skill).id
    found = contact_rows(session, today, expert_in=skill_id)
    rank = {"mentor": 0, "manager": 1, "peer": 2}
    return sorted(found, key=lambda c: (rank.get(c.relationship, 3), c.name.casefold()))


@reader
def interactions_by_month(db: Reader, today: dt.date, months: int = 12) -> list[MonthInteractions]:
    """Distinct people reached per month for the last `months` months against the monthly goal
    (the framework's habit is reaching out to two connections a month: two talks with one
    person count once). Plain SQL, like the list beside it: the Network page reads both."""
    first = dt.date(today.year, today.month, 1)
    for _ in range(months - 1):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    query = """
        SELECT strftime('%Y-%m', date), count(DISTINCT contact_id) FROM interaction
        WHERE date BETWEEN ? AND ? GROUP BY 1
    """
    counts = dict(rows(db, query, (first.isoformat(), today.isoformat())))
    goal = value(db, "SELECT monthly_contact_goal FROM profile WHERE id = 1")
    if goal is None:  # no profile yet: it will be made with the default goal
        goal = DEFAULT_MONTHLY_CONTACT_GOAL
    result, cursor = [], first
    while cursor <= today:
        key = cursor.strftime("%Y-%m")
        result.append(MonthInteractions(key, counts.get(key, 0), goal))
        cursor = (cursor + dt.timedelta(days=32)).replace(day=1)
    return result


def contact_detail(session: Session, contact_id: int) -> ContactDetail:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise InputError(f"contact {contact_id} no longer exists")
    return ContactDetail(
        contact.id,
        contact.name,
        contact.relationship,
        contact.company,
        contact.position,
        contact.industry,
        contact.email,
        contact.url,
        contact.cadence_days,
        contact.phone,
        contact.connected_on,
        contact.notes,
        tuple(sorted((s.name for s in contact.expertise), key=str.casefold)),
    )


def interactions(session: Session, contact_id: int) -> list[InteractionRow]:
    """One contact's interaction log, newest first."""
    rows = session.execute(
        select(
            Interaction.id,
            Contact.name,
            Interaction.date,
            Interaction.channel,
            Interaction.note,
            Interaction.follow_up_on,
        )
        .join(Contact, Contact.id == Interaction.contact_id)
        .where(Interaction.contact_id == contact_id)
        .order_by(Interaction.date.desc(), Interaction.id.desc())
    )
    return [InteractionRow(*row) for row in rows]


def delete_interaction(session: Session, interaction_id: int) -> InteractionRow:
    """Delete an interaction; returns what it held so the action can be undone."""
    row = session.get(Interaction, interaction_id)
    if row is None:
        raise InputError(f"interaction {interaction_id} no longer exists")
    gone = InteractionRow(
        row.id, row.contact.name, row.date, row.channel, row.note, row.follow_up_on
    )
    session.delete(row)
    session.flush()
    return gone


def touched_between(session: Session, first: dt.date, last: dt.date) -> list[ContactTouch]:
    """Contacts with at least one interaction between first and last (inclusive)."""
    rows = session.execute(
        select(
            Contact.name,
            Contact.relationship,
            func.count(Interaction.id),
            func.max(Interaction.date),
            func.group_concat(Interaction.channel.distinct()),
        )
        .join(Interaction, Interaction.contact_id == Contact.id)
        .where(Interaction.date.between(first, last))
        .group_by(Contact.id)
        .order_by(func.max(Interaction.date).desc(), Contact.name)
    ).all()
    return [
        ContactTouch(
            name,
            relationship,
            int(count),
            dt.date.fromisoformat(latest) if isinstance(latest, str) else latest,
            tuple(sorted((channels or "").split(","))),
        )
        for name, relationship, count, latest, channels in rows
    ]


@reader
def helpers_per_skill(db: Reader) -> dict[str, int]:
    """Every skill's name, and how many contacts list it as expertise (0 for nobody): the mentor
    finder's choice of skills, in one plain query rather than a row object for each skill."""
    query = """
        SELECT s.name, count(cs.contact_id)
        FROM skill s LEFT JOIN contact_skill cs ON cs.skill_id = s.id
        GROUP BY s.id
    """
    return dict(rows(db, query))
