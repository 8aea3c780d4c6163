"""Exports of the data file: a JSON backup, a folder of CSV files and an iCalendar file.

No Qt here: the command line and the app's File > Export call the same functions, each of which
reads in the caller's one transaction and writes its files atomically.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
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


#: The exports that hold the learning sessions, where a running timer's time would go.
WITH_SESSIONS = ("json", "csv")


def export(session: Session, kind: str, path: Path, today: dt.date) -> ExportResult:
    """Write one export of the data file, read in the caller's one transaction; one that holds
    the sessions says when a running timer's time is not in it yet."""
    result = _write(session, kind, path, today)
    if kind in WITH_SESSIONS:
        return replace(result, left_out=timer_left_out(session))
    return result


def timer_left_out(session: Session) -> str:
    """The running timer, as an export leaves it out: its time becomes a session once stopped,
    and a backup restored later would not have it. Empty when no timer runs."""
    from planner.services import timer

    current = timer.running(session)
    if current is None:
        return ""
    ran = timer.duration_text(current.seconds(timer.utc_now()))
    return (
        f"The timer running for {current.label()} ({ran} so far) is not in it: "
        "stop the timer to log its time, then export again."
    )


def _write(session: Session, kind: str, path: Path, today: dt.date) -> ExportResult:
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
