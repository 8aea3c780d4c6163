"""A GitHub-style calendar of daily learning hours over the last year.

53 week columns (this week last) by 7 weekday rows (Monday on top); each day is a square whose
shade says how long you learned, with month names above and the exact figure on hover. The
shades are fixed steps in hours rather than quantiles, so the legend reads the same every year.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.services.learning import LearningCalendar
from planner.ui import theme
from planner.ui.charts.base import ChartView
from planner.ui.format import month_name
from planner.wording import counted, hours_text, weekday_text

#: Upper bounds (exclusive) of each shade; the last shade is everything from 3 h.
STEPS = (1.0, 2.0, 3.0)
LEGEND = ("none", "under 1 h", "1–2 h", "2–3 h", "3 h or more")
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")
#: The days' squares and the total sit over every other artist (texts are at 3).
MOVING_ZORDER = 3.5


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
        #: day -> the index of its square in `squares`, for the days drawn.
        self.cells: dict[dt.date, int] = {}
        self._first = self._last = dt.date.min
        self._hours: dict[dt.date, float] = {}
        #: One collection holding every day's square.
        self.squares: Any = None
        self._total: Any = None
        self._legend_squares: list[Any] = []

    def shade_colors(self, colors: theme.Colors) -> list[tuple[float, float, float]]:
        """The colour of each shade, 0 to 4 (not `palette`: that is QWidget's own)."""
        empty = _blend(colors.window, colors.grid, 0.55)
        return [empty] + [_blend(colors.window, colors.balanced, s) for s in (0.3, 0.52, 0.76, 1.0)]

    def position(self, day: dt.date) -> tuple[int, int]:
        """(column, row) of a day: week column from the first Monday, weekday row (Monday 0)."""
        return (day - self._first).days // 7, day.weekday()

    def plot(self, ax: Any, data: LearningCalendar, colors: theme.Colors) -> bool:
        import numpy as np
        from matplotlib.collections import PolyCollection

        self.cells = {}
        if not data.days:
            return False
        self._first = data.first
        days = (data.last - data.first).days + 1
        self.cells = {data.first + dt.timedelta(days=i): i for i in range(days)}
        # One collection of squares built from their corners: a patch per day (or a Rectangle
        # per day gathered into a collection) cost a fifth of the Charts tab's first visit.
        # Hover finds the day from the mouse position instead of testing each square.
        index = np.arange(days)  # column and row as `position` gives them
        x0 = index // 7 + 0.08
        y0 = (index + data.first.weekday()) % 7 + 0.08
        x1, y1 = x0 + 0.84, y0 + 0.84
        corners = np.stack([(x0, y0), (x1, y0), (x1, y1), (x0, y1)]).transpose(2, 0, 1)
        self.squares = PolyCollection(
            corners,  # type: ignore[arg-type]  # stubs say a sequence; an array takes the fast path
            linewidths=0,
            edgecolors="none",
            # Over the labels, which they never touch: the picture is the same, and after a
            # change the canvas redraws the days and the total alone, not every label above
            # them in z-order (`moving_parts`).
            zorder=MOVING_ZORDER,
        )
        ax.add_collection(self.squares, autolim=False)
        self._labels(ax, data, colors)
        self._legend(ax, data.weeks, self.shade_colors(colors), colors)
        ax.set_xlim(-0.2, data.weeks + 0.2)
        ax.set_ylim(9.2, -1.3)  # rows grow downward; room for month names and the legend
        ax.set_aspect("equal")
        ax.set_axis_off()
        self._total = ax.text(
            0, 8.9, "", color=colors.text, fontsize=8.5, va="center", zorder=MOVING_ZORDER
        )
        # In the legend's row, which the limits keep inside the axes and whose "Less" and
        # "More" already set the margin there (to a pixel); in the layout, each new total
        # measured the whole figure again, twice at this fixed aspect, at every quick log.
        self._total.set_in_layout(False)
        self._fill(data, colors)
        return True

    def update_plot(self, ax: Any, data: LearningCalendar, colors: theme.Colors) -> bool:
        """The same days as drawn (an hour logged today): only shades and the total change."""
        if not self.cells or not data.days or (data.first, data.last) != (self._first, self._last):
            return False
        self._legend_hovers()
        self._fill(data, colors)
        return True

    def moving_parts(self) -> list[Any]:
        return [self.squares, self._total]

    def _fill(self, data: LearningCalendar, colors: theme.Colors) -> None:
        self._last = data.last
        self._hours = dict(data.days)
        shades = self.shade_colors(colors)
        self.squares.set_facecolors([shades[shade(self._hours.get(d, 0.0))] for d in self.cells])
        days = len(data.days)
        self._total.set_text(f"{hours_text(data.total)} on {counted(days, 'day')} in the last year")

    def hover_text(self, event: Any) -> str | None:
        if event.inaxes is not None and self.cells and event.xdata is not None:
            column, x = divmod(event.xdata, 1.0)
            row, y = divmod(event.ydata, 1.0)
            day = self._first + dt.timedelta(weeks=int(column), days=int(row))
            if 0.08 <= x <= 0.92 and 0.08 <= y <= 0.92 and 0 <= row < 7 and day in self.cells:
                value = self._hours.get(day, 0.0)
                amount = f"{hours_text(value)} of learning" if value else "no learning logged"
                return f"{weekday_text(day)}: {amount}"
        return super().hover_text(event)

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
                month_name(month),
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
        self._legend_squares = []
        for i, colour in enumerate(shades):
            square = Rectangle((start + i + 0.08, 8.48), 0.84, 0.84, facecolor=colour, lw=0)
            ax.add_patch(square)
            self._legend_squares.append(square)
        self._legend_hovers()
        ax.text(start + len(shades) + 0.3, 8.9, "More", color=colors.muted, fontsize=8, va="center")

    def _legend_hovers(self) -> None:
        for square, label in zip(self._legend_squares, LEGEND, strict=True):
            self.add_hover(square, f"Shade for {label}")
