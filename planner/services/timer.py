"""The running timer: its rules, reading it as stored, and start, stop (log what was timed) and
discard, shared by the window and the command line.

A timer is data (`running_timer`, migration 0005): its start is written the moment it starts,
so quitting, a crash or a power cut never loses it, and `planner timer stop` can stop a timer
the window started. What it logs goes through `learning.log_session`, like any logged hour, so
the day sums (`learning_day`'s triggers) and the session log's undo see an ordinary session.

- the time is kept to the minute: what was timed, rounded to the nearest minute; under one
  minute, nothing is logged (a quarter-hour floor once turned 45 s into 0.25 h);
- a timer that ran past midnight or for more than 12 hours was probably left running, so it
  logs nothing until the person says how much, or discards it: never a 30-hour day;
- the session is logged on the (local) day the timer started.

Times are aware datetimes; the file holds UTC. The status bar shows a running timer on the
window's first paint, before SQLAlchemy has loaded, so reading it (`running`) is plain SQL
(`@reader`, see `planner.services.sql`) and the writes import the models inside themselves.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.services.errors import InputError, check_hours
from planner.services.sql import Reader, reader, rows

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner.services.learning import SessionRow

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


@dataclass(frozen=True)
class Stopped:
    """What stopping did: the timer it stopped, how long it ran, and the session it logged
    (None when it ran under a minute)."""

    timer: TimerState
    seconds: float
    row: SessionRow | None


def _store(session: Session, started_at: dt.datetime, activity_id: int | None, note: str) -> None:
    """Write the timer row (naive UTC: SQLite's DATETIME text holds no zone)."""
    from planner.models import RunningTimer

    naive = started_at.astimezone(dt.UTC).replace(tzinfo=None)
    session.add(RunningTimer(started_at=naive, activity_id=activity_id, note=note))
    session.flush()


def start(
    session: Session, now: dt.datetime, activity: str | None = None, note: str = ""
) -> TimerState:
    """Start timing (stored at once); refused while another timer runs, or for an unknown
    activity."""
    current = running(session)
    if current is not None:
        since = current.local_start().strftime("%Y-%m-%d %H:%M")
        raise InputError(
            f"a timer is already running (since {since}, {current.label()}); stop it with "
            "'planner timer stop' or drop it with 'planner timer discard' first"
        )
    from planner.services.learning import find_activity  # with the ORM, not at first paint

    linked = find_activity(session, activity) if activity else None
    _store(session, now, linked.id if linked else None, note.strip())
    state = running(session)
    assert state is not None
    return state


def _the_running(session: Session) -> TimerState:
    current = running(session)
    if current is None:
        raise InputError("no timer is running; start one with 'planner timer start'")
    return current


def _remove(session: Session) -> None:
    from sqlalchemy import delete

    from planner.models import RunningTimer

    session.execute(delete(RunningTimer))


def stop(session: Session, now: dt.datetime, hours: float | None = None) -> Stopped:
    """Stop the timer and log what it timed, to the minute, on the day it started.

    `hours` logs that many hours instead (at most what it ran): the answer a timer left
    running needs, since it logs nothing by itself. Under a minute logs nothing."""
    from planner.services.learning import log_session  # with the ORM, not at first paint

    current = _the_running(session)
    seconds = current.seconds(now)
    if hours is None:
        if current.left_running(now):
            raise InputError(left_running_message(current, now))
        minutes = whole_minutes(seconds)
        logged = minutes / 60 if minutes else None
    else:
        check_hours(hours)
        if hours * 3600 > math.ceil(seconds / 60) * 60:
            raise InputError(
                f"the timer ran {duration_text(seconds)}; log at most that "
                f"(--hours {math.ceil(seconds / 60) / 60:.2f} or less)"
            )
        logged = float(hours)
    _remove(session)
    row = None
    if logged is not None:
        row = log_session(session, logged, current.day(), current.activity, _note(current))
    return Stopped(current, seconds, row)


def _note(current: TimerState) -> str:
    return current.note or TIMED_NOTE


def discard(session: Session) -> TimerState:
    """Stop the timer without logging anything; returns it, for saying how long it ran."""
    current = _the_running(session)
    _remove(session)
    return current
