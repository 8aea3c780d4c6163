"""Skill levels 0..5 (none, aware, beginner, working, advanced, expert) and their history."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.services import skills
from planner.services.errors import InputError

D1, D2, D3, D4 = (
    dt.date(2026, 1, 5),
    dt.date(2026, 2, 3),
    dt.date(2026, 2, 20),
    dt.date(2026, 3, 2),
)


def new_skill(db, *names: str) -> None:
    with db.session() as s:
        for name in names:
            skills.add_skill(s, name)


def set_level(db, name: str, level: object, on: dt.date) -> skills.LevelChange:
    with db.session() as s:
        return skills.set_level(s, name, level, on)


def history(db, name: str) -> list[tuple[dt.date, int]]:
    with db.session() as s:
        return skills.level_history(s, name)


def level_of(db, name: str) -> int:
    with db.session() as s:
        return next(r.level for r in skills.list_skills(s) if r.name == name)


# --- levels ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "stored"),
    [(0, 0), (5, 5), ("3", 3), ("working", 3), ("Expert", 5), (" aware ", 1), ("none", 0)],
)
def test_set_level_accepts_numbers_and_level_names(db, given, stored) -> None:
    new_skill(db, "Tskill Lv")
    change = set_level(db, "Tskill Lv", given, D1)
    assert (change.name, change.before, change.after) == ("Tskill Lv", 0, stored)
    assert level_of(db, "Tskill Lv") == stored


@pytest.mark.parametrize("bad", [-1, 6, "7", "guru", "", 2.5, True, None])
def test_set_level_refuses_anything_outside_0_to_5(db, bad) -> None:
    new_skill(db, "Tskill Lv")
    set_level(db, "Tskill Lv", 2, D1)
    with db.session() as s, pytest.raises(InputError, match=r"0\.\.5"):
        skills.set_level(s, "Tskill Lv", bad, D2)
    assert level_of(db, "Tskill Lv") == 2
    assert history(db, "Tskill Lv") == [(D1, 2)]


def test_set_level_reports_the_level_before(db) -> None:
    new_skill(db, "Tskill Lv")
    set_level(db, "Tskill Lv", 2, D1)
    change = set_level(db, "Tskill Lv", "advanced", D2)
    assert (change.before, change.after) == (2, 4)


def test_a_skill_never_set_is_level_zero(db) -> None:
    new_skill(db, "Tskill Untouched")
    assert level_of(db, "Tskill Untouched") == 0
    assert history(db, "Tskill Untouched") == []


# --- history -----------------------------------------------------------------------------------


def test_history_records_only_changes(db) -> None:
    new_skill(db, "Tskill Hist")
    set_level(db, "Tskill Hist", 2, D1)
    set_level(db, "Tskill Hist", 2, D2)  # same level again: nothing new
    set_level(db, "Tskill Hist", 3, D3)
    set_level(db, "Tskill Hist", "working", D4)  # 3 again
    assert history(db, "Tskill Hist") == [(D1, 2), (D3, 3)]


def test_the_first_assessment_is_recorded_even_at_level_zero(db) -> None:
    new_skill(db, "Tskill Zero")
    set_level(db, "Tskill Zero", 0, D1)
    set_level(db, "Tskill Zero", 0, D2)
    assert history(db, "Tskill Zero") == [(D1, 0)]


def test_history_is_in_date_order_even_when_typed_out_of_order(db) -> None:
    new_skill(db, "Tskill Order")
    set_level(db, "Tskill Order", 3, D3)
    set_level(db, "Tskill Order", 1, D1)  # a back-dated earlier assessment
    set_level(db, "Tskill Order", 2, D2)
    assert history(db, "Tskill Order") == [(D1, 1), (D2, 2), (D3, 3)]


def test_two_changes_on_one_day_keep_their_typing_order(db) -> None:
    new_skill(db, "Tskill Day")
    set_level(db, "Tskill Day", 1, D1)
    set_level(db, "Tskill Day", 4, D1)
    assert history(db, "Tskill Day") == [(D1, 1), (D1, 4)]


def test_skills_moved_over_a_date_range(db) -> None:
    """February: A went 1 -> 3 (a later March change is outside), B was first assessed at 2,
    C went up and back down to where it started, D changed only in January."""
    new_skill(db, "Tskill A", "Tskill B", "Tskill C", "Tskill D")
    set_level(db, "Tskill A", 1, D1)
    set_level(db, "Tskill A", 3, D2)
    set_level(db, "Tskill A", 4, D4)
    set_level(db, "Tskill B", 2, D2)
    set_level(db, "Tskill C", 2, D1)
    set_level(db, "Tskill C", 3, D2)
    set_level(db, "Tskill C", 2, D3)
    set_level(db, "Tskill D", 3, D1)
    with db.session() as s:
        moved = skills.skills_moved(s, dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert [(m.name, m.before, m.after) for m in moved] == [
        ("Tskill A", 1, 3),
        ("Tskill B", 0, 2),
    ]


def test_skills_moved_includes_both_ends_of_the_range(db) -> None:
    new_skill(db, "Tskill First", "Tskill Last")
    set_level(db, "Tskill First", 1, D2)
    set_level(db, "Tskill Last", 2, D3)
    with db.session() as s:
        moved = skills.skills_moved(s, D2, D3)
    assert [(m.name, m.before, m.after) for m in moved] == [
        ("Tskill First", 0, 1),
        ("Tskill Last", 0, 2),
    ]


# --- names -------------------------------------------------------------------------------------


def test_skills_are_found_in_any_case(db) -> None:
    new_skill(db, "ZetaTorch")
    change = set_level(db, "zetatorch", 2, D1)
    assert change.name == "ZetaTorch"
    assert history(db, "  ZETATORCH ") == [(D1, 2)]


def test_a_skill_cannot_be_added_twice_in_another_case(db) -> None:
    new_skill(db, "ZetaTorch")
    with db.session() as s, pytest.raises(InputError, match="already"):
        skills.add_skill(s, "zetatorch")


def test_an_unknown_skill_is_refused_with_a_suggestion(db) -> None:
    new_skill(db, "ZetaTorch")
    with db.session() as s, pytest.raises(InputError) as error:
        skills.set_level(s, "ZetaTorc", 2, D1)
    assert "'ZetaTorch'" in str(error.value)


def test_an_empty_skill_name_is_refused(db) -> None:
    with db.session() as s, pytest.raises(InputError):
        skills.add_skill(s, "   ")


# --- hours per level step ----------------------------------------------------------------------


def test_hours_per_level_default_to_20_and_can_be_edited(db) -> None:
    new_skill(db, "Tskill Steps")
    with db.session() as s:
        skills.set_hours_per_level(s, "tskill steps", 12.5)
    with db.session() as s:
        assert skills.find_skill(s, "Tskill Steps").hours_per_level == 12.5
        skills.add_skill(s, "Tskill Default")
    with db.session() as s:
        assert skills.find_skill(s, "Tskill Default").hours_per_level == 20.0


@pytest.mark.parametrize("hours", [0, -5, 10001])
def test_hours_per_level_must_be_positive_and_bounded(db, hours) -> None:
    new_skill(db, "Tskill Steps")
    with db.session() as s, pytest.raises(InputError):
        skills.set_hours_per_level(s, "Tskill Steps", hours)
