"""Logging learning hours: sessions, activities, and what happens when either changes."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.services import learning
from planner.services.errors import InputError
from planner.services.learning import ActivityInput

DAY = dt.date(2026, 3, 11)


def add_activity(db, title: str, **fields) -> int:
    with db.session() as s:
        return learning.save_activity(s, ActivityInput(title, **fields))


def log(db, hours: float, day: dt.date = DAY, activity: str | None = None) -> int:
    with db.session() as s:
        return learning.log_session(s, hours, day, activity).id


def all_sessions(db) -> list[learning.SessionRow]:
    with db.session() as s:
        return learning.sessions(s)


def activity_rows(db) -> dict[str, learning.ActivityRow]:
    with db.session() as s:
        return {a.title: a for a in learning.activities(s)}


# --- log_session -------------------------------------------------------------------------------


def test_a_logged_session_is_stored_with_its_date_hours_and_note(db) -> None:
    with db.session() as s:
        row = learning.log_session(s, 1.5, DAY, note="  chapter 3  ")
    assert all_sessions(db) == [learning.SessionRow(row.id, DAY, 1.5, None, "chapter 3")]


@pytest.mark.parametrize("hours", [0, 0.0, -1, 24.01, 25, float("nan"), float("inf")])
def test_log_session_refuses_impossible_hours_and_writes_nothing(db, hours) -> None:
    """The refusal comes before any write: a caller that carries on commits nothing."""
    with db.session() as s:
        with pytest.raises(InputError, match="hours"):
            learning.log_session(s, hours, DAY)
        assert learning.sessions(s) == []
    assert all_sessions(db) == []


@pytest.mark.parametrize("hours", [0.25, 24])
def test_log_session_accepts_up_to_a_whole_day(db, hours) -> None:
    log(db, hours)
    assert [r.hours for r in all_sessions(db)] == [hours]


def test_unknown_activity_is_refused_with_a_close_match(db) -> None:
    add_activity(db, "Deep Learning Course")
    add_activity(db, "Statistics Book")
    with db.session() as s:
        with pytest.raises(InputError) as error:
            learning.log_session(s, 1.0, DAY, "Deep Learnin Course")
        assert learning.sessions(s) == []
    message = str(error.value)
    assert "'Deep Learnin Course'" in message
    assert "'Deep Learning Course'" in message
    assert all_sessions(db) == []


def test_activity_titles_match_in_any_case(db) -> None:
    add_activity(db, "Deep Learning Course")
    log(db, 2.0, activity="deep learning course")
    assert [r.activity for r in all_sessions(db)] == ["Deep Learning Course"]


def test_logging_against_a_planned_activity_starts_it(db) -> None:
    add_activity(db, "Planned course", status="planned")
    log(db, 1.0, activity="Planned course")
    assert activity_rows(db)["Planned course"].status == "in_progress"


@pytest.mark.parametrize("status", ["in_progress", "done", "dropped"])
def test_logging_does_not_change_an_activity_past_planned(db, status) -> None:
    add_activity(db, "A course", status=status)
    log(db, 1.0, activity="A course")
    assert activity_rows(db)["A course"].status == status


def test_a_refused_session_leaves_a_planned_activity_planned(db) -> None:
    add_activity(db, "Planned course", status="planned")
    with pytest.raises(InputError), db.session() as s:
        learning.log_session(s, 30, DAY, "Planned course")
    assert activity_rows(db)["Planned course"].status == "planned"


# --- activities and their hours ----------------------------------------------------------------


def test_activities_aggregate_the_hours_logged_against_each(db) -> None:
    add_activity(db, "Course A")
    add_activity(db, "Course B")
    add_activity(db, "Course C")
    log(db, 1.5, activity="Course A")
    log(db, 2.0, DAY + dt.timedelta(days=1), activity="Course A")
    log(db, 0.5, activity="Course B")
    log(db, 4.0)  # no activity: counts for none of them
    rows = activity_rows(db)
    assert {t: r.hours_logged for t, r in rows.items()} == {
        "Course A": 3.5,
        "Course B": 0.5,
        "Course C": 0.0,
    }


def test_deleting_an_activity_keeps_its_sessions_and_hours(db) -> None:
    course = add_activity(db, "Course A")
    add_activity(db, "Course B")
    first = log(db, 1.5, DAY, "Course A")
    second = log(db, 2.5, DAY + dt.timedelta(days=1), "Course A")
    other = log(db, 1.0, DAY, "Course B")
    with db.session() as s:
        learning.delete_activity(s, course)
    rows = {r.id: (r.hours, r.activity) for r in all_sessions(db)}
    assert rows == {first: (1.5, None), second: (2.5, None), other: (1.0, "Course B")}
    assert set(activity_rows(db)) == {"Course B"}
    assert activity_rows(db)["Course B"].hours_logged == 1.0


def test_deleting_an_activity_in_the_same_action_as_logging_keeps_the_hours(db) -> None:
    with db.session() as s:
        activity = learning.save_activity(s, ActivityInput("Short course"))
        learning.log_session(s, 3.0, DAY, "Short course")
        learning.delete_activity(s, activity)
        assert [(r.hours, r.activity) for r in learning.sessions(s)] == [(3.0, None)]
    assert [(r.hours, r.activity) for r in all_sessions(db)] == [(3.0, None)]


def test_deleting_a_missing_activity_is_refused(db) -> None:
    with db.session() as s, pytest.raises(InputError):
        learning.delete_activity(s, 12345)


def test_an_activity_title_must_be_unique_in_any_case(db) -> None:
    add_activity(db, "Course A")
    with db.session() as s, pytest.raises(InputError, match="already"):
        learning.save_activity(s, ActivityInput("course a"))


# --- editing sessions --------------------------------------------------------------------------


def test_sessions_are_listed_newest_first_and_filter_by_range_and_activity(db) -> None:
    add_activity(db, "Course A")
    a = log(db, 1.0, dt.date(2026, 3, 1), "Course A")
    b = log(db, 2.0, dt.date(2026, 3, 5))
    c = log(db, 3.0, dt.date(2026, 3, 9), "Course A")
    assert [r.id for r in all_sessions(db)] == [c, b, a]
    with db.session() as s:
        ranged = learning.sessions(s, dt.date(2026, 3, 2), dt.date(2026, 3, 9))
        by_activity = learning.sessions(s, activity="Course A")
    assert [r.id for r in ranged] == [c, b]
    assert [r.id for r in by_activity] == [c, a]


def test_update_session_validates_hours_and_changes_nothing_when_refused(db) -> None:
    row = log(db, 1.0)
    with pytest.raises(InputError), db.session() as s:
        learning.update_session(s, row, hours=0, day=DAY, activity=None, note="")
    assert [(r.hours, r.date) for r in all_sessions(db)] == [(1.0, DAY)]


def test_delete_session_removes_it_and_refuses_one_deleted_meanwhile(db) -> None:
    add_activity(db, "Course A")
    row = log(db, 1.25, DAY, "Course A")
    with db.session() as s:
        learning.delete_session(s, row)
    assert all_sessions(db) == []
    gone = f"learning session {row} no longer exists"
    with pytest.raises(InputError, match=gone), db.session() as s:
        learning.delete_session(s, row)
