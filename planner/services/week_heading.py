"""How a week is named on screen: '2026-W47 · 16–22 Nov 2026'.

Its own module so the Balance page can name its week without importing the weekly review's
service, which loads the network and milestone services with it (~10 ms on a first visit).
"""

from __future__ import annotations

import datetime as dt

from planner.services.weeks import week_label, week_start


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
