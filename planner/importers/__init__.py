"""Imports from other programs: which kinds exist, a preview of what a file would change, and
the commit that writes it.

Each kind's module is imported only when that kind is used, so neither the command line nor the
window pays for parsers it does not run. Every kind's `plan(session, path)` parses the whole
file and returns an `ImportPlan` without writing; `commit` writes the plan's additions in the
caller's transaction, deciding duplicates again against the data as it is by then.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from planner.importers.plan import ImportPlan, Problem, Row
from planner.services.errors import unknown

__all__ = [
    "KINDS",
    "ImportKind",
    "ImportPlan",
    "Problem",
    "Row",
    "commit",
    "preview",
]


@dataclass(frozen=True)
class ImportKind:
    name: str  # as typed on the command line
    title: str  # as the import dialog lists it
    module: str
    function: str
    file_filter: str  # for the file chooser
    #: The questions a file of this kind may ask (`ChoiceNeeded.option`), as `preview` takes
    #: them: the day order and the person of a time report, a calendar's mapping.
    options: tuple[str, ...] = ()


KINDS: dict[str, ImportKind] = {
    kind.name: kind
    for kind in (
        ImportKind(
            "linkedin",
            "LinkedIn connections (Connections.csv)",
            "planner.importers.linkedin",
            "plan",
            "CSV files (*.csv)",
        ),
        ImportKind(
            "vcard",
            "Contacts as vCard (Google, Apple, Outlook)",
            "planner.importers.vcard",
            "plan",
            "vCard files (*.vcf *.vcard)",
        ),
        ImportKind(
            "toggl",
            "Toggl Track detailed report (CSV)",
            "planner.importers.timesheets",
            "plan_toggl",
            "CSV files (*.csv)",
            ("day_first", "user"),
        ),
        ImportKind(
            "clockify",
            "Clockify detailed report (CSV)",
            "planner.importers.timesheets",
            "plan_clockify",
            "CSV files (*.csv)",
            ("day_first", "user"),
        ),
        ImportKind(
            "ics",
            "Calendar (.ics from Google, Outlook, Apple) as week hours",
            "planner.importers.ics",
            "plan",
            "Calendar files (*.ics *.ical)",
            ("mapping", "today"),
        ),
        ImportKind(
            "json",
            "Career Planner JSON backup",
            "planner.importers.jsonfile",
            "plan",
            "Career Planner JSON (*.json)",
        ),
    )
}


def preview(session: Session, kind: str, path: str | Path, **options: Any) -> ImportPlan:
    """Parse the whole file and say what importing it would do; writes nothing. `options` are
    the answers to the kind's questions (see `ImportKind.options`); others are ignored, so a
    caller can pass the same answers to every kind."""
    if kind not in KINDS:
        raise unknown("import kind", kind, KINDS)
    spec = KINDS[kind]
    plan = getattr(importlib.import_module(spec.module), spec.function)
    answers = {k: v for k, v in options.items() if k in spec.options and v is not None}
    return plan(session, path, **answers)


def commit(session: Session, plan: ImportPlan) -> int:
    """Write the plan's additions in the caller's transaction; returns how many were written
    (fewer than planned when some became duplicates since the preview). Refused (InputError,
    and the caller's transaction rolls back) if it takes a day past 24 hours or a week past 168
    that was not already."""
    from planner.services.limits import excess, refuse_new_excess

    if plan.writer is None:
        raise ValueError(f"the plan for {plan.path} has no writer")
    before = excess(session)
    written = plan.writer(session, plan.add)
    refuse_new_excess(session, before)
    return written
