"""`planner export csv DIR`: one CSV file per kind of record, safe to open in a spreadsheet.

Files are UTF-8 with a byte-order mark and CRLF line ends, because that is what Excel needs to
show accented names correctly; LibreOffice and Python read them too. A text cell that begins
with =, +, -, @, a tab or a carriage return would run as a formula in a spreadsheet, so it gets
a leading apostrophe (shown as text, not evaluated). Numbers are written as numbers, so a
negative number stays a number. Lists (a contact's expertise) are joined with "; ", and a
role's phases, skills and salaries get files of their own.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from planner.exporters.files import ExportResult, write_files
from planner.exporters.records import SECTIONS, collect
from planner.services.errors import InputError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Parts of a role record written to files of their own, keyed by the role's slug.
ROLE_PARTS = ("phases", "skills", "salaries")


def cell(value: Any) -> Any:
    """A value as a spreadsheet-safe cell: numbers as they are, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):  # a milestone's phase: {role, order}
            flat.update({f"{key}_{k}": v for k, v in value.items()})
        elif value is None and key == "phase":
            flat.update({"phase_role": None, "phase_order": None})
        else:
            flat[key] = value
    return flat


def table(records: list[dict[str, Any]]) -> bytes:
    """Records as CSV bytes (BOM, header row, CRLF); the header is the union of their keys."""
    rows = [_flat(r) for r in records]
    header: dict[str, None] = {}
    for row in rows:
        header.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.writer(out)  # the excel dialect: CRLF line ends, quotes only where needed
    if header:
        writer.writerow(header)
    for row in rows:
        writer.writerow([cell(row.get(column)) for column in header])
    return out.getvalue().encode("utf-8-sig")


def tables(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The backup's sections as flat tables, file name (without .csv) to records."""
    result: dict[str, list[dict[str, Any]]] = {}
    for section in SECTIONS:
        value = document[section]
        records = [] if value is None else value if isinstance(value, list) else [value]
        if section == "roles":
            for part in ROLE_PARTS:
                result[f"role_{part}"] = [
                    {"role": r["slug"], **item} for r in records for item in r[part]
                ]
            records = [{k: v for k, v in r.items() if k not in ROLE_PARTS} for r in records]
        result[section] = records
    return result


def export_csv(session: Session, folder: Path) -> ExportResult:
    """Write every table into `folder` (created if missing), all files or none."""
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} is a file; choose a folder for the CSV files")
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create {folder}: {exc.strerror or exc}") from exc
    found = tables(collect(session))
    write_files({folder / f"{name}.csv": table(records) for name, records in found.items()})
    return ExportResult(folder, "CSV files", {name: len(rows) for name, rows in found.items()})
