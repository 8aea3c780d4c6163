"""`planner import json FILE`: restore the app's own backup (planner/exporters/jsonfile.py).

The backup refers to rows by natural keys, so it restores into any data file. Three kinds of
section are merged differently, and the same rules decide again at commit time, so importing a
file twice adds nothing:
- named records (skills, contacts, activities, a week's hours ...) are added unless a row with
  the same name already exists (names compare as the data file does, ignoring ASCII case);
- records without a name (sessions, interactions, assessments, milestones) are counted: when the
  file holds three identical sessions and the data file two, one is added;
- settings (profile, targets, required levels, a skill's hours per level) take the backup's value
  when it differs, and the preview lists each such change.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from planner.exporters.records import FORMAT, SECTIONS, VERSION
from planner.importers.json_fields import BadRecord, Fields
from planner.importers.json_merge import COUNTED, KEYS, Existing, Item
from planner.importers.json_readers import READERS
from planner.importers.json_writer import write
from planner.importers.plan import ImportPlan, Problem, Row
from planner.services.errors import ImportFileError
from planner.wording import hours_text

SOURCE = "Career Planner backup"


def _label(item: Item) -> str:
    r = item.record
    named = r.get("name") or r.get("title") or r.get("slug")
    if item.section == "profile":
        return f"profile of {r['display_name']!r}" if r["display_name"] else "profile"
    if item.section == "balance_targets":
        return f"{r['category']} target {hours_text(r['hours'])}/week"
    if item.section == "required_levels":
        return f"{r['role']}: {r['skill']} required level {r['required_level']}"
    if named:
        return repr(named)
    parts = [str(v) for v in r.values() if isinstance(v, str | int | float) and v != ""]
    return ", ".join(parts[:4])


# -- the file as a whole ------------------------------------------------------------------------
def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def load(path: Path) -> dict[str, Any]:
    """The parsed backup, or ImportFileError saying why the file cannot be one."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"{path} cannot be read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{path} is not UTF-8 text (byte {exc.start})") from exc
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(f"{path} is not valid JSON ({exc})") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFileError(
            f'{path} is not a Career Planner backup (no "format": "{FORMAT}"). '
            "Choose a file made with File > Export or 'planner export json'."
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportFileError(f"{path} has no valid format version (found {version!r})")
    if version > VERSION:
        raise ImportFileError(
            f"{path} was written by a newer Career Planner (backup format {version}; this "
            f"version reads {VERSION}). Update the app to import it; nothing was written."
        )
    for section in SECTIONS:
        value = document.get(section)
        wanted = dict if section == "profile" else list
        if value is not None and not isinstance(value, wanted):
            kind = "a record" if wanted is dict else "a list of records"
            raise ImportFileError(f"{path}: {section!r} must be {kind}; nothing was written")
    return document


def _records(document: dict[str, Any], section: str) -> Iterator[tuple[int, Any]]:
    value = document.get(section)
    if value is None:
        return
    yield from enumerate([value] if section == "profile" else value, start=1)


def plan(session: Session, path: str | Path) -> ImportPlan:
    """Read the whole backup and decide, record by record, what an import would do."""
    path = Path(path)
    document = load(path)
    result = ImportPlan(SOURCE, str(path), "records", writer=write, unit="record")
    known = Existing(session)
    number = 0
    for section in SECTIONS:
        seen: dict[Any, int] = {}
        occurrences: Counter = Counter()
        for position, raw in _records(document, section):
            number += 1
            where = f"{section} #{position}"
            try:
                record = READERS[section](Fields(raw), known)
                key = KEYS[section](record)
                if section not in COUNTED and key in seen:
                    raise BadRecord(f"repeats {section} #{seen[key]}")
            except BadRecord as exc:
                result.rejected.append(Problem(number, f"{where}: {exc}"))
                continue
            seen.setdefault(key, position)
            occurrences[key] += 1
            item = Item(section, record, key, occurrences[key])
            row = Row(number, f"{where}: {_label(item)}", item)
            (result.add if known.wanted(item) else result.duplicates).append(row)
            known.note(item)
    return result
