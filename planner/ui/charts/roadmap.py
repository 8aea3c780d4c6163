"""Roadmap and skills charts: readiness over time, your level against the level the target role
asks for (grouped by importance), and one skill's level history as a step line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from planner.services.readiness import GapItem, ReadinessPoint
from planner.services.skills import level_name
from planner.ui import theme
from planner.ui.charts.base import ChartView
from planner.ui.format import month_text
from planner.wording import day_text, hours_text

LEVEL_TICKS = [f"{i} {level_name(i)}" for i in range(6)]
#: Vertical space one skill row takes in the levels chart, in pixels.
ROW_PIXELS = 20


class ReadinessHistoryChart(ChartView):
    title = "Readiness over time"
    empty_message = (
        "No level history yet for your target role's skills — set your levels on the "
        "Skills page and your progress appears here month by month."
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent, height=2.6)
        self.points: list[Any] = []

    def plot(self, ax: Any, data: Sequence[ReadinessPoint], colors: theme.Colors) -> bool:
        import matplotlib.dates as mdates
        from matplotlib.ticker import PercentFormatter

        self.points = []
        if not data:
            return False
        xs = [mdates.date2num(p.on) for p in data]
        ys = [p.score * 100 for p in data]
        ax.plot(xs, ys, color=colors.accent, linewidth=2)
        ax.fill_between(xs, ys, color=colors.accent, alpha=0.12, linewidth=0)
        for x, y, p in zip(xs, ys, data, strict=True):
            (dot,) = ax.plot([x], [y], "o", color=colors.accent, markersize=4.5)
            self.points.append(dot)
            label = "Today" if p is data[-1] else f"End of {month_text(p.on)}"
            self.add_hover(
                dot,
                f"{label}: {p.score * 100:.0f} % ready\n"
                f"{p.skills_met} of {p.skills_total} skills met",
            )
        ax.annotate(
            f"{data[-1].score * 100:.0f} %",
            (xs[-1], ys[-1]),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            color=colors.text,
            fontsize=9,
            weight="bold",
        )
        ax.set_ylim(0, 100)
        ax.yaxis.set_major_formatter(PercentFormatter())
        ax.set_ylabel("Readiness")
        locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        if len(xs) == 1:
            ax.set_xlim(xs[0] - 15, xs[0] + 15)
        return True


class SkillLevelsChart(ChartView):
    """Horizontal bars: your level, over a pale bar to the required level, one row a skill."""

    title = "Levels"
    empty_message = "Choose a target role to compare your levels with what it asks for."

    def __init__(self, parent=None) -> None:
        super().__init__(parent, height=4.0)
        #: skill name -> the bar of the person's level (width = level)
        self.level_bars: dict[str, Any] = {}
        self.required_bars: dict[str, Any] = {}

    def fit_height(self, rows: int) -> None:
        """Grow tall enough that every skill name stays readable (the page scrolls)."""
        self.setMinimumHeight(max(260, rows * ROW_PIXELS + 110))

    def plot(self, ax: Any, data: Sequence[GapItem], colors: theme.Colors) -> bool:
        self.level_bars, self.required_bars = {}, {}
        if not data:
            return False
        rows: list[tuple[str, GapItem | None]] = []  # a heading row opens each importance
        group = None
        for gap in data:
            if gap.importance != group:
                group = gap.importance
                count = sum(1 for g in data if g.importance == gap.importance)
                rows.append((f"{gap.importance.capitalize()} ({count})", None))
            rows.append((gap.skill, gap))
        n = len(rows)
        for i, (_, item) in enumerate(rows):
            if item is None:
                continue
            y = n - 1 - i
            req = ax.barh(
                y,
                item.required_level,
                height=0.7,
                color=colors.grid,
                alpha=0.55,
                edgecolor=colors.muted,
                linewidth=0.8,
            )[0]
            met = item.level >= item.required_level
            bar = ax.barh(
                y, item.level, height=0.42, color=colors.balanced if met else colors.accent
            )[0]
            self.required_bars[item.skill] = req
            self.level_bars[item.skill] = bar
            state = "met" if met else f"{hours_text(item.remaining_hours)} to go"
            text = (
                f"{item.skill} ({item.importance})\nYou: {item.level} {level_name(item.level)}"
                f" · required: {item.required_level} {level_name(item.required_level)} — {state}"
            )
            self.add_hover(bar, text)
            self.add_hover(req, text)
        ax.set_yticks(range(n), [name for name, _ in reversed(rows)])
        for label, (_, item) in zip(ax.get_yticklabels(), reversed(rows), strict=True):
            if item is None:
                label.set_fontweight("bold")
                label.set_fontsize(9.5)
        ax.tick_params(axis="y", labelcolor=colors.text, length=0, labelsize=8.5)
        ax.set_ylim(-0.6, n - 0.4)
        ax.set_xlim(0, 5.2)
        ax.set_xticks(range(6), [str(i) for i in range(6)])
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", color=colors.grid, linewidth=0.6, alpha=0.8)
        ax.set_xlabel("Level (0 none … 5 expert)", fontsize=8.5, loc="right")
        ax.xaxis.set_label_position("top")
        ax.xaxis.tick_top()
        return True


class LevelHistoryChart(ChartView):
    """One skill's level changes as a step line up to today."""

    title = "Level history"
    empty_message = "No level recorded yet — pick a level above and it is kept here with the date."

    def __init__(self, parent=None) -> None:
        super().__init__(parent, height=2.2)
        self.points: list[Any] = []

    def plot(
        self, ax: Any, data: tuple[Sequence[tuple[dt.date, int]], dt.date], colors: theme.Colors
    ) -> bool:
        import matplotlib.dates as mdates

        history, today = data
        self.points = []
        if not history:
            return False
        xs = [mdates.date2num(d) for d, _ in history] + [
            mdates.date2num(max(today, history[-1][0]))
        ]
        ys = [lvl for _, lvl in history] + [history[-1][1]]
        ax.step(xs, ys, where="post", color=colors.accent, linewidth=2)
        for (day, lvl), x in zip(history, xs, strict=False):
            (dot,) = ax.plot([x], [lvl], "o", color=colors.accent, markersize=5)
            self.points.append(dot)
            self.add_hover(dot, f"{day_text(day)}: {lvl} {level_name(lvl)}")
        ax.set_ylim(-0.3, 5.3)
        ax.set_yticks(range(6), LEVEL_TICKS)
        locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        if xs[0] == xs[-1]:
            ax.set_xlim(xs[0] - 20, xs[0] + 20)
        return True
