"""`planner export ics FILE`: milestones and follow-ups as an iCalendar (RFC 5545) file.

Milestones with a due date become all-day events. Each contact's next follow-up becomes an
all-day event with a reminder at 09:00 that day: the follow-up date set on their latest
interaction if there is one, else the day their cadence runs out; one already overdue is put on
today, so it shows up where the person looks. Every event's UID is derived from its row, so
importing a newer export into a calendar updates the events instead of duplicating them.

Written by hand rather than with a library so the app needs no extra dependency: CRLF line ends,
lines folded at 75 octets without splitting a character, and TEXT escaped as the RFC says.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from planner.exporters.files import ExportResult, write_file
from planner.models import Milestone
from planner.services.network import contacts
from planner.wording import counted

PRODID = "-//Career Planner//Career Planner 1//EN"
UID_DOMAIN = "career-planner.invalid"
#: The reminder for an all-day follow-up: 09:00 on the day (relative to its midnight start).
REMINDER = "PT9H"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Event:
    uid: str
    day: dt.date
    summary: str
    description: str = ""
    reminder: bool = False


def escape(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped, controls dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.replace("\t", " "))
    for raw, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(raw, escaped)
    return text


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets, each continuation starting with
    a space, never inside a UTF-8 character."""
    pieces: list[str] = []
    current: list[str] = []
    size, limit = 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, 74  # the leading space takes one octet
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _milestone_events(session: Session) -> Iterator[Event]:
    rows = session.scalars(
        select(Milestone)
        .where(Milestone.due_on.is_not(None))
        .options(selectinload(Milestone.skills), selectinload(Milestone.phase))
        .order_by(Milestone.due_on, Milestone.id)
    )
    for m in rows:
        details = [m.notes] if m.notes else []
        if m.phase is not None:
            details.append(f"Phase: {m.phase.name}")
        if m.skills:
            details.append("Skills: " + ", ".join(sorted(s.name for s in m.skills)))
        if m.done_on:
            details.append(f"Done on {m.done_on.isoformat()}")
        title = f"Done: {m.title}" if m.done_on else f"Milestone: {m.title}"
        assert m.due_on is not None  # the query reads dated milestones only
        yield Event(f"milestone-{m.id}@{UID_DOMAIN}", m.due_on, title, "\n".join(details))


def _follow_up_events(session: Session, today: dt.date) -> Iterator[Event]:
    for c in contacts(session, today):
        due = c.due_on or today  # the follow-up rule's own date (`services.network`)
        role = " at ".join(part for part in (c.position, c.company) if part)
        details = [role] if role else []
        if c.email:
            details.append(c.email)
        last = c.last_contact.isoformat() if c.last_contact else "never"
        details.append(f"Last contact: {last}; cadence {counted(c.cadence_days, 'day')}")
        if due < today:
            details.append(f"Overdue since {due.isoformat()}")
        yield Event(
            f"follow-up-{c.id}@{UID_DOMAIN}",
            max(due, today),
            f"Follow up with {c.name}",
            "\n".join(details),
            reminder=True,
        )


def _vevent(event: Event, stamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{event.day + dt.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape(event.summary)}",
        "TRANSP:TRANSPARENT",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape(event.description)}")
    if event.reminder:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape(event.summary)}",
            f"TRIGGER;RELATED=START:{REMINDER}",
            "END:VALARM",
        ]
    return [*lines, "END:VEVENT"]


def calendar(events: list[Event], now: dt.datetime) -> bytes:
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Career Planner",
    ]
    for event in events:
        lines += _vevent(event, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


def export_ics(
    session: Session, path: Path, today: dt.date, now: dt.datetime | None = None
) -> ExportResult:
    milestones = list(_milestone_events(session))
    follow_ups = list(_follow_up_events(session, today))
    write_file(path, calendar(milestones + follow_ups, now or dt.datetime.now(dt.UTC)))
    return ExportResult(
        path, "calendar", {"milestones": len(milestones), "follow_ups": len(follow_ups)}
    )
