"""A GitHub-style calendar of daily learning hours over the last year.

53 week columns (this week last) by 7 weekday rows (Monday on top); each day is a square whose
shade says how long you learned, with month names above and the exact figure on hover. The
shades are fixed steps in hours rather than quantiles, so the legend reads the same every year.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from planner.services.commitment import LearningCalendar
from planner.ui import theme
from planner.ui.charts.base import ChartView

#: Upper bounds (exclusive) of each shade; the last shade is everything from 3 h.
STEPS = (1.0, 2.0, 3.0)
LEGEND = ("none", "under 1 h", "1–2 h", "2–3 h", "3 h or more")
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")


def _blend(start: str, end: str, share: float) -> tuple[float, float, float]:
    from matplotlib.colors import to_rgb

    a, b = to_rgb(start), to_rgb(end)
    return (
        a[0] + (b[0] - a[0]) * share,
        a[1] + (b[1] - a[1]) * share,
        a[2] + (b[2] - a[2]) * share,
    )


def shade(hours: float) -> int:
    """0 for no learning, then 1..4 by the hour steps."""
    if hours <= 0:
        return 0
    return 1 + sum(1 for step in STEPS if hours >= step)


class CalendarHeatmap(ChartView):
    title = "Daily learning over the last year"
    empty_message = "No learning logged in the last year.\nEach day you log fills a square here."

    def __init__(self, parent=None, *, height: float = 2.6) -> None:
        super().__init__(parent, height=height)
        #: day -> its square, for the days drawn (tests read the hover text through it).
        self.cells: dict[dt.date, Any] = {}
        self._first = dt.date.min

    def palette(self, colors: theme.Colors) -> list[tuple[float, float, float]]:
        empty = _blend(colors.window, colors.grid, 0.55)
        return [empty] + [_blend(colors.window, colors.balanced, s) for s in (0.3, 0.52, 0.76, 1.0)]

    def position(self, day: dt.date) -> tuple[int, int]:
        """(column, row) of a day: week column from the first Monday, weekday row (Monday 0)."""
        return (day - self._first).days // 7, day.weekday()

    def plot(self, ax: Any, data: LearningCalendar, colors: theme.Colors) -> bool:
        from matplotlib.patches import Rectangle

        self.cells = {}
        if not data.days:
            return False
        self._first = data.first
        hours = dict(data.days)
        shades = self.palette(colors)
        day = data.first
        while day <= data.last:
            column, row = self.position(day)
            value = hours.get(day, 0.0)
            cell = Rectangle(
                (column + 0.08, row + 0.08), 0.84, 0.84, facecolor=shades[shade(value)], lw=0
            )
            ax.add_patch(cell)
            self.cells[day] = cell
            amount = f"{value:g} h of learning" if value else "no learning logged"
            self.add_hover(
                cell, f"{day:%a} {day.day} {calendar.month_name[day.month]} {day.year}: {amount}"
            )
            day += dt.timedelta(days=1)
        self._labels(ax, data, colors)
        self._legend(ax, data.weeks, shades, colors)
        ax.set_xlim(-0.2, data.weeks + 0.2)
        ax.set_ylim(9.2, -1.3)  # rows grow downward; room for month names and the legend
        ax.set_aspect("equal")
        ax.set_axis_off()
        days = len(data.days)
        ax.text(
            0,
            8.9,
            f"{data.total:g} h on {days} day{'s' * (days != 1)} in the last year",
            color=colors.text,
            fontsize=8.5,
            va="center",
        )
        return True

    def _labels(self, ax: Any, data: LearningCalendar, colors: theme.Colors) -> None:
        """Month names over the column holding each month's first day; weekday names at left."""
        marks = [(0, data.first.month)]
        for column in range(1, data.weeks):
            sunday = data.first + dt.timedelta(weeks=column, days=6)
            if sunday.day <= 7:  # this column holds the 1st of sunday's month
                marks.append((column, sunday.month))
        if len(marks) > 1 and marks[1][0] < 3:  # a partial first month would collide
            marks.pop(0)
        for column, month in marks:
            ax.text(
                column + 0.1,
                -0.45,
                calendar.month_abbr[month],
                color=colors.muted,
                fontsize=8,
                va="bottom",
            )
        for row, name in enumerate(WEEKDAYS):
            if name:
                ax.text(
                    -0.35,
                    row + 0.5,
                    name,
                    color=colors.muted,
                    fontsize=7.5,
                    ha="right",
                    va="center",
                )

    def _legend(self, ax: Any, weeks: int, shades: list, colors: theme.Colors) -> None:
        from matplotlib.patches import Rectangle

        start = weeks - len(shades) - 3.2
        ax.text(start - 0.3, 8.9, "Less", color=colors.muted, fontsize=8, ha="right", va="center")
        for i, (colour, label) in enumerate(zip(shades, LEGEND, strict=True)):
            square = Rectangle((start + i + 0.08, 8.48), 0.84, 0.84, facecolor=colour, lw=0)
            ax.add_patch(square)
            self.add_hover(square, f"Shade for {label}")
        ax.text(start + len(shades) + 0.3, 8.9, "More", color=colors.muted, fontsize=8, va="center")
