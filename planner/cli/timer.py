"""`planner timer start|stop|status|discard`: the same stored timer the window shows.

Start a timer here and stop it in the window, or the other way round: both read and write the
one `running_timer` row of the data file (`planner.services.timer`), one transaction each. Its
services load when the command runs: `planner.cli.main` imports this module for every command.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from planner.services import timer
from planner.services.errors import InputError, check_hours
from planner.wording import hours_text

if TYPE_CHECKING:
    from planner.services.timer import TimerState
    from planner.storage.engine import Database


def _hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"hours must be a number, not {text!r}") from None
    try:
        return check_hours(value)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_command(sub: Any) -> None:
    """Add `timer` and its actions to the CLI's subcommands."""
    p = sub.add_parser("timer", help="start, stop or show the learning timer the window shares")
    actions = p.add_subparsers(dest="timer_action", metavar="ACTION", required=True)
    a = actions.add_parser("start", help="start timing a learning session")
    a.add_argument("--activity", metavar="TITLE")
    a.add_argument("--note", default="", metavar="TEXT")
    a = actions.add_parser("stop", help="stop and log the time, to the minute")
    a.add_argument(
        "--hours",
        type=_hours,
        metavar="H",
        help="log H hours instead (needed when it ran past midnight or over 12 hours)",
    )
    a = actions.add_parser("status", help="whether a timer runs, for what, since when")
    a.add_argument("--json", action="store_true")
    actions.add_parser("discard", help="stop the timer and log nothing")


def _since(state: TimerState) -> str:
    return state.local_start().strftime("%Y-%m-%d %H:%M")


def status_json(state: TimerState | None, now: Any) -> dict[str, Any]:
    if state is None:
        return {"running": False}
    return {
        "running": True,
        "started_at": state.started_at.isoformat(),
        "elapsed_seconds": round(state.seconds(now)),
        "activity": state.activity,
        "note": state.note,
        "day": state.day().isoformat(),
        "left_running": state.left_running(now),
    }


def cmd_timer(db: Database, args: argparse.Namespace) -> None:
    now = timer.utc_now()
    action = args.timer_action
    if action == "status":
        with db.session() as s:
            state = timer.running(s)
        if args.json:
            print(json.dumps(status_json(state, now), indent=2, ensure_ascii=False))
        elif state is None:
            print("No timer running.")
        else:
            note = f" ({state.note})" if state.note else ""
            print(
                f"Timing {state.label()}{note} since {_since(state)}: "
                f"{timer.clock_text(state.seconds(now))}"
            )
            if state.left_running(now):
                print(f"Note: {timer.left_running_message(state, now)}.")
    elif action == "start":
        with db.session() as s:
            state = timer.start(s, now, args.activity, args.note)
        print(f"Timer started at {state.local_start():%H:%M} for {state.label()}")
    elif action == "stop":
        with db.session() as s:
            done = timer.stop(s, now, args.hours)
        ran = timer.duration_text(done.seconds)
        if done.row is None:
            print(f"Timer stopped after {ran}: under a minute, so nothing was logged.")
        else:
            logged = timer.duration_text(done.row.hours * 3600)
            print(
                f"Logged {logged} ({hours_text(done.row.hours)}) on {done.row.date} for "
                f"{done.timer.label()}; the timer ran {ran}."
            )
    else:  # discard
        with db.session() as s:
            gone = timer.discard(s)
        print(
            f"Timer discarded after {timer.duration_text(gone.seconds(now))}; nothing was logged."
        )
