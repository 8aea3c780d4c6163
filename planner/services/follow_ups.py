"""Who is due a follow-up: the contacts whose cadence has run out since the last conversation,
or whose last conversation set a follow-up date ("follow up on 16 Dec") that has come.

Plain SQL (see `planner.services.sql`): the dashboard lists them on its first paint, and the
Network page, its mentor finder and the weekly review read contacts through the same query, so
the rule is written once (`_IS_DUE`), and no page's first visit waits for SQLAlchemy to compile
a statement.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import NamedTuple

from planner.services.sql import Reader, date, reader, rows


class ContactRow(NamedTuple):
    """A contact as the Network page, the dashboard and the weekly review list it.

    A named tuple, not a frozen dataclass: as immutable, and built three to five times faster,
    which saved 2 ms of the Network page's visit with 2,000 contacts.
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
