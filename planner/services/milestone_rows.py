"""Milestones as rows: the target role's phases plus the person's own, with due and done dates.

Plain SQL (see `planner.services.sql`): the dashboard lists the next ones on its first paint.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.services.sql import Reader, date, reader, rows


@dataclass(frozen=True)
class MilestoneRow:
    id: int
    title: str
    kind: str
    due_on: dt.date | None
    done_on: dt.date | None
    notes: str
    skills: tuple[str, ...]
    #: The role phase a phase milestone stands for (kept so an undone delete restores it).
    phase_id: int | None = None

    def overdue(self, today: dt.date) -> bool:
        return self.done_on is None and self.due_on is not None and self.due_on < today


@reader
def milestones(db: Reader, *, open_only: bool = False) -> list[MilestoneRow]:
    """Every milestone, dated ones first by due date; read as plain columns (two queries, no ORM
    objects), since the roadmap lists them all on each refresh."""
    found = rows(
        db,
        "SELECT id, title, kind, due_on, done_on, notes, role_phase_id FROM milestone"
        + (" WHERE done_on IS NULL" if open_only else "")
        + " ORDER BY due_on IS NULL, due_on, id",
    )
    linked: dict[int, list[str]] = {}
    for milestone_id, name in rows(
        db,
        "SELECT ms.milestone_id, s.name FROM milestone_skill ms JOIN skill s ON s.id = ms.skill_id"
        " ORDER BY ms.milestone_id, ms.skill_id",
    ):
        linked.setdefault(milestone_id, []).append(name)
    return [
        MilestoneRow(i, title, kind, date(due), date(done), notes, tuple(linked.get(i, ())), phase)
        for i, title, kind, due, done, notes, phase in found
    ]
