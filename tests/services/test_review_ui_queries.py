"""The queries behind the Network, Balance and Weekly review pages, on a real SQLite file.

They compose the rules tested elsewhere (balance statuses, due contacts, streaks); these tests
pin what the pages rely on: zero-filled week series, one contact's log, who was met in a week,
and the review of a week seen from its end, with the reflection stored per week.
"""

from __future__ import annotations

import datetime as dt

import pytest

from planner.services import balance, network, review, roadmap, skills
from planner.services.errors import InputError
from planner.services.learning import log_session
from planner.services.network import ContactInput
from planner.services.weeks import week_heading

# A Wednesday in 2026-W47 (Monday 16 Nov .. Sunday 22 Nov).
WEDNESDAY = dt.date(2026, 11, 18)
MONDAY = dt.date(2026, 11, 16)
SUNDAY = dt.date(2026, 11, 22)


def write(db, fn, *args, **kwargs):
    with db.session() as s:
        return fn(s, *args, **kwargs)


# --- balance history -------------------------------------------------------------------------


def test_history_fills_every_week_with_zeros_and_takes_learning_from_sessions(db) -> None:
    write(db, balance.set_week_hours, MONDAY, {"work": 50, "rest": 6})
    write(db, log_session, 1.5, MONDAY)
    write(db, log_session, 2.0, SUNDAY)
    write(db, log_session, 1.0, MONDAY - dt.timedelta(days=7))
    history = write(db, balance.history, WEDNESDAY, 3)

    assert [w.start for w in history.weeks] == [
        MONDAY - dt.timedelta(weeks=2),
        MONDAY - dt.timedelta(weeks=1),
        MONDAY,
    ]
    assert history.weeks[-1].label == "2026-W47"
    assert history.series("work") == (0.0, 0.0, 50.0)
    assert history.series("learning") == (0.0, 1.0, 3.5)
    assert history.series("exercise") == (0.0, 0.0, 0.0)
    assert history.target("work") == 40.0
    assert history.has_data


def test_history_uses_the_current_targets(db) -> None:
    write(db, balance.set_targets, {"learning": 7, "rest": 10})
    history = write(db, balance.history, WEDNESDAY, 1)
    assert history.target("learning") == 7.0
    assert history.target("rest") == 10.0
    assert not history.has_data


@pytest.mark.parametrize("weeks", [0, -1, 521])
def test_history_refuses_a_silly_number_of_weeks(db, weeks: int) -> None:
    with pytest.raises(InputError, match="between 1 and 520"):
        write(db, balance.history, WEDNESDAY, weeks)


# --- network: one contact, a week's meetings ----------------------------------------------------


def add_contact(db, name: str, **fields) -> int:
    return write(db, network.save_contact, ContactInput(name=name, **fields))


def test_contact_detail_and_interaction_log_newest_first(db) -> None:
    cid = add_contact(
        db, "Ada", relationship="mentor", industry="Retail", notes="Met at PyData",
        expertise=["SQL", "Python"], connected_on=dt.date(2026, 1, 1),
    )  # fmt: skip
    write(db, network.add_interaction, "Ada", dt.date(2026, 3, 1), "call", "First call")
    write(db, network.add_interaction, "Ada", dt.date(2026, 5, 1), "email", "Thanks")
    detail = write(db, network.contact_detail, cid)
    assert (detail.name, detail.industry, detail.notes) == ("Ada", "Retail", "Met at PyData")
    assert detail.expertise == ("Python", "SQL")
    log = write(db, network.interactions, cid)
    assert [(i.date, i.channel, i.note) for i in log] == [
        (dt.date(2026, 5, 1), "email", "Thanks"),
        (dt.date(2026, 3, 1), "call", "First call"),
    ]


def test_contact_detail_of_a_deleted_contact_is_an_input_error(db) -> None:
    with pytest.raises(InputError, match="no longer exists"):
        write(db, network.contact_detail, 99)


def test_deleting_an_interaction_leaves_the_contact_and_refuses_a_second_delete(db) -> None:
    cid = add_contact(db, "Ada")
    iid = write(db, network.add_interaction, "Ada", MONDAY, "video", "Demo", SUNDAY)
    write(db, network.delete_interaction, iid)
    assert write(db, network.interactions, cid) == []
    assert write(db, network.contact_detail, cid).name == "Ada"
    with pytest.raises(InputError, match=f"interaction {iid} no longer exists"):
        write(db, network.delete_interaction, iid)


def test_touched_between_counts_each_contacts_meetings_in_the_week(db) -> None:
    add_contact(db, "Ada")
    add_contact(db, "Bo", relationship="mentor")
    add_contact(db, "Cy")
    write(db, network.add_interaction, "Ada", MONDAY, "call")
    write(db, network.add_interaction, "Ada", WEDNESDAY, "email")
    write(db, network.add_interaction, "Bo", SUNDAY, "meeting")
    write(db, network.add_interaction, "Cy", SUNDAY + dt.timedelta(days=1), "meeting")
    touched = write(db, network.touched_between, MONDAY, SUNDAY)
    assert [(t.name, t.interactions, t.last) for t in touched] == [
        ("Bo", 1, SUNDAY),
        ("Ada", 2, WEDNESDAY),
    ]
    assert touched[1].channels == ("call", "email")


def test_contacts_until_ignores_later_interactions_and_later_contacts(db) -> None:
    add_contact(db, "Ada", cadence_days=30, connected_on=dt.date(2026, 1, 1))
    add_contact(db, "Late", connected_on=dt.date(2026, 12, 1))
    write(db, network.add_interaction, "Ada", dt.date(2026, 12, 5))
    now = {c.name: c.due for c in write(db, network.contacts, SUNDAY)}
    assert now == {"Ada": False, "Late": False}
    then = write(db, network.contacts, SUNDAY, until=SUNDAY)
    assert [(c.name, c.due, c.last_contact) for c in then] == [("Ada", True, None)]


# --- the weekly review ----------------------------------------------------------------------------


def test_summary_gathers_the_weeks_figures(db) -> None:
    write(db, balance.set_week_hours, MONDAY, {"work": 55, "exercise": 3, "social": 5, "rest": 4})
    write(db, log_session, 2.0, MONDAY)
    write(db, log_session, 3.5, WEDNESDAY)
    write(db, skills.set_level, "Python", 2, MONDAY - dt.timedelta(days=30))
    write(db, skills.set_level, "Python", 3, WEDNESDAY)
    done = write(db, roadmap.save_milestone, "Finish course", due_on=SUNDAY)
    write(db, roadmap.set_done, done, WEDNESDAY)
    write(db, roadmap.save_milestone, "Late one", due_on=MONDAY)
    write(db, roadmap.save_milestone, "Soon", due_on=SUNDAY + dt.timedelta(days=14))
    write(db, roadmap.save_milestone, "Later", due_on=SUNDAY + dt.timedelta(days=15))
    add_contact(db, "Ada", cadence_days=30, connected_on=dt.date(2026, 1, 1))
    add_contact(db, "Bo", cadence_days=30, connected_on=dt.date(2026, 1, 1))
    write(db, network.add_interaction, "Ada", WEDNESDAY, "call")
    write(db, review.save_reflection, MONDAY, "Good week.")

    s = write(db, review.summary, WEDNESDAY, dt.date(2026, 12, 31))
    assert (s.week, s.start, s.end, s.as_of) == ("2026-W47", MONDAY, SUNDAY, SUNDAY)
    assert (s.learning_hours, s.learning_sessions, s.learning_goal) == (5.5, 2, 5.0)
    assert s.goal_met and s.goal_share == pytest.approx(1.1)
    assert s.streak.current == 1
    assert s.balance.category("work").status == "over"
    assert [m.title for m in s.milestones_done] == ["Finish course"]
    assert [m.title for m in s.milestones_overdue] == ["Late one"]
    assert [m.title for m in s.milestones_due_soon] == ["Soon"]
    assert [(m.name, m.before, m.after) for m in s.skills_moved] == [("Python", 2, 3)]
    assert [t.name for t in s.contacts_touched] == ["Ada"]
    assert [c.name for c in s.contacts_due] == ["Bo"]
    assert [w.hours for w in s.learning_weeks.weeks][-1] == 5.5
    assert len(s.learning_weeks.weeks) == review.LEARNING_WEEKS
    assert s.reflection == "Good week."
    assert s.heading == "2026-W47 · 16–22 Nov 2026"


def test_summary_of_the_week_in_progress_looks_from_today(db) -> None:
    later = write(db, roadmap.save_milestone, "Done after the review day", due_on=MONDAY)
    write(db, roadmap.set_done, later, dt.date(2026, 12, 1))
    s = write(db, review.summary, MONDAY, WEDNESDAY)
    assert s.as_of == WEDNESDAY
    assert [m.title for m in s.milestones_overdue] == ["Done after the review day"]
    assert s.milestones_done == ()
    assert s.learning_hours == 0.0 and not s.goal_met


def test_reflection_is_stored_per_week_and_an_empty_one_is_removed(db) -> None:
    write(db, review.save_reflection, WEDNESDAY, "  First thoughts  ")
    assert write(db, review.reflection, SUNDAY) == "First thoughts"
    assert write(db, review.reflection, SUNDAY + dt.timedelta(days=1)) == ""
    write(db, review.save_reflection, MONDAY, "Second")
    assert write(db, review.reflection, MONDAY) == "Second"
    write(db, review.save_reflection, MONDAY, "   ")
    assert write(db, review.reflection, MONDAY) == ""


def test_an_overlong_reflection_is_refused_and_the_old_one_kept(db) -> None:
    write(db, review.save_reflection, MONDAY, "Kept")
    with pytest.raises(InputError, match="keep it under"):
        write(db, review.save_reflection, MONDAY, "x" * (review.MAX_REFLECTION + 1))
    assert write(db, review.reflection, MONDAY) == "Kept"


@pytest.mark.parametrize(
    ("monday", "text"),
    [
        (dt.date(2026, 11, 16), "2026-W47 · 16–22 Nov 2026"),
        (dt.date(2026, 11, 30), "2026-W49 · 30 Nov – 6 Dec 2026"),
        (dt.date(2025, 12, 29), "2026-W01 · 29 Dec 2025 – 4 Jan 2026"),
        (dt.date(2026, 11, 19), "2026-W47 · 16–22 Nov 2026"),
    ],
)
def test_week_heading_reads_like_a_calendar(monday: dt.date, text: str) -> None:
    assert week_heading(monday) == text


def test_week_balance_sets_the_burnout_warning_apart_from_the_other_advice(db) -> None:
    for weeks_back in range(3):
        monday = MONDAY - dt.timedelta(weeks=weeks_back)
        write(
            db, balance.set_week_hours, monday, {"work": 55, "exercise": 3, "social": 5, "rest": 8}
        )
    week = write(db, balance.week_balance, WEDNESDAY, WEDNESDAY)
    assert week.burnout_risk
    assert week.burnout_advice == week.recommendations[-1]
    assert "burnout" in week.burnout_advice
    assert week.advice == week.recommendations[:-1]
    assert all("burnout" not in tip for tip in week.advice)


def test_week_balance_without_burnout_keeps_every_recommendation(db) -> None:
    write(db, balance.set_week_hours, MONDAY, {"work": 55, "exercise": 3, "social": 5, "rest": 8})
    week = write(db, balance.week_balance, WEDNESDAY, WEDNESDAY)
    assert not week.burnout_risk and week.burnout_advice is None
    assert week.advice == week.recommendations
