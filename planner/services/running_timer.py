"""The running timer as stored, and its rules, read with plain SQL.

The status bar shows a running timer on the window's first paint, before SQLAlchemy has
loaded, so reading it (`running`, over a bare sqlite3 connection or a session's own, see
`planner.services.sql`) and the rules that decide what a stop logs live here, free of
SQLAlchemy; starting, stopping and discarding are in `planner.services.timer`.

- the time is kept to the minute: what was timed, rounded to the nearest minute; under one
  minute, nothing is logged (a quarter-hour floor once turned 45 s into 0.25 h);
- a timer that ran past midnight or for more than 12 hours was probably left running, so it
  logs nothing until the person says how much, or discards it: never a 30-hour day;
- the session is logged on the (local) day the timer started.

Times are aware datetimes; the file holds UTC.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from planner.services.sql import Reader, reader, rows

#: A timer that ran longer than this asks what to log (Toggl: "you left a timer running").
LEFT_RUNNING_HOURS = 12
#: The note a timed session gets when the timer had none.
TIMED_NOTE = "Timed session"


@dataclass(frozen=True)
class TimerState:
    """A running timer as stored: its start (aware, UTC), activity and note."""

    started_at: dt.datetime
    activity: str | None
    note: str

    def seconds(self, now: dt.datetime) -> float:
        """How long it has run by `now` (never negative, should the clock go back)."""
        return max((now - self.started_at).total_seconds(), 0.0)

    def local_start(self) -> dt.datetime:
        return self.started_at.astimezone()

    def day(self) -> dt.date:
        """The day its session is logged on: the (local) day it started."""
        return self.local_start().date()

    def left_running(self, now: dt.datetime) -> bool:
        """Ran past midnight or for more than 12 hours: ask before logging anything."""
        return (
            now.astimezone().date() != self.day() or self.seconds(now) > LEFT_RUNNING_HOURS * 3600
        )

    def label(self) -> str:
        """What is being timed, for messages: the activity, or that there is none."""
        return f"“{self.activity}”" if self.activity else "learning with no activity"


def whole_minutes(seconds: float) -> int:
    """Seconds to the nearest minute (half a minute up); 0 under a minute, which logs nothing."""
    return 0 if seconds < 60 else math.floor(seconds / 60 + 0.5)


def duration_text(seconds: float) -> str:
    """A timed span as a person reads it: "45 s", "12 min", "1 h 05 min"."""
    if seconds < 60:
        return f"{int(seconds)} s"
    minutes = whole_minutes(seconds)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def clock_text(seconds: float) -> str:
    """The running time as a clock, H:MM:SS."""
    whole = int(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@reader
def running(db: Reader) -> TimerState | None:
    """The running timer, or None: plain SQL, so it reads from a bare sqlite3 connection too."""
    found = rows(
        db,
        "SELECT t.started_at, a.title, t.note FROM running_timer t"
        " LEFT JOIN learning_activity a ON a.id = t.activity_id WHERE t.id = 1",
    )
    if not found:
        return None
    started, activity, note = found[0]
    return TimerState(
        dt.datetime.fromisoformat(started).replace(tzinfo=dt.UTC), activity, note or ""
    )


def left_running_message(current: TimerState, now: dt.datetime) -> str:
    """Why a stop needs an answer, and the answers (the CLI's wording)."""
    why = (
        "ran past midnight"
        if now.astimezone().date() != current.day()
        else f"ran more than {LEFT_RUNNING_HOURS} hours"
    )
    since = current.local_start().strftime("%Y-%m-%d %H:%M")
    return (
        f"the timer started {since} and {why} ({duration_text(current.seconds(now))}), so it "
        "was probably left running: say what to log with 'planner timer stop --hours H' "
        "(logged on the day it started), or drop it with 'planner timer discard'"
    )
