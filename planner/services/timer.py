"""The running timer: start, stop (log what was timed), discard, shared by the window and CLI.

A timer is data (`running_timer`, migration 0005): its start is written the moment it starts,
so quitting, a crash or a power cut never loses it, and `planner timer stop` can stop a timer
the window started. What it logs goes through `learning.log_session`, like any logged hour, so
the day sums (`learning_day`'s triggers) and the session log's undo see an ordinary session.
The rules and the reading are in `planner.services.running_timer` (plain SQL, for the first
paint); they are re-exported here.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.orm import Session

from planner.models import RunningTimer
from planner.services.errors import InputError, check_hours
from planner.services.learning import SessionRow, delete_session, find_activity, log_session
from planner.services.running_timer import (
    LEFT_RUNNING_HOURS,
    TIMED_NOTE,
    TimerState,
    clock_text,
    duration_text,
    left_running_message,
    running,
    utc_now,
    whole_minutes,
)

__all__ = [
    "LEFT_RUNNING_HOURS",
    "TIMED_NOTE",
    "Stopped",
    "TimerState",
    "clock_text",
    "discard",
    "duration_text",
    "left_running_message",
    "resume",
    "running",
    "start",
    "stop",
    "utc_now",
    "whole_minutes",
]


@dataclass(frozen=True)
class Stopped:
    """What stopping did: the timer it stopped, how long it ran, and the session it logged
    (None when it ran under a minute)."""

    timer: TimerState
    seconds: float
    row: SessionRow | None


def _store(session: Session, started_at: dt.datetime, activity_id: int | None, note: str) -> None:
    """Write the timer row (naive UTC: SQLite's DATETIME text holds no zone)."""
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
    session.execute(delete(RunningTimer))


def stop(session: Session, now: dt.datetime, hours: float | None = None) -> Stopped:
    """Stop the timer and log what it timed, to the minute, on the day it started.

    `hours` logs that many hours instead (at most what it ran): the answer a timer left
    running needs, since it logs nothing by itself. Under a minute logs nothing."""
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
    """Stop the timer without logging anything; returns it, so the discard can be undone."""
    current = _the_running(session)
    _remove(session)
    return current


def resume(session: Session, timer: TimerState, session_id: int | None = None) -> None:
    """Undo a stop or a discard: the timer runs again from its first start (the session the
    stop logged, if any, is removed through the learning service)."""
    if running(session) is not None:
        raise InputError("another timer is running now; stop or discard it first")
    if session_id is not None:
        delete_session(session, session_id)
    linked = None
    if timer.activity:
        try:
            linked = find_activity(session, timer.activity)
        except InputError:
            linked = None  # deleted meanwhile: it runs on with no activity, as a stop would log
    _store(session, timer.started_at, linked.id if linked else None, timer.note)
