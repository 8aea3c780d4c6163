"""ISO weeks and dates: parsing 'YYYY-Www' and dates, the Monday that stores a week, how a
week is named on screen, and the range of dates the app accepts."""

from __future__ import annotations

import datetime as dt
import re

from planner.services.errors import InputError
from planner.wording import weekday_text

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)

#: The days a date typed or imported may fall on. Python's dates end in year 9999, and the app
#: adds weeks and months to the dates it is given (a week's Sunday, the next week, a year's
#: goal), so a date near that end crashed a page: anything outside these years is refused.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2199, 12, 31)
DATE_RANGE = f"between {EARLIEST.year} and {LATEST.year}"


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
            monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            pass
        else:
            if not EARLIEST <= monday <= LATEST:
                raise InputError(f"week {text!r} is out of range: use a week {DATE_RANGE}")
            return monday
    raise InputError(f"bad week {text!r}: use YYYY-Www, e.g. 2026-W47 (weeks 01 to 52 or 53)")


def parse_date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"bad date {text!r}: use YYYY-MM-DD, e.g. 2026-11-21") from None
    return check_date(day, f"date {text!r}")


def check_date(day: dt.date, what: str = "the date") -> dt.date:
    """`day` if it lies between EARLIEST and LATEST, else an InputError naming `what`."""
    if not EARLIEST <= day <= LATEST:
        raise InputError(f"{what} is out of range: use a date {DATE_RANGE}")
    return day


def date_warning(day: dt.date, today: dt.date, what: str | None = None) -> str | None:
    """Why a date for logged hours may be a slip, or None: one in the future, or more than a
    year back (a mistyped year). The window asks before saving it; the command line warns.
    `what` names it (a week, say) when the day's own name would not."""
    what = what or weekday_text(day)
    if day > today:
        return f"{what} is in the future"
    if day < add_months(today, -12):
        return f"{what} is more than a year ago"
    return None


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


def week_heading(monday: dt.date) -> str:
    """'2026-W47 · 16–22 Nov 2026': the ISO week and its days, as people read them."""
    monday = week_start(monday)
    sunday = monday + dt.timedelta(days=6)

    def day(d: dt.date, *parts: str) -> str:  # "%-d" is not portable (Windows), so by hand
        return " ".join([str(d.day), *(d.strftime(p) for p in parts)])

    if monday.year != sunday.year:
        span = f"{day(monday, '%b', '%Y')} – {day(sunday, '%b', '%Y')}"
    elif monday.month != sunday.month:
        span = f"{day(monday, '%b')} – {day(sunday, '%b', '%Y')}"
    else:
        span = f"{monday.day}–{day(sunday, '%b', '%Y')}"
    return f"{week_label(monday)} · {span}"
