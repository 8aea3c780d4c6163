"""Contacts from another program (LinkedIn, vCard): one plan builder and one writer for both.

A contact's name is unique without regard to case, so a name already in the data file, or seen
earlier in the same file, is a duplicate: importing never renames, merges into or overwrites a
contact the person already has. Names are compared with spaces collapsed and case folded (a
stricter sameness than SQLite's ASCII-only NOCASE, so an import can never break the unique
constraint).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from planner.importers.plan import ImportPlan, Problem, Row
from planner.importers.textfile import key
from planner.models import Contact

NAME_LIMIT = 200
#: Rows are inserted in batches so a 50,000-row file never builds one giant statement.
BATCH = 2000


@dataclass(frozen=True)
class NewContact:
    name: str
    company: str = ""
    position: str = ""
    email: str = ""
    url: str = ""
    connected_on: dt.date | None = None
    notes: str = ""


def one_line(text: str) -> str:
    """Names, companies and positions are one line: newlines and runs of spaces collapse."""
    return " ".join(text.split())


def check(number: int, contact: NewContact) -> Problem | None:
    """Why this contact cannot be imported as it is, or None."""
    if len(contact.name) > NAME_LIMIT:
        return Problem(number, f"the name is longer than {NAME_LIMIT} characters")
    if contact.email and "@" not in contact.email:
        return Problem(number, f"{contact.email!r} is not an email address (it has no @)")
    return None


def label(contact: NewContact) -> str:
    where = ", ".join(p for p in (contact.position, contact.company) if p)
    return f"{contact.name} ({where})" if where else contact.name


def existing_names(session: Session) -> set[str]:
    return {key(name) for name in session.scalars(select(Contact.name))}


def build_plan(
    session: Session,
    plan: ImportPlan,
    found: Iterable[tuple[int, NewContact | Problem]],
) -> ImportPlan:
    """Sort parsed contacts (or the problem found in their row) into the plan's lists."""
    known = existing_names(session)
    for number, item in found:
        if isinstance(item, Problem):
            plan.rejected.append(item)
            continue
        problem = check(number, item)
        if problem is not None:
            plan.rejected.append(problem)
            continue
        row = Row(number, label(item), item)
        name = key(item.name)
        if name in known:
            plan.duplicates.append(row)
        else:
            known.add(name)
            plan.add.append(row)
    plan.writer = write
    return plan


def write(session: Session, rows: list[Row]) -> int:
    """Insert the planned contacts, leaving out any whose name exists by now."""
    known = existing_names(session)
    values = []
    for row in rows:
        contact: NewContact = row.data
        if key(contact.name) in known:
            continue
        known.add(key(contact.name))
        values.append(asdict(contact))
    for start in range(0, len(values), BATCH):
        session.execute(insert(Contact), values[start : start + BATCH])
    return len(values)
