"""Learning-commitment charts: weekly hours against the goal, the monthly plan against what was
logged, and the year's cumulative hours against the straight-line path to the annual goal.

Each chart draws a service dataclass as it comes; none of them queries. The bars and lines are
kept on the chart (`bars`, `planned_bars`, `logged_line` ...): new data moves them in place, and
the hover texts find the bar under the mouse from them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from planner.ui import theme
from planner.ui.charts.bars import add_bars, bar_under, set_bar_heights
from planner.ui.charts.base import ChartView
from planner.ui.format import month_name, month_text, short_day_text
from planner.wording import hours_text

if TYPE_CHECKING:  # types only: the dashboard's chart is drawn before SQLAlchemy loads
    from planner.services.learning import CommitmentSeries, MonthCommitment, YearPath


def _month(key: str, separator: str = " ") -> str:
    """'2026-03' -> 'Mar 2026' (on two lines for a tick, with separator '\\n')."""
    return month_text(dt.date.fromisoformat(f"{key}-01"), separator)


class WeeklyHoursChart(ChartView):
    """Bars of learning hours per week, this week last, with the weekly goal as a line."""

    title = "Learning hours per week"
    empty_message = "No learning logged in these weeks yet.\nLog your first hours with Ctrl+L."

    def __init__(self, parent=None, *, height: float = 3.0, compact: bool = False) -> None:
        super().__init__(parent, height=height)
        self.compact = compact
        #: The weeks' bars as one collection (`charts.bars`), oldest first; None when empty.
        self.bars: Any = None
        self.goal_line: Any = None
        self._frame: tuple = ()
        self._accent = ""
        self._bar_texts: list[str] = []

    def plot(self, ax: Any, data: CommitmentSeries, colors: theme.Colors) -> bool:
        weeks = data.weeks
        self.bars = self.goal_line = None
        if not weeks or not any(p.hours for p in weeks):
            return False
        goal = data.weekly_goal
        x = list(range(len(weeks)))
        self.bars = add_bars(ax, x, [p.hours for p in weeks], width=0.7, facecolors=colors.accent)
        self._accent = colors.accent
        self._bar_alphas_and_hovers(data)
        self._frame = self._frame_of(data)
        if goal > 0:
            self.goal_line = ax.axhline(goal, color=colors.over, linestyle="--", linewidth=1.3)
            self.add_hover(self.goal_line, f"Weekly learning goal: {hours_text(goal)}")
            self.goal_line.set_label(f"Weekly goal ({hours_text(goal)})")
        step = max(1, len(weeks) // (6 if self.compact else 13))
        ticks = x[::-1][::step][::-1]
        ax.set_xticks(ticks, [short_day_text(weeks[i].start) for i in ticks])
        ax.set_xlim(-0.6, len(weeks) - 0.4)
        ax.set_ylim(0, self._top(data))
        ax.set_ylabel("Hours")
        if not self.compact:
            ax.set_xlabel("Week starting")
        if goal > 0:
            self.legend(ax, colors, loc="upper left", ncols=1)
        return True

    def update_plot(self, ax: Any, data: CommitmentSeries, colors: theme.Colors) -> bool:
        """Same weeks and goal as drawn (a session logged or edited): only the bars move."""
        if self.bars is None or self._frame_of(data) != self._frame:
            return False
        if not any(p.hours for p in data.weeks):
            return False
        set_bar_heights(self.bars, [p.hours for p in data.weeks])
        self._bar_alphas_and_hovers(data)
        if self.goal_line is not None:
            self.add_hover(self.goal_line, f"Weekly learning goal: {hours_text(data.weekly_goal)}")
        ax.set_ylim(0, self._top(data))
        return True

    def moving_parts(self) -> list[Any]:
        return [self.bars]

    @staticmethod
    def _frame_of(data: CommitmentSeries) -> tuple:
        """What the axes are built around: the weeks shown and the goal line."""
        return (tuple(p.start for p in data.weeks), data.weekly_goal)

    @staticmethod
    def _top(data: CommitmentSeries) -> float:
        """Room above the tallest bar for the goal's legend in the top left corner, which the
        bars would otherwise run into."""
        return max(max(p.hours for p in data.weeks), data.weekly_goal) * 1.3

    def _bar_alphas_and_hovers(self, data: CommitmentSeries) -> None:
        """Weeks that met the goal in full colour, the others faded; each week's hover text."""
        from matplotlib.colors import to_rgba

        goal = data.weekly_goal
        met = [goal > 0 and point.hours >= goal for point in data.weeks]
        self.bars.set_facecolors([to_rgba(self._accent, 1.0 if ok else 0.5) for ok in met])
        self._bar_texts = [
            f"{point.label} (week of {short_day_text(point.start)} {point.start.year})\n"
            f"{hours_text(point.hours)} logged — "
            + ("goal met" if ok else f"{hours_text(max(goal - point.hours, 0))} short of the goal")
            for point, ok in zip(data.weeks, met, strict=True)
        ]

    def hover_text(self, event: Any) -> str | None:
        """The week's bar under the mouse, found from its corners; else the goal line."""
        if event.inaxes is not None and event.xdata is not None and self.bars is not None:
            week = bar_under(self.bars, event.xdata, event.ydata)
            if week is not None:
                return self._bar_texts[week]
        return super().hover_text(event)


class MonthlyCommitmentChart(ChartView):
    """Per month: the planned commitment (active activities' hours per month) against logged."""

    title = "Planned commitment vs hours logged, per month"
    empty_message = (
        "No plan and no hours yet.\nAdd an activity with planned hours per month, then log time."
    )

    def __init__(self, parent=None, *, height: float = 3.0) -> None:
        super().__init__(parent, height=height)
        #: The planned and the logged bars, each one collection (`charts.bars`), oldest first.
        self.planned_bars: Any = None
        self.logged_bars: Any = None
        self._months: list[MonthCommitment] = []

    def plot(self, ax: Any, data: list[MonthCommitment], colors: theme.Colors) -> bool:
        self._months = []
        if not data or not any(m.planned or m.logged for m in data):
            return False
        self._months = list(data)
        x = list(range(len(data)))
        width = 0.38
        self.planned_bars = add_bars(
            ax,
            [i - width / 2 for i in x],
            [m.planned for m in data],
            width=width,
            facecolors=colors.series[1],
            alpha=0.55,
            label="Planned (active activities)",
        )
        self.logged_bars = add_bars(
            ax,
            [i + width / 2 for i in x],
            [m.logged for m in data],
            width=width,
            facecolors=colors.accent,
            label="Logged",
        )
        ax.set_xticks(x, [_month(m.month, "\n") for m in data])
        low, high = -width, len(data) - 1 + width  # the outer bars' outer edges
        pad = (high - low) * ax.margins()[0]  # autoscaling's margin, as ax.bar had it
        ax.set_xlim(low - pad, high + pad)
        ax.set_ylabel("Hours per month")
        ax.set_ylim(0, self._top(data))
        self.legend(ax, colors, loc="upper left", ncols=2)
        return True

    def update_plot(self, ax: Any, data: list[MonthCommitment], colors: theme.Colors) -> bool:
        """Same months as drawn (hours logged, a plan changed): only the bars move."""
        if not self._months or [m.month for m in data] != [m.month for m in self._months]:
            return False
        if not any(m.planned or m.logged for m in data):
            return False
        self._months = list(data)
        set_bar_heights(self.planned_bars, [m.planned for m in data])
        set_bar_heights(self.logged_bars, [m.logged for m in data])
        ax.set_ylim(0, self._top(data))
        return True

    def moving_parts(self) -> list[Any]:
        return [self.planned_bars, self.logged_bars]

    @staticmethod
    def _top(data: list[MonthCommitment]) -> float:
        return max(max(m.planned, m.logged) for m in data) * 1.25

    def hover_text(self, event: Any) -> str | None:
        """The planned or logged bar under the mouse, found from its corners."""
        if event.inaxes is not None and event.xdata is not None and self._months:
            planned = bar_under(self.planned_bars, event.xdata, event.ydata)
            if planned is not None:
                m = self._months[planned]
                return f"{_month(m.month)}: {hours_text(m.planned)} a month planned"
            logged = bar_under(self.logged_bars, event.xdata, event.ydata)
            if logged is not None:
                m = self._months[logged]
                share = f" ({m.logged / m.planned:.0%} of plan)" if m.planned else ""
                return f"{_month(m.month)}: {hours_text(m.logged)} logged{share}"
        return super().hover_text(event)


class YearToDateChart(ChartView):
    """Cumulative hours this year (a step line) against the straight line to the annual goal."""

    title = "This year: hours logged vs the annual goal"
    empty_message = "Nothing logged this year yet.\nEvery hour you log climbs toward the goal."

    def __init__(self, parent=None, *, height: float = 3.0) -> None:
        super().__init__(parent, height=height)
        self.logged_line: Any = None
        self.goal_line: Any = None
        self._today_marker: Any = None
        self._frame: tuple = ()

    def plot(self, ax: Any, data: YearPath, colors: theme.Colors) -> bool:
        if not data.cumulative:
            return False
        days = self._days(data)
        (self.logged_line,) = ax.step([], [], where="post", color=colors.accent, linewidth=2)
        self.goal_line = None
        if data.goal > 0:
            # The path starts where expectations do: 1 January, or a later plan start.
            jan1 = dt.date(data.year, 1, 1)
            first = data.counted_from or jan1
            dec31 = dt.date(data.year, 12, 31)
            end = data.expected_on(dec31)
            goal = f"the {hours_text(data.goal)} goal"
            # Begun late in the year, the path ends short of the goal: said, so a line ending at
            # 25 h is not read as the way to 312 h.
            label = (
                f"Path to {goal}"
                if first == jan1
                else f"Path from {short_day_text(first)}: {hours_text(round(end))} of {goal}"
                " by 31 Dec"
            )
            (self.goal_line,) = ax.plot(
                [(first - jan1).days, days],
                [0, end],
                color=colors.muted,
                linestyle="--",
                linewidth=1.3,
                label=label,
            )
        self._today_marker = ax.scatter([0], [0], color=colors.accent, zorder=3, s=28)
        jan1 = dt.date(data.year, 1, 1)
        starts = [(dt.date(data.year, m, 1) - jan1).days for m in range(1, 13)]
        ax.set_xticks(starts, [month_name(m) for m in range(1, 13)])
        ax.set_xlim(0, days)
        ax.set_ylabel("Hours, cumulative")
        self._show_logged(ax, data)
        self.legend(ax, colors, loc="upper left")
        self._frame = (data.year, data.goal, data.counted_from)
        return True

    def update_plot(self, ax: Any, data: YearPath, colors: theme.Colors) -> bool:
        """Same year and goal as drawn (hours logged, another day): the line, the marker, the
        texts and the scale move; the goal's path stays."""
        if not data.cumulative or (data.year, data.goal, data.counted_from) != self._frame:
            return False
        self._show_logged(ax, data)
        return True

    def moving_parts(self) -> list[Any]:
        """The logged line, today's marker, and the legend that says how far ahead they are."""
        return [self.logged_line, self._today_marker, self.logged_line.axes.get_legend()]

    @staticmethod
    def _days(data: YearPath) -> int:
        return (dt.date(data.year + 1, 1, 1) - dt.date(data.year, 1, 1)).days

    def _show_logged(self, ax: Any, data: YearPath) -> None:
        """The logged line and today's marker where `data` has them, their texts (the legend's
        too, once there is one) and the hover texts of everything drawn."""
        jan1 = dt.date(data.year, 1, 1)
        today = (data.today - jan1).days + 1
        xs = [0.0] + [(d - jan1).days + 1 for d, _ in data.cumulative] + [today]
        ys = [0.0] + [h for _, h in data.cumulative] + [data.logged]
        expected = data.expected_on(data.today)
        ahead = data.logged - expected
        side = "ahead of" if ahead >= 0 else "behind"
        verdict = f"{hours_text(round(abs(ahead)))} {side} the path"
        self.logged_line.set_data(xs, ys)
        self.logged_line.set_label(f"Logged: {hours_text(data.logged)} ({verdict})")
        legend = ax.get_legend()
        if legend is not None:
            legend.get_texts()[0].set_text(self.logged_line.get_label())
        self.add_hover(
            self.logged_line,
            f"Logged so far: {hours_text(data.logged)} "
            f"(expected by now {hours_text(round(expected))})",
        )
        if self.goal_line is not None:
            self.add_hover(
                self.goal_line,
                f"Yearly goal: {hours_text(data.goal)} a year "
                f"({hours_text(round(expected))} expected by today)",
            )
        self._today_marker.set_offsets([[today, data.logged]])
        self.add_hover(self._today_marker, f"Today: {hours_text(data.logged)} logged, {verdict}")
        # Up to where the path ends this year (less than the goal when the plan began late).
        path_end = data.expected_on(dt.date(data.year, 12, 31))
        ax.set_ylim(0, max(path_end, data.logged) * 1.15 or 1)
