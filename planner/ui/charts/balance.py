"""Work-life balance charts: one week against its targets, the weeks stacked by category, and
work against learning over time.

Each chart draws a service dataclass as it comes (`WeekBalance`, `BalanceHistory`) and keeps the
artists its hover texts and legend name (`stacks`, `lines`).
"""

from __future__ import annotations

from math import nan
from typing import Any

from planner.services.balance import BalanceHistory, WeekBalance, tone
from planner.ui import theme
from planner.ui.charts.bars import add_bars, bar_under
from planner.ui.charts.base import ChartView
from planner.wording import hours_text

LABEL = {
    "work": "Work",
    "learning": "Learning",
    "exercise": "Exercise",
    "social": "Social",
    "rest": "Rest",
}


def category_color(category: str, c: theme.Colors) -> str:
    """One stable colour per category, from the theme's series palette."""
    index = {"work": 0, "learning": 1, "exercise": 2, "social": 3, "rest": 5}[category]
    return c.series[index]


def status_color(category: str, status: str, c: theme.Colors) -> str:
    """The colour of `category`'s status by what it means for that category (rest over its
    target is good news, work over it is not): `balance.tone`."""
    return theme.tone_color(tone(category, status), c)


def week_ticks(labels: list[str], most: int = 9) -> list[str]:
    """Week labels as 'W47', thinned to about `most` so a long range stays readable; the latest
    week is always labelled."""
    every = max(1, -(-len(labels) // most))
    last = len(labels) - 1
    return [s.split("-")[-1] if (last - i) % every == 0 else "" for i, s in enumerate(labels)]


class BalanceWeekChart(ChartView):
    """The week's hours per category as bars coloured by status, each target a marker line."""

    title = "This week: actual vs target"
    empty_message = "No hours for this week yet.\nType them in the week grid and press Save."

    def plot(self, ax: Any, data: WeekBalance, colors: theme.Colors) -> bool:
        if not any(cat.hours > 0 for cat in data.categories):
            return False
        from matplotlib.lines import Line2D

        # Horizontal bars, first category on top: the labels read like the week grid beside it.
        ys = list(range(len(data.categories)))[::-1]
        top = max(max(cat.hours, cat.target) for cat in data.categories)
        for y, cat in zip(ys, data.categories, strict=True):
            ax.vlines(cat.target, y - 0.42, y + 0.42, colors=colors.text, linewidth=2.0, zorder=3)
            if not cat.entered:  # missing, not 0 h: no bar, and say so
                ax.annotate(
                    "not entered",
                    (cat.target, y),
                    xytext=(5, 0),
                    textcoords="offset points",
                    ha="left",
                    va="center",
                    fontsize=8,
                    color=colors.muted,
                    style="italic",
                )
                continue
            color = status_color(cat.category, cat.status, colors)
            (bar,) = ax.barh(y, cat.hours, height=0.6, color=color)
            share = f" ({cat.hours / cat.target:.0%} of target)" if cat.target > 0 else ""
            self.add_hover(
                bar,
                f"{LABEL[cat.category]}: {hours_text(cat.hours)}, "
                f"target {hours_text(cat.target)}{share}\n"
                f"{theme.STATUS_LABEL[cat.status]}",
            )
            ax.annotate(
                f"{hours_text(cat.hours)} · {theme.STATUS_LABEL[cat.status].lower()}",
                (max(cat.hours, cat.target), y),
                xytext=(5, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize=8,
                color=colors.text,
            )
        ax.set_yticks(ys, [LABEL[cat.category] for cat in data.categories])
        ax.set_xlabel("Hours this week (tick: target)")
        ax.set_xlim(0, top * 1.45 + 0.5)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", color=colors.grid, linewidth=0.6, alpha=0.8)
        target = Line2D([], [], color=colors.text, linewidth=2.0, label="Target")
        self.legend(ax, colors, handles=[target], loc="lower right")
        return True


class BalanceHistoryChart(ChartView):
    """Weeks as stacked bars by category, a last 'Targets' bar and a dashed line at their sum."""

    title = "Hours per week by category"
    # The span ends at the week shown, which may be before the weeks entered: "yet" was untrue.
    empty_message = "No hours entered in these weeks.\nFill in a week's hours to start the history."

    #: Bar width in weeks.
    WIDTH = 0.75

    def __init__(self, parent=None, *, height: float = 3.0) -> None:
        super().__init__(parent, height=height)
        #: category -> its weekly bars (one collection, `charts.bars`), oldest week first.
        self.stacks: dict[str, Any] = {}
        self.target_line: Any = None
        self._history: BalanceHistory | None = None

    def plot(self, ax: Any, data: BalanceHistory, colors: theme.Colors) -> bool:
        self.stacks = {}
        self._history = data
        if not data.has_data:
            return False
        n = len(data.weeks)
        xs = list(range(n))
        bottom = [0.0] * n
        for category in data.categories:
            values = data.series(category)
            self.stacks[category] = add_bars(
                ax,
                xs,
                values,
                width=self.WIDTH,
                bottoms=bottom,
                facecolors=category_color(category, colors),
                label=LABEL[category],
            )
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        for x, week in zip(xs, data.weeks, strict=True):
            # Missing, not 0 h: said where the typed hours would stand, from the week the record
            # began (a newcomer's first week showed eleven "not entered" weeks before it).
            if week.tracked and not week.entered:
                ax.text(
                    x,
                    week.get("learning"),
                    " not entered",
                    rotation=90,
                    ha="center",
                    va="bottom",
                    fontsize=7.5,
                    color=colors.muted,
                    style="italic",
                )
        target_x, base = n + 0.5, 0.0
        for category in data.categories:
            value = data.target(category)
            (bar,) = ax.bar(
                target_x,
                value,
                bottom=base,
                width=self.WIDTH,
                color=category_color(category, colors),
                alpha=0.45,
                hatch="///",
                edgecolor=colors.window,
            )
            self.add_hover(bar, f"Target · {LABEL[category]}: {hours_text(value)} a week")
            base += value
        self.target_line = ax.axhline(base, color=colors.text, linestyle="--", linewidth=1.0)
        self.add_hover(self.target_line, f"All targets together: {hours_text(base)} a week")
        labels = week_ticks([w.label for w in data.weeks])
        ax.set_xticks([*xs, target_x], [*labels, "Targets"])
        ax.set_xlim(-0.6, target_x + 0.6)
        ax.set_ylabel("Hours per week")
        ax.set_xlabel("ISO week (dashed: all targets together)")
        ax.set_ylim(0, max(*bottom, base) * 1.3)
        self.legend(ax, colors, loc="upper left", ncols=5)
        return True

    def hover_text(self, event: Any) -> str | None:
        """The week bar under the mouse (one collection per category), else the target bars
        and line."""
        data = self._history
        if event.inaxes is not None and event.xdata is not None and data is not None:
            for category, stack in self.stacks.items():
                week = bar_under(stack, event.xdata, event.ydata)
                if week is not None:
                    value = data.series(category)[week]
                    goal = hours_text(data.target(category))
                    label = data.weeks[week].label
                    return f"{label} · {LABEL[category]}: {hours_text(value)} (target {goal})"
            week = round(event.xdata)
            if 0 <= week < len(data.weeks) and not data.weeks[week].entered:
                shown = data.weeks[week]
                return f"{shown.label}: " + (
                    "hours not entered" if shown.tracked else "before your first record"
                )
        return super().hover_text(event)


class WorkLearningChart(ChartView):
    """Work (left axis) and learning (right axis) per week, each with its target dashed: the
    two pull on the same evenings, so they are read together."""

    title = "Work vs learning"
    empty_message = (
        "No work hours or learning in these weeks.\nEnter your week and log sessions to compare."
    )

    def __init__(self, parent=None, *, height: float = 3.0) -> None:
        super().__init__(parent, height=height)
        self.lines: dict[str, Any] = {}
        #: (line, text per point): each point's hover text, found the way matplotlib finds a
        #: point on a line (within its pick radius) instead of by an invisible artist per point,
        #: which cost a fifth of this chart's draw.
        self._point_texts: list[tuple[Any, list[str]]] = []

    def hover_text(self, event: Any) -> str | None:
        for line, texts in self._point_texts:
            x, y = line.get_transform().transform(line.get_xydata()).T
            radius = self.figure.dpi / 72 * line.get_pickradius()
            hits = ((x - event.x) ** 2 + (y - event.y) ** 2 <= radius**2).nonzero()[0]
            if len(hits):
                return texts[hits[0]]
        return super().hover_text(event)

    def plot(self, ax: Any, data: BalanceHistory, colors: theme.Colors) -> bool:
        self.lines = {}
        self._point_texts = []
        work, learning = data.series("work"), data.series("learning")
        if not any(work) and not any(learning):
            return False
        # A week whose hours were not entered is a gap in the work line, not a dip to 0 h, and
        # so is learning before the record began.
        work, learning = (
            tuple(nan if h is None else h for h in (w.known(name) for w in data.weeks))
            for name in ("work", "learning")
        )
        from matplotlib.ticker import MaxNLocator

        xs = list(range(len(data.weeks)))
        right = ax.twinx()
        self._style(right, colors)
        right.grid(False)
        right.spines["right"].set_visible(True)
        right.spines["right"].set_color(colors.grid)
        for axis, name, values in ((ax, "work", work), (right, "learning", learning)):
            color = category_color(name, colors)
            target = data.target(name)
            (line,) = axis.plot(
                xs, values, marker="o", markersize=3.5, color=color, label=LABEL[name]
            )
            self.lines[name] = line
            axis.axhline(target, color=color, linestyle="--", linewidth=1.0, alpha=0.8)
            texts = [
                f"{week.label} · {LABEL[name]}: "
                + (
                    f"{hours_text(value)} (target {hours_text(target)})"
                    if value == value
                    else "not entered"
                )
                for week, value in zip(data.weeks, values, strict=True)
            ]
            self._point_texts.append((line, texts))
            known = [v for v in values if v == v]
            axis.set_ylim(0, max(*known, target, target) * 1.35 + 0.5)
            axis.set_ylabel(f"{LABEL[name]} h / week", color=color)
            # Whole hours: labels such as "12.5" appear only once the layout made the axes
            # taller, wider than the labels it measured, and pushed the right label out.
            axis.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xticks(xs, week_ticks([w.label for w in data.weeks]))
        ax.set_xlabel("ISO week (dashed: target)")
        self.legend(ax, colors, handles=list(self.lines.values()), loc="upper left", ncols=2)
        return True
