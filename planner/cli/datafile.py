"""The commands about the data file itself: `backup`, `backups`, `restore FILE`, `check`.

They run on the file's path, without `open_database`: a damaged file must still be restorable
and checkable, and neither a backup nor a check should create, migrate or seed anything.
Exit codes follow planner.cli.main (0 ok, 1 data-file problem, 2 bad input), plus 3 when `check`
finds problems.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from planner.storage.errors import DataFileError
from planner.storage.probe import access_for, read_revision

EXIT_OK, EXIT_FILE, EXIT_INPUT, EXIT_PROBLEMS = 0, 1, 2, 3


def add_commands(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("backup", help="back up the data file now (prints the backup's path)")
    p = sub.add_parser("backups", help="list the data file's backups, newest first")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("restore", help="replace the data with a backup (the current is kept)")
    p.add_argument("file", type=Path, metavar="FILE")
    p = sub.add_parser("check", help="check the data file for damage and impossible values")
    p.add_argument("--json", action="store_true")


def cmd_backup(path: Path, args: argparse.Namespace) -> int:
    from planner.storage.backups import take_backup

    if not path.is_file():
        raise DataFileError(f"There is no data file at {path} to back up.", path=path)
    read_revision(path)  # refuses another program's file or a damaged one, with a message
    mode = "immutable=1" if access_for(path) == "immutable" else "mode=ro"
    with closing(sqlite3.connect(f"{path.absolute().as_uri()}?{mode}", uri=True)) as con:
        print(take_backup(con, path, "manual"))
    return EXIT_OK


def cmd_backups(path: Path, args: argparse.Namespace) -> int:
    from planner.storage.backups import list_backups

    found = list_backups(path)
    if args.json:
        rows = [
            {
                "path": str(b.path),
                "taken_at": b.taken_at.isoformat(),
                "label": b.label,
                "size": b.size,
            }
            for b in found
        ]
        print(json.dumps(rows, indent=2))
        return EXIT_OK
    if not found:
        print(f"No backups of {path} yet; 'planner backup' makes one.")
    for b in found:
        print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.label:<28} {b.size / 1e6:8.2f} MB  {b.path}")
    return EXIT_OK


def cmd_restore(path: Path, args: argparse.Namespace) -> int:
    from planner.storage.restore import restore

    if not args.file.is_file():
        print(f"planner restore: there is no file {args.file}", file=sys.stderr)
        return EXIT_INPUT
    done = restore(path, args.file.resolve())
    print(f"Restored {done.backup} into {done.path}.")
    if done.safety_backup:
        print(f"The data it replaced is backed up as {done.safety_backup}.")
    for aside in done.set_aside:
        print(f"The damaged file was kept as {aside}.")
    return EXIT_OK


def cmd_check(path: Path, args: argparse.Namespace) -> int:
    from planner.storage.check import check

    report = check(path)
    if args.json:
        print(
            json.dumps(
                {
                    "file": str(report.path),
                    "ok": report.ok,
                    "backup": str(report.backup) if report.backup else None,
                    "backup_note": report.backup_note,
                    "problems": [
                        {"check": p.check, "message": p.message, "count": p.count, "rows": p.rows}
                        for p in report.problems
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        print(f"Backed up first: {report.backup}" if report.backup else report.backup_note)
        if report.ok:
            print(f"{path}: no problems found.")
        else:
            total = sum(p.count for p in report.problems)
            print(f"{path}: {total} problem(s) in {len(report.problems)} check(s).")
        for p in report.problems:
            print(f"  {p.check}: {p.message} ({p.count})")
            for row in p.rows:
                print(f"    - {row}")
            if p.count > len(p.rows):
                print(f"    ... and {p.count - len(p.rows)} more")
    return EXIT_OK if report.ok else EXIT_PROBLEMS


FILE_COMMANDS: dict[str, Callable[[Path, argparse.Namespace], int]] = {
    "backup": cmd_backup,
    "backups": cmd_backups,
    "restore": cmd_restore,
    "check": cmd_check,
}


def run(path: Path, args: argparse.Namespace) -> int:
    """Run one of FILE_COMMANDS; a data-file problem is one line on stderr and exit 1."""
    try:
        return FILE_COMMANDS[args.command](path, args)
    except DataFileError as exc:
        print(f"planner {args.command}: {exc}", file=sys.stderr)
        return EXIT_FILE
