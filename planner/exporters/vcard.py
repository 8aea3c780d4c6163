"""`planner export vcard FILE`: every contact as a vCard 3.0 card, for an address book.

Version 3.0 because every address book reads it (Apple Contacts, Google Contacts, Outlook,
Thunderbird, Evolution); 4.0 is still refused by some. Each field of a contact has its place:
FN and N (the last word as family name), ORG, TITLE, EMAIL, one TEL per number, URL, NOTE, the
expertise as CATEGORIES, and what vCard has no property for as X-CAREER-PLANNER-* extensions
(relationship, industry, follow-up cadence, the day you connected), which address books keep
and show as custom fields and the app's own vCard import reads back. The UID is derived from
the name, so importing a newer export updates the cards instead of doubling them.

Lines are CRLF and folded at 75 octets, text escaped, as `exporters.ics` writes them (the same
rules in RFC 6350 and RFC 5545).
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from planner.exporters.files import ExportResult, write_file
from planner.exporters.ics import escape, fold
from planner.exporters.records import contact_records

PRODID = "-//Career Planner//Career Planner 1//EN"
#: Names of the extensions, as the vCard import reads them back.
X_RELATIONSHIP = "X-CAREER-PLANNER-RELATIONSHIP"
X_INDUSTRY = "X-CAREER-PLANNER-INDUSTRY"
X_CADENCE = "X-CAREER-PLANNER-CADENCE-DAYS"
X_CONNECTED = "X-CAREER-PLANNER-CONNECTED-ON"
_UID_SPACE = uuid.UUID("6f1d3c4e-2a0b-4c55-9a51-7c2e0d8b9f10")
_PHONE_SEPARATORS = re.compile(r"\s*[,;]\s*")


def phones(text: str) -> list[str]:
    """The numbers of a contact's phone field (comma separated, as the form asks)."""
    return [p for p in _PHONE_SEPARATORS.split(text.strip()) if p]


def structured_name(name: str) -> str:
    """N: family;given;additional;prefixes;suffixes; the last word is taken as the family
    name, as most address books do for a one-line name."""
    *given, family = name.split() or [""]
    return ";".join((escape(family), escape(" ".join(given)), "", "", ""))


def card(contact: dict[str, Any]) -> list[str]:
    """One contact record (as the backup writes it) as the content lines of a card."""
    uid = uuid.uuid5(_UID_SPACE, contact["name"].casefold())
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"PRODID:{PRODID}",
        f"UID:urn:uuid:{uid}",
        f"FN:{escape(contact['name'])}",
        f"N:{structured_name(contact['name'])}",
    ]
    if contact["company"]:
        lines.append(f"ORG:{escape(contact['company'])}")
    if contact["position"]:
        lines.append(f"TITLE:{escape(contact['position'])}")
    if contact["email"]:
        lines.append(f"EMAIL;TYPE=INTERNET:{escape(contact['email'])}")
    lines += [f"TEL;TYPE=VOICE:{escape(number)}" for number in phones(contact["phone"])]
    if contact["url"]:
        lines.append(f"URL:{escape(contact['url'])}")
    if contact["notes"]:
        lines.append(f"NOTE:{escape(contact['notes'])}")
    if contact["expertise"]:
        lines.append(f"CATEGORIES:{','.join(escape(s) for s in contact['expertise'])}")
    lines.append(f"{X_RELATIONSHIP}:{contact['relationship']}")
    if contact["industry"]:
        lines.append(f"{X_INDUSTRY}:{escape(contact['industry'])}")
    lines.append(f"{X_CADENCE}:{contact['cadence_days']}")
    if contact["connected_on"]:
        lines.append(f"{X_CONNECTED}:{contact['connected_on']}")
    lines.append("END:VCARD")
    return lines


def export_vcard(session: Session, path: Path) -> ExportResult:
    records = contact_records(session)
    lines = [fold(line) for record in records for line in card(record)]
    write_file(path, "".join(f"{line}\r\n" for line in lines).encode("utf-8"))
    return ExportResult(path, "contacts as vCards", {"contacts": len(records)})
