"""The roadmap: the target role's phases and the milestones, with when each phase runs.

When each phase runs is one rule. The guides give each phase a window such as "Foundation 6–9
months, Core 9–15, Specialization 15–24": months counted from the start by which the phase is
over. So the phases run one after another from month 0, and each ends inside its window, at the
window's last month (the plan's deadline for it). An open-ended phase ("24+ months") has no end
when it is the last; followed by another phase it ends at its earliest month, where the next
begins. A phase never ends before it starts, whatever the windows say. The seed keeps its windows
unchanged; this reads them, as pure arithmetic over (earliest, latest) month pairs, so the phase
milestones (`profile.set_target_role`), the timeline (`readiness.plan_timeline`) and any
plain-SQL reader lay the plan out the same way.

Milestones are the target role's phases plus the person's own, with due and done dates. The list
is plain SQL (`@reader`, see `planner.services.sql`): the dashboard shows the next ones on its
first paint, before SQLAlchemy has loaded. So the writes import the models inside themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.services.errors import InputError, existing
from planner.services.sql import Reader, date, reader, rows
from planner.services.weeks import add_months
from planner.vocabulary import MILESTONE_KINDS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner.models import Milestone

#: (earliest_month, latest_month or None), as the seed and `role_phase` hold them.
Window = tuple[int, int | None]


def phase_months(windows: Sequence[Window]) -> list[tuple[int, int | None]]:
    """(start month, end month or None) of each phase, in order, from month 0."""
    spans: list[tuple[int, int | None]] = []
    start = 0
    for i, (earliest, latest) in enumerate(windows):
        if latest is not None:
            end: int | None = max(latest, start)
        elif i < len(windows) - 1:
            end = max(earliest, start)
        else:
            end = None
        spans.append((start, end))
        if end is not None:
            start = end
    return spans


def window_text(earliest: int, latest: int | None) -> str:
    """The guide's window for a phase's end, as people say it: '6–9 months', '24+ months'."""
    if latest is None:
        return f"{earliest}+ months"
    return f"{earliest}–{latest} months"


def phase_date(start: dt.date, months: int) -> dt.date | None:
    """`start` moved by `months`, or None past the calendar's last year: a plan start read from
    an old or foreign file may lie far out, and a plan laid out from it must not crash."""
    if start.year + (start.month - 1 + months) // 12 > dt.MAXYEAR:
        return None
    return add_months(start, months)


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


def save_milestone(
    session: Session,
    title: str,
    *,
    kind: str = "custom",
    due_on: dt.date | None = None,
    notes: str = "",
    skills: tuple[str, ...] = (),
    milestone_id: int | None = None,
) -> int:
    from planner.models import Milestone
    from planner.services.skills import find_skills

    if not title.strip():
        raise InputError("a milestone needs a title")
    if kind not in MILESTONE_KINDS:
        raise InputError(f"unknown milestone kind {kind!r}; use {', '.join(MILESTONE_KINDS)}")
    milestone = Milestone() if milestone_id is None else _get(session, milestone_id)
    linked = find_skills(session, skills)
    milestone.title, milestone.kind, milestone.due_on, milestone.notes = (
        title.strip(),
        kind,
        due_on,
        notes,
    )
    milestone.skills = linked
    session.add(milestone)
    session.flush()
    return milestone.id


def set_done(session: Session, milestone_id: int, done_on: dt.date | None) -> None:
    """Complete a milestone on a date, or reopen it with None."""
    _get(session, milestone_id).done_on = done_on
    session.flush()


def delete_milestone(session: Session, milestone_id: int) -> None:
    """Delete a milestone (its skills links go with it)."""
    session.delete(_get(session, milestone_id))
    session.flush()


def _get(session: Session, milestone_id: int) -> Milestone:
    from planner.models import Milestone

    return existing(session, Milestone, milestone_id, "milestone")
