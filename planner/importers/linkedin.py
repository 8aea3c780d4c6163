"""LinkedIn's "Connections.csv" (Settings > Data privacy > Get a copy of your data).

The file as LinkedIn really writes it: a "Notes:" preamble of a few lines before the header row
`First Name,Last Name,URL,Email Address,Company,Position,Connected On`; older exports have no
URL column; emails are blank unless the connection allows sharing them; connections who hid
their profile arrive with no name at all, and are skipped and counted rather than imported as
nameless contacts. "Connected On" is written like "12 Mar 2024" in English on every locale;
exports of 2018 wrote it as "1/8/18, 6:14 PM" (month first, unless a day over 12 in the file
says otherwise) and put LinkedIn's member id (`urn:li:member:664293716`) in some email cells,
which is no address: the contact comes in without an email, and the plan says so. A profile
URL identifies the person (two connections may share a name), see `contacts.build_plan`.
Phone numbers come from a phone column where the export has one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.orm import Session

from planner.importers import contacts
from planner.importers.contacts import NewContact
from planner.importers.dates import day_first_evidence, parse_date
from planner.importers.plan import ImportPlan, Problem
from planner.importers.textfile import CsvTable, find_table, read_text

SOURCE = "LinkedIn connections"
FIRST, LAST = "First Name", "Last Name"
#: Where exports that carry phone numbers put them (Connections.csv itself has none today).
PHONE_COLUMNS = ("Phone Numbers", "Phone Number", "PhoneNumbers", "Phone")
MEMBER_ID = "urn:li:"


def plan(session: Session, path: str | Path) -> ImportPlan:
    table = find_table(read_text(path), (FIRST, LAST), "LinkedIn's Connections.csv")
    result = ImportPlan(SOURCE, str(path), "contacts", unit="line")
    return contacts.build_plan(session, result, _contacts(table, result), by_url=True)


def _contacts(table: CsvTable, result: ImportPlan) -> Iterator[tuple[int, NewContact | Problem]]:
    day_first = day_first_evidence(table.cell(cells, "Connected On") for _, cells in table.rows)
    for number, cells in table.rows:
        if len(cells) > table.width:
            yield (
                number,
                Problem(
                    number,
                    f"{len(cells)} fields where the header has {table.width}; "
                    "a comma inside a value needs quotes",
                ),
            )
            continue
        name = contacts.one_line(f"{table.cell(cells, FIRST)} {table.cell(cells, LAST)}")
        if not name:
            result.skipped.append(Problem(number, "no name (LinkedIn hides members who opt out)"))
            continue
        connected = table.cell(cells, "Connected On")
        day = parse_date(connected, day_first=bool(day_first)) if connected else None
        if connected and day is None:
            yield (
                number,
                Problem(number, f"'Connected On' {connected!r} is not a date like 12 Mar 2024"),
            )
            continue
        email = table.cell(cells, "Email Address")
        if email.casefold().startswith(MEMBER_ID):
            result.notes.append(
                Problem(
                    number,
                    f"{name}: {email!r} is LinkedIn's member id, not an email address; "
                    "imported without an email",
                )
            )
            email = ""
        phone = next((table.cell(cells, c) for c in PHONE_COLUMNS if table.cell(cells, c)), "")
        yield (
            number,
            NewContact(
                name=name,
                company=contacts.one_line(table.cell(cells, "Company")),
                position=contacts.one_line(table.cell(cells, "Position")),
                email=email,
                phone=contacts.one_line(phone),
                url=table.cell(cells, "URL"),
                connected_on=day,
            ),
        )
