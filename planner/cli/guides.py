"""The guides' advice on the command line: the move from the current role to the target (in
`planner gap` and `planner role`), and the commands for certifications, portfolio, interview
preparation, career stage and networking habits. Kept apart from `main.py` so that file only
hooks these in."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.services.moves import Move
    from planner.storage.engine import Database


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


# -- commands -----------------------------------------------------------------------------------
def add_commands(sub: Any) -> None:
    p = sub.add_parser("advice", help="the guides' advice: stage, certifications, interviews...")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("certify", help="add a certification to your plan (activity + milestone)")
    p.add_argument("name", metavar="NAME")
    p = sub.add_parser("portfolio", help="your portfolio, or add an item to it")
    p.add_argument("title", nargs="?", metavar="TITLE", help="add (or update) this item")
    p.add_argument("--kind", default="project", help="project, repository, competition, ...")
    p.add_argument("--status", default="idea", help="idea, in_progress or done")
    p.add_argument("--link", default="", metavar="URL")
    p.add_argument("--skill", action="append", default=[], metavar="SKILL")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("interview", help="track the interview checklist as milestones")
    p = sub.add_parser("habit", help="take on a networking habit for this period")
    p.add_argument("key", metavar="KEY", help="meetup, community, conference or writing")


def _today() -> dt.date:
    return dt.date.today()


def cmd_advice(db: Database, args: argparse.Namespace) -> None:
    from planner.services import advice
    from planner.services.pitfalls import pitfall
    from planner.services.profile import profile_row

    today = _today()
    with db.session() as s:
        stage = advice.stage_advice(s)
        certs = advice.suggested_certifications(s)
        prep = advice.interview_prep(s)
        habits = advice.habits(s, today)
        trap = pitfall(s, today)
        target = profile_row(s).target_role
        ideas = advice.portfolio_ideas(target.slug if target else None)
    if args.json:
        print(
            json.dumps(
                {
                    "stage": {**asdict(stage.advice), "years": stage.years, "pay": stage.pay},
                    "certifications": [asdict(c) for c in certs],
                    "interview": {
                        "readiness": round(prep.readiness, 4),
                        "due": prep.due,
                        "started": prep.started,
                        "steps": [
                            {**asdict(i.step), "done_on": i.done_on and i.done_on.isoformat()}
                            for i in prep.items
                        ],
                    },
                    "habits": [_habit_json(h) for h in habits],
                    "portfolio_ideas": [asdict(i) for i in ideas],
                    "pitfall": asdict(trap) if trap else None,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    a = stage.advice
    print(f"Stage: {a.name} ({stage.years}, pay {stage.pay} a year)")
    print(f"  Essential: {', '.join(a.essential)}")
    for n, action in enumerate(a.actions, start=1):
        print(f"  {n}. {action}")
    if certs:
        print("Certifications:")
        for c in certs:
            mark = " (in your plan)" if c.added else ""
            print(f"  {c.name} — {c.provider or 'issuer not named'}: {c.why}{mark}")
    state = f"{prep.done} of {len(prep.items)} done" if prep.started else "not tracked yet"
    ready = "due" if prep.due else f"appears at {advice.INTERVIEW_READINESS:.0%} readiness"
    print(f"Interview preparation: {state} ({ready})")
    for h in habits:
        taken = "done" if h.done_on else ("taken on" if h.milestone_id else "not taken on")
        when = f" ({h.period})" if h.period else ""
        print(f"  habit {h.habit.key}: {h.habit.title}{when} — {taken}")
    if trap:
        print(f"Pitfall: {trap.title}. {trap.advice}")


def _habit_json(h: Any) -> dict[str, Any]:
    return {
        **asdict(h.habit),
        "period_name": h.period,
        "taken": h.milestone_id is not None,
        "done_on": h.done_on and h.done_on.isoformat(),
    }


def cmd_certify(db: Database, args: argparse.Namespace) -> None:
    from planner.services.advice import add_certification

    with db.session() as s:
        add_certification(s, args.name, _today())
    print(f"{args.name}: added as a learning activity (certification) and a milestone")


def cmd_portfolio(db: Database, args: argparse.Namespace) -> None:
    from planner.services import portfolio

    with db.session() as s:
        if args.title:
            existing = {r.title.casefold(): r.id for r in portfolio.portfolio(s)}
            portfolio.save_item(
                s,
                args.title,
                kind=args.kind,
                status=args.status,
                link=args.link,
                skills=args.skill,
                item_id=existing.get(args.title.strip().casefold()),
            )
        rows = portfolio.portfolio(s)
    if args.json:
        print(json.dumps([asdict(r) for r in rows], indent=2, ensure_ascii=False))
        return
    for r in rows:
        print(f"{r.title:<40} {r.kind:<12} {r.status:<12} {', '.join(r.skills)}  {r.link}")
    done = sum(1 for r in rows if r.status == "done")
    print(f"{len(rows)} items, {done} finished (the guides suggest three to five projects)")


def cmd_interview(db: Database, args: argparse.Namespace) -> None:
    from planner.services.advice import start_interview_prep

    with db.session() as s:
        added = start_interview_prep(s)
    print(f"Interview preparation: {added} steps added as milestones")


def cmd_habit(db: Database, args: argparse.Namespace) -> None:
    from planner.services.advice import take_on_habit

    with db.session() as s:
        take_on_habit(s, args.key, _today())
    print(f"Networking habit {args.key}: added as a milestone for this period")


COMMANDS: dict[str, Callable[[Database, argparse.Namespace], None]] = {
    "advice": cmd_advice,
    "certify": cmd_certify,
    "portfolio": cmd_portfolio,
    "interview": cmd_interview,
    "habit": cmd_habit,
}
