"""Random and malformed backups thrown at the JSON importer: it either refuses the whole file
with ImportFileError or plans record by record, naming the position of every rejection; the
plan writes nothing, and writing it either succeeds whole or leaves the file as it was."""

from __future__ import annotations

import json
import re
from pathlib import Path

from backup_helpers import content
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.exporters.records import SECTIONS
from planner.importers import jsonfile
from planner.services.errors import ImportFileError
from planner.storage.engine import Database

FIELDS = [
    "name", "title", "skill", "contact", "activity", "date", "hours", "level", "week_start",
    "category", "channel", "kind", "due_on", "phase", "expertise", "skills", "cadence_days",
    "assessed_on", "updated_on", "role", "order", "slug", "track", "phases", "required_level",
]  # fmt: skip
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["2024-03-04", "2024-02-30", "Python", "SQL", "work", "call", "Ada", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(FIELDS), inner),
    max_leaves=8,
)
records = st.dictionaries(st.sampled_from(FIELDS), values, max_size=6) | values
documents = st.fixed_dictionaries(
    {"format": st.just("career-planner"), "version": st.just(1)},
    optional={
        section: st.lists(records, max_size=4) if section != "profile" else records
        for section in SECTIONS
    },
)
POSITION = re.compile(r"^[a-z_]+ #\d+: .+")


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=documents)
def test_random_backups_never_crash_or_write_partially(
    db: Database, tmp_path: Path, document: dict
) -> None:
    path = tmp_path / "random.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = content(db)
    try:
        with db.session() as s:
            plan = jsonfile.plan(s, path)
            assert not s.new and not s.dirty
    except ImportFileError:
        assert content(db) == before
        return
    assert all(POSITION.match(p.reason) for p in plan.rejected), plan.rejected
    assert content(db) == before  # planning writes nothing
    with db.session() as s:
        written = plan.writer(s, plan.add)
    assert written <= len(plan.add)
    with db.session() as s:
        again = jsonfile.plan(s, path)
    assert again.add == []  # whatever was written is now a duplicate


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_arbitrary_bytes_are_refused_with_a_message(
    db: Database, tmp_path: Path, raw: bytes
) -> None:
    path = tmp_path / "junk.json"
    path.write_bytes(raw)
    try:
        with db.session() as s:
            jsonfile.plan(s, path)
    except ImportFileError as exc:
        assert str(path) in str(exc)
