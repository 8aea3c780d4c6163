"""Toggl Track and Clockify detailed reports become learning sessions, summed per activity per
day, with activities created as needed."""

from __future__ import annotations

import datetime as dt

import pytest
from import_samples import CLOCKIFY, CLOCKIFY_HEADER, TOGGL, TOGGL_HEADER, write
from sqlalchemy import select

from planner.importers import commit, preview
from planner.models import LearningActivity, LearningSession
from planner.services import learning
from planner.services.errors import ImportFileError, InputError
from planner.services.learning import ActivityInput

D11, D12, D13 = dt.date(2024, 3, 11), dt.date(2024, 3, 12), dt.date(2024, 3, 13)


def import_report(db, path, kind: str):
    with db.session() as s:
        plan = preview(s, kind, path)
    with db.session() as s:
        written = commit(s, plan)
    return plan, written


def sessions(db) -> list[tuple[dt.date, str | None, float]]:
    with db.session() as s:
        rows = s.execute(
            select(LearningSession.date, LearningActivity.title, LearningSession.hours)
            .outerjoin(LearningActivity)
            .order_by(LearningSession.date, LearningActivity.title)
        )
        return [tuple(r) for r in rows]


def test_toggl_entries_are_summed_per_activity_per_day(db, tmp_path) -> None:
    plan, written = import_report(db, write(tmp_path, "toggl.csv", TOGGL), "toggl")

    assert written == 3
    assert sessions(db) == [
        (D11, "Deep Learning Specialization", 1.83),  # 1:30 + 0:20 on one day
        (D12, None, 0.25),  # neither project nor description: a session with no activity
        (D12, "Reading the PyTorch docs", 0.75),  # no project: the description names it
    ]
    with db.session() as s:
        course = learning.find_activity(s, "Deep Learning Specialization")
        assert (course.provider, course.status, course.kind) == ("Coursera", "in_progress", "other")
    assert [(p.number, p.reason) for p in plan.skipped] == [(6, "no time recorded (duration 0)")]
    assert plan.add[0].data.lines == (2, 3)


def test_clockify_month_first_dates_and_decimal_durations(db, tmp_path) -> None:
    _, written = import_report(db, write(tmp_path, "clockify.csv", CLOCKIFY), "clockify")

    assert written == 2
    assert sessions(db) == [(D11, "fast.ai Part 1", 1.5), (D13, "fast.ai Part 1", 2.75)]


def test_clockify_day_first_dates_are_recognised_from_the_file(db, tmp_path) -> None:
    text = (
        f"{CLOCKIFY_HEADER}\n"
        "MLOps,,,,Ana,,,,No,11/03/2024,,11/03/2024,,01:00:00,1.00,,\n"
        "MLOps,,,,Ana,,,,No,25/03/2024,,25/03/2024,,00:30:00,0.50,,\n"
    )
    import_report(db, write(tmp_path, "c.csv", text), "clockify")

    assert sessions(db) == [(D11, "MLOps", 1.0), (dt.date(2024, 3, 25), "MLOps", 0.5)]


def test_reimporting_a_report_adds_nothing(db, tmp_path) -> None:
    path = write(tmp_path, "toggl.csv", TOGGL)
    import_report(db, path, "toggl")

    plan, written = import_report(db, path, "toggl")

    assert (written, len(plan.duplicates)) == (0, 3)
    assert len(sessions(db)) == 3


def test_an_existing_activity_is_reused_whatever_its_case(db, tmp_path) -> None:
    with db.session() as s:
        learning.save_activity(s, ActivityInput("FAST.AI part 1", status="planned"))

    import_report(db, write(tmp_path, "clockify.csv", CLOCKIFY), "clockify")

    assert {title for _, title, _ in sessions(db)} == {"FAST.AI part 1"}
    with db.session() as s:
        assert learning.find_activity(s, "fast.ai part 1").status == "in_progress"


def test_a_day_past_24_hours_with_what_is_logged_is_rejected_naming_its_lines(db, tmp_path) -> None:
    with db.session() as s:
        learning.log_session(s, 23, D11)
    plan, written = import_report(db, write(tmp_path, "toggl.csv", TOGGL), "toggl")

    assert written == 2  # 2024-03-12's sessions still import
    assert [p.number for p in plan.rejected] == [2]
    assert "2024-03-11 would hold 24.83 h" in plan.rejected[0].reason
    assert "(23 h already logged)" in plan.rejected[0].reason


def test_an_entry_longer_than_a_day_and_an_unreadable_date_are_rejected(db, tmp_path) -> None:
    text = (
        f"{TOGGL_HEADER}\n"
        "Ana,,,Forgot the timer,,,No,2024-03-11,09:00:00,2024-03-12,12:00:00,27:00:00,,\n"
        "Ana,,,Kaggle,,,No,someday,09:00:00,,,01:00:00,,\n"
        "Ana,,,Kaggle,,,No,2024-03-11,09:00:00,,,,,\n"
    )
    plan, written = import_report(db, write(tmp_path, "t.csv", text), "toggl")

    assert written == 0
    reasons = {p.number: p.reason for p in plan.rejected}
    assert "longer than a day" in reasons[2]
    assert "'someday' is not a date" in reasons[3]
    assert "no duration" in reasons[4]


def test_logging_after_the_preview_that_overfills_a_day_writes_nothing(db, tmp_path) -> None:
    with db.session() as s:
        plan = preview(s, "toggl", write(tmp_path, "toggl.csv", TOGGL))
    with db.session() as s:
        learning.log_session(s, 23, D11)

    with pytest.raises(InputError, match="preview the import again"), db.session() as s:
        commit(s, plan)

    assert sessions(db) == [(D11, None, 23.0)]
    with db.session() as s:
        assert s.scalars(select(LearningActivity.title)).all() == []


def test_a_clockify_report_given_as_toggl_is_refused_with_the_columns_it_needs(
    db, tmp_path
) -> None:
    with db.session() as s, pytest.raises(ImportFileError, match="Toggl Track detailed report"):
        preview(s, "toggl", write(tmp_path, "clockify.csv", CLOCKIFY))
