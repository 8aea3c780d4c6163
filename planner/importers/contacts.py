"""Contacts from another program (LinkedIn, vCard): one plan builder and one writer for both.

A contact's name is unique without regard to case, so a name already in the data file, or seen
earlier in the same file, is a duplicate: importing never renames, merges into or overwrites a
contact the person already has. Names are compared with spaces collapsed and case folded (a
stricter sameness than SQLite's ASCII-only NOCASE, so an import can never break the unique
constraint).

A LinkedIn profile URL names one person, so where the import says so (`by_url`) it decides
instead: a row whose profile is already a contact is present whatever its name, and a row with
a taken name but another profile is a different person, added under their name told apart by
company (or profile) and noted in the plan. Real networks hold such namesakes.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from urllib.parse import urlsplit

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from planner.importers.plan import ImportPlan, Problem, Row
from planner.importers.textfile import key
from planner.models import Contact
from planner.vocabulary import DEFAULT_CADENCE_DAYS

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
    phone: str = ""
    relationship: str = "peer"
    industry: str = ""
    cadence_days: int = DEFAULT_CADENCE_DAYS


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


def _path(url: str) -> tuple[str, str]:
    """(host, path) of a URL, or ("", the text) for one urlsplit refuses (a stray "[")."""
    try:
        parts = urlsplit(url if "//" in url else f"//{url}")
    except ValueError:
        return "", url
    return parts.netloc, parts.path


def profile_key(url: str) -> str:
    """A profile URL as compared: no scheme, `www.`, query or trailing slash; case folded."""
    text = url.strip()
    if not text:
        return ""
    host, path = _path(text)
    return f"{host.casefold().removeprefix('www.')}{path.rstrip('/')}".casefold()


class _Known:
    """The contacts an import compares against: the data file's, then the file's own so far."""

    def __init__(self, session: Session) -> None:
        self.names: dict[str, str] = {}  # name key -> profile key ("" when none)
        self.profiles: dict[str, str] = {}  # profile key -> name
        for name, url in session.execute(select(Contact.name, Contact.url)):
            self.add(name, url)

    def add(self, name: str, url: str) -> None:
        profile = profile_key(url)
        self.names[key(name)] = profile
        if profile:
            self.profiles.setdefault(profile, name)

    def match(self, contact: NewContact, by_url: bool) -> tuple[str, NewContact]:
        """(why it is already present, or "") and the contact as it will be added."""
        profile = profile_key(contact.url) if by_url else ""
        if profile and profile in self.profiles:
            return f"already a contact as {self.profiles[profile]} (same profile URL)", contact
        if key(contact.name) not in self.names:
            return "", contact
        other = self.names[key(contact.name)]
        if not (profile and other and other != profile):
            return f"a contact named {contact.name} is already present", contact
        return "", replace(contact, name=self._distinct_name(contact))

    def _distinct_name(self, contact: NewContact) -> str:
        slug = _path(contact.url.strip())[1].rstrip("/").rpartition("/")[2]
        for tail in itertools.chain((contact.company, slug), map(str, itertools.count(2))):
            name = f"{contact.name} ({tail})" if tail else ""
            if name and key(name) not in self.names:
                return name
        raise AssertionError("unreachable: the count never ends")


def build_plan(
    session: Session,
    plan: ImportPlan,
    found: Iterable[tuple[int, NewContact | Problem]],
    *,
    by_url: bool = False,
) -> ImportPlan:
    """Sort parsed contacts (or the problem found in their row) into the plan's lists."""
    known = _Known(session)
    for number, item in found:
        if isinstance(item, Problem):
            plan.rejected.append(item)
            continue
        problem = check(number, item)
        if problem is not None:
            plan.rejected.append(problem)
            continue
        present, contact = known.match(item, by_url)
        if present:
            plan.duplicates.append(Row(number, label(item), item, present))
            continue
        if contact.name != item.name:
            plan.notes.append(
                Problem(
                    number,
                    f"not the {item.name} already known (another profile URL): "
                    f"added as {contact.name}",
                )
            )
        known.add(contact.name, contact.url)
        plan.add.append(Row(number, label(contact), contact))
    plan.writer = write_by_url if by_url else write
    return plan


def write(session: Session, rows: list[Row], *, by_url: bool = False) -> int:
    """Insert the planned contacts, leaving out any that are present by now."""
    known = _Known(session)
    values = []
    for row in rows:
        contact: NewContact = row.data
        present, _ = known.match(contact, by_url)
        if present or key(contact.name) in known.names:
            continue
        known.add(contact.name, contact.url)
        values.append(asdict(contact))
    for start in range(0, len(values), BATCH):
        session.execute(insert(Contact), values[start : start + BATCH])
    return len(values)


def write_by_url(session: Session, rows: list[Row]) -> int:
    return write(session, rows, by_url=True)
