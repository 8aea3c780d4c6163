"""Calendar exports (.ics) of Google, Outlook and Apple become the Balance page's week hours:
names mapped to categories (and remembered), repeating events expanded, time zones and
daylight saving honoured, all-day events left out with a reason, all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from import_samples import APPLE_ICS, GOOGLE_ICS, OUTLOOK_ICS, write
from sqlalchemy import select

from planner.importers import commit, preview
from planner.importers.ics import remembered
from planner.models import WeekHours
from planner.services import balance
from planner.services.errors import ImportFileError

TODAY = dt.date(2024, 4, 10)
W10, W11, W12, W13 = (dt.date(2024, 3, d) for d in (4, 11, 18, 25))


def run(db, path, mapping=None, today=TODAY):
    with db.session() as s:
        plan = preview(s, "ics", path, mapping=mapping, today=today)
    with db.session() as s:
        written = commit(s, plan) if plan.add else 0
    return plan, written


def week_hours(db) -> dict[tuple[dt.date, str], float]:
    with db.session() as s:
        return {(w.week_start, w.category): w.hours for w in s.scalars(select(WeekHours))}


def test_google_gym_calendar_repeats_exceptions_and_zone(db, tmp_path) -> None:
    plan, written = run(db, write(tmp_path, "gym.ics", GOOGLE_ICS), {"Gym": "exercise"})

    assert written == 3
    assert week_hours(db) == {
        (W10, "exercise"): 2.0,  # Monday and Thursday, 07:00-08:00
        # Monday, Thursday left out (EXDATE), and a swim at 23:30 UTC on Sunday, which is
        # 00:30 on Monday in Berlin, the calendar's zone
        (W11, "exercise"): 2.0,
        (W12, "exercise"): 2.5,  # Monday's moved to Tuesday 18:30-20:00, and Thursday
    }
    assert [(p.number, p.reason) for p in plan.skipped] == [
        (4, "'Hiking day' is an all-day event: it has no hours to count")
    ]
    with db.session() as s:
        assert remembered(s) == {"Gym": "exercise"}
        assert balance.week_balance(s, W12, W12).categories[2].hours == 2.5  # the Balance page


def test_the_mapping_is_remembered_and_a_second_import_changes_nothing(db, tmp_path) -> None:
    path = write(tmp_path, "gym.ics", GOOGLE_ICS)
    run(db, path, {"Gym": "exercise"})
    before = week_hours(db)

    plan, written = run(db, path)  # no mapping given: the saved one applies

    assert (written, plan.add) == (0, [])
    assert len(plan.duplicates) == 3
    assert "already has exercise 2 h" in plan.duplicates[0].reason
    assert week_hours(db) == before


def test_outlook_categories_weekday_series_and_cancelled_events(db, tmp_path) -> None:
    path = write(tmp_path, "outlook.ics", OUTLOOK_ICS)
    with db.session() as s:
        unmapped = preview(s, "ics", path, today=TODAY)
    assert unmapped.add == []
    assert set(unmapped.mappable) == {"Blue Category", "Calendar", "Friends", "Office"}
    assert "'Office' or 'Calendar' is not mapped" in unmapped.skipped[0].reason

    plan, _ = run(db, path, {"office": "work", "Friends": "social"})

    assert week_hours(db) == {
        (W11, "work"): 40.0,
        (W12, "work"): 40.0,  # COUNT=10 weekdays: two weeks
        (W11, "social"): 3.5,
    }
    assert [p.reason for p in plan.skipped] == ["'Canceled: Team drinks' is cancelled"]


def test_apple_sleep_across_the_clock_change_counts_the_hours_lived(db, tmp_path) -> None:
    _plan, _ = run(db, write(tmp_path, "rest.ics", APPLE_ICS))  # "Rest" needs no mapping
    assert week_hours(db) == {(W13, "rest"): 7.0}


def test_an_import_replaces_a_typed_value_and_says_so(db, tmp_path) -> None:
    with db.session() as s:
        balance.set_week_hours(s, W11, {"exercise": 5, "work": 45})
    plan, _ = run(db, write(tmp_path, "gym.ics", GOOGLE_ICS), {"Gym": "exercise"})

    assert "2024-W11 exercise 2 h (replaces 5 h)" in [r.label for r in plan.add]
    assert week_hours(db)[(W11, "exercise")] == 2.0
    assert week_hours(db)[(W11, "work")] == 45.0  # a category the calendar has no hours for


def test_weeks_after_this_one_are_not_counted(db, tmp_path) -> None:
    _plan, _ = run(db, write(tmp_path, "gym.ics", GOOGLE_ICS), {"Gym": "exercise"}, W11)
    assert set(week_hours(db)) == {(W10, "exercise"), (W11, "exercise")}


def test_a_dry_preview_writes_nothing(db, tmp_path) -> None:
    with db.session() as s:
        plan = preview(s, "ics", write(tmp_path, "g.ics", GOOGLE_ICS), mapping={"Gym": "rest"})
    assert len(plan.add) == 3
    assert week_hours(db) == {}
    with db.session() as s:
        assert remembered(s) == {}


@pytest.mark.parametrize(
    ("mapping", "problem"),
    [({"Gym": "learning"}, "learning hours come from logged sessions"), ({"Gym": "fun"}, "not a")],
)
def test_a_bad_mapping_is_refused(db, tmp_path, mapping, problem) -> None:
    with db.session() as s, pytest.raises(ImportFileError, match=problem):
        preview(s, "ics", write(tmp_path, "g.ics", GOOGLE_ICS), mapping=mapping)


@pytest.mark.parametrize(
    "text", ["", "BEGIN:VCARD\nFN:Ada\nEND:VCARD\n", "BEGIN:VCALENDAR\nBEGIN:VEVENT\n"]
)
def test_a_file_that_is_no_calendar_is_refused_whole(db, tmp_path, text) -> None:
    with db.session() as s, pytest.raises(ImportFileError):
        preview(s, "ics", write(tmp_path, "x.ics", text), today=TODAY)


def test_a_week_over_168_hours_is_rejected_and_the_rest_still_imports(db, tmp_path) -> None:
    overlapping = "".join(
        f"BEGIN:VEVENT\r\nUID:w{i}\r\nSUMMARY:Shift {i}\r\nDTSTART:20240311T000000\r\n"
        "DTEND:20240311T230000\r\nRRULE:FREQ=DAILY;COUNT=7\r\nEND:VEVENT\r\n"
        for i in range(2)
    )
    text = GOOGLE_ICS.replace("END:VCALENDAR", overlapping + "END:VCALENDAR")
    plan, written = run(db, write(tmp_path, "g.ics", text), {"Gym": "work"})

    assert [p.number for p in plan.rejected] == [5]  # the week's first event: Monday 00:00
    assert "more than 168 h in a week" in plan.rejected[0].reason
    assert written == 2 and (W11, "work") not in week_hours(db)


def test_an_event_repeating_every_minute_is_left_out_not_expanded_for_ever(db, tmp_path) -> None:
    text = GOOGLE_ICS.replace(
        "RRULE:FREQ=WEEKLY;WKST=MO;UNTIL=20240324T225959Z;BYDAY=MO,TH", "RRULE:FREQ=MINUTELY"
    )
    with db.session() as s:
        plan = preview(
            s, "ics", write(tmp_path, "g.ics", text), mapping={"Gym": "rest"}, today=TODAY
        )
    assert (1, "'Strength training' repeats more often than daily") in [
        (p.number, p.reason) for p in plan.skipped
    ]
    assert [r.label for r in plan.add] == ["2024-W11 rest 1 h"]  # the swim alone


def test_too_many_occurrences_refuse_the_file(db, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("planner.importers.ics.OCCURRENCE_LIMIT", 5)
    with db.session() as s, pytest.raises(ImportFileError, match="repeat more than 5 times"):
        preview(s, "ics", write(tmp_path, "g.ics", GOOGLE_ICS), today=TODAY)


def test_an_event_without_uid_still_counts(db, tmp_path) -> None:
    text = GOOGLE_ICS.replace("UID:night-swim@google.com\r\n", "")
    plan, _ = run(db, write(tmp_path, "g.ics", text), {"Gym": "exercise"})
    assert plan.skipped == [] or all("Night swim" not in p.reason for p in plan.skipped)
    assert week_hours(db)[(W11, "exercise")] == 2.0


def test_an_event_lasting_for_decades_is_skipped_not_expanded_for_ever(db, tmp_path) -> None:
    """The library, asked for what comes after a day, kept finding this one event in every
    quarter hour on to the year 9999: the import never finished (a generated file found it)."""
    text = (
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:long\r\nSUMMARY:Sabbatical\r\n"
        "DTSTART:20200101T000000Z\r\nDTEND:20990101T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    with db.session() as s:
        plan = preview(s, "ics", write(tmp_path, "long.ics", text), today=TODAY)
    assert plan.add == []
    assert [p.number for p in plan.skipped] == [1]
    assert "Sabbatical" in plan.skipped[0].reason
