"""Work-life balance: the wellbeing plan's over/under rule, weekly hours and recommendations.

DESIGN.md: a category is over when actual > 1.2 x target, under when actual < 0.8 x target,
balanced otherwise, and the boundaries themselves are balanced.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from planner.models import WeekHours
from planner.services import balance
from planner.services.errors import InputError
from planner.services.learning import log_session

# A Wednesday; its ISO week runs Monday 2026-03-09 .. Sunday 2026-03-15 (2026-W11).
WEDNESDAY = dt.date(2026, 3, 11)
MONDAY = dt.date(2026, 3, 9)
SUNDAY = dt.date(2026, 3, 15)
BALANCED_WEEK = {"work": 40, "exercise": 3, "social": 5, "rest": 8}


def set_week(db, monday: dt.date, **hours: float) -> None:
    with db.session() as s:
        balance.set_week_hours(s, monday, hours)


def log(db, *sessions: tuple[dt.date, float]) -> None:
    with db.session() as s:
        for day, hours in sessions:
            log_session(s, hours, day)


def week(db, day: dt.date = WEDNESDAY) -> balance.WeekBalance:
    with db.session() as s:
        return balance.week_balance(s, day, SUNDAY)  # the week judged whole, as it ended


def tradeoff_advice(result: balance.WeekBalance) -> list[str]:
    """The recommendation that says learning met its goal at the cost of recovery."""
    return [r for r in result.recommendations if r.startswith("Learning met its goal")]


def stored_week_rows(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(WeekHours))


# --- targets -----------------------------------------------------------------------------------


def test_targets_default_to_the_wellbeing_plan(db) -> None:
    with db.session() as s:
        assert balance.targets(s) == {
            "work": 40.0,
            "learning": 5.0,
            "exercise": 3.0,
            "social": 5.0,
            "rest": 8.0,
        }


def test_set_targets_changes_only_the_given_categories_and_persists(db) -> None:
    with db.session() as s:
        balance.set_targets(s, {"work": 45, "Learning": 7.5})
    with db.session() as s:
        assert balance.targets(s) == {
            "work": 45.0,
            "learning": 7.5,
            "exercise": 3.0,
            "social": 5.0,
            "rest": 8.0,
        }


def test_set_targets_is_all_or_nothing(db) -> None:
    with db.session() as s:
        with pytest.raises(InputError):
            balance.set_targets(s, {"work": 45, "rest": -1})
        assert balance.targets(s)["work"] == 40.0
    with db.session() as s:
        assert balance.targets(s)["work"] == 40.0


def test_week_status_is_measured_against_an_edited_target(db) -> None:
    with db.session() as s:
        balance.set_targets(s, {"work": 50})
    set_week(db, MONDAY, work=58)  # 58 <= 1.2 x 50 = 60, but over the default 48 limit
    work = week(db).category("work")
    assert (work.target, work.status) == (50.0, "balanced")


# --- the over / under rule ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "target", "hours", "expected"),
    [
        # work, default target 40: limits 48 and 32
        ("work", 40, 48, "balanced"),
        ("work", 40, 48.1, "over"),
        ("work", 40, 32, "balanced"),
        ("work", 40, 31.9, "under"),
        # rest, default target 8: limits 9.6 and 6.4
        ("rest", 8, 9.6, "balanced"),
        ("rest", 8, 9.7, "over"),
        ("rest", 8, 6.4, "balanced"),
        ("rest", 8, 6.3, "under"),
        # social, default target 5: limits 6 and 4
        ("social", 5, 6, "balanced"),
        ("social", 5, 6.1, "over"),
        ("social", 5, 4, "balanced"),
        ("social", 5, 3.9, "under"),
        # exercise, default target 3: limits 3.6 and 2.4
        ("exercise", 3, 3.6, "balanced"),
        ("exercise", 3, 3.7, "over"),
        ("exercise", 3, 2.4, "balanced"),
        ("exercise", 3, 2.3, "under"),
    ],
)
def test_status_boundaries_are_balanced(db, category, target, hours, expected) -> None:
    """Each default target, typed exactly at 1.2 x and 0.8 x, and a tenth past either side."""
    set_week(db, MONDAY, **{category: hours})
    result = week(db).category(category)
    assert (result.target, result.hours, result.status) == (target, hours, expected)


@pytest.mark.parametrize(
    ("sessions", "expected"),
    [
        ([2, 2, 2], "balanced"),  # 6 h = 1.2 x 5
        ([2, 2, 2.5], "over"),  # 6.5 h
        ([2, 2], "balanced"),  # 4 h = 0.8 x 5
        ([2, 1.5], "under"),  # 3.5 h
    ],
)
def test_learning_status_uses_the_logged_hours(db, sessions, expected) -> None:
    log(db, *[(MONDAY + dt.timedelta(days=i), h) for i, h in enumerate(sessions)])
    learning = week(db).category("learning")
    assert (learning.hours, learning.status) == (sum(sessions), expected)


def test_a_zero_target_is_balanced_at_zero_and_over_above_it(db) -> None:
    with db.session() as s:
        balance.set_targets(s, {"social": 0})
    set_week(db, MONDAY, social=0)
    assert week(db).category("social").status == "balanced"
    set_week(db, MONDAY, social=0.5)
    assert week(db).category("social").status == "over"


def test_untyped_categories_count_as_zero_hours(db) -> None:
    result = week(db)
    assert {c.category: c.hours for c in result.categories} == {
        "work": 0,
        "learning": 0,
        "exercise": 0,
        "social": 0,
        "rest": 0,
    }
    assert all(c.status == "under" for c in result.categories)


# --- learning hours come from the week's sessions ----------------------------------------------


def test_learning_hours_are_the_sessions_of_the_iso_week(db) -> None:
    """Monday through Sunday count; the Sunday before and the Monday after do not."""
    log(
        db,
        (MONDAY - dt.timedelta(days=1), 4.0),  # previous week's Sunday
        (MONDAY, 1.5),
        (WEDNESDAY, 0.5),
        (SUNDAY, 2.0),
        (SUNDAY + dt.timedelta(days=1), 3.0),  # next Monday
    )
    result = week(db)
    assert result.category("learning").hours == 1.5 + 0.5 + 2.0
    assert result.learning_sessions == 3
    assert (result.week, result.start, result.end) == ("2026-W11", MONDAY, SUNDAY)


def test_any_day_of_the_week_gives_the_same_balance(db) -> None:
    log(db, (MONDAY, 1.0), (SUNDAY, 2.0))
    set_week(db, MONDAY, work=41)
    assert week(db, MONDAY) == week(db, SUNDAY) == week(db, WEDNESDAY)


# --- typed categories --------------------------------------------------------------------------


def test_set_week_hours_stores_typed_categories_on_the_monday(db) -> None:
    with db.session() as s:
        balance.set_week_hours(s, WEDNESDAY, {"Work": 42.5, "exercise": 2, "social": 6, "rest": 7})
    result = week(db, MONDAY)
    assert {c.category: c.hours for c in result.categories if c.category != "learning"} == {
        "work": 42.5,
        "exercise": 2.0,
        "social": 6.0,
        "rest": 7.0,
    }
    with db.session() as s:
        assert set(s.scalars(select(WeekHours.week_start))) == {MONDAY}


def test_set_week_hours_overwrites_a_category_and_keeps_the_others(db) -> None:
    set_week(db, MONDAY, work=40, rest=8)
    set_week(db, MONDAY, work=50)
    result = week(db)
    assert (result.category("work").hours, result.category("rest").hours) == (50.0, 8.0)
    assert stored_week_rows(db) == 2


def test_learning_cannot_be_typed(db) -> None:
    with db.session() as s, pytest.raises(InputError, match="log"):
        balance.set_week_hours(s, MONDAY, {"learning": 5})
    assert stored_week_rows(db) == 0


def test_unknown_category_suggests_the_close_one(db) -> None:
    with db.session() as s, pytest.raises(InputError) as error:
        balance.set_week_hours(s, MONDAY, {"wrok": 40})
    assert "'wrok'" in str(error.value)
    assert "'work'" in str(error.value)


@pytest.mark.parametrize("bad", [-1, 168.5, float("nan"), "40"])
def test_set_week_hours_is_all_or_nothing(db, bad) -> None:
    """One bad value writes none of the others, even if the caller keeps the session going."""
    set_week(db, MONDAY, work=40)
    with db.session() as s, pytest.raises(InputError):
        balance.set_week_hours(s, MONDAY, {"work": 55, "social": 4, "rest": bad})
        # the session goes on and commits: nothing of the failed call may be in it
    result = week(db)
    assert result.category("work").hours == 40.0
    assert result.category("social").hours == 0.0
    assert stored_week_rows(db) == 1


def test_a_failed_action_leaves_the_file_as_it_was(db) -> None:
    with pytest.raises(InputError), db.session() as s:
        balance.set_week_hours(s, MONDAY, {"work": 40, "exercise": -2})
    assert stored_week_rows(db) == 0


# --- recommendations ---------------------------------------------------------------------------


def test_tradeoff_advice_names_rest_when_learning_met_and_rest_under(db) -> None:
    set_week(db, MONDAY, **{**BALANCED_WEEK, "rest": 4})
    log(db, (MONDAY, 2.5), (WEDNESDAY, 2.5))  # exactly the 5 h goal
    advice = tradeoff_advice(week(db))
    assert len(advice) == 1
    assert "rest" in advice[0]
    assert "exercise" not in advice[0]


def test_tradeoff_advice_names_exercise_when_exercise_under(db) -> None:
    set_week(db, MONDAY, **{**BALANCED_WEEK, "exercise": 1})
    log(db, (MONDAY, 6.0))
    advice = tradeoff_advice(week(db))
    assert len(advice) == 1
    assert "exercise" in advice[0]
    assert "rest" not in advice[0]


def test_tradeoff_advice_names_both_when_both_are_under(db) -> None:
    set_week(db, MONDAY, **{**BALANCED_WEEK, "exercise": 0, "rest": 2})
    log(db, (MONDAY, 5.0))
    advice = tradeoff_advice(week(db))
    assert len(advice) == 1
    assert "rest" in advice[0] and "exercise" in advice[0]


def test_no_tradeoff_advice_when_learning_is_short_of_its_goal(db) -> None:
    set_week(db, MONDAY, **{**BALANCED_WEEK, "rest": 2})
    log(db, (MONDAY, 4.5))
    assert tradeoff_advice(week(db)) == []


def test_no_tradeoff_advice_when_recovery_is_not_under(db) -> None:
    set_week(db, MONDAY, **{**BALANCED_WEEK, "rest": 12, "exercise": 6})  # both over
    log(db, (MONDAY, 5.0))
    result = week(db)
    assert tradeoff_advice(result) == []


def test_a_balanced_week_has_no_recommendations(db) -> None:
    set_week(db, MONDAY, **BALANCED_WEEK)
    log(db, (MONDAY, 5.0))
    result = week(db)
    assert all(c.status == "balanced" for c in result.categories)
    assert result.recommendations == ()
    assert result.burnout_risk is False


def test_each_off_balance_category_gets_one_recommendation(db) -> None:
    set_week(db, MONDAY, work=60, exercise=3, social=5, rest=3)  # work over, rest under
    log(db, (MONDAY, 5.0))
    result = week(db)
    # work over + rest under + the learning-vs-recovery trade-off
    assert len(result.recommendations) == 3
    assert len(tradeoff_advice(result)) == 1


# --- a week still running ----------------------------------------------------------------------


def test_a_week_looked_at_before_its_sunday_says_what_is_left_not_that_it_fell_short(db) -> None:
    """On Wednesday the week is half lived: hours under a target are still to do by Sunday (work
    under its target needs nothing), and what is over already is over."""
    set_week(db, MONDAY, work=20, exercise=1, social=6, rest=12)  # rest over, the rest under
    log(db, (MONDAY, 2.0))
    with db.session() as s:
        midweek = balance.week_balance(s, MONDAY, WEDNESDAY)
        ended = balance.week_balance(s, MONDAY, SUNDAY + dt.timedelta(days=1))
    assert midweek.in_progress and not ended.in_progress
    assert [c.status for c in midweek.categories] == [c.status for c in ended.categories]
    assert midweek.recommendations == (
        balance.ADVICE[("rest", "over")],
        "The week runs to Sunday: 3 h of learning and 2 h of exercise to go to reach their "
        "targets.",
    )
    assert not any("fell short" in r or "light" in r for r in midweek.recommendations)
    assert midweek.category_advice("learning") == "3 h to go by Sunday to reach the target."
    assert midweek.category_advice("work").endswith("so far; the week runs to Sunday.")
    assert midweek.category_advice("social") == balance.BALANCED_ADVICE
    # Once the week is over, the same hours are judged as they ended.
    assert balance.ADVICE[("learning", "under")] in ended.recommendations
    assert ended.category_advice("work") == balance.ADVICE[("work", "under")]


def test_the_week_is_judged_whole_on_its_sunday(db) -> None:
    """The weekly review happens at the weekend: on Sunday the verdict stands."""
    set_week(db, MONDAY, **{**BALANCED_WEEK, "exercise": 1})
    with db.session() as s:
        assert not balance.week_balance(s, MONDAY, SUNDAY).in_progress
        assert balance.week_balance(s, MONDAY, SUNDAY - dt.timedelta(days=1)).in_progress
        # A week ahead, its hours typed as a plan: not "fell short ... next week" either.
        ahead = balance.week_balance(s, MONDAY, MONDAY - dt.timedelta(days=3))
    assert ahead.in_progress and not any("fell short" in r for r in ahead.recommendations)


def test_no_tradeoff_advice_while_the_week_runs(db) -> None:
    """Learning met by Wednesday with little rest yet is not recovery given up: rest can follow."""
    set_week(db, MONDAY, **{**BALANCED_WEEK, "rest": 2})
    log(db, (MONDAY, 5.0))
    with db.session() as s:
        midweek = balance.week_balance(s, MONDAY, WEDNESDAY)
    assert tradeoff_advice(midweek) == []
    assert tradeoff_advice(week(db)) != []


def test_with_no_advice_a_week_says_why_without_claiming_what_it_cannot(db) -> None:
    """ "Every category is within 80-120 %" only when it is so: not mid-week with work still
    under its target (nothing to act on yet), not beside categories never entered."""
    set_week(db, MONDAY, work=20, exercise=3, social=5, rest=8)
    log(db, (MONDAY, 5.0))
    with db.session() as s:
        midweek = balance.week_balance(s, MONDAY, WEDNESDAY)
    assert midweek.advice == () and midweek.category("work").status == "under"
    assert midweek.no_advice == "Nothing to act on yet: the week runs to Sunday."
    set_week(db, MONDAY, work=40)
    with db.session() as s:
        assert balance.week_balance(s, MONDAY, WEDNESDAY).no_advice.startswith(
            "Every category is within 80–120 % of its target."
        )
    assert week(db).no_advice.startswith("Every category was within")
    other = MONDAY + dt.timedelta(weeks=1)
    set_week(db, other, work=40)  # only work entered
    log(db, (other, 5.0))
    with db.session() as s:
        partly = balance.week_balance(s, other, other + dt.timedelta(weeks=2))
    assert partly.no_advice.startswith("Every category entered was within")


# --- weeks before the record began ------------------------------------------------------------


def learning_of(db, monday: dt.date, today: dt.date) -> balance.CategoryBalance:
    with db.session() as s:
        return balance.week_balance(s, monday, today).category("learning")


def test_a_week_that_ended_before_the_record_began_has_no_learning_to_judge(db) -> None:
    """A newcomer who starts today looking at last week: its learning is missing, like typed
    hours never entered, not 0 h under a goal they did not have yet; from the week their
    record begins in (a session, or a week of typed hours), 0 h is 0 h."""
    later = SUNDAY + dt.timedelta(weeks=3)
    assert not learning_of(db, MONDAY, later).entered  # nothing recorded at all
    assert learning_of(db, MONDAY, WEDNESDAY).entered  # the week in progress: 0 h so far
    log(db, (SUNDAY + dt.timedelta(days=2), 1.0))  # the record begins the week after
    week_before = learning_of(db, MONDAY, later)
    assert not week_before.entered
    with db.session() as s:
        assert not any("earning" in r for r in balance.week_balance(s, MONDAY, later).advice)
    set_week(db, MONDAY - dt.timedelta(weeks=1), work=40)  # typed hours a week earlier
    now_tracked = learning_of(db, MONDAY, later)
    assert now_tracked.entered and (now_tracked.hours, now_tracked.status) == (0, "under")


def test_the_history_leaves_out_learning_before_the_record_began(db) -> None:
    log(db, (WEDNESDAY, 2.0))
    with db.session() as s:
        history = balance.history(s, SUNDAY + dt.timedelta(weeks=1), 3)
    assert [w.known("learning") for w in history.weeks] == [None, 2.0, 0.0]
    assert history.series("learning") == (0.0, 2.0, 0.0)  # stacked bars: nothing to stack


# --- burnout -----------------------------------------------------------------------------------


def weeks_before(monday: dt.date, n: int) -> dt.date:
    return monday - dt.timedelta(weeks=n)


def test_burnout_risk_after_three_weeks_of_work_over_target(db) -> None:
    for n in (2, 1, 0):
        set_week(db, weeks_before(MONDAY, n), work=50)
    result = week(db)
    assert result.burnout_risk is True
    assert any("burnout" in r.lower() for r in result.recommendations)


def test_no_burnout_risk_after_two_weeks(db) -> None:
    set_week(db, weeks_before(MONDAY, 1), work=50)
    set_week(db, MONDAY, work=50)
    result = week(db)
    assert result.burnout_risk is False
    assert not any("burnout" in r.lower() for r in result.recommendations)


def test_a_balanced_week_breaks_the_run(db) -> None:
    set_week(db, weeks_before(MONDAY, 3), work=50)
    set_week(db, weeks_before(MONDAY, 2), work=40)  # balanced
    set_week(db, weeks_before(MONDAY, 1), work=50)
    set_week(db, MONDAY, work=50)
    assert week(db).burnout_risk is False


def test_a_missing_week_breaks_the_run(db) -> None:
    set_week(db, weeks_before(MONDAY, 3), work=50)
    set_week(db, weeks_before(MONDAY, 2), work=50)
    set_week(db, MONDAY, work=50)
    assert week(db).burnout_risk is False


def test_work_at_the_over_boundary_does_not_count_towards_burnout(db) -> None:
    for n in (2, 1):
        set_week(db, weeks_before(MONDAY, n), work=50)
    set_week(db, MONDAY, work=48)  # exactly 1.2 x 40: balanced
    assert week(db).burnout_risk is False


def test_burnout_is_measured_against_the_edited_work_target(db) -> None:
    with db.session() as s:
        balance.set_targets(s, {"work": 50})
    for n in (2, 1, 0):
        set_week(db, weeks_before(MONDAY, n), work=55)  # over 48, but not over 1.2 x 50 = 60
    assert week(db).burnout_risk is False
    set_week(db, weeks_before(MONDAY, 1), work=61)
    set_week(db, weeks_before(MONDAY, 2), work=61)
    set_week(db, MONDAY, work=61)
    assert week(db).burnout_risk is True


def test_burnout_looks_back_from_the_week_shown_not_from_later_weeks(db) -> None:
    for n in (3, 2, 1, 0):
        set_week(db, weeks_before(MONDAY, n), work=50)
    assert week(db, weeks_before(MONDAY, 2)).burnout_risk is False  # only 2 weeks up to then
    assert week(db, weeks_before(MONDAY, 1)).burnout_risk is True
