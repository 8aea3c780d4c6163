"""The command line: `planner SUBCOMMAND ...`, printing text or --json.

Input is checked before the data file is touched, and each command is one transaction, so bad
input exits 2 with a one-line message and writes nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from planner.cli import datafile, guides, newfile, postings, profile, timer
from planner.services.errors import ChoiceNeeded, ImportFileError, InputError, check_hours
from planner.services.weeks import parse_date, parse_week, week_label, week_start
from planner.storage.errors import DataFileError
from planner.storage.location import data_file
from planner.wording import counted, hours_text

if TYPE_CHECKING:
    from planner.services.balance import WeekBalance
    from planner.services.roles import RoleInfo
    from planner.storage.engine import Database

# Each command imports the services it uses: a command pays only for its own (start-up is most
# of a command's time, and what `planner demo` imports alone would slow every other command).

EXIT_OK, EXIT_FILE, EXIT_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line naming the problem (and still exit 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_INPUT, f"{self.prog}: {message}\n")


def _arg(convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """Wrap a converter so InputError reads as an argparse error (one line, exit 2)."""

    def parse(text: str) -> Any:
        try:
            return convert(text)
        except InputError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = convert.__name__
    return parse


def _hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"hours must be a number, not {text!r}") from None
    return check_hours(value)


def _level(text: str) -> int:
    from planner.services.skills import check_level

    return check_level(text)


def _years(text: str) -> int:
    from planner.services.demo import check_years

    return check_years(text)


def _assignment(text: str) -> tuple[str, float]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise InputError(f"expected CATEGORY=HOURS, e.g. work=42, not {text!r}")
    try:
        return name.strip().lower(), float(value)
    except ValueError:
        raise InputError(f"hours for {name} must be a number, not {value!r}") from None


def _mapping(text: str) -> tuple[str, str]:
    from planner.importers.ics import check_mapping

    name, sep, category = text.rpartition("=")
    if not sep or not name.strip():
        raise InputError(f"expected NAME=CATEGORY, e.g. Gym=exercise, not {text!r}")
    try:
        return next(iter(check_mapping({name: category}).items()))
    except ValueError as exc:
        raise InputError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="planner", description="Career Planner: your AI/ML career, planned.")
    parser.add_argument("--db", metavar="PATH", help="data file (default: $PLANNER_DB or yours)")
    parser.add_argument("--screenshot", metavar="OUT.png", help="save a page as PNG and exit")
    parser.add_argument("--page", default="dashboard", help="page for --screenshot")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    p = sub.add_parser("log", help="log learning hours")
    p.add_argument("hours", type=_arg(_hours), metavar="HOURS")
    p.add_argument("--activity", metavar="TITLE")
    p.add_argument("--date", type=_arg(parse_date), metavar="YYYY-MM-DD")
    p.add_argument("--note", default="", metavar="TEXT")

    p = sub.add_parser("hours", help="set a week's work, exercise, social and rest hours")
    p.add_argument("--week", type=_arg(parse_week), metavar="YYYY-Www")
    p.add_argument("values", nargs="+", type=_arg(_assignment), metavar="CATEGORY=HOURS")

    p = sub.add_parser("targets", help="show or set weekly targets")
    p.add_argument("values", nargs="*", type=_arg(_assignment), metavar="CATEGORY=HOURS")

    p = sub.add_parser("week", help="a week's balance against targets")
    p.add_argument("--week", type=_arg(parse_week), metavar="YYYY-Www")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("roles", help="list the roles of the catalog")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("role", help="one role in full")
    p.add_argument("slug", metavar="SLUG")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("target", help="choose your target role")
    p.add_argument("slug", metavar="SLUG")
    p = sub.add_parser("skill", help="set your level in a skill (0 none .. 5 expert)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("level", type=_arg(_level), metavar="LEVEL")
    p = sub.add_parser("gap", help="readiness and gap list for the target role")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("contacts", help="your contacts and who is due a follow-up")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("export", help="a JSON backup, CSV files, a calendar or contacts as vCards")
    p.add_argument("format", choices=("json", "csv", "ics", "vcard"), metavar="FORMAT")
    p.add_argument("path", metavar="PATH", help="the file to write (a folder for csv)")
    p = sub.add_parser("import", help="import another program's export (previewed, all or nothing)")
    p.add_argument("kind", metavar="KIND", help="linkedin, vcard, toggl, clockify, ics or json")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="print what would change; write nothing")
    p.add_argument("--json", action="store_true")
    order = p.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first",
        dest="day_first",
        action="store_true",
        default=None,
        help="a time report's dates are DD/MM (when the report cannot tell)",
    )
    order.add_argument(
        "--month-first",
        dest="day_first",
        action="store_false",
        help="a time report's dates are MM/DD (when the report cannot tell)",
    )
    p.add_argument("--user", metavar="NAME", help="whose entries of a team time report to import")
    p.add_argument(
        "--map",
        type=_arg(_mapping),
        action="append",
        metavar="NAME=CATEGORY",
        help="count a calendar or event category as work, exercise, social or rest",
    )
    p = sub.add_parser("demo", help="fill a new data file with a demo profile")
    p.add_argument(
        "--years",
        type=_arg(_years),
        default=2,
        metavar="YEARS",
        help="2 (default) for the demo shown in the screenshots; 10 for a heavy daily-learner file",
    )
    profile.add_command(sub, _arg)
    timer.add_command(sub)
    datafile.add_commands(sub)
    newfile.add_commands(sub)
    guides.add_commands(sub)  # advice, certify, portfolio, interview, habit
    postings.add_commands(sub)
    return parser


def _print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, default=str, ensure_ascii=False))


def _warn_date(command: str, day: dt.date, what: str | None = None) -> None:
    """A date in the future or over a year back is taken (it was typed with --date or --week)
    but said on stderr, where a slip of the year shows."""
    from planner.services.weeks import date_warning

    warning = date_warning(day, dt.date.today(), what)
    if warning:
        print(f"planner {command}: warning: {warning}", file=sys.stderr)


def cmd_log(db: Database, args: argparse.Namespace) -> None:
    from planner.services import learning

    day = args.date or dt.date.today()
    _warn_date(args.command, day)
    with db.session() as s:
        row = learning.log_session(s, args.hours, day, args.activity, args.note)
    activity = f" for {row.activity}" if row.activity else ""
    print(f"Logged {hours_text(row.hours)} on {row.date}{activity}")


def cmd_hours(db: Database, args: argparse.Namespace) -> None:
    from planner.services import balance

    monday = args.week or week_start(dt.date.today())
    _warn_date(args.command, monday, f"the week {week_label(monday)}")
    with db.session() as s:
        balance.set_week_hours(s, monday, dict(args.values))
        summary = balance.week_balance(s, monday, dt.date.today())
    hours = ", ".join(f"{c.category} {hours_text(c.hours)}" for c in summary.categories)
    print(f"{summary.week}: {hours}")


def cmd_targets(db: Database, args: argparse.Namespace) -> None:
    from planner.services import balance

    with db.session() as s:
        goals = balance.set_targets(s, dict(args.values)) if args.values else balance.targets(s)
    for category, hours in goals.items():
        print(f"{category:<9} {hours_text(hours)}/week")


def week_json(summary: WeekBalance) -> dict[str, Any]:
    return {
        "week": summary.week,
        "start": summary.start.isoformat(),
        "end": summary.end.isoformat(),
        "categories": {
            # A category never entered is missing (null), not 0 h under.
            c.category: {
                "hours": c.hours if c.entered else None,
                "target": c.target,
                "status": c.status if c.entered else None,
            }
            for c in summary.categories
        },
        "learning_sessions": summary.learning_sessions,
        "recommendations": list(summary.recommendations),
        "burnout_risk": summary.burnout_risk,
        # Looked at before its Sunday: the hours so far, and advice about what is left.
        "in_progress": summary.in_progress,
    }


def cmd_week(db: Database, args: argparse.Namespace) -> None:
    from planner.services import balance

    with db.session() as s:
        today = dt.date.today()
        summary = balance.week_balance(s, args.week or today, today)
    if args.json:
        _print_json(week_json(summary))
        return
    print(f"Week {summary.week} ({summary.start} to {summary.end})")
    for c in summary.categories:
        shown = (f"{c.hours:6.1f} h", c.status) if c.entered else ("     - h", "not entered")
        hours, verdict = shown
        print(f"  {c.category:<9} {hours}  target {c.target:5.1f} h  {verdict}")
    print(f"  {counted(summary.learning_sessions, 'learning session')}")
    for advice in summary.recommendations:
        print(f"  - {advice}")


def role_json(info: RoleInfo) -> dict[str, Any]:
    data = asdict(info)
    data["skills"] = [
        {
            "name": s.name,
            "category": s.category,
            "importance": s.importance,
            "required_level": s.required_level,
            "phase": s.phase,
        }
        for s in info.skills
    ]
    return data


def cmd_roles(db: Database, args: argparse.Namespace) -> None:
    from planner.services import roles

    with db.session() as s:
        found = roles.list_roles(s)
    if args.json:
        _print_json([role_json(r) for r in found])
        return
    for r in found:
        essential = sum(1 for k in r.skills if k.importance == "essential")
        count = f"{len(r.skills):>3} skills ({essential} essential)"
        print(f"{r.slug:<34} {r.title:<36} {r.track:<12} {count}")


def cmd_role(db: Database, args: argparse.Namespace) -> None:
    from planner.cli.guides import move_json, print_move
    from planner.services import roles
    from planner.services.moves import move

    with db.session() as s:
        info = roles.role_detail(s, args.slug)
        way = move(s, info.slug)  # from the current role to this one, as the guides advise
    if args.json:
        _print_json({**role_json(info), "move_from_current": move_json(way)})
        return
    print(f"{info.title} ({info.track}{', ' + info.stage if info.stage else ''})")
    print(f"  {info.summary}")
    for p in info.phases:
        window = (
            f"{p.earliest_month}-{p.latest_month}"
            if p.latest_month is not None
            else f"{p.earliest_month}+"
        )
        print(f"  Phase {p.order}: {p.name} (months {window}) - {p.focus}")
    if info.derived_from:
        print(f"  (the guides give no month windows for it: derived from {info.derived_from})")
    for importance in ("essential", "important", "useful"):
        names = [k.name for k in info.skills if k.importance == importance]
        if names:
            print(f"  {importance.capitalize()}: {', '.join(names)}")
    for sal in info.salaries:
        print(f"  Salary ({sal.name}, {sal.source_year}): {sal.text}")
    if way.current is not None and way.current != info.slug:
        print_move(way)


def cmd_target(db: Database, args: argparse.Namespace) -> None:
    from planner.services.profile import set_target_role

    with db.session() as s:
        change = set_target_role(s, args.slug, dt.date.today())
    print(f"Target role: {change.title} ({change.milestones_added} phase milestones added)")


def cmd_skill(db: Database, args: argparse.Namespace) -> None:
    from planner.services import skills

    with db.session() as s:
        change = skills.set_level(s, args.name, args.level, dt.date.today())
    print(f"{change.name}: {skills.level_name(change.before)} -> {skills.level_name(change.after)}")


def cmd_gap(db: Database, args: argparse.Namespace) -> None:
    from planner.cli.guides import move_json, print_move
    from planner.services import readiness
    from planner.services.moves import move

    today = dt.date.today()
    with db.session() as s:
        gap = readiness.readiness(s)
        outlook = readiness.forecast(s, today, gap=gap)
        way = move(s)
    if args.json:
        _print_json(
            {
                "role": gap.role,
                "title": gap.role_title,
                "readiness": round(gap.score, 4),
                "skills_total": gap.skills_total,
                "skills_met": gap.skills_met,
                "remaining_hours": gap.remaining_hours,
                "forecast": asdict(outlook),
                "gaps": [{**asdict(g), "remaining_hours": g.remaining_hours} for g in gap.gaps],
                "move": move_json(way),
            }
        )
        return
    if gap.role is None:
        raise InputError("no target role yet: choose one with 'planner target SLUG'")
    print(f"{gap.role_title}: {gap.score:.0%} ready ({gap.skills_met}/{gap.skills_total} skills)")
    print(f"  {outlook.message}")
    if outlook.plan_note:
        print(f"  {outlook.plan_note}")
    if way.current is not None:
        print_move(way)
    for g in gap.gaps:
        level = f"level {g.level} of {g.required_level}"
        why = f"  for the move: {g.reason}" if g.reason else ""
        print(f"  {g.importance:<10} {g.skill:<34} {level}  ({hours_text(g.remaining_hours)}){why}")


def cmd_contacts(db: Database, args: argparse.Namespace) -> None:
    from planner.services import network

    with db.session() as s:
        found = network.contacts(s, dt.date.today())
    if args.json:
        keys = (
            "name",
            "relationship",
            "company",
            "position",
            "email",
            "url",
            "connected_on",
            "last_contact",
            "due",
        )
        _print_json([{k: getattr(c, k) for k in keys} for c in found])
        return
    if not found:  # not a blank line: say how to get some
        print(
            "No contacts yet: add them on the app's Network page, or import a LinkedIn export "
            "or vCards with 'planner import linkedin|vcard FILE'."
        )
    for c in found:
        last = c.last_contact.isoformat() if c.last_contact else "never"
        flag = "DUE" if c.due else ""
        print(f"{c.name:<28} {c.relationship:<10} {c.company:<24} last {last:<10} {flag}")


def cmd_demo(db: Database, args: argparse.Namespace) -> None:
    from planner.services import demo

    with db.session() as s:
        summary = demo.fill(s, dt.date.today(), args.years)
    print(f"Demo profile written to {db.path}: {summary}")


def cmd_export(db: Database, args: argparse.Namespace) -> None:
    """One consistent read of the file, written atomically (a failure leaves no half file)."""
    from pathlib import Path

    from planner.exporters import export

    with db.session() as s:
        result = export(s, args.format, Path(args.path).expanduser(), dt.date.today())
    print(result.summary())


def cmd_import(db: Database, args: argparse.Namespace) -> None:
    """Preview the whole file, print the plan, then (unless --dry-run) back up and write the
    additions in one transaction."""
    from planner.importers import preview, report
    from planner.importers.apply import back_up_and_import

    answers = {"day_first": args.day_first, "user": args.user, "today": dt.date.today()}
    answers["mapping"] = dict(args.map) if args.map else None
    how = {"day_first": "add --day-first or --month-first", "user": "add --user NAME"}
    try:
        with db.session() as s:
            plan = preview(s, args.kind, args.file, **answers)
    except ChoiceNeeded as exc:
        raise InputError(f"{exc}; {how.get(exc.option, 'choose in File › Import…')}") from None
    except ImportFileError as exc:
        raise InputError(str(exc)) from None
    written = None
    if not args.dry_run and plan.add:
        written = back_up_and_import(db, plan)
    if args.json:
        _print_json(report.as_json(plan, written))
        return
    print("\n".join(report.lines(plan)))
    if args.dry_run:
        print("Dry run: nothing written.")
    else:
        print(f"Imported {written or 0} {plan.kind}.")


COMMANDS: dict[str, Callable[[Database, argparse.Namespace], None]] = {
    "log": cmd_log,
    "hours": cmd_hours,
    "targets": cmd_targets,
    "week": cmd_week,
    "roles": cmd_roles,
    "role": cmd_role,
    "target": cmd_target,
    "skill": cmd_skill,
    "gap": cmd_gap,
    "contacts": cmd_contacts,
    "import": cmd_import,
    "demo": cmd_demo,
    "export": cmd_export,
    "profile": profile.cmd_profile,
    "init": newfile.cmd_init,
    "timer": timer.cmd_timer,
    **guides.COMMANDS,
    **postings.COMMANDS,
}


def run(args: argparse.Namespace) -> int:
    if args.command in datafile.FILE_COMMANDS:  # these must work on a file that won't open
        return datafile.run(data_file(args.db), args)
    path = data_file(args.db)
    refused = newfile.refusal(path, args, given=newfile.given_path(args.db))
    if refused:
        print(f"planner {args.command}: {refused}", file=sys.stderr)
        return EXIT_FILE
    with newfile.scratch_for_dry_run(path, args) as target:
        args.new_file = target is path and not path.exists()
        if target is not path:
            print(
                f"planner {args.command}: there is no data file at {path} yet, so this previews "
                "an import into a new one",
                file=sys.stderr,
            )
        return _run_on(target, args)


def _run_on(path: Path, args: argparse.Namespace) -> int:
    from planner.storage.engine import (
        open_database,  # SQLAlchemy: not for --help, nor for the window
    )

    try:
        db = open_database(path)
    except DataFileError as exc:
        print(f"planner: {exc}", file=sys.stderr)
        return EXIT_FILE
    code = EXIT_FILE
    try:
        COMMANDS[args.command](db, args)
        code = EXIT_OK
    except BrokenPipeError:  # `planner roles | head`: the reader left; that is not an error
        sys.stdout = None  # no flush at exit into a closed pipe
        code = EXIT_OK
    except InputError as exc:
        print(f"planner {args.command}: {exc}", file=sys.stderr)
        code = EXIT_INPUT
    except DataFileError as exc:  # e.g. the backup before an import could not be made
        print(f"planner {args.command}: {exc}", file=sys.stderr)
    finally:
        db.close()
        if args.new_file:
            newfile.settle_new(path, args, kept=code == EXIT_OK)
    return code
