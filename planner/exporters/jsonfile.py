"""The JSON backup: everything the person owns, versioned, restorable into any data file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from planner.exporters.files import ExportResult, write_file
from planner.exporters.records import FORMAT, VERSION, collect, counts
from planner.storage.probe import SCHEMA_REVISION


def backup_document(session: Session, now: dt.datetime | None = None) -> dict[str, Any]:
    """The header (format, version, schema revision, when) followed by every section."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": SCHEMA_REVISION,
        "exported_at": stamp.isoformat().replace("+00:00", "Z"),
        **collect(session),
    }


def export_json(session: Session, path: Path, now: dt.datetime | None = None) -> ExportResult:
    document = backup_document(session, now)
    text = json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    write_file(path, text.encode("utf-8"))
    return ExportResult(path, "JSON backup", counts(document))
