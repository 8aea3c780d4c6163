"""The screens' formatters: one way to write hours, dates, months, moments and sizes."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.ui.format import (
    moment_text,
    month_name,
    month_text,
    percent_text,
    short_day_text,
    size_text,
)
from planner.wording import day_text, hours_text, listed, weekday_text


@pytest.mark.parametrize(
    ("hours", "text"),
    [
        (None, ""),
        (0.0, "0 h"),
        (3.0, "3 h"),
        (1.25, "1.25 h"),
        (12.5, "12.5 h"),
        (0.1 + 0.2, "0.3 h"),
        (1200.0, "1,200 h"),
    ],
)
def test_hours_read_to_the_quarter_hour_with_thousands_grouped(hours, text) -> None:
    assert hours_text(hours) == text


def test_days_read_without_a_leading_zero_and_in_english() -> None:
    day = dt.date(2024, 6, 5)
    assert day_text(day) == "5 Jun 2024"
    assert day_text(None) == ""
    assert weekday_text(day) == "Wed 5 Jun 2024"
    assert weekday_text(day, year=False) == "Wed 5 Jun"
    assert short_day_text(day) == "5 Jun"


def test_months_and_moments() -> None:
    assert month_name(1) == "Jan"
    assert month_text(dt.date(2026, 3, 9)) == "Mar 2026"
    assert month_text(dt.date(2026, 3, 9), "\n") == "Mar\n2026"
    taken = dt.datetime(2024, 6, 5, 9, 7)
    assert moment_text(taken) == "5 Jun 2024, 09:07"
    assert moment_text(taken, weekday=True) == "Wed 5 Jun 2024, 09:07"
    assert moment_text(taken, weekday=True, year=False) == "Wed 5 Jun, 09:07"


def test_shares_and_sizes() -> None:
    assert percent_text(0.617) == "62 %"
    assert size_text(2048) == "2 KB"
    assert size_text(3 * 1024 * 1024) == "3.0 MB"


def test_names_in_a_sentence_are_joined_with_and() -> None:
    assert listed(["rest"]) == "rest"
    assert listed(["rest", "exercise"]) == "rest and exercise"
    assert listed(["work", "exercise", "social"]) == "work, exercise and social"
