"""People reached per month against the monthly outreach goal (the networking plan's habit)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from planner.services.network import MonthInteractions
from planner.ui import theme
from planner.ui.charts.base import ChartView
from planner.ui.format import month_name, month_text
from planner.wording import counted


def month_label(key: str) -> str:
    """'2026-03' -> 'Mar', with the year on January (and on the first month shown)."""
    day = dt.date.fromisoformat(f"{key}-01")
    return month_text(day, "\n") if day.month == 1 else month_name(day.month)


class InteractionsChart(ChartView):
    title = "People reached per month"
    empty_message = "No interactions in the last year.\nLog one from a contact's panel."

    def __init__(self, parent=None, *, height: float = 3.0) -> None:
        super().__init__(parent, height=height)
        self.bars: list[Any] = []

    def plot(self, ax: Any, data: Sequence[MonthInteractions], colors: theme.Colors) -> bool:
        self.bars = []
        if not data or not any(m.count for m in data):
            return False
        xs = list(range(len(data)))
        goal = data[-1].goal
        # One bar call for the year (not one per month): each call re-runs matplotlib's
        # argument handling and unit conversion.
        met = [month.count >= month.goal for month in data]
        self.bars = list(
            ax.bar(
                xs,
                [month.count for month in data],
                width=0.7,
                color=[colors.balanced if m else colors.accent for m in met],
            )
        )
        for bar, month, month_met in zip(self.bars, data, met, strict=True):
            verdict = "goal met" if month_met else f"{month.goal - month.count} short of the goal"
            name = month_text(dt.date.fromisoformat(f"{month.month}-01"))
            people = f"{month.count} {'person' if month.count == 1 else 'people'} reached"
            self.add_hover(bar, f"{name}: {people} — {verdict}")
        line = ax.axhline(
            goal, color=colors.text, linestyle="--", linewidth=1.0, label=f"Monthly goal ({goal})"
        )
        self.add_hover(line, f"Monthly goal: reach out to {counted(goal, 'person')}")
        labels = [month_label(m.month) for m in data]
        first = dt.date.fromisoformat(f"{data[0].month}-01")
        labels[0] = month_text(first, "\n")
        ax.set_xticks(xs, labels)
        ax.set_ylabel("People reached")
        ax.set_ylim(0, max(max(m.count for m in data), goal) * 1.25 + 0.5)
        ax.yaxis.get_major_locator().set_params(integer=True)
        self.legend(ax, colors, loc="upper left")
        return True
