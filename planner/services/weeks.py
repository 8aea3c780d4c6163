"""ISO weeks: parsing 'YYYY-Www', and the Monday that stores a week."""

from __future__ import annotations

import datetime as dt
import re

from planner.services.errors import InputError

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


def week_start(day: dt.date) -> dt.date:
    """The Monday of the ISO week that holds `day`."""
    return day - dt.timedelta(days=day.weekday())


def week_label(monday: dt.date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def parse_week(text: str) -> dt.date:
    """'2026-W47' -> the Monday of that week; InputError for anything else."""
    match = _WEEK.match(text.strip())
    if match:
        try:
            return dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            pass
    raise InputError(f"bad week {text!r}: use YYYY-Www, e.g. 2026-W47 (weeks 01 to 52 or 53)")


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"bad date {text!r}: use YYYY-MM-DD, e.g. 2026-11-21") from None


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, clamped to the month's last day (Jan 31 + 1 = Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")
