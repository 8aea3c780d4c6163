"""When each phase of a role's learning path runs: the one home of the rule.

The guides give each phase a window such as "Foundation 6–9 months, Core 9–15, Specialization
15–24": months counted from the start by which the phase is over. So the phases run one after
another from month 0, and each ends inside its window, at the window's last month (the plan's
deadline for it). An open-ended phase ("24+ months") has no end when it is the last; followed by
another phase it ends at its earliest month, where the next begins. A phase never ends before it
starts, whatever the windows say. The seed keeps its windows unchanged; this reads them.

Pure arithmetic over (earliest, latest) month pairs, so the milestones (`profile`), the timeline
(`progress`) and any plain-SQL reader lay the plan out the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from planner.services.weeks import add_months

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
