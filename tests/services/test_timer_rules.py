"""The stored timer's rules on a real file: the time is kept to the minute, under a minute logs
nothing, a timer left running past midnight or over 12 hours logs nothing until told how much,
and what it logs is an ordinary session (day sums, undo). Time is passed in, never waited for."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.services import learning, timer
from planner.services.errors import InputError
from planner.storage.engine import Database

NOW = dt.datetime.now(dt.UTC)


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A local wall-clock time as an aware datetime (midnight is the person's midnight)."""
    return dt.datetime.combine(day, dt.time(hour, minute)).astimezone()


def started(db: Database, at: dt.datetime, activity: str | None = None, note: str = "") -> None:
    with db.session() as s:
        timer.start(s, at, activity, note)


def day_hours(db: Database, day: dt.date) -> float | None:
    from sqlalchemy import select

    from planner.models import LearningDay

    with db.session() as s:
        return s.scalar(select(LearningDay.hours).where(LearningDay.date == day))


@pytest.mark.parametrize(
    ("seconds", "minutes"),
    [(0, 0), (45, 0), (59.9, 0), (60, 1), (89, 1), (90, 2), (45 * 60 + 20, 45), (3599, 60)],
)
def test_time_is_kept_to_the_nearest_minute(seconds, minutes) -> None:
    assert timer.whole_minutes(seconds) == minutes


def test_a_started_timer_is_stored_with_its_activity_and_note(demo_db) -> None:
    started(demo_db, NOW, "Deep Learning with PyTorch", " chapter 4 ")
    with demo_db.session() as s:
        state = timer.running(s)
    assert state == timer.TimerState(NOW, "Deep Learning with PyTorch", "chapter 4")


def test_stopping_logs_the_minutes_timed_on_the_day_it_started(demo_db) -> None:
    day = NOW.astimezone().date() - dt.timedelta(days=3)
    start = local(day, 10, 0)
    started(demo_db, start, "Deep Learning with PyTorch")
    before = day_hours(demo_db, day) or 0.0
    with demo_db.session() as s:
        done = timer.stop(s, start + dt.timedelta(minutes=45, seconds=20))
    assert done.row is not None
    assert (done.row.hours, done.row.date, done.row.activity) == (
        0.75,
        day,
        "Deep Learning with PyTorch",
    )
    assert done.row.note == timer.TIMED_NOTE
    assert day_hours(demo_db, day) == pytest.approx(before + 0.75)  # learning_day's triggers
    with demo_db.session() as s:
        assert timer.running(s) is None


def test_under_a_minute_logs_nothing_and_stops(db) -> None:
    started(db, NOW - dt.timedelta(seconds=45))
    with db.session() as s:
        done = timer.stop(s, NOW)
        assert done.row is None and done.seconds == 45
        assert timer.running(s) is None
        assert learning.sessions(s) == []


def test_only_one_timer_runs(db) -> None:
    started(db, NOW - dt.timedelta(minutes=5))
    with pytest.raises(InputError, match=r"already running.*planner timer stop"):
        started(db, NOW)


def test_stop_or_discard_without_a_timer_says_how_to_start_one(db) -> None:
    for action in (lambda s: timer.stop(s, NOW), timer.discard):
        with (
            pytest.raises(InputError, match=r"no timer is running.*planner timer start"),
            db.session() as s,
        ):
            action(s)


def test_an_unknown_activity_starts_nothing(db) -> None:
    with pytest.raises(InputError, match="unknown activity"):
        started(db, NOW, "No such course")
    with db.session() as s:
        assert timer.running(s) is None


def test_a_timer_past_midnight_asks_what_to_log(db) -> None:
    yesterday = NOW.astimezone().date() - dt.timedelta(days=1)
    start = local(yesterday, 23, 30)
    now = local(yesterday + dt.timedelta(days=1), 0, 40)  # 70 minutes, but past midnight
    started(db, start, note="late")
    with db.session() as s:
        assert timer.running(s).left_running(now)
        with pytest.raises(InputError, match=r"past midnight.*--hours H.*planner timer discard"):
            timer.stop(s, now)
    with db.session() as s:
        assert timer.running(s) is not None  # refused: still running, nothing logged
        assert learning.sessions(s) == []
        done = timer.stop(s, now, hours=0.5)
    assert done.row is not None
    assert (done.row.hours, done.row.date, done.row.note) == (0.5, yesterday, "late")


def test_a_timer_of_more_than_12_hours_asks_and_never_logs_a_30_hour_day(db) -> None:
    start = NOW - dt.timedelta(hours=30)
    started(db, start)
    with db.session() as s, pytest.raises(InputError, match="planner timer stop --hours H"):
        timer.stop(s, NOW)
    with pytest.raises(InputError, match="at most 24"), db.session() as s:
        timer.stop(s, NOW, hours=30)
    with db.session() as s:
        done = timer.stop(s, NOW, hours=2)
        assert [r.hours for r in learning.sessions(s)] == [2.0]
    assert done.row is not None and done.row.date == start.astimezone().date()


def test_hours_given_may_not_exceed_the_time_timed(db) -> None:
    started(db, NOW - dt.timedelta(minutes=30))
    with pytest.raises(InputError, match="ran 30 min; log at most that"), db.session() as s:
        timer.stop(s, NOW, hours=1)


def test_an_activity_deleted_while_timing_logs_with_no_activity(demo_db) -> None:
    started(demo_db, NOW - dt.timedelta(minutes=20), "Deep Learning with PyTorch")
    with demo_db.session() as s:
        activity = learning.find_activity(s, "Deep Learning with PyTorch")
        learning.delete_activity(s, activity.id)
    with demo_db.session() as s:
        assert timer.running(s).activity is None
        done = timer.stop(s, NOW, hours=20 / 60)
    assert done.row is not None and done.row.activity is None


def test_the_timer_is_read_with_plain_sqlite_too(db, db_path) -> None:
    """The status bar reads it before SQLAlchemy loads (the window's first paint)."""
    from contextlib import closing

    from planner.storage.probe import connect_read_only

    started(db, NOW, note="x")
    with closing(connect_read_only(db_path)) as con:
        assert timer.running(con) == timer.TimerState(NOW, None, "x")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(45, "45 s"), (60, "1 min"), (45 * 60 + 31, "46 min"), (3900, "1 h 05 min")],
)
def test_durations_read_as_a_person_says_them(seconds, text) -> None:
    assert timer.duration_text(seconds) == text
