"""How the app words hours, a count and a date: "1.25 h", "1 contact", "3 people", "5 Jun 2024",
"Tue 5 Jun 2024".

One home for what the screens, the command line, the importers and the exports all say, so no
screen says "1 contacts", no refusal says "0.3333 h" and no two say a date two ways; plain
Python, so the rules, the CLI and the first paint can use it as well as the window. The screens'
own formatters (percentages, month ticks, moments, sizes) are in `planner/ui/format.py`.

Dates are written in English whatever the locale: Qt sets the C library's locale, and strftime's
`%b` and `%a` follow it, so one screen would say "Mär" beside another's "Mar".
"""

from __future__ import annotations

import datetime as dt

#: Nouns whose plural is not the singular plus "s".
IRREGULAR = {"person": "people", "activity": "activities"}

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def hours_text(hours: float | None) -> str:
    """'1.25 h', '1,200 h', '3 h': to the quarter hour a person logs, '' for none."""
    if hours is None:
        return ""
    return f"{hours:,.2f}".rstrip("0").rstrip(".") + " h"


def listed(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c': names in a sentence."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def counted(n: int | float, noun: str, plural: str | None = None) -> str:
    """`n` and the noun in the number it takes: `counted(1, "contact")` is "1 contact"."""
    if n == 1:
        return f"1 {noun}"
    many = plural or IRREGULAR.get(noun, f"{noun}s")
    number = f"{n:,}" if isinstance(n, int) else f"{n:g}"
    return f"{number} {many}"


def day_text(day: dt.date | None) -> str:
    """'5 Jun 2024'; '' for no date, so a table's empty cell stays empty."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else ""


def weekday_text(day: dt.date, *, year: bool = True) -> str:
    """'Wed 5 Jun 2024' ('Wed 5 Jun' without the year): a day named in a message about it."""
    text = f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text
