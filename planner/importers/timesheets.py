"""Toggl Track and Clockify "detailed" time-entry reports as learning sessions.

Both trackers write one CSV row per time entry:
- Toggl Track: `User,Email,Client,Project,Task,Description,Billable,Start date,Start time,
  End date,End time,Duration,Tags,Amount ()`, dates as 2024-03-12, durations as 01:30:00.
  Its newer "Export time entries" writes `Description,Duration,Project,Start date,Start time,
  Stop date,Stop time` (and more), durations like `18:25 min` or `1:02:03 h`.
- Clockify: `Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,
  Start Time,End Date,End Time,Duration (h),Duration (decimal),...`, dates in the person's
  chosen format (03/12/2024 by default, also 12/03/2024, 12.03.2024 or 2024-03-12). Hours come
  from the exact `Duration (h)` (h:mm:ss): the decimal column is rounded to 0.01 h per entry.

Whether 05/06/2024 is 5 June or 6 May is decided by the report itself: a number over 12 on
either side anywhere in its dates (or the date range in its heading), or an entry that would
end a month after it started under one reading. Where nothing decides it, the person chooses
(`day_first`); a team report (entries of several users) imports one person's time (`user`).
Both questions are a `ChoiceNeeded`, raised before anything is planned.

A learning session in this app is hours on a day for an activity, so entries are summed per
activity per day. The project names the activity (the description when there is no project; no
activity at all when both are blank); an activity that does not exist yet is created in the same
transaction as the sessions. A session with the same date, activity and hours already present
is a duplicate, so importing the same report twice adds nothing. No day may end up with more
than 24 hours of learning, counting what is already logged.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.importers.dates import (
    dates_in,
    day_first_evidence,
    numeric_pair,
    parse_date,
    parse_hours,
)
from planner.importers.plan import ImportPlan, Problem, Row
from planner.importers.textfile import CsvTable, find_table, key, read_text
from planner.models import LearningActivity, LearningSession
from planner.services.errors import ChoiceNeeded, ImportFileError, InputError
from planner.vocabulary import DAY_HOURS
from planner.wording import counted, day_text, hours_text

TITLE_LIMIT = 200
NOTE_LIMIT = 1000


@dataclass(frozen=True)
class Tracker:
    source: str
    date_column: str
    #: Duration columns in order of preference (Clockify's decimal column is exact).
    duration_columns: tuple[str, ...]
    what: str


TOGGL = Tracker("Toggl Track report", "Start date", ("Duration",), "a Toggl Track detailed report")
CLOCKIFY = Tracker(
    "Clockify report",
    "Start Date",
    ("Duration (h)", "Duration (decimal)"),
    "a Clockify detailed report",
)
#: Where each tracker names the person an entry belongs to, and the day it ended.
USER_COLUMNS = ("User", "Member")
END_COLUMNS = ("End Date", "Stop date")


@dataclass(frozen=True)
class NewSession:
    day: dt.date
    activity: str | None
    hours: float
    note: str
    provider: str
    lines: tuple[int, ...]


def plan_toggl(
    session: Session, path: str | Path, *, day_first: bool | None = None, user: str | None = None
) -> ImportPlan:
    return _plan(session, path, TOGGL, day_first, user)


def plan_clockify(
    session: Session, path: str | Path, *, day_first: bool | None = None, user: str | None = None
) -> ImportPlan:
    return _plan(session, path, CLOCKIFY, day_first, user)


@dataclass
class _Group:
    day: dt.date
    activity: str | None
    provider: str
    seconds: float = 0.0
    lines: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()


def _plan(
    session: Session, path: str | Path, tracker: Tracker, day_first: bool | None, user: str | None
) -> ImportPlan:
    text = read_text(path)
    table = _table(text, tracker)
    result = ImportPlan(tracker.source, str(path), "learning sessions", unit="line")
    person = _person(table, tracker, user)
    order = _date_order(table, tracker, day_first)
    groups = _groups(table, tracker, result, order, person)
    existing = _existing(session, {g.day for g in groups.values()})
    day_totals = _logged_per_day(session, {g.day for g in groups.values()})
    candidates: dict[dt.date, list[Row]] = defaultdict(list)
    for group in sorted(groups.values(), key=lambda g: (g.day, g.lines)):
        hours = round(group.seconds / 3600, 2)
        lines = ", ".join(map(str, group.lines))
        number = group.lines[0]
        if hours <= 0:
            result.skipped.append(Problem(number, f"lines {lines}: under 0.01 h recorded"))
            continue
        item = NewSession(
            group.day,
            group.activity,
            hours,
            "; ".join(group.notes)[:NOTE_LIMIT],
            group.provider,
            group.lines,
        )
        row = Row(number, _label(item), item)
        if (group.day, key(group.activity or ""), hours) in existing:
            result.duplicates.append(row)
        else:
            candidates[group.day].append(row)
    for day, rows in sorted(candidates.items()):
        total = day_totals.get(day, 0.0) + sum(r.data.hours for r in rows)
        if total > DAY_HOURS:
            logged = day_totals.get(day, 0.0)
            already = f" ({hours_text(logged)} already logged)" if logged else ""
            for row in rows:
                result.rejected.append(
                    Problem(
                        row.number,
                        f"{day} would hold {hours_text(total)} of learning{already}, "
                        f"more than {hours_text(DAY_HOURS)} in a day",
                    )
                )
        else:
            result.add.extend(rows)
    result.add.sort(key=lambda r: r.number)
    result.rejected.sort(key=lambda p: p.number)
    result.writer = write
    return result


def _table(text: str, tracker: Tracker) -> CsvTable:
    for duration in tracker.duration_columns:
        try:
            table = find_table(text, (tracker.date_column, duration), tracker.what)
        except ImportFileError:
            continue
        if table.has("Project") or table.has("Description"):
            return table
    columns = ", ".join((tracker.date_column, " or ".join(tracker.duration_columns)))
    raise ImportFileError(
        f"no header row with the columns {columns} and Project or Description; "
        f"is this {tracker.what}?"
    )


def _user(table: CsvTable, cells: list[str]) -> str:
    return " ".join(next((table.cell(cells, c) for c in USER_COLUMNS if table.has(c)), "").split())


def _person(table: CsvTable, tracker: Tracker, user: str | None) -> str | None:
    """Whose entries to import: None for all (one person's report), else the user's key.

    Raises ChoiceNeeded for a team report when no user is given, and ImportFileError when the
    given user has no entries in it."""
    hours: dict[str, list[float]] = {}
    names: dict[str, str] = {}
    for _, cells in table.rows:
        name = _user(table, cells)
        if name:
            names.setdefault(key(name), name)
            hours.setdefault(key(name), []).append(_duration(table, cells, tracker) or 0.0)
    listed = ", ".join(sorted(names.values(), key=str.casefold))
    if user is not None and user.strip():
        if names and key(user) not in names:
            raise ImportFileError(
                f"no entries of {user.strip()!r} in this report; it holds {listed}"
            )
        return key(user) if len(names) > 1 else None
    if len(names) <= 1:
        return None
    raise ChoiceNeeded(
        f"this team report holds the time of {len(names)} people ({listed}); "
        "only one person's entries are your learning",
        "user",
        [
            (names[k], f"{names[k]}: {hours_text(sum(v))} in {counted(len(v), 'entry', 'entries')}")
            for k, v in sorted(hours.items(), key=lambda kv: names[kv[0]].casefold())
        ],
    )


def _date_order(table: CsvTable, tracker: Tracker, day_first: bool | None) -> bool:
    """True to read 05/06/2024 as 5 June; see the module's note on how the report decides."""
    if day_first is not None:
        return day_first
    end_column = next((c for c in END_COLUMNS if table.has(c)), None)
    starts = [table.cell(cells, tracker.date_column) for _, cells in table.rows]
    ends = [table.cell(cells, end_column) for _, cells in table.rows] if end_column else []
    heading = [pair for cells in table.preamble for cell in cells for pair in dates_in(cell)]
    decided = day_first_evidence([*starts, *ends], heading)
    if decided is not None:
        return decided
    possible = [
        reading
        for reading in (True, False)
        if all(_plausible_span(s, e, reading) for s, e in zip(starts, ends, strict=False))
    ]
    if len(possible) == 1:
        return possible[0]
    ambiguous = list(dict.fromkeys(t for t in starts if (p := numeric_pair(t)) and p[0] != p[1]))
    if not ambiguous:  # every date reads the same either way, or none is numeric
        return False
    shown = ambiguous[:3]

    def reading(first: bool) -> str:
        days = [parse_date(t, day_first=first) for t in shown]
        return ", ".join(
            f"{t} → {day_text(d)}" if d else f"{t} → not a date"
            for t, d in zip(shown, days, strict=True)
        )

    first = shown[0]
    as_day, as_month = (parse_date(first, day_first=f) for f in (True, False))
    readings = f"{day_text(as_day) if as_day else '?'} or {day_text(as_month) if as_month else '?'}"
    raise ChoiceNeeded(
        f"dates like {first} can be read day first or month first ({readings}), and nothing "
        "in the report decides which",
        "day_first",
        [
            (True, f"Day first (DD/MM): {reading(True)}"),
            (False, f"Month first (MM/DD): {reading(False)}"),
        ],
    )


def _plausible_span(start: str, end: str, day_first: bool) -> bool:
    """An entry (at most a day long) ends on its start day or the next under this reading."""
    first, last = parse_date(start, day_first=day_first), parse_date(end, day_first=day_first)
    if first is None or last is None:
        return first is not None or not start  # an unreadable start rules the reading out
    return 0 <= (last - first).days <= 1


def _groups(
    table: CsvTable, tracker: Tracker, result: ImportPlan, day_first: bool, person: str | None
) -> dict[tuple, _Group]:
    groups: dict[tuple, _Group] = {}
    for number, cells in table.rows:
        date_text = table.cell(cells, tracker.date_column)
        project = " ".join(table.cell(cells, "Project").split())
        if not date_text and project.casefold() == "total":
            result.skipped.append(Problem(number, "the report's total line"))
            continue
        if person is not None and key(_user(table, cells)) != person:
            who = _user(table, cells) or "no user"
            result.skipped.append(Problem(number, f"another person's entry ({who})"))
            continue
        day = parse_date(date_text, day_first=day_first)
        if day is None:
            what = f"{date_text!r} is not a date" if date_text else "no start date"
            result.rejected.append(Problem(number, f"{what} (like 2024-03-12 or 03/12/2024)"))
            continue
        hours = _duration(table, cells, tracker)
        if hours is None:
            result.rejected.append(
                Problem(number, f"no duration in {' or '.join(tracker.duration_columns)}")
            )
            continue
        if hours <= 0:
            result.skipped.append(Problem(number, "no time recorded (duration 0)"))
            continue
        if hours > DAY_HOURS:
            result.rejected.append(
                Problem(
                    number, f"an entry of {hours_text(hours)} is longer than a day; split it by day"
                )
            )
            continue
        description = " ".join(table.cell(cells, "Description").split())
        title = project or description or None
        if title is not None and len(title) > TITLE_LIMIT:
            result.rejected.append(
                Problem(number, f"the project name is longer than {TITLE_LIMIT} characters")
            )
            continue
        group = groups.setdefault(
            (day, key(title or "")), _Group(day, title, table.cell(cells, "Client"))
        )
        group.seconds += round(hours * 3600)
        group.lines += (number,)
        if project and description and description not in group.notes:
            group.notes += (description,)
    return groups


def _duration(table: CsvTable, cells: list[str], tracker: Tracker) -> float | None:
    for column in tracker.duration_columns:
        text = table.cell(cells, column)
        hours = parse_hours(text) if text else None
        if hours is not None:
            return hours
    return None


def _label(item: NewSession) -> str:
    return f"{item.day}  {item.activity or '(no activity)'}  {hours_text(item.hours)}"


def _existing(session: Session, days: set[dt.date]) -> set[tuple[dt.date, str, float]]:
    """(date, activity key, hours) of the sessions already logged on these days."""
    if not days:
        return set()
    rows = session.execute(
        select(LearningSession.date, LearningActivity.title, LearningSession.hours)
        .outerjoin(LearningActivity, LearningSession.activity_id == LearningActivity.id)
        .where(LearningSession.date.between(min(days), max(days)))
    )
    return {(day, key(title or ""), round(hours, 2)) for day, title, hours in rows}


def _logged_per_day(session: Session, days: set[dt.date]) -> dict[dt.date, float]:
    if not days:
        return {}
    rows = session.execute(
        select(LearningSession.date, func.sum(LearningSession.hours))
        .where(LearningSession.date.between(min(days), max(days)))
        .group_by(LearningSession.date)
    )
    return {day: float(total) for day, total in rows}


def write(session: Session, rows: list[Row]) -> int:
    """Create missing activities and insert the sessions, leaving out any that are duplicates
    by now; refuse the whole import if a day would pass 24 hours (the data changed since the
    preview)."""
    items: list[NewSession] = sorted((row.data for row in rows), key=lambda i: i.day)
    days = {item.day for item in items}
    existing = _existing(session, days)
    totals = _logged_per_day(session, days)
    activities = {key(a.title): a for a in session.scalars(select(LearningActivity))}
    written = 0
    for item in items:
        if (item.day, key(item.activity or ""), item.hours) in existing:
            continue
        totals[item.day] = totals.get(item.day, 0.0) + item.hours
        if totals[item.day] > DAY_HOURS + 1e-9:
            raise InputError(
                f"{item.day} would hold more than {hours_text(DAY_HOURS)} of learning: hours were "
                "logged since the preview; preview the import again"
            )
        activity = _activity(session, activities, item) if item.activity else None
        session.add(
            LearningSession(date=item.day, hours=item.hours, note=item.note, activity=activity)
        )
        existing.add((item.day, key(item.activity or ""), item.hours))
        written += 1
    session.flush()
    return written


def _activity(
    session: Session, activities: dict[str, LearningActivity], item: NewSession
) -> LearningActivity:
    found = activities.get(key(item.activity or ""))
    if found is None:
        found = LearningActivity(
            title=item.activity,
            kind="other",
            status="in_progress",
            provider=item.provider,
            start_date=item.day,
        )
        session.add(found)
        activities[key(item.activity or "")] = found
    elif found.status == "planned":
        found.status = "in_progress"
    return found
