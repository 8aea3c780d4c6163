"""An import plan as the person reads it: counts first, then each row left out and why.

The command line prints this; the import dialog shows the same `ImportPlan.summary()` above its
table, so the two never describe one file differently. Long lists are capped: a 50,000-row file
with a systematic problem should say so in a screenful, not scroll for minutes.
"""

from __future__ import annotations

from typing import Any

from planner.importers.plan import ImportPlan, Problem

#: Problems listed per kind (skipped, rejected) before "… and N more".
SHOWN = 20


def lines(plan: ImportPlan, shown: int = SHOWN) -> list[str]:
    """The plan as text lines: a heading with the counts, then rejected and skipped rows."""
    out = [plan.summary(), f"  read from {plan.path}"]
    already = [
        Problem(r.number, f"{r.label}: {r.reason or 'already present'}") for r in plan.duplicates
    ]
    for title, problems in (
        ("Rejected", plan.rejected),
        ("Skipped", plan.skipped),
        ("Already present", already),
        ("Imported with a change", plan.notes),
    ):
        if problems:
            out.append(f"{title}:")
            out.extend(f"  {plan.unit} {p.number}: {p.reason}" for p in problems[:shown])
            if len(problems) > shown:
                out.append(f"  … and {len(problems) - shown} more (--json lists every one)")
    return out


def _problems(problems: list[Problem]) -> list[dict[str, Any]]:
    return [{"number": p.number, "reason": p.reason} for p in problems]


def as_json(plan: ImportPlan, written: int | None) -> dict[str, Any]:
    """Everything in the plan, uncapped, for scripts; `written` is None on a dry run."""
    return {
        "source": plan.source,
        "path": plan.path,
        "kind": plan.kind,
        "unit": plan.unit,
        "add": len(plan.add),
        "duplicates": len(plan.duplicates),
        "skipped": _problems(plan.skipped),
        "rejected": _problems(plan.rejected),
        "already_present": [
            {"number": r.number, "record": r.label, "reason": r.reason or "already present"}
            for r in plan.duplicates
        ],
        "notes": _problems(plan.notes),
        "written": written,
    }
