"""Learning commitment: hours per week and month, planned vs logged, the year, and streaks."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.services import balance, learning, profile
from planner.services.learning import ActivityInput, log_session, save_activity
from planner.vocabulary import DEFAULT_TARGETS, WEEKS_A_YEAR

# A Wednesday in ISO week 2026-W11 (Monday 2026-03-09).
TODAY = dt.date(2026, 3, 11)
THIS_MONDAY = dt.date(2026, 3, 9)


def log(db, *sessions: tuple[dt.date, float]) -> None:
    with db.session() as s:
        for day, hours in sessions:
            log_session(s, hours, day)


def monday(weeks_ago: int) -> dt.date:
    return THIS_MONDAY - dt.timedelta(weeks=weeks_ago)


def get_streak(db, today: dt.date = TODAY) -> learning.Streak:
    with db.session() as s:
        return learning.streak(s, today)


def add_activity(db, title: str, status: str, per_month: float) -> None:
    with db.session() as s:
        save_activity(s, ActivityInput(title, status=status, planned_hours_per_month=per_month))


# --- weekly series -----------------------------------------------------------------------------


def test_weekly_series_sums_per_iso_week_and_fills_empty_weeks_with_zero(db) -> None:
    log(
        db,
        (dt.date(2026, 2, 15), 4.0),  # Sunday before the first week shown
        (dt.date(2026, 2, 16), 1.0),  # Monday of W08
        (dt.date(2026, 2, 22), 2.0),  # Sunday of W08
        # nothing in W09
        (dt.date(2026, 3, 8), 1.5),  # Sunday of W10
        (dt.date(2026, 3, 9), 1.0),  # Monday of W11
        (TODAY, 0.5),
    )
    with db.session() as s:
        series = learning.weekly_series(s, TODAY, weeks=4)
    assert [(p.start, p.label, p.hours) for p in series.weeks] == [
        (dt.date(2026, 2, 16), "2026-W08", 3.0),
        (dt.date(2026, 2, 23), "2026-W09", 0.0),
        (dt.date(2026, 3, 2), "2026-W10", 1.5),
        (dt.date(2026, 3, 9), "2026-W11", 1.5),
    ]
    assert series.weekly_goal == 5.0


def test_weekly_series_of_an_empty_file_is_all_zero(db) -> None:
    with db.session() as s:
        series = learning.weekly_series(s, TODAY)
    assert len(series.weeks) == 12
    assert all(p.hours == 0 for p in series.weeks)
    assert series.weeks[-1].start == THIS_MONDAY
    assert series.weeks[0].start == THIS_MONDAY - dt.timedelta(weeks=11)


def test_a_week_across_new_year_is_one_iso_week(db) -> None:
    """Monday 2025-12-29 to Sunday 2026-01-04 is 2026-W01."""
    log(db, (dt.date(2025, 12, 31), 1.0), (dt.date(2026, 1, 3), 2.5))
    with db.session() as s:
        series = learning.weekly_series(s, dt.date(2026, 1, 4), weeks=2)
    assert [(p.label, p.hours) for p in series.weeks] == [("2025-W52", 0.0), ("2026-W01", 3.5)]


def test_weekly_goal_follows_the_learning_target(db) -> None:
    with db.session() as s:
        balance.set_targets(s, {"learning": 7})
    with db.session() as s:
        assert learning.weekly_series(s, TODAY, weeks=1).weekly_goal == 7.0


# --- months ------------------------------------------------------------------------------------


def test_hours_by_month_sums_each_calendar_month_in_range(db) -> None:
    log(
        db,
        (dt.date(2025, 12, 31), 9.0),  # before the range
        (dt.date(2026, 1, 1), 1.0),
        (dt.date(2026, 1, 31), 2.0),
        (dt.date(2026, 3, 1), 0.5),
        (dt.date(2026, 3, 11), 1.5),
        (dt.date(2026, 3, 12), 9.0),  # after the range
    )
    with db.session() as s:
        months = learning.hours_by_month(s, dt.date(2026, 1, 1), TODAY)
    assert months == {"2026-01": 3.0, "2026-03": 2.0}


def test_planned_monthly_sums_only_planned_and_in_progress(db) -> None:
    add_activity(db, "Planned course", "planned", 10)
    add_activity(db, "Running course", "in_progress", 4.5)
    add_activity(db, "Finished book", "done", 8)
    add_activity(db, "Abandoned project", "dropped", 3)
    with db.session() as s:
        assert learning.planned_monthly(s) == 14.5


def test_planned_monthly_is_zero_without_activities(db) -> None:
    with db.session() as s:
        assert learning.planned_monthly(s) == 0.0


def test_monthly_commitment_compares_the_plan_with_each_month_logged(db) -> None:
    add_activity(db, "Running course", "in_progress", 6)
    log(db, (dt.date(2026, 1, 15), 2.0), (dt.date(2026, 3, 2), 3.0), (dt.date(2026, 3, 10), 1.0))
    with db.session() as s:
        rows = learning.monthly_commitment(s, TODAY, months=3)
    assert [(r.month, r.planned, r.logged) for r in rows] == [
        ("2026-01", 6.0, 2.0),
        ("2026-02", 6.0, 0.0),
        ("2026-03", 6.0, 4.0),
    ]


# --- the year ----------------------------------------------------------------------------------


def test_year_to_date_counts_this_year_up_to_today(db) -> None:
    with db.session() as s:
        profile.update_profile(s, annual_learning_goal=365)
    log(
        db,
        (dt.date(2025, 12, 31), 5.0),  # last year
        (dt.date(2026, 1, 1), 2.0),
        (TODAY, 1.0),
        (dt.date(2026, 3, 12), 5.0),  # tomorrow
    )
    with db.session() as s:
        ytd = learning.year_to_date(s, TODAY)
    # 1 Jan .. 11 Mar is 31 + 28 + 11 = 70 days of 365: 70 h of a 365 h goal
    assert (ytd.year, ytd.logged, ytd.goal, ytd.expected_by_now) == (2026, 3.0, 365.0, 70.0)


def test_year_to_date_goal_follows_the_weekly_goal_until_one_is_set(db) -> None:
    log(db, (dt.date(2026, 1, 1), 1.0))  # on record since 1 January: the whole year is expected
    with db.session() as s:
        ytd = learning.year_to_date(s, dt.date(2026, 12, 31))
    follows = DEFAULT_TARGETS["learning"] * WEEKS_A_YEAR
    assert (ytd.logged, ytd.goal, ytd.expected_by_now) == (1.0, follows, follows)
    assert ytd.goal_follows_weekly


# --- streaks -----------------------------------------------------------------------------------


def test_current_streak_may_end_last_week_while_this_week_is_open(db) -> None:
    """Goal 5 h. Met 6, 5, 4 weeks ago; missed 3 weeks ago; met 2 and 1 weeks ago; this week
    has 1 h so far: current 2 (ending last week), longest 3."""
    log(
        db,
        (monday(6), 5.0),
        (monday(5), 2.5),
        (monday(5) + dt.timedelta(days=6), 2.5),  # Sunday of the same week
        (monday(4), 5.0),
        (monday(3), 2.0),  # short
        (monday(2), 6.0),
        (monday(1), 5.0),
        (THIS_MONDAY, 1.0),
    )
    assert get_streak(db) == learning.Streak(current=2, longest=3)


def test_current_streak_includes_this_week_once_met(db) -> None:
    log(db, (monday(2), 5.0), (monday(1), 5.0), (THIS_MONDAY, 5.0))
    assert get_streak(db) == learning.Streak(current=3, longest=3)


def test_a_gap_week_breaks_the_streak(db) -> None:
    log(db, (monday(4), 5.0), (monday(3), 5.0), (monday(1), 5.0))  # nothing 2 weeks ago
    assert get_streak(db) == learning.Streak(current=1, longest=2)


def test_no_current_streak_when_last_week_was_missed(db) -> None:
    log(db, (monday(3), 5.0), (monday(2), 5.0), (THIS_MONDAY, 2.0))
    assert get_streak(db) == learning.Streak(current=0, longest=2)


def test_this_week_met_after_a_missed_week_is_a_streak_of_one(db) -> None:
    log(db, (monday(2), 5.0), (THIS_MONDAY, 5.0))
    assert get_streak(db) == learning.Streak(current=1, longest=1)


def test_streak_uses_the_edited_weekly_goal(db) -> None:
    with db.session() as s:
        balance.set_targets(s, {"learning": 2})
    log(db, (monday(2), 2.0), (monday(1), 2.0), (THIS_MONDAY, 1.0))
    assert get_streak(db) == learning.Streak(current=2, longest=2)


def test_sessions_after_today_do_not_count_towards_the_streak(db) -> None:
    log(db, (monday(1), 5.0), (THIS_MONDAY, 1.0), (THIS_MONDAY + dt.timedelta(days=5), 4.0))
    assert get_streak(db, TODAY) == learning.Streak(current=1, longest=1)


def test_no_streak_in_an_empty_file(db) -> None:
    assert get_streak(db) == learning.Streak(current=0, longest=0)


@pytest.mark.parametrize("weeks_shown", [1, 4])
def test_weekly_series_shows_the_requested_number_of_weeks(db, weeks_shown) -> None:
    with db.session() as s:
        series = learning.weekly_series(s, TODAY, weeks=weeks_shown)
    assert [p.start for p in series.weeks] == [monday(n) for n in range(weeks_shown - 1, -1, -1)]
