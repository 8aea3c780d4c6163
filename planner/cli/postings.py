"""`planner posting FILE` and `planner postings`: readiness for a job posting, saved postings
side by side. Hooked into `planner.cli.main` with a few lines; same rules (bad input exits 2
with one line, nothing written; one transaction per command)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from planner.wording import hours_text

if TYPE_CHECKING:
    from planner.services.postings import Comparison, PostingReport
    from planner.storage.engine import Database


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("posting", help="how ready you are for a job posting (.txt, .html, .pdf)")
    p.add_argument("file", metavar="FILE", help="the saved posting; - reads pasted text from stdin")
    p.add_argument("--json", action="store_true")
    p.add_argument("--save", metavar="NAME", help="keep the posting as a target under NAME")
    p.add_argument(
        "--plan", action="store_true", help="add its gap skills to your skills and a milestone"
    )
    p = sub.add_parser("postings", help="your saved postings; compare or delete them")
    p.add_argument("--compare", nargs="+", metavar="NAME", help="two or more, side by side")
    p.add_argument("--delete", metavar="NAME")
    p.add_argument("--json", action="store_true")


def _read(file: str) -> tuple[str, str]:
    """(text, source) from a file, or from stdin for "-"."""
    from planner.services.posting_text import read_posting

    if file == "-":
        return sys.stdin.read(), "pasted"
    path = Path(file).expanduser()
    return read_posting(path), path.name


def cmd_posting(db: Database, args: argparse.Namespace) -> None:
    from planner.cli.main import _print_json
    from planner.services import postings

    text, source = _read(args.file)  # read (and refuse) before the data file is touched
    postings.check_text(text)
    if args.save is not None:
        postings.check_name(args.save)
    today = dt.date.today()
    change = None
    with db.session() as s:
        if args.save is not None:
            report = postings.save_posting(s, args.save, text, today, source)
        else:
            report = postings.analyse(s, text, source=source)
        if args.plan:
            change = postings.add_gaps_to_plan(s, report, today)
    if args.json:
        data = postings.report_json(report)
        data["plan"] = (
            None
            if change is None
            else {"milestone": change.milestone, "tracked": change.tracked, "gap": change.gap}
        )
        _print_json(data)
        return
    print_report(report)
    if args.save is not None:
        print(f"Saved as {report.name!r}.")
    if change is not None:
        added = f"; now tracking {', '.join(change.tracked)}" if change.tracked else ""
        print(f"Added {len(change.gap)} gap skills to the milestone {change.milestone!r}{added}.")


def print_report(report: PostingReport) -> None:
    from planner.services.readiness import IMPORTANCE_ORDER

    met = len(report.skills) - len(report.gaps)
    print(
        f"{report.label}: {report.score:.0%} ready ({met}/{len(report.skills)} skills, "
        f"{len(report.required)} required, {len(report.nice)} nice to have; "
        f"{hours_text(report.remaining_hours)} to go)"
    )
    if not report.skills:
        print("  No catalog skills found in this posting.")
    for s in sorted(report.skills, key=lambda s: (IMPORTANCE_ORDER[s.item.importance], s.met)):
        state = "met" if s.met else hours_text(s.item.remaining_hours)
        level = f"level {s.item.level} of {s.item.required_level}"
        need = "required" if s.need == "required" else "nice"
        print(f"  {need:<9}{s.skill:<36} {level:<12} {state:<7} ({s.evidence})")


def cmd_postings(db: Database, args: argparse.Namespace) -> None:
    from planner.cli.main import _print_json
    from planner.services import postings
    from planner.services.errors import InputError

    if args.delete is not None and args.compare:
        raise InputError("use --compare or --delete, not both")
    with db.session() as s:
        if args.delete is not None:
            (gone,) = postings.delete_postings(s, [args.delete])
            print(f"Deleted the saved posting {gone!r}.")
            return
        if args.compare:
            table = postings.compare(s, args.compare)
            if args.json:
                _print_json(comparison_json(table))
            else:
                print_comparison(table)
            return
        found = postings.saved_postings(s)
    if args.json:
        _print_json([postings.report_json(r) for r in found])
        return
    if not found:
        print("No saved postings yet: planner posting FILE --save NAME keeps one.")
    for r in found:
        gaps = f"{len(r.gaps)} gaps, {hours_text(r.remaining_hours)}"
        print(
            f"{r.label:<32} {r.score:>4.0%} ready  {len(r.required):>2} required  "
            f"{len(r.nice):>2} nice  {gaps:<16} {r.title}"
        )


def comparison_json(table: Comparison) -> dict:
    from planner.services import postings

    return {
        "postings": [postings.report_json(r) for r in table.postings],
        "skills": [
            {
                "skill": row.skill,
                "category": row.category,
                "level": row.level,
                "asked": {
                    r.label: {"need": need, "required_level": level}
                    for r, need, level in zip(
                        table.postings, row.needs, row.required_levels, strict=True
                    )
                    if need is not None
                },
            }
            for row in table.rows
        ],
    }


def print_comparison(table: Comparison) -> None:
    width = max(12, *(len(r.label) for r in table.postings))
    width = min(width, 24)
    head = "".join(f"{r.label[:width]:>{width + 2}}" for r in table.postings)
    print(f"{'':<36}{'you':>5}{head}")
    print(
        f"{'readiness':<36}{'':>5}" + "".join(f"{r.score:>{width + 1}.0%} " for r in table.postings)
    )
    for row in table.rows:
        cells = "".join(
            f"{(f'{need} {level}' if need else '-'):>{width + 2}}"
            for need, level in zip(row.needs, row.required_levels, strict=True)
        )
        print(f"{row.skill[:35]:<36}{row.level:>5}{cells}")


COMMANDS = {"posting": cmd_posting, "postings": cmd_postings}
