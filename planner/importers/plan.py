"""What every import shares: parse the whole file first, preview, then write all or nothing.

An importer turns a file into an `ImportPlan` without writing anything: rows it will add, rows
it will skip as duplicates of what the data file already holds, rows it leaves out on purpose
(empty rows, a LinkedIn row with no name) and rows it rejects, each with its row number and
the reason. The app shows the plan in a preview dialog and the command line prints it; only
then does `commit` write the additions in the caller's one transaction. Duplicates are decided
again at commit time, so importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Row:
    """One record of the file: its row (or card) number, a one-line label, and the parsed data."""

    number: int
    label: str
    data: Any = None
    #: Why a row is left out as already present (which contact or session it matches).
    reason: str = ""


@dataclass(frozen=True)
class Problem:
    """A row left out of the import, with the reason shown to the person."""

    number: int
    reason: str


@dataclass
class ImportPlan:
    """The preview of one import; `add` is written by `commit`, nothing else is."""

    source: str  # e.g. "LinkedIn connections"
    path: str
    kind: str  # what rows become: "contacts", "learning sessions", "records"
    add: list[Row] = field(default_factory=list)
    duplicates: list[Row] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)
    #: Rows imported with a change the person should know of (a LinkedIn member id in the
    #: email column dropped, a namesake told apart by company).
    notes: list[Problem] = field(default_factory=list)
    #: Names in the file a mapping can give a category (a calendar's, an event category's),
    #: each with the category it maps to now or "" (the calendar import's dialog offers them).
    mappable: dict[str, str] = field(default_factory=dict)
    #: Writes `add` into the session; set by the importer that built the plan.
    writer: Callable[[Session, list[Row]], int] | None = None
    #: What `Row.number` and `Problem.number` count, as the report names them: "line" for a
    #: CSV line (where the record starts, as an editor shows it), "card" for a vCard.
    unit: str = "row"

    @property
    def rows_read(self) -> int:
        return len(self.add) + len(self.duplicates) + len(self.skipped) + len(self.rejected)

    def summary(self) -> str:
        return (
            f"{self.source}: {len(self.add)} {self.kind} to add, "
            f"{len(self.duplicates)} already present, {len(self.skipped)} skipped, "
            f"{len(self.rejected)} rejected"
        )
