"""Exports of the data file: a JSON backup, a folder of CSV files and an iCalendar file.

No Qt here: the command line and the app's File > Export call the same functions, each of which
reads in the caller's one transaction and writes its files atomically.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session

from planner.exporters.files import ExportResult

#: What each format writes, as the command line and the export dialog name it.
FORMATS = {
    "json": "JSON backup (.json)",
    "csv": "CSV folder",
    "ics": "Calendar (.ics)",
    "vcard": "Contacts (.vcf)",
}


def export(session: Session, kind: str, path: Path, today: dt.date) -> ExportResult:
    """Write one export of the data file, read in the caller's one transaction."""
    if kind == "json":
        from planner.exporters.jsonfile import export_json

        return export_json(session, path)
    if kind == "csv":
        from planner.exporters.csvdir import export_csv

        return export_csv(session, path)
    if kind == "ics":
        from planner.exporters.ics import export_ics

        return export_ics(session, path, today)
    if kind == "vcard":
        from planner.exporters.vcard import export_vcard

        return export_vcard(session, path)
    raise ValueError(f"unknown export format {kind!r}")
