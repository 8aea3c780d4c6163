"""Random and malformed files thrown at every importer (LinkedIn, vCard, Toggl, Clockify).

Whatever the bytes: the only exception is ImportFileError (the file as a whole is unreadable);
a preview writes nothing; every row left out names its row and a reason; a commit either writes
exactly what it reports or, refused, writes nothing; and importing the same file again adds
nothing.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from import_samples import CLOCKIFY_HEADER, LINKEDIN_HEADER, TOGGL_HEADER
from sqlalchemy import func, select

from planner.importers import ImportFileError, commit, preview
from planner.models import Contact, LearningActivity, LearningSession
from planner.services.errors import InputError

KINDS = ("linkedin", "vcard", "toggl", "clockify")
SETTINGS = settings(
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text with what breaks parsers: separators, quotes, line breaks, escapes, non-ASCII (NUL, which
# refuses the whole file, comes with the random bytes).
awkward = st.text(
    alphabet=st.sampled_from(list("aZé ß漢😀,;:=\"'\\.\t\r\n-/0123456789\u2028")),
    max_size=25,
)
dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.strftime("%m/%d/%Y")),
    st.dates().map(lambda d: f"{d.day} {d.strftime('%b')} {d.year}"),
    awkward,
)
durations = st.one_of(
    st.integers(0, 30 * 3600).map(lambda s: f"{s // 3600:02}:{s // 60 % 60:02}:{s % 60:02}"),
    st.floats(0, 30, allow_nan=False).map(lambda h: f"{h:.2f}"),
    awkward,
)
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
    return st.tuples(awkward, awkward, awkward, awkward, awkward, awkward, dates).map(list)


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

FILES = {
    "linkedin": csv_text(LINKEDIN_HEADER, linkedin_rows()),
    "vcard": vcard_text,
    "toggl": csv_text(TOGGL_HEADER, toggl_rows()),
    "clockify": csv_text(CLOCKIFY_HEADER, clockify_rows()),
}


def counts(db) -> tuple[int, int, int]:
    with db.session() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(table))
            for table in (Contact, LearningSession, LearningActivity)
        )


def import_checked(db, path: Path, kind: str, data: bytes) -> None:
    before = counts(db)
    try:
        with db.session() as s:
            plan = preview(s, kind, path)
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
    assert after[0] + after[1] == before[0] + before[1] + written
    with db.session() as s:
        assert preview(s, kind, path).add == [], "importing the same file twice added more"


HEADS = {
    "linkedin": LINKEDIN_HEADER,
    "vcard": "BEGIN:VCARD\r\nFN:Ada",
    "toggl": TOGGL_HEADER,
    "clockify": CLOCKIFY_HEADER,
}


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(head=st.booleans(), tail=st.binary(max_size=400))
def test_random_bytes_alone_or_after_a_real_header(db, tmp_path, kind, head, tail) -> None:
    data = (HEADS[kind].encode() + b"\r\n" if head else b"") + tail
    path = tmp_path / "random.dat"
    path.write_bytes(data)
    import_checked(db, path, kind, data)


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(st.data())
def test_files_shaped_like_the_real_export_with_odd_values(db, tmp_path, kind, data) -> None:
    text = data.draw(FILES[kind])
    encoded = text.encode(data.draw(st.sampled_from(["utf-8", "utf-16"])))
    path = tmp_path / "export.txt"
    path.write_bytes(encoded)
    import_checked(db, path, kind, encoded)
