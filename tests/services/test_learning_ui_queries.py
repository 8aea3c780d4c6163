"""The queries the Dashboard and Learning screens add: totals, undoable deletes, the calendar,
the year's path and the dashboard summary, each on a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.services import dashboard, learning, network, profile, roadmap
from planner.services.errors import InputError
from planner.services.learning import ActivityInput
from planner.services.network import ContactInput

# A Wednesday in ISO week 2026-W11 (Monday 2026-03-09).
TODAY = dt.date(2026, 3, 11)


def add_activity(db, title: str, **fields) -> int:
    with db.session() as s:
        return learning.save_activity(s, ActivityInput(title, **fields))


def log(db, hours: float, day: dt.date = TODAY, activity: str | None = None, note="") -> int:
    with db.session() as s:
        return learning.log_session(s, hours, day, activity, note).id


# --- activity detail and titles ----------------------------------------------------------------


def test_activity_detail_carries_the_fields_the_table_hides(db) -> None:
    activity_id = add_activity(
        db, "Fast.ai", url="https://course.fast.ai", notes="Part 1 first", skills=["PyTorch"]
    )
    log(db, 2.0, activity="Fast.ai")
    with db.session() as s:
        detail = learning.activity_detail(s, activity_id)
    assert (detail.url, detail.notes) == ("https://course.fast.ai", "Part 1 first")
    assert detail.row.title == "Fast.ai"
    assert detail.row.hours_logged == 2.0
    assert detail.row.skills == ("PyTorch",)


def test_activity_detail_of_a_deleted_activity_is_an_input_error(db) -> None:
    with db.session() as s, pytest.raises(InputError, match="no longer exists"):
        learning.activity_detail(s, 999)


def test_activity_titles_are_sorted_without_regard_to_case(db) -> None:
    for title in ("beta", "Alpha", "Gamma"):
        add_activity(db, title)
    with db.session() as s:
        assert learning.activity_titles(s) == ["Alpha", "beta", "Gamma"]


# --- session totals ----------------------------------------------------------------------------


def test_session_totals_match_the_rows_the_same_filter_returns(db) -> None:
    add_activity(db, "Book")
    log(db, 1.0, dt.date(2026, 1, 5), "Book")
    log(db, 2.5, dt.date(2026, 2, 5))
    log(db, 0.75, dt.date(2026, 3, 5), "Book")
    first, last = dt.date(2026, 2, 1), dt.date(2026, 3, 31)
    with db.session() as s:
        assert learning.session_totals(s) == learning.SessionTotals(3, 4.25)
        assert learning.session_totals(s, first, last) == learning.SessionTotals(2, 3.25)
        assert learning.session_totals(s, activity="Book") == learning.SessionTotals(2, 1.75)
        rows = learning.sessions(s, first, last)
    assert len(rows) == 2 and sum(r.hours for r in rows) == 3.25


def test_session_totals_of_an_empty_file_are_zero(db) -> None:
    with db.session() as s:
        assert learning.session_totals(s) == learning.SessionTotals(0, 0.0)


# --- delete and restore (undo) -----------------------------------------------------------------


def test_deleting_sessions_is_all_or_nothing(db) -> None:
    keep = log(db, 1.0)
    with pytest.raises(InputError), db.session() as s:
        learning.delete_sessions(s, [keep, 999])
    with db.session() as s:
        assert [r.id for r in learning.sessions(s)] == [keep]


# --- calendar and year path --------------------------------------------------------------------


def test_learning_calendar_spans_53_whole_weeks_ending_this_week(db) -> None:
    log(db, 1.0, dt.date(2025, 3, 9))  # the Sunday before the first column: outside
    log(db, 2.0, dt.date(2025, 3, 10))  # the first column's Monday
    log(db, 0.5, TODAY)
    log(db, 0.25, TODAY)
    with db.session() as s:
        calendar = learning.learning_calendar(s, TODAY)
    assert calendar.first == dt.date(2025, 3, 10) and calendar.first.weekday() == 0
    assert calendar.last == TODAY
    assert calendar.weeks == 53
    assert calendar.days == ((dt.date(2025, 3, 10), 2.0), (TODAY, 0.75))
    assert calendar.total == 2.75


def test_year_path_accumulates_from_the_first_of_january(db) -> None:
    with db.session() as s:
        profile.update_profile(s, annual_learning_goal=120)
    log(db, 5.0, dt.date(2025, 12, 31))  # last year: not counted
    log(db, 1.0, dt.date(2026, 1, 2))
    log(db, 2.0, dt.date(2026, 2, 1))
    log(db, 0.5, dt.date(2026, 2, 1))
    with db.session() as s:
        path = learning.year_path(s, TODAY)
        ytd = learning.year_to_date(s, TODAY)
    assert path.cumulative == ((dt.date(2026, 1, 2), 1.0), (dt.date(2026, 2, 1), 3.5))
    assert path.logged == ytd.logged == 3.5
    assert (path.year, path.goal, path.today) == (2026, 120, TODAY)


def test_year_path_of_an_empty_year_has_no_points(db) -> None:
    with db.session() as s:
        assert learning.year_path(s, TODAY).logged == 0.0


# --- dashboard summary -------------------------------------------------------------------------


def test_dashboard_summary_of_an_empty_file(db) -> None:
    with db.session() as s:
        summary = dashboard.summary(s, TODAY)
    assert summary.readiness.role is None
    assert summary.forecast.message == "Choose a target role first."
    assert summary.learning_hours == 0.0 and summary.weekly_goal == 5.0
    assert summary.next_milestones == () and summary.due_contacts == ()
    assert len(summary.series.weeks) == dashboard.CHART_WEEKS


def test_dashboard_summary_lists_the_soonest_open_milestones_and_due_contacts(db) -> None:
    with db.session() as s:
        for i in range(7):
            roadmap.save_milestone(s, f"M{i}", due_on=TODAY + dt.timedelta(days=10 * i - 15))
        done = roadmap.save_milestone(s, "Done", due_on=TODAY - dt.timedelta(days=100))
        roadmap.set_done(s, done, TODAY)
        for i in range(7):
            connected = TODAY - dt.timedelta(days=100 + i)
            network.save_contact(s, ContactInput(f"C{i}", cadence_days=30, connected_on=connected))
    log(db, 1.5)
    with db.session() as s:
        summary = dashboard.summary(s, TODAY)
    assert [m.title for m in summary.next_milestones] == ["M0", "M1", "M2", "M3", "M4"]
    assert (summary.open_milestones, summary.overdue_milestones) == (7, 2)
    assert len(summary.due_contacts) == dashboard.LIST_LENGTH
    assert summary.due_contacts_total == 7
    assert summary.due_contacts[0].name == "C6"  # connected earliest: the longest overdue
    assert summary.learning_hours == 1.5
    assert summary.series.weeks[-1].hours == 1.5


def test_dashboard_summaries_compare_equal_until_the_data_changes(db) -> None:
    with db.session() as s:
        first = dashboard.summary(s, TODAY)
        again = dashboard.summary(s, TODAY)
    log(db, 1.0)
    with db.session() as s:
        after = dashboard.summary(s, TODAY)
    assert first == again
    assert after != first
