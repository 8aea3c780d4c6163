"""vCard files (.vcf) from Google Contacts, Apple Contacts and Outlook: versions 2.1, 3.0, 4.0.

What real files hold and this reads: several cards per file; folded lines (RFC 6350 3.2: a line
starting with a space or tab continues the one before); grouped properties as Apple and Google
write them (`item1.EMAIL;type=INTERNET:...` beside `item1.X-ABLabel`); parameters in either
spelling (`TYPE=WORK,PREF`, bare `PREF`, `PREF=1`); escaped `\\,` `\\;` `\\n`; and Outlook's
2.1 QUOTED-PRINTABLE values with `=` soft line breaks and a CHARSET. Card numbers (1 = the
first card) name the cards in the report. Cards the app itself exported carry its
X-CAREER-PLANNER-* fields (relationship, industry, cadence, the day you connected), read back
here so an export and an import keep them.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from planner.importers import contacts
from planner.importers.contacts import NewContact
from planner.importers.dates import parse_date
from planner.importers.plan import ImportPlan, Problem
from planner.importers.textfile import read_text
from planner.services.errors import ImportFileError
from planner.vocabulary import MAX_CADENCE_DAYS, RELATIONSHIPS

SOURCE = "vCard contacts"
_ESCAPES = re.compile(r"\\(.)", re.DOTALL)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class Property:
    name: str
    params: dict[str, list[str]]
    value: str

    @property
    def rank(self) -> int:
        """1 is most preferred: vCard 4.0 `PREF=1`..`100`, 3.0 `TYPE=pref`, 2.1 bare `PREF`."""
        for value in self.params.get("PREF", []):
            if value.isascii() and value.isdigit() and len(value) <= 3:
                return int(value)
        types = [t.casefold() for t in self.params.get("TYPE", [])]
        return 1 if "pref" in types or "PREF" in self.params else 101


@dataclass
class Card:
    number: int
    properties: list[Property] = field(default_factory=list)
    ended: bool = False

    def first(self, name: str, *, prefer: bool = False) -> Property | None:
        found = [p for p in self.properties if p.name == name and p.value.strip()]
        if prefer:
            found.sort(key=lambda p: p.rank)  # stable: the most preferred, else the first
        return found[0] if found else None

    def text(self, name: str, *, prefer: bool = False) -> str:
        prop = self.first(name, prefer=prefer)
        return unescape(prop.value).strip() if prop else ""


def plan(session: Session, path: str | Path) -> ImportPlan:
    cards = parse(read_text(path))
    result = ImportPlan(SOURCE, str(path), "contacts", unit="card")
    return contacts.build_plan(session, result, _contacts(cards, result))


def _contacts(cards: list[Card], result: ImportPlan) -> Iterator[tuple[int, NewContact | Problem]]:
    for card in cards:
        if not card.ended:
            yield card.number, Problem(card.number, "the file ends inside this card (no END:VCARD)")
            continue
        name = contacts.one_line(card.text("FN")) or _structured_name(card)
        if not name:
            result.skipped.append(Problem(card.number, "no name (neither FN nor N)"))
            continue
        org = card.first("ORG")
        yield (
            card.number,
            NewContact(
                name=name,
                company=contacts.one_line(unescape(components(org.value)[0])) if org else "",
                position=contacts.one_line(card.text("TITLE")),
                email=card.text("EMAIL", prefer=True),
                url=card.text("URL", prefer=True),
                notes="\n".join(card.text("NOTE").splitlines()),  # Outlook writes CRLF
                phone=_phones(card),
                **_own_fields(card),
            ),
        )


def _own_fields(card: Card) -> dict[str, Any]:
    """What the app's own export adds (X-CAREER-PLANNER-*); values it would not accept from
    its own form are left at their defaults."""
    found: dict[str, Any] = {}
    relationship = card.text("X-CAREER-PLANNER-RELATIONSHIP").casefold()
    if relationship in RELATIONSHIPS:
        found["relationship"] = relationship
    if industry := contacts.one_line(card.text("X-CAREER-PLANNER-INDUSTRY")):
        found["industry"] = industry
    cadence = card.text("X-CAREER-PLANNER-CADENCE-DAYS")
    if cadence.isascii() and cadence.isdigit() and 1 <= int(cadence) <= MAX_CADENCE_DAYS:
        found["cadence_days"] = int(cadence)
    connected = parse_date(card.text("X-CAREER-PLANNER-CONNECTED-ON"))
    if connected is not None:
        found["connected_on"] = connected
    return found


def _phones(card: Card) -> str:
    """Every TEL of the card, the preferred first, as one comma-separated line (vCard 4.0 may
    write them as `tel:` URIs)."""
    found = sorted(
        (p for p in card.properties if p.name == "TEL" and p.value.strip()), key=lambda p: p.rank
    )
    numbers: list[str] = []
    for prop in found:
        number = contacts.one_line(unescape(prop.value)).removeprefix("tel:").replace(",", " ")
        if number and number not in numbers:
            numbers.append(number)
    return ", ".join(numbers)


def _structured_name(card: Card) -> str:
    """N is family;given;additional;prefixes;suffixes; a person reads it given-first."""
    prop = card.first("N")
    if prop is None:
        return ""
    parts = [unescape(p) for p in components(prop.value)] + [""] * 5
    family, given, additional, prefix, suffix = parts[:5]
    return contacts.one_line(" ".join((prefix, given, additional, family, suffix)))


def components(value: str) -> list[str]:
    """Split a structured value at the `;` that are not escaped."""
    return re.split(r"(?<!\\);", value)


def unescape(value: str) -> str:
    return _ESCAPES.sub(lambda m: "\n" if m[1] in "nN" else m[1], value)


def parse(text: str) -> list[Card]:
    """Every card in the file, numbered from 1; an ImportFileError when there is none."""
    cards: list[Card] = []
    current: Card | None = None
    for line in logical_lines(text):
        prop = parse_line(line)
        if prop is None:
            continue
        if prop.name == "BEGIN" and prop.value.strip().upper() == "VCARD":
            if current is None:
                current = Card(len(cards) + 1)
                cards.append(current)
            continue
        if current is None:
            continue
        if prop.name == "END" and prop.value.strip().upper() == "VCARD":
            current.ended = True
            current = None
        else:
            current.properties.append(prop)
    if not cards:
        raise ImportFileError("no BEGIN:VCARD line; is this a vCard (.vcf) file?")
    return cards


def logical_lines(text: str) -> Iterator[str]:
    """Unfold folded lines; in a quoted-printable value, a line ending in `=` is a soft line
    break and the next line continues it as it stands (it is not indented)."""
    physical = _LINE_BREAK.split(text)
    i, count = 0, len(physical)
    while i < count:
        line = physical[i]
        i += 1
        quoted_printable = "QUOTED-PRINTABLE" in line.partition(":")[0].upper()
        while i < count:
            if quoted_printable and line.endswith("="):
                line = line[:-1] + physical[i]
            elif physical[i][:1] in (" ", "\t"):
                line += physical[i][1:]
            else:
                break
            i += 1
        yield line


def _split_outside_quotes(text: str, separator: str, maxsplit: int = -1) -> list[str]:
    parts, start, quoted = [], 0, False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == separator and not quoted and maxsplit != 0:
            parts.append(text[start:index])
            start = index + 1
            maxsplit -= 1
    parts.append(text[start:])
    return parts


def parse_line(line: str) -> Property | None:
    """`[group.]NAME[;param...]:value`, decoded; None for a line that is not a property."""
    head_value = _split_outside_quotes(line, ":", 1)
    if len(head_value) < 2:
        return None
    head, value = head_value
    name, *raw_params = _split_outside_quotes(head, ";")
    name = name.rpartition(".")[2].strip().upper()
    if not name:
        return None
    params: dict[str, list[str]] = {}
    for raw in raw_params:
        pname, sep, pvalue = raw.partition("=")
        if not sep:  # vCard 2.1 bare parameters: WORK, PREF, QUOTED-PRINTABLE, INTERNET
            pname, pvalue = (
                ("ENCODING", raw) if raw.upper() == "QUOTED-PRINTABLE" else ("TYPE", raw)
            )
        values = [v.strip().strip('"') for v in _split_outside_quotes(pvalue, ",")]
        params.setdefault(pname.strip().upper(), []).extend(values)
    if any(v.upper() == "QUOTED-PRINTABLE" for v in params.get("ENCODING", [])):
        value = _quoted_printable(value, (params.get("CHARSET") or ["utf-8"])[0])
    return Property(name, params, value)


def _quoted_printable(value: str, charset: str) -> str:
    raw = quopri.decodestring(value.encode("utf-8"))
    try:
        return raw.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know: UTF-8 is the likeliest truth
        return raw.decode("utf-8", errors="replace")
