"""Dates and durations as other programs write them, parsed without the machine's locale.

`strptime("%b")` reads month names in the current locale, so "12 Mar 2024" would fail on a
German or French desktop; the month table here is English, as LinkedIn writes it everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

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
#: 03/12/2024, 12.03.2024, and LinkedIn's 2018 "1/8/18, 6:14 PM" (a time after it is ignored).
_NUMERIC = re.compile(
    r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})"
    r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?)?"
)
_NUMERIC_ANYWHERE = re.compile(r"(?<!\d)(\d{1,2})([/-])(\d{1,2})\2(?:\d{4}|\d{2})(?!\d)")
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
        first, sep, second, year = int(m[1]), m[2], int(m[3]), _year(m[4])
        if sep == "." or day_first:  # 12.03.2024 is always day first
            return _date(year, second, first)
        return _date(year, first, second)
    return None


def numeric_pair(text: str) -> tuple[int, int] | None:
    """The two leading numbers of a date like 05/06/2024 (slash or dash), else None; dotted
    dates are always day first and decide nothing."""
    m = _NUMERIC.fullmatch(text.strip())
    return (int(m[1]), int(m[3])) if m and m[2] != "." else None


def day_first_evidence(texts: Iterable[str], extra: Iterable[tuple[int, int]] = ()) -> bool | None:
    """Whether dates like 05/06/2024 in these texts are day first (True) or month first
    (False), decided by the dates themselves: a first number over 12 can only be a day, a second
    over 12 only a month. `extra` adds (first, second) pairs found elsewhere (a header's date
    range). None when nothing decides and the two readings differ somewhere (the person must
    choose), or when the dates contradict each other; False when both readings agree."""
    day_ok = month_ok = True
    differ = False
    pairs = [p for t in texts if (p := numeric_pair(t))]
    for first, second in [*pairs, *extra]:
        day_ok &= second <= 12
        month_ok &= first <= 12
        differ |= first != second
    if day_ok and not month_ok:
        return True
    if month_ok and not day_ok:
        return False
    if day_ok and month_ok and not differ:
        return False
    return None


def dates_in(text: str) -> list[tuple[int, int]]:
    """(first, second) of every slash or dash date in free text, e.g. a report's heading."""
    return [(int(m[1]), int(m[3])) for m in _NUMERIC_ANYWHERE.finditer(text)]


#: A duration with its unit, as Toggl's newer export writes it: 18:25 min, 45 sec, 1:02:03 h.
_WITH_UNIT = re.compile(
    r"(.+?)\s*(h|hr|hrs|hours?|m|min|mins|minutes?|s|sec|secs|seconds?)\.?", re.IGNORECASE
)


def parse_hours(text: str) -> float | None:
    """A duration as hours: 01:30:00, 1:30 (hours:minutes), 1.5 / 1,5, or with a unit as
    Toggl's newer export writes it (18:25 min is 18 minutes 25 seconds, 45 sec, 2 h); None
    otherwise."""
    text = text.strip()
    if (m := _WITH_UNIT.fullmatch(text)) and not _CLOCK.fullmatch(text):
        value, unit = m[1].strip(), m[2][0].casefold()
        if unit == "h":
            return parse_hours(value) if not value.endswith(("h", "H")) else None
        clock = re.fullmatch(r"(\d{1,6}):([0-5]?\d)", value)
        if clock and unit == "m":  # minutes:seconds
            return (int(clock[1]) * 60 + int(clock[2])) / 3600
        if _DECIMAL.fullmatch(value):
            amount = float(value.replace(",", "."))
            return amount / 60 if unit == "m" else amount / 3600
        return None
    if m := _CLOCK.fullmatch(text):
        return int(m[1]) + int(m[2]) / 60 + int(m[3] or 0) / 3600
    if _DECIMAL.fullmatch(text):
        return float(text.replace(",", "."))
    return None
