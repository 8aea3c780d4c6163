"""The guides' advice on the command line: the move from the current role to the target (in
`planner gap` and `planner role`), and the commands for certifications, portfolio, interview
preparation, career stage and networking habits. Kept apart from `cli.py` so that file only
hooks these in."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.services.moves import Move


def move_json(m: Move) -> dict[str, Any]:
    low, high = m.months
    return {
        "current": m.current,
        "target": m.target,
        "direct": m.direct,
        "between": list(m.between),
        "months_min": low,
        "months_max": high,
        "duration": m.duration,
        "summary": m.summary,
        "steps": [asdict(s) for s in m.steps],
        "skills": [{**asdict(s), "met": s.met} for s in m.skills],
        "brings": list(m.brings),
    }


def print_move(m: Move) -> None:
    """The move as advice: route and duration, each step's note, the skills it needs, and what
    the current role already brings."""
    print(f"  Move: {m.summary}")
    for step in m.steps:
        when = ""
        if step.months_min is not None or step.months_max is not None:
            low = step.months_min if step.months_min is not None else ""
            when = f" ({low}{'–' if low != '' else 'up to '}{step.months_max or ''} months)"
        print(f"    {step.label}{when}: {step.note}" if step.note else f"    {step.label}{when}")
    for s in m.skills:
        mark = "met" if s.met else f"level {s.level} of {s.required_level}"
        print(f"    needs {s.name} ({mark})")
    if m.brings:
        print(f"    Your current role already brings: {', '.join(m.brings)}")
