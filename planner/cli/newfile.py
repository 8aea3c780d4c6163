"""When the command line may make a new data file, and `planner init`.

A mistyped `--db` path must not quietly start an empty plan: a command that only reads says
there is no file (exit 1); a command that writes makes one only in a folder that exists, and says
so on stderr; no command makes folders for a path that was given (`--db` or `$PLANNER_DB`).
Only the default file in the user's data folder gets its folder made, as the window's onboarding
does. `planner init` makes a file on purpose. A dry-run import previews into a scratch file when
there is no data file yet, so it writes nothing where the person looks.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from planner.storage.errors import DataFileError
from planner.storage.location import ENV_VAR
from planner.storage.probe import refuse_if_lost

if TYPE_CHECKING:
    from planner.storage.engine import Database

#: Commands that never write the data file (whatever their arguments).
READING = frozenset({"week", "roles", "role", "gap", "contacts", "export", "advice"})


def add_commands(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("init", help="create a new data file at --db PATH (its folder must exist)")


def writes(args: argparse.Namespace) -> bool:
    """Whether the command may write the data file (so may make a new one)."""
    if args.command in READING:
        return False
    if args.command == "targets":
        return bool(args.values)
    if args.command == "import":
        return not args.dry_run
    if args.command == "profile":
        return bool(args.values)
    if args.command == "timer":
        return args.timer_action != "status"
    if args.command == "posting":
        return bool(args.save or args.plan)
    if args.command == "postings":
        return bool(args.delete)
    if args.command == "portfolio":
        return args.title is not None
    return True


def refusal(path: Path, args: argparse.Namespace, *, given: bool) -> str | None:
    """Why the command must not run on `path` as things stand (one line), or None. `given`: the
    path was chosen (`--db`, `$PLANNER_DB`) rather than the default one."""
    if path.exists():
        return None
    try:
        refuse_if_lost(path)  # a missing file whose backups remain is restored, not started anew
    except DataFileError as exc:
        return str(exc)
    if args.command == "import" and args.dry_run:
        return None  # previewed into a scratch file, see `scratch_for_dry_run`
    if not writes(args):
        if given and not path.parent.is_dir():
            return f"there is no data file at {path}, nor its folder: check the path"
        init = f"planner --db {path} init" if given else "planner init"
        return (
            f"there is no data file at {path}; create one with '{init}' (or start the app), "
            "or check the path"
        )
    if given and not path.parent.is_dir():
        return (
            f"the folder {path.parent} does not exist, and no folder is created for a data "
            "file: create it first, or check the path"
        )
    return None


def given_path(flag: str | None) -> bool:
    return bool(flag or os.environ.get(ENV_VAR))


@contextmanager
def scratch_for_dry_run(path: Path, args: argparse.Namespace) -> Iterator[Path]:
    """The file a command runs on: `path`, or for a dry-run import with no data file yet a
    new file in a temporary folder, removed afterwards, so the preview writes nothing."""
    if path.exists() or not (args.command == "import" and args.dry_run):
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="planner-dry-run-") as folder:
        yield Path(folder) / path.name


def cmd_init(db: Database, args: argparse.Namespace) -> None:
    """Made (or, for a file already there, opened and brought up to date) by `run`."""
    if args.new_file:
        print(f"Created a new data file at {db.path}.")
    else:
        print(f"{db.path} is already a Career Planner data file; it is ready to use.")


def settle_new(path: Path, args: argparse.Namespace, *, kept: bool) -> None:
    """After a command made `path`: say so on stderr when it succeeded; when it failed, remove
    the file again (with SQLite's files beside it), so that refused input leaves nothing."""
    if kept:
        if args.command != "init":  # init says it on stdout: it is what was asked for
            print(f"planner {args.command}: created a new data file at {path}", file=sys.stderr)
        return
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        leftover.unlink(missing_ok=True)
