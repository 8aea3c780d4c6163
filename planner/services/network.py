"""The professional network: contacts, interactions, who is due a follow-up, and who can help.

The follow-up rule, written once (`_IS_DUE`): a contact is due when the days since the last
interaction (or since connecting, if there was none) exceed its cadence, or when the last
conversation set a follow-up date ("follow up on 16 Dec") that has come. The networking plan's
habit of two outreaches a month is the default monthly goal.

The contact lists are plain SQL (`@reader`, see `planner.services.sql`): the dashboard lists the
contacts due on its first paint, before SQLAlchemy has loaded, and the Network page, its mentor
finder and the weekly review read contacts through the same query. So the writes import the
models inside themselves.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from planner.services.errors import InputError, existing, unknown
from planner.services.sql import Reader, date, reader, rows, value
from planner.vocabulary import (
    CHANNELS,
    DEFAULT_CADENCE_DAYS,
    DEFAULT_MONTHLY_CONTACT_GOAL,
    MAX_CADENCE_DAYS,
    RELATIONSHIPS,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner.models import Contact


class ContactRow(NamedTuple):
    """A contact as the Network page, the dashboard and the weekly review list it.

    A named tuple, not a frozen dataclass: as immutable, and cheaper to build, which counts when
    the Network page lists thousands of contacts.
    """

    id: int
    name: str
    relationship: str
    company: str
    position: str
    email: str
    url: str
    connected_on: dt.date | None
    last_contact: dt.date | None
    cadence_days: int
    due_on: dt.date | None  # next follow-up: the date the last interaction set, else by cadence
    due: bool
    expertise: tuple[str, ...] = ()
    #: The follow-up date the last interaction set (it overrides the cadence), if any.
    follow_up_on: dt.date | None = None


#: Each contact's last interaction up to :until (`l.last`), found by a seek in the
#: (contact, date) index per contact: grouping every interaction by contact read all 15,000 of
#: them; and the follow-up date set on that day's interaction (`l.follow_up`), one more seek.
#: Materialized, so the seeks run once however often the query names `l.last` (SQLite
#: 3.35 and later; an older one runs them where they are named). The `experts` slot narrows the
#: contacts to the experts in a skill.
_MATERIALIZED = "MATERIALIZED" if sqlite3.sqlite_version_info >= (3, 35) else ""
_LAST_CONTACT = f"""
    WITH l AS {_MATERIALIZED} (
        SELECT contact_id, last, (
            SELECT max(follow_up_on) FROM interaction WHERE contact_id = x.contact_id
            AND date = x.last
        ) AS follow_up FROM (
            SELECT c.id AS contact_id, (
                SELECT max(date) FROM interaction WHERE contact_id = c.id AND date <= :until
            ) AS last FROM contact c
            WHERE (c.connected_on IS NULL OR c.connected_on <= :until){{experts}}
        ) x
    )
"""
#: The contacts `_LAST_CONTACT` found, with their last interaction.
_CONTACTS = " FROM contact c JOIN l ON l.contact_id = c.id WHERE 1"
_EXPERTS = " AND c.id IN (SELECT contact_id FROM contact_skill WHERE skill_id = :skill)"
#: The day a contact's follow-up clock runs from: the last interaction, else connecting.
_ANCHOR = "coalesce(l.last, c.connected_on)"
#: The follow-up rule, its one statement: a follow-up date set on the last interaction makes the
#: contact due on that date, whatever the cadence; else due when the days since the anchor
#: exceed the cadence; never met nor connected counts as due.
_IS_DUE = (
    f"({_ANCHOR} IS NULL OR CASE WHEN l.follow_up IS NOT NULL THEN :today >= l.follow_up"
    f" ELSE julianday(:today) > julianday({_ANCHOR}) + c.cadence_days END)"
)
#: Most overdue first: never met nor connected, then by due date, then by name.
_MOST_OVERDUE = (
    f"{_ANCHOR} IS NOT NULL,"
    f" coalesce(julianday(l.follow_up), julianday({_ANCHOR}) + c.cadence_days), c.name"
)
#: `contact.name` compares without regard to case (its column collation), as the index does.
_BY_NAME = "c.name"
#: Without a day to look back from, every stored date (ISO text) is on or before this one.
_ANY_DAY = "9999-12-31"


@reader
def due_contacts(
    db: Reader,
    today: dt.date,
    limit: int,
    *,
    until: dt.date | None = None,
    by_name: bool = False,
) -> tuple[list[ContactRow], int]:
    """The first `limit` contacts due a follow-up, and how many are due in all: the most overdue
    first (never contacted nor connected first, then by due date and name), or `by_name`.
    `until` sees the file as it stood on that day, as `contact_rows` does.

    The dashboard shows five names on every refresh and the weekly review twelve; building a row
    for each of a thousand due contacts to keep a few cost most of their refresh.
    """
    return _select(
        db,
        today,
        due_only=True,
        order=_BY_NAME if by_name else _MOST_OVERDUE,
        limit=limit,
        until=until,
    )


@reader
def contact_rows(
    db: Reader,
    today: dt.date,
    *,
    only_due: bool = False,
    until: dt.date | None = None,
    expert_in: int | None = None,
) -> list[ContactRow]:
    """Every contact (or those due, or those expert in the skill `expert_in`) by name, with their
    last interaction and follow-up state.

    With `until`, the file is seen as it stood on that day: later interactions are ignored and
    contacts connected later are left out.
    """
    found, _total = _select(
        db, today, due_only=only_due, order=_BY_NAME, until=until, expert_in=expert_in
    )
    return found


def _select(
    db: Reader,
    today: dt.date,
    *,
    due_only: bool,
    order: str,
    limit: int = -1,
    until: dt.date | None = None,
    expert_in: int | None = None,
) -> tuple[list[ContactRow], int]:
    """The contacts `_LAST_CONTACT` finds (only the due ones, with `due_only`) in `order`: the first
    `limit` of them (-1: all) as rows, and how many there are in all."""
    experts = expert_in is not None
    query = (
        _LAST_CONTACT.format(experts=_EXPERTS if experts else "")
        + "SELECT c.id, c.name, c.relationship, c.company, c.position, c.email, c.url,"
        f" c.connected_on, l.last, c.cadence_days, {_IS_DUE}, l.follow_up"
        # Counting takes a pass of its own over the rows: only when some are left out.
        + (", count(*) OVER ()" if limit >= 0 else "")
        + _CONTACTS
        + (f" AND {_IS_DUE}" if due_only else "")
        + f" ORDER BY {order} LIMIT :limit"
    )
    found = rows(
        db,
        query,
        {
            "today": today.isoformat(),
            "until": until.isoformat() if until else _ANY_DAY,
            "skill": expert_in,
            "limit": limit,
        },
    )
    if limit >= 0:
        known = expertise(db, ids=[row[0] for row in found])
    else:
        known = expertise(db, skill_id=expert_in)
    result = []
    for id_, name, relationship, company, position, email, url, *rest in found:
        connected_on, last, cadence, due, follow_up = rest[:5]  # then the count, when asked
        connected, last_day, follow_day = date(connected_on), date(last), date(follow_up)
        anchor = last_day or connected
        result.append(
            ContactRow(
                id_,
                name,
                relationship,
                company,
                position,
                email,
                url,
                connected,
                last_day,
                cadence,
                follow_day or (anchor + dt.timedelta(days=cadence) if anchor else None),
                bool(due),
                known.get(id_, ()),
                follow_day,
            )
        )
    total = (found[0][-1] if found else 0) if limit >= 0 else len(found)
    return result, total


@reader
def expertise(
    db: Reader, *, ids: list[int] | None = None, skill_id: int | None = None
) -> dict[int, tuple[str, ...]]:
    """Each contact's expertise, names in order: of the contacts in `ids`, of those expert in
    the skill `skill_id`, or of everyone."""
    where, params = "", []
    if ids is not None:
        where, params = f" WHERE cs.contact_id IN ({', '.join('?' * len(ids))})", ids
    elif skill_id is not None:
        where = " WHERE cs.contact_id IN (SELECT contact_id FROM contact_skill WHERE skill_id = ?)"
        params = [skill_id]
    found: dict[int, tuple[str, ...]] = {}
    for contact_id, name in rows(
        db,
        "SELECT cs.contact_id, s.name FROM contact_skill cs JOIN skill s ON s.id = cs.skill_id"
        + where
        + " ORDER BY s.name",
        params,
    ):
        found[contact_id] = (*found.get(contact_id, ()), name)
    return found


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
    from sqlalchemy import select

    from planner.models import Contact

    contact = session.scalar(select(Contact).where(Contact.name == name.strip()))
    if contact is None:
        raise unknown("contact", name, session.scalars(select(Contact.name).order_by(Contact.name)))
    return contact


def save_contact(session: Session, data: ContactInput, contact_id: int | None = None) -> int:
    from sqlalchemy import select

    from planner.models import Contact
    from planner.services.skills import find_skills

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
    contact = Contact() if contact_id is None else existing(session, Contact, contact_id, "contact")
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
    from planner.models import Contact

    contact = existing(session, Contact, contact_id, "contact")
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
    from planner.models import Interaction

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
    dashboard's follow-up rule: `contact_rows`).

    With `until`, the file is seen as it stood on that day: later interactions are ignored and
    contacts connected later are left out (the weekly review of a past week looks back so).
    """
    return contact_rows(session, today, only_due=only_due, until=until)


def mentors_for(session: Session, skill: str, today: dt.date) -> list[ContactRow]:
    """Who can help with a skill: contacts with that expertise, mentors first."""
    from planner.services.skills import find_skill

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
    from planner.models import Contact

    contact = existing(session, Contact, contact_id, "contact")
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
    from sqlalchemy import select

    from planner.models import Contact, Interaction

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


def delete_interaction(session: Session, interaction_id: int) -> None:
    """Delete one logged conversation."""
    from planner.models import Interaction

    session.delete(existing(session, Interaction, interaction_id, "interaction"))
    session.flush()


def touched_between(session: Session, first: dt.date, last: dt.date) -> list[ContactTouch]:
    """Contacts with at least one interaction between first and last (inclusive)."""
    from sqlalchemy import func, select

    from planner.models import Contact, Interaction

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
