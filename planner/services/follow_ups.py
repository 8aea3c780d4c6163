"""Who is due a follow-up: the contacts whose cadence has run out since the last conversation.

Plain SQL (see `planner.services.sql`): the dashboard lists them on its first paint.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.services.sql import Reader, date, rows


@dataclass(frozen=True)
class ContactRow:
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
    due_on: dt.date | None  # next follow-up by cadence
    due: bool
    expertise: tuple[str, ...] = ()


_DUE = """
    WITH last AS (SELECT contact_id, max(date) AS last FROM interaction GROUP BY contact_id),
    anchored AS (
        SELECT c.id, c.name, c.relationship, c.company, c.position, c.email, c.url,
               c.connected_on, last.last, c.cadence_days,
               coalesce(last.last, c.connected_on) AS anchor
        FROM contact c LEFT JOIN last ON last.contact_id = c.id
    )
    SELECT id, name, relationship, company, position, email, url, connected_on, last,
           cadence_days, count(*) OVER () AS total
    FROM anchored
    WHERE anchor IS NULL OR julianday(:today) > julianday(anchor) + cadence_days
    ORDER BY anchor IS NOT NULL, julianday(anchor) + cadence_days, name COLLATE NOCASE
    LIMIT :limit
"""


def due_contacts(db: Reader, today: dt.date, limit: int) -> tuple[list[ContactRow], int]:
    """The `limit` contacts most overdue a follow-up (never contacted nor connected first, then
    by due date and name), and how many are due in all.

    The rule of `network.contacts`, in SQL: the dashboard shows five names on every refresh, and
    building a row for each of thousands of contacts to keep five cost most of its refresh.
    """
    found = rows(db, _DUE, {"today": today.isoformat(), "limit": limit})
    known = expertise(db, ids=[row[0] for row in found])
    result = []
    for *fields, connected_on, last, cadence, _total in found:
        connected, last_day = date(connected_on), date(last)
        anchor = last_day or connected
        due_on = anchor + dt.timedelta(days=cadence) if anchor else None
        result.append(
            ContactRow(
                *fields, connected, last_day, cadence, due_on, True, known.get(fields[0], ())
            )
        )
    return result, found[0][-1] if found else 0


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
