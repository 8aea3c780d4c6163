"""`planner export csv DIR`: one CSV file per kind of record, safe to open in a spreadsheet.

Files are UTF-8 with a byte-order mark and CRLF line ends, because that is what Excel needs to
show accented names correctly; LibreOffice and Python read them too. A text cell that begins
with =, +, -, @, a tab or a carriage return would run as a formula in a spreadsheet, so it gets
a leading apostrophe (shown as text, not evaluated). A spreadsheet may also split on another
separator than the comma (most European locales use `;`), so the same goes for a formula start
after a `;`, `,`, tab or line break inside the text (OWASP's advice), and every text field is
quoted. Numbers are written as numbers, so a negative number stays a number. Lists (a contact's
expertise) are joined with "; ", and a role's phases, skills and salaries get files of their
own. Every file has its header row, even when its table is empty.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from planner.exporters.files import ExportResult, write_files
from planner.exporters.records import SECTIONS, collect
from planner.services.errors import InputError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: A formula start after a separator some spreadsheet may split the cell at (spaces between).
_AFTER_SEPARATOR = re.compile(r"([;,\t\r\n] *)(?=[=+\-@\t\r])")
#: Each file's columns, so an empty table still has its header row (a test keeps these equal
#: to what `records.collect` writes).
HEADERS: dict[str, tuple[str, ...]] = {
    "skills": ("name", "category", "hours_per_level", "source"),
    "role_phases": ("role", "order", "name", "earliest_month", "latest_month", "focus"),
    "role_skills": ("role", "skill", "importance", "required_level", "level_edited", "phase"),
    "role_salaries": ("role", "level", "min_usd", "max_usd", "source_year"),
    "roles": ("slug", "title", "track", "stage", "summary", "responsibilities", "catalog_version"),
    "profile": (
        "display_name", "current_role", "target_role", "career_stage", "plan_start",
        "annual_learning_goal", "monthly_contact_goal",
    ),
    "balance_targets": ("category", "hours"),
    "required_levels": ("role", "skill", "required_level"),
    "user_skills": ("skill", "level", "updated_on"),
    "skill_assessments": ("skill", "assessed_on", "level"),
    "learning_activities": (
        "title", "kind", "provider", "url", "planned_hours_per_month", "priority", "status",
        "start_date", "target_date", "estimated_hours", "notes", "skills",
    ),
    "learning_sessions": ("activity", "date", "hours", "note"),
    "week_hours": ("week_start", "category", "hours"),
    "contacts": (
        "name", "relationship", "company", "position", "industry", "email", "phone", "url",
        "cadence_days", "connected_on", "notes", "expertise",
    ),
    "interactions": ("contact", "date", "channel", "note", "follow_up_on"),
    "milestones": (
        "title", "kind", "phase_role", "phase_order", "due_on", "done_on", "notes", "skills",
    ),
    "weekly_reviews": ("week_start", "reflection"),
    "calendar_map": ("name", "category"),
    "portfolio": ("title", "kind", "link", "status", "notes", "skills"),
    "saved_postings": ("name", "text", "source", "saved_on"),
}  # fmt: skip
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
    text = _AFTER_SEPARATOR.sub(r"\1'", str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):  # a milestone's phase: {role, order}
            flat.update({f"{key}_{k}": v for k, v in value.items()})
        else:
            flat[key] = value
    return flat


def table(records: list[dict[str, Any]], header: tuple[str, ...]) -> bytes:
    """Records as CSV bytes (BOM, header row, CRLF), text quoted, numbers bare."""
    out = io.StringIO()
    # The excel dialect (CRLF line ends), quoting every field that is not a number.
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(header)
    for row in map(_flat, records):
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
    write_files(
        {folder / f"{name}.csv": table(records, HEADERS[name]) for name, records in found.items()}
    )
    return ExportResult(folder, "CSV files", {name: len(rows) for name, rows in found.items()})
