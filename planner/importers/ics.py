"""A calendar export (.ics from Google, Outlook or Apple) as the Balance page's week hours.

People keep their week in a calendar, so its events can fill in the week's work, exercise,
social and rest hours. What an event counts as comes from a mapping of names to categories:
an event's own categories (Outlook's colour categories, Apple's and Google's CATEGORIES) first,
then the name of its calendar (`X-WR-CALNAME`, which Google, Apple and Outlook all write). A
name that is itself a category ("Work", "Exercise") maps to it; other mappings are given with
the import (`--map Gym=exercise`, or the pickers of the import dialog) and remembered in the
data file (`calendar_map`), so the next import of the same calendar needs none.

Repeating events are expanded by `recurring_ical_events` (RRULE, RDATE, EXDATE, moved
occurrences) over `icalendar`, time zones honoured: every time is taken to the calendar's own
zone (`X-WR-TIMEZONE`, the zone its owner set) or else this machine's, and an event belongs to
the week of its local start, split at midnight on Monday when it runs across. Hours are the
real elapsed time, so a daylight-saving night counts what it lasted.

Only weeks that have happened are hours spent: occurrences after the current week are not
counted, nor those more than ten years back. All-day events have no hours to count (a holiday
or a birthday is not 24 h of anything), nor have events longer than a day, cancelled ones or
ones that take no time; each is listed with its reason, once per event rather than per
occurrence. A week's category is set to the calendar's total, so importing the same file again
changes nothing; the preview shows each value it replaces.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.importers.plan import ImportPlan, Problem, Row
from planner.importers.textfile import key, read_text
from planner.models import CalendarMap, WeekHours
from planner.services.errors import ImportFileError
from planner.services.weeks import week_label, week_start
from planner.vocabulary import TYPED_CATEGORIES, WEEK_HOURS, WEEKS_A_YEAR
from planner.wording import hours_text

SOURCE = "Calendar"
#: What a mapping says for a name whose events are not counted.
NOT_COUNTED = "none"
EVENT_LIMIT = dt.timedelta(hours=24)
#: How far back an import reaches from the current week (a daily event since 1970 would
#: otherwise expand into tens of thousands of occurrences nobody wants as week hours).
YEARS_BACK = 10
#: More occurrences than this in that window is no calendar of a person's week (ten daily
#: events for ten years are 36,500); a rule repeating every minute would never finish.
OCCURRENCE_LIMIT = 50_000
#: How much of the window is expanded at a time (see `_occurrences`).
CHUNK = dt.timedelta(days=31)


@dataclass(frozen=True)
class WeekValue:
    """One week's hours of one category, as the calendar sums them."""

    monday: dt.date
    category: str
    hours: float
    before: float | None  # what the data file holds now, None when nothing


@dataclass
class _Event:
    number: int
    summary: str
    calendar: str
    names: list[str]  # the event's categories, then its calendar's name
    problem: str = ""


@dataclass
class _Sums:
    hours: dict[tuple[dt.date, str], float] = field(default_factory=lambda: defaultdict(float))
    first: dict[tuple[dt.date, str], int] = field(default_factory=dict)
    too_long: set[int] = field(default_factory=set)  # events with an occurrence over a day


def check_mapping(mapping: Mapping[str, str]) -> dict[str, str]:
    """The mapping with names trimmed and categories checked; ValueError names a bad one.
    A name mapped to "" (or "none") is not counted, whatever an earlier import remembered."""
    checked: dict[str, str] = {}
    for name, category in mapping.items():
        name, category = " ".join(name.split()), category.strip().casefold()
        if not name:
            raise ValueError("a calendar or category name to map is empty")
        if category in ("", NOT_COUNTED):
            checked[name] = ""
            continue
        if category == "learning":
            raise ValueError(
                "learning hours come from logged sessions, so a calendar cannot map to "
                "learning; log them, or import a Toggl or Clockify report"
            )
        if category not in TYPED_CATEGORIES:
            raise ValueError(
                f"{category!r} is not a category; map {name!r} to "
                f"{', '.join(TYPED_CATEGORIES)} (or {NOT_COUNTED})"
            )
        checked[name] = category
    return checked


def remembered(session: Session) -> dict[str, str]:
    """The mappings earlier imports saved, name to category."""
    rows = session.execute(select(CalendarMap.name, CalendarMap.category))
    return {name: category for name, category in rows}


def plan(
    session: Session,
    path: str | Path,
    *,
    mapping: Mapping[str, str] | None = None,
    today: dt.date | None = None,
) -> ImportPlan:
    """Parse the calendar and plan its week hours; writes nothing."""
    try:
        given = check_mapping(mapping or {})
    except ValueError as exc:
        raise ImportFileError(str(exc)) from None
    calendars = _parse(read_text(path), Path(path).name)
    known = {c: c for c in TYPED_CATEGORIES}  # a calendar called "Work" is work
    known.update({key(n): c for n, c in remembered(session).items()})
    known.update({key(n): c for n, c in given.items()})
    result = ImportPlan(SOURCE, str(path), "week hours", unit="event")
    this_monday = week_start(today or dt.date.today())
    window = (this_monday - YEARS_BACK * WEEKS_A_YEAR * _WEEK, this_monday + _WEEK)
    sums = _Sums()
    found: dict[str, str] = {}  # every mappable name seen, as written, to its category or ""
    problems: dict[int, str] = {}
    number = 0
    for calendar in calendars:
        zone = _zone(calendar)
        if zone is None:  # an unknown zone name would stop the expansion: use this machine's
            calendar.pop("X-WR-TIMEZONE", None)
        name = _text(calendar.get("X-WR-CALNAME"))
        events: dict[str, _Event] = {}
        left_out: set[int] = set()
        for component in calendar.walk("VEVENT"):
            number += 1
            if not _text(component.get("UID")):  # so its occurrences can be traced back to it
                component.add("UID", f"career-planner-event-{number}")
            event = _Event(number, _text(component.get("SUMMARY")), name, _names(component, name))
            events.setdefault(_uid(component), event)
            _check_event(component, event, window, problems)
            if event.number in problems:
                left_out.add(id(component))
        # What cannot count is not expanded either (an event without a start stops the library).
        calendar.subcomponents[:] = [c for c in calendar.subcomponents if id(c) not in left_out]
        for occurrence in _occurrences(calendar, window):
            origin = events.get(_uid(occurrence))
            if origin is None or origin.number in problems:
                continue
            if _text(occurrence.get("STATUS")).upper() == "CANCELLED":  # one moved and cancelled
                continue
            for n in origin.names:
                found.setdefault(n, known.get(key(n), ""))
            category = next((known[key(n)] for n in origin.names if known.get(key(n))), None)
            if category is None:
                problems[origin.number] = _unmapped(origin)
                continue
            _add(sums, occurrence, origin, category, zone)
    for event_number, reason in sorted(problems.items()):
        result.skipped.append(Problem(event_number, reason))
    result.mappable = dict(sorted(found.items(), key=lambda kv: kv[0].casefold()))
    _sort(session, result, sums)
    result.writer = partial(write, mapping=given)
    return result


_WEEK = dt.timedelta(weeks=1)


def _parse(text: str, name: str) -> list[Any]:
    """Every VCALENDAR in the file. icalendar raises many kinds of error on a damaged file
    (ValueError, KeyError, IndexError…), so any of them is the file's fault, said as such."""
    import icalendar

    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except Exception as exc:
        raise ImportFileError(f"{name} is not a calendar file that can be read ({exc})") from None
    calendars = [c for c in calendars if getattr(c, "name", "") == "VCALENDAR"]
    if not calendars:
        raise ImportFileError(f"{name} holds no BEGIN:VCALENDAR; is this an .ics calendar file?")
    return calendars


def _occurrences(calendar: Any, window: tuple[dt.date, dt.date]) -> list[Any]:
    """Every occurrence starting in the window (and one already under way at its start), in
    order of start; at most OCCURRENCE_LIMIT. A damaged rule the library does not skip is the
    file's fault, whatever it raises.

    The window is expanded a month at a time, never past its end: asked for what comes "after"
    a day, the library searches on towards the year 9999, doubling its span while it finds
    nothing, and expanding a series over such a span took a generated test file hours. (Rules
    repeating more often than daily never get here: `plan` leaves them out first.)"""
    import recurring_ical_events

    found: list[Any] = []
    try:
        query = recurring_ical_events.of(calendar, skip_bad_series=True)
        start = window[0]
        while start < window[1] and len(found) <= OCCURRENCE_LIMIT:
            end = min(start + CHUNK, window[1])
            chunk = [
                o
                for o in query.between(start, end)
                if start == window[0] or (day := _start_day(o)) is None or day >= start
            ]  # one under way at a chunk's start was found with the chunk before
            found.extend(sorted(chunk, key=_start_key))
            start = end
    except Exception as exc:
        raise ImportFileError(f"its repeating events cannot be expanded ({exc})") from None
    if len(found) > OCCURRENCE_LIMIT:
        raise ImportFileError(
            f"its events repeat more than {OCCURRENCE_LIMIT:,} times in the last {YEARS_BACK} "
            "years; export a shorter range of the calendar"
        )
    return found


def _start_day(occurrence: Any) -> dt.date | None:
    start = _moment(occurrence, "DTSTART")
    return start.date() if isinstance(start, dt.datetime) else start


def _start_key(occurrence: Any) -> tuple[dt.date, str]:
    """Order within a month: by start (dates and times of any zone, as UTC), then UID."""
    start = _moment(occurrence, "DTSTART")
    if isinstance(start, dt.datetime):
        moment = start if start.tzinfo else start.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC).date(), moment.astimezone(dt.UTC).isoformat()
    return (start or dt.date.min), ""


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _uid(component: Any) -> str:
    uid = _text(component.get("UID"))
    return uid or f"no-uid {_text(component.get('SUMMARY'))} {component.get('DTSTART')!r}"


def _names(component: Any, calendar: str) -> list[str]:
    """The event's categories, then its calendar's name: what a mapping can name."""
    value = component.get("CATEGORIES")
    items = value if isinstance(value, list) else [] if value is None else [value]
    names: list[str] = []
    for item in items:
        cats = getattr(item, "cats", None)
        for cat in cats if isinstance(cats, list) else [item]:
            text = _text(cat)
            if text and key(text) not in {key(n) for n in names}:
                names.append(text)
    if calendar and key(calendar) not in {key(n) for n in names}:
        names.append(calendar)
    return names


def _zone(calendar: Any) -> dt.tzinfo | None:
    """The calendar owner's zone (X-WR-TIMEZONE), else None for this machine's local zone."""
    name = _text(calendar.get("X-WR-TIMEZONE"))
    try:
        return zoneinfo.ZoneInfo(name) if name else None
    except Exception:  # not found, not a valid key, no tzdata module for it: all unknown
        return None


def _decoded(component: Any, prop: str) -> Any:
    """A property's value, or None when it is missing or broken (icalendar keeps a property
    it could not parse and raises a ValueError when it is read)."""
    try:
        return getattr(component.get(prop), "dt", None)
    except ValueError:
        return None


def _moment(component: Any, prop: str) -> dt.date | None:
    moment = _decoded(component, prop)
    return moment if isinstance(moment, dt.date) else None


def _check_event(
    component: Any, event: _Event, window: tuple[dt.date, dt.date], problems: dict[int, str]
) -> None:
    """Record why a whole event cannot count (once, however often it repeats)."""
    title = f"{event.summary!r}" if event.summary else "an event with no title"
    start = _moment(component, "DTSTART")
    repeats = component.get("RRULE") is not None or component.get("RDATE") is not None
    if _too_often(component):
        problems[event.number] = f"{title} repeats more often than daily"
        component.pop("RRULE")  # not expanded: a rule every second would never end
    elif start is None:
        problems[event.number] = f"{title} has no start (DTSTART)"
    elif _text(component.get("STATUS")).upper() == "CANCELLED":
        problems[event.number] = f"{title} is cancelled"
    elif not isinstance(start, dt.datetime):
        problems[event.number] = f"{title} is an all-day event: it has no hours to count"
    elif not repeats and start.date() >= window[1]:
        problems[event.number] = f"{title} is after this week: only weeks that have happened count"
    elif not repeats and start.date() < window[0]:
        problems[event.number] = f"{title} is more than {YEARS_BACK} years ago"


def _too_often(component: Any) -> bool:
    """A rule repeating by the second, minute or hour: no calendar of a person's week."""
    rule = component.get("RRULE")
    rules = rule if isinstance(rule, list) else [] if rule is None else [rule]
    try:
        frequencies = {str(f).upper() for r in rules for f in r.get("FREQ", [])}
    except (AttributeError, TypeError, ValueError):
        return False
    return bool(frequencies & {"SECONDLY", "MINUTELY", "HOURLY"})


def _unmapped(event: _Event) -> str:
    names = " or ".join(repr(n) for n in event.names) or "(it has no calendar name or category)"
    title = f"{event.summary!r}" if event.summary else "an event with no title"
    return (
        f"{title}: {names} is not mapped to a category; map it to "
        f"{', '.join(TYPED_CATEGORIES)} (--map NAME=CATEGORY)"
    )


def _local(moment: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    if moment.tzinfo is None:  # a floating time is the same wall-clock time everywhere
        return moment
    return moment.astimezone(zone).replace(tzinfo=None)


def _add(sums: _Sums, occurrence: Any, event: _Event, category: str, zone: Any) -> None:
    start, end = _moment(occurrence, "DTSTART"), _moment(occurrence, "DTEND")
    if not isinstance(start, dt.datetime):
        return
    if not isinstance(end, dt.datetime):
        duration = _decoded(occurrence, "DURATION")
        end = start + duration if isinstance(duration, dt.timedelta) else start
    if (start.tzinfo is None) != (end.tzinfo is None):
        end = end.replace(tzinfo=start.tzinfo)
    # Subtracting two times of one zone object gives wall-clock time; in UTC it is lived time.
    if start.tzinfo is not None:
        elapsed = end.astimezone(dt.UTC) - start.astimezone(dt.UTC)
    else:
        elapsed = end - start
    if elapsed > EVENT_LIMIT:
        sums.too_long.add(event.number)
        return
    if elapsed <= dt.timedelta(0):
        return
    hours = elapsed.total_seconds() / 3600
    first, last = _local(start, zone), _local(end, zone)
    boundary = dt.datetime.combine(week_start(first.date()) + _WEEK, dt.time())
    parts = [(first, last)] if last <= boundary else [(first, boundary), (boundary, last)]
    span = sum((b - a).total_seconds() for a, b in parts) or 1.0
    for a, b in parts:
        slot = (week_start(a.date()), category)
        sums.hours[slot] += hours * (b - a).total_seconds() / span
        sums.first.setdefault(slot, event.number)


def _sort(session: Session, result: ImportPlan, sums: _Sums) -> None:
    """Turn the sums into rows: new or changed values to add, equal ones already present, a
    week over 168 h rejected; events too long to count become skipped rows."""
    for number in sums.too_long:
        result.skipped.append(
            Problem(
                number,
                "an occurrence is longer than a day; an all-day or multi-day event "
                "has no hours to count",
            )
        )
    result.skipped.sort(key=lambda p: p.number)
    slots = sorted(sums.hours)
    existing: dict[tuple[dt.date, str], float] = {}
    if slots:
        rows = session.scalars(
            select(WeekHours).where(WeekHours.week_start.between(slots[0][0], slots[-1][0]))
        )
        existing = {(w.week_start, w.category): w.hours for w in rows}
    for slot in slots:
        monday, category = slot
        hours = round(sums.hours[slot], 2)
        number = sums.first[slot]
        before = existing.get(slot)
        value = WeekValue(monday, category, hours, before)
        label = f"{week_label(monday)} {category} {hours_text(hours)}"
        if hours > WEEK_HOURS:
            result.rejected.append(
                Problem(
                    number,
                    f"{label}: more than {hours_text(WEEK_HOURS)} in a week (overlapping events?)",
                )
            )
        elif before is not None and round(before, 2) == hours:
            result.duplicates.append(
                Row(
                    number,
                    label,
                    value,
                    f"{week_label(monday)} already has {category} {hours_text(hours)}",
                )
            )
        else:
            was = f" (replaces {hours_text(before)})" if before is not None else ""
            result.add.append(Row(number, label + was, value))
    result.rejected.sort(key=lambda p: p.number)


def write(session: Session, rows: list[Row], *, mapping: Mapping[str, str]) -> int:
    """Set each planned week's category to the calendar's hours and remember the mapping the
    import was given; returns how many week values changed."""
    for name, category in mapping.items():
        saved = session.get(CalendarMap, name)
        if not category:
            if saved is not None:
                session.delete(saved)
        elif saved is None:
            session.add(CalendarMap(name=name, category=category))
        else:
            saved.category = category
    written = 0
    for row in rows:
        value: WeekValue = row.data
        found = session.scalar(
            select(WeekHours).where(
                WeekHours.week_start == value.monday, WeekHours.category == value.category
            )
        )
        if found is None:
            session.add(
                WeekHours(week_start=value.monday, category=value.category, hours=value.hours)
            )
        elif round(found.hours, 2) != value.hours:
            found.hours = value.hours
        else:
            continue
        written += 1
    session.flush()
    return written
