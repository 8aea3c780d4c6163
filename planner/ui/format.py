"""How shares, months, moments and sizes read on the screens: one formatter for each, so the
dashboard and the Roadmap page say the same month the same way.

Hours, whole dates and counts ("1.25 h", "5 Jun 2024", "Wed 5 Jun", "3 contacts") are worded in
`planner/wording.py`, which the rules, the command line, the importers and the exports share; the
formatters here build on it. Plain Python with no Qt and no rules, so the first paint can import it.
"""

from __future__ import annotations

import datetime as dt

from planner.wording import MONTHS, day_text, weekday_text


def percent_text(share: float) -> str:
    """0.617 -> '62 %'."""
    return f"{share * 100:.0f} %"


def short_day_text(day: dt.date) -> str:
    """'5 Jun': a day within a year the text or the axis already names."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def month_name(month: int) -> str:
    """1 -> 'Jan'."""
    return MONTHS[month - 1]


def month_text(day: dt.date, separator: str = " ") -> str:
    """'Jun 2024' (on two lines for an axis tick, with separator '\\n')."""
    return f"{month_name(day.month)}{separator}{day.year}"


def moment_text(moment: dt.datetime, *, weekday: bool = False, year: bool = True) -> str:
    """'5 Jun 2024, 14:05' ('Wed 5 Jun, 14:05' with the weekday and without the year): when a
    backup was taken, when a timer started."""
    if weekday:
        day = weekday_text(moment, year=year)
    else:
        day = day_text(moment) if year else short_day_text(moment)
    return f"{day}, {moment:%H:%M}"


def size_text(size: int) -> str:
    """A file's size in bytes as 'KB' below a megabyte, 'MB' above."""
    return f"{size / 1024:,.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"
