"""CSV export against spreadsheets that split on another separator than the comma, and files of
empty tables (issue 13): no cell may start a formula however the line is split, and every file
has its header row."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from backup_helpers import fill_extras

from planner.exporters.csvdir import FORMULA_STARTS, HEADERS, export_csv
from planner.services import network
from planner.storage.engine import Database

ATTACKS = [
    "x;=cmd|' /C calc'!A0;",
    "x,=cmd|' /C calc'!A0,",
    "a;+SUM(1);b",
    "a, -2+3",
    'line one\n=HYPERLINK("http://evil")',
    "tab\t@cmd",
    "semi; =1+1",
]


def _cells(raw: str, separator: str, quotes: bool) -> list[str]:
    """The cells a spreadsheet makes of the file: with quote handling (csv) or without it (a
    plain split on the separator and line breaks, the most naive reader)."""
    if quotes:
        return [
            c for row in csv.reader(io.StringIO(raw, newline=""), delimiter=separator) for c in row
        ]
    return [c.strip('"') for line in raw.splitlines() for c in line.split(separator)]


@pytest.mark.parametrize("separator", [";", ",", "\t"])
@pytest.mark.parametrize("quotes", [True, False])
def test_no_cell_starts_a_formula_whatever_the_separator(
    db: Database, tmp_path: Path, separator: str, quotes: bool
) -> None:
    with db.session() as s:
        for n, text in enumerate(ATTACKS):
            network.save_contact(s, network.ContactInput(name=f"C{n}", notes=text, company=text))
        export_csv(s, tmp_path / "out")
    raw = (tmp_path / "out" / "contacts.csv").read_bytes().decode("utf-8-sig")

    cells = _cells(raw, separator, quotes)

    dangerous = [c for c in cells if c.startswith(FORMULA_STARTS[:4])]
    assert dangerous == []
    assert len(cells) > len(ATTACKS)


def test_a_comma_reader_still_gets_the_text_back_behind_its_apostrophes(
    db: Database, tmp_path: Path
) -> None:
    with db.session() as s:
        network.save_contact(s, network.ContactInput(name="C", notes=ATTACKS[0]))
        export_csv(s, tmp_path / "out")
    raw = (tmp_path / "out" / "contacts.csv").read_bytes().decode("utf-8-sig")
    (row,) = csv.DictReader(io.StringIO(raw, newline=""))
    assert row["notes"] == "x;'=cmd|' /C calc'!A0;"


def test_empty_tables_are_written_with_their_header_row(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        result = export_csv(s, tmp_path)
    for name in result.counts:
        text = (tmp_path / f"{name}.csv").read_bytes().decode("utf-8-sig")
        assert text.strip(), f"{name}.csv is only a byte-order mark"
        header = next(csv.reader(io.StringIO(text)))
        assert tuple(header) == HEADERS[name]


def test_the_headers_name_every_column_the_export_writes(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.session() as s:
        fill_extras(s)
    with demo_db.session() as s:
        result = export_csv(s, tmp_path)
    from planner.exporters.csvdir import _flat, tables
    from planner.exporters.records import collect

    with demo_db.session() as s:
        found = tables(collect(s))
    for name, records in found.items():
        written = {k for r in records for k, v in _flat(r).items() if v is not None}
        assert written <= set(HEADERS[name]), name
        assert records, f"{name} is empty: fill it in backup_helpers.fill_extras"
    assert set(result.counts) == set(HEADERS)
