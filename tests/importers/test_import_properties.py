"""Random and malformed files thrown at every importer (LinkedIn old and new, vCard, Toggl
detailed and "Export time entries", Clockify one person's and a team's, in either day order,
and .ics calendars with repeating, all-day and zoned events).

Whatever the bytes: the only exception is ImportFileError (the file as a whole is unreadable),
or its kind ChoiceNeeded, which is answered with each of its choices in turn; a preview writes
nothing; every row left out names its row and a reason; a commit either writes exactly what it
reports or, refused, writes nothing; and importing the same file again adds nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from import_samples import CLOCKIFY_HEADER, LINKEDIN_HEADER, TOGGL_ENTRIES_HEADER, TOGGL_HEADER
from sqlalchemy import func, select

from planner.importers import commit, preview
from planner.models import CalendarMap, Contact, LearningActivity, LearningSession, WeekHours
from planner.services.errors import ChoiceNeeded, ImportFileError, InputError

KINDS = ("linkedin", "vcard", "toggl", "clockify", "ics")
#: Which importer reads each shape of file below.
SHAPES = {
    "linkedin": "linkedin",
    "linkedin_2018": "linkedin",
    "vcard": "vcard",
    "toggl": "toggl",
    "toggl_entries": "toggl",
    "clockify": "clockify",
    "clockify_team": "clockify",
    "ics": "ics",
}
TODAY = dt.date(2024, 4, 10)
MAPPING = {"Gym": "exercise", "Office": "work", "Friends": "social", "Sleep": "none"}
SETTINGS = settings(
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text with what breaks parsers: separators, quotes, line breaks, escapes, non-ASCII (NUL, which
# refuses the whole file, comes with the random bytes).
awkward = st.text(
    alphabet=st.sampled_from(list("aZé ß漢😀,;:=\"'\\.\t\r\n-/0123456789\u2028[")),
    max_size=25,
)
dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.strftime("%m/%d/%Y")),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.dates().map(lambda d: f"{d.day} {d.strftime('%b')} {d.year}"),
    awkward,
)
old_linkedin_dates = st.one_of(
    st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)).map(
        lambda d: f"{d.month}/{d.day}/{d:%y}, {d.day % 12 + 1}:{d.month:02} {'AP'[d.day % 2]}M"
    ),
    dates,
)
emails = st.one_of(awkward, st.integers(0, 10**9).map(lambda n: f"urn:li:member:{n}"))
durations = st.one_of(
    st.integers(0, 30 * 3600).map(lambda s: f"{s // 3600:02}:{s // 60 % 60:02}:{s % 60:02}"),
    st.floats(0, 30, allow_nan=False).map(lambda h: f"{h:.2f}"),
    st.integers(0, 90 * 60).map(lambda s: f"{s // 60}:{s % 60:02} min"),
    st.integers(0, 30 * 3600).map(lambda s: f"{s // 3600}:{s // 60 % 60:02}:{s % 60:02} h"),
    st.integers(0, 59).map(lambda s: f"{s} sec"),
    awkward,
)
users = st.sampled_from(["Ana", "Ana", "Ben Okoro", ""]) | awkward
line_ends = st.sampled_from(["\n", "\r\n", "\r"])


def csv_text(header: str, row: st.SearchStrategy) -> st.SearchStrategy[str]:
    """A header row (maybe after a preamble, maybe with a BOM) and rows of odd cells."""

    def render(parts) -> str:
        bom, preamble, rows, end = parts
        out = io.StringIO()
        writer = csv.writer(out, lineterminator=end)
        for cells in rows:
            writer.writerow(cells)
        return bom + preamble + header + end + out.getvalue()

    return st.tuples(
        st.sampled_from(["", "\ufeff"]),
        st.sampled_from(["", 'Notes:\n"a note, with a comma"\n\n']),
        st.lists(row, max_size=12),
        line_ends,
    ).map(render)


def linkedin_rows():
    return st.tuples(awkward, awkward, awkward, emails, awkward, awkward, dates).map(list)


def linkedin_2018_rows():
    return st.tuples(awkward, awkward, emails, awkward, awkward, old_linkedin_dates).map(list)


def toggl_entries_rows():
    project = st.sampled_from(["", "Reading group", "reading group"]) | awkward
    return st.tuples(awkward, durations, project, dates, dates).map(
        lambda t: [t[0], t[1], "Ana", "", t[2], "", "", "", "false", t[3], "", t[4], ""]
    )


def clockify_team_rows():
    project = st.sampled_from(["", "fast.ai", "MLOps"]) | awkward
    return st.tuples(project, users, dates, dates, durations, durations).map(
        lambda t: [t[0], "", "", "", t[1], "", "", "", "No", t[2], "", t[3], "", t[4], t[5]]
    )


def toggl_rows():
    project = st.sampled_from(["", "Deep Learning", "deep learning", "Kaggle"]) | awkward
    return st.tuples(awkward, project, awkward, dates, durations).map(
        lambda t: ["Ana", "", t[0], t[1], "", t[2], "No", t[3], "", "", "", t[4], "", ""]
    )


def clockify_rows():
    project = st.sampled_from(["", "fast.ai", "FAST.AI", "MLOps"]) | awkward
    return st.tuples(project, awkward, dates, durations, durations).map(
        lambda t: [t[0], "", t[1], "", "Ana", "", "", "", "No", t[2], "", "", "", t[3], t[4]]
    )


vcard_line = st.one_of(
    st.sampled_from(
        [
            "BEGIN:VCARD",
            "END:VCARD",
            "VERSION:3.0",
            "FN:Ada Lovelace",
            "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=",
            "N:Okafor;Chidi;;;",
            "item1.EMAIL;type=INTERNET;type=pref:x@example.com",
            "EMAIL;PREF=1:not-an-email",
            "ORG:Contoso\\; Ltd;Research",
            " folded continuation",
            "=C3=",
            "NOTE:a\\nb\\,c",
        ]
    ),
    awkward.map(lambda t: f"FN:{t}"),
    awkward,
)
vcard_text = st.tuples(st.lists(vcard_line, max_size=25), line_ends).map(
    lambda t: t[1].join(["BEGIN:VCARD", *t[0]])
)

ics_stamp = st.one_of(
    st.datetimes(dt.datetime(2014, 1, 1), dt.datetime(2025, 1, 1)).map(
        lambda d: f"{d:%Y%m%dT%H%M%S}"
    ),
    st.datetimes(dt.datetime(2014, 1, 1), dt.datetime(2025, 1, 1)).map(
        lambda d: f"{d:%Y%m%dT%H%M%S}Z"
    ),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)).map(lambda d: f"{d:%Y%m%d}"),
    awkward,
)
ics_property = st.one_of(
    ics_stamp.map(lambda s: f"DTSTART:{s}"),
    ics_stamp.map(lambda s: f"DTSTART;TZID=Europe/Berlin:{s}"),
    ics_stamp.map(lambda s: f"DTSTART;VALUE=DATE:{s}"),
    ics_stamp.map(lambda s: f"DTEND:{s}"),
    ics_stamp.map(lambda s: f"DTEND;TZID=Nowhere/Land:{s}"),
    ics_stamp.map(lambda s: f"EXDATE:{s}"),
    ics_stamp.map(lambda s: f"RECURRENCE-ID:{s}"),
    st.sampled_from(
        [
            "DURATION:PT1H30M",
            "DURATION:P2D",
            "DURATION:-PT1H",
            "RRULE:FREQ=DAILY;COUNT=20",
            "RRULE:FREQ=WEEKLY;BYDAY=MO,TH",
            "RRULE:FREQ=MINUTELY;INTERVAL=1",
            "RRULE:FREQ=YEARLY;UNTIL=20200101T000000Z",
            "RRULE:FREQ=SOMETIMES",
            "CATEGORIES:Office,Friends",
            "CATEGORIES:Gym",
            "STATUS:CANCELLED",
            "UID:same",
            "UID:other",
            "SUMMARY:Training",
            " folded continuation",
        ]
    ),
    awkward.map(lambda t: f"SUMMARY:{t}"),
    awkward.map(lambda t: f"CATEGORIES:{t}"),
    awkward,
)
ics_event = st.lists(ics_property, max_size=8).map(
    lambda lines: ["BEGIN:VEVENT", *lines, "END:VEVENT"]
)
ics_text = st.tuples(
    st.sampled_from(["Gym", "Work", "Sleep", "Sonstiges", ""]),
    st.sampled_from(["Europe/Berlin", "America/New_York", "Not/AZone", ""]),
    st.lists(ics_event, max_size=6),
    st.booleans(),
    line_ends,
).map(
    lambda t: t[4].join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"X-WR-CALNAME:{t[0]}",
            f"X-WR-TIMEZONE:{t[1]}",
            *(line for event in t[2] for line in event),
            *(["END:VCALENDAR"] if t[3] else []),
        ]
    )
)

FILES = {
    "linkedin": csv_text(LINKEDIN_HEADER, linkedin_rows()),
    "linkedin_2018": csv_text(
        "First Name,Last Name,Email Address,Company,Position,Connected On", linkedin_2018_rows()
    ),
    "vcard": vcard_text,
    "toggl": csv_text(TOGGL_HEADER, toggl_rows()),
    "toggl_entries": csv_text(TOGGL_ENTRIES_HEADER, toggl_entries_rows()),
    "clockify": csv_text(CLOCKIFY_HEADER, clockify_rows()),
    "clockify_team": csv_text(CLOCKIFY_HEADER, clockify_team_rows()),
    "ics": ics_text,
}


def counts(db) -> tuple[int, ...]:
    with db.session() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(table))
            for table in (Contact, LearningSession, WeekHours, LearningActivity, CalendarMap)
        )


def planned(db, path: Path, kind: str, answers: dict) -> object:
    """The plan, answering every question the file asks with its choices in turn."""
    before = counts(db)
    try:
        with db.session() as s:
            return preview(s, kind, path, **answers)
    except ChoiceNeeded as question:
        event(f"asked {question.option}")
        assert str(question) and question.choices
        assert question.option not in answers
        assert counts(db) == before
        results = [
            planned(db, path, kind, {**answers, question.option: value})
            for value, _ in question.choices
        ]
        return results[-1]


def import_checked(db, path: Path, kind: str, data: bytes) -> None:
    before = counts(db)
    try:
        plan = planned(db, path, kind, {"today": TODAY, "mapping": MAPPING})
    except ImportFileError as exc:
        event("file refused")
        assert str(exc)
        assert counts(db) == before
        return
    event(f"plan: add {min(len(plan.add), 2)}+, problems {min(len(plan.rejected), 1)}+")
    assert counts(db) == before, "a preview wrote to the data file"
    last = data.count(b"\n") + data.count(b"\r") + 1
    for problem in plan.skipped + plan.rejected:
        assert 1 <= problem.number <= last, problem
        assert problem.reason.strip()
    for row in plan.add + plan.duplicates:
        assert 1 <= row.number <= last, row
    try:
        with db.session() as s:
            written = commit(s, plan)
    except InputError:
        assert counts(db) == before, "a refused import wrote part of the file"
        return
    after = counts(db)
    assert written <= len(plan.add)
    assert sum(after[:3]) == sum(before[:3]) + written
    again = planned(db, path, kind, {"today": TODAY, "mapping": MAPPING})
    assert again.add == [], "importing the same file twice added more"


HEADS = {
    "linkedin": LINKEDIN_HEADER,
    "vcard": "BEGIN:VCARD\r\nFN:Ada",
    "toggl": TOGGL_HEADER,
    "clockify": CLOCKIFY_HEADER,
    "ics": "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20240311T090000Z",
}


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(head=st.booleans(), tail=st.binary(max_size=400))
def test_random_bytes_alone_or_after_a_real_header(db, tmp_path, kind, head, tail) -> None:
    data = (HEADS[kind].encode() + b"\r\n" if head else b"") + tail
    path = tmp_path / "random.dat"
    path.write_bytes(data)
    import_checked(db, path, kind, data)


@pytest.mark.parametrize("shape", SHAPES)
@SETTINGS
@given(st.data())
def test_files_shaped_like_the_real_export_with_odd_values(db, tmp_path, shape, data) -> None:
    kind = SHAPES[shape]
    text = data.draw(FILES[shape])
    encoded = text.encode(data.draw(st.sampled_from(["utf-8", "utf-16"])))
    path = tmp_path / "export.txt"
    path.write_bytes(encoded)
    import_checked(db, path, kind, encoded)
