"""Dates and durations as other programs write them, parsed without the machine's locale.

`strptime("%b")` reads month names in the current locale, so "12 Mar 2024" would fail on a
German or French desktop; the month table here is English, as LinkedIn writes it everywhere.
"""

from __future__ import annotations

import datetime as dt
import re

from planner.services.weeks import EARLIEST, LATEST

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]+)\.?,?[ -](\d{4}|\d{2})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.? (\d{1,2}),? (\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_CLOCK = re.compile(r"(\d{1,6}):([0-5]?\d)(?::([0-5]?\d))?")
_DECIMAL = re.compile(r"\d+(?:[.,]\d+)?|[.,]\d+")


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return None
    return found if EARLIEST <= found <= LATEST else None  # the app's own bounds


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if len(text) == 2 else value


def parse_date(text: str, *, day_first: bool = False) -> dt.date | None:
    """A date written as 12 Mar 2024, Mar 12, 2024, 2024-03-12, 03/12/2024 (month first, as
    Clockify writes by default; day first when `day_first`) or 12.03.2024; None otherwise."""
    text = text.strip()
    if m := _ISO.fullmatch(text):
        return _date(int(m[1]), int(m[2]), int(m[3]))
    if m := _DAY_MONTH_YEAR.fullmatch(text):
        month = MONTHS.get(m[2].casefold())
        return _date(_year(m[3]), month, int(m[1])) if month else None
    if m := _MONTH_DAY_YEAR.fullmatch(text):
        month = MONTHS.get(m[1].casefold())
        return _date(int(m[3]), month, int(m[2])) if month else None
    if m := _NUMERIC.fullmatch(text):
        first, sep, second, year = int(m[1]), m[2], int(m[3]), int(m[4])
        if sep == "." or day_first:  # 12.03.2024 is always day first
            return _date(year, second, first)
        return _date(year, first, second)
    return None


def parse_hours(text: str) -> float | None:
    """A duration as hours: 01:30:00, 1:30 (hours:minutes) or 1.5 / 1,5; None otherwise."""
    text = text.strip()
    if m := _CLOCK.fullmatch(text):
        return int(m[1]) + int(m[2]) / 60 + int(m[3] or 0) / 3600
    if _DECIMAL.fullmatch(text):
        return float(text.replace(",", "."))
    return None
