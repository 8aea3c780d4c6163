"""The plan on a calendar: one horizontal bar per phase of the target role (plan start + earliest
month to plan start + latest month), the milestones as markers at their due dates, and a line at
today, so "where am I in the plan" is answered at a glance.

Open-ended phases ("24+ months") have no end date; they are drawn fading out to the right with an
arrow, because drawing them to an invented date would promise something the guides do not.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.services.readiness import PhaseSpan, PlanTimeline
from planner.ui import theme
from planner.ui.charts.base import ChartView
from planner.wording import day_text, hours_text

#: How far an open-ended phase is drawn before it has faded out completely.
OPEN_TAIL_DAYS = 365
#: Room kept right of a faded-out phase for its arrow.
ARROW_DAYS = 60
FADE_STEPS = 10
MILESTONE_LANE = "Milestones"


def pace_text(span: PhaseSpan, pace: str) -> str:
    """Where the plan's end and the pace's differ, both, and why: the plan keeps to the guide's
    window; the pace is how fast the person has been learning."""
    if not span.differs:
        return ""
    left = f"{hours_text(round(span.remaining_hours))} of its skills still to learn" + (
        ", after the earlier phases'" if span.order > 1 else ""
    )
    if span.pace_end is None:
        return f"\nAt your pace: more than ten years ({pace}); {left}."
    if span.end is None:
        return f"\nAt your pace: done around {day_text(span.pace_end)} ({pace})."
    later = "later" if span.pace_end > span.end else "sooner"
    return (
        f"\nThe plan's date follows the guide ({span.window} from the start); {pace} you "
        f"would finish it around {day_text(span.pace_end)}, {later}, with {left}."
    )


def phase_text(span: PhaseSpan, today: dt.date, pace: str = "") -> str:
    window = (
        f"{day_text(span.start)} – {day_text(span.end)}"
        if span.end
        else f"from {day_text(span.start)}"
    )
    if span.done:
        state = "done"
    elif span.start > today:
        state = "not started"
    elif span.end is not None and span.end < today:
        state = "past its window, not marked done"
    else:
        state = "in progress"
    focus = f"\n{span.focus}" if span.focus else ""
    return f"{span.name}: {window} ({state}){focus}{pace_text(span, pace)}"


class PlanTimelineChart(ChartView):
    title = "Plan timeline"
    empty_message = (
        "Choose a target role (Explore roles tab) to lay out its phases, "
        "or add a milestone with a due date."
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent, height=2.8)
        #: The bar drawn for each phase, in phase order (the solid part of an open-ended one).
        self.phase_bars: list[Any] = []
        #: One line of markers per milestone state (done, overdue, open), in drawing order, and
        #: the hover text of each of its points.
        self.milestone_marks: list[tuple[Any, list[str]]] = []
        self.today_line: Any = None
        #: The pace's end of each phase where it differs from the plan's (hollow triangles).
        self.pace_marks: Any = None
        self.pace_texts: list[str] = []

    def plot(self, ax: Any, data: PlanTimeline, colors: theme.Colors) -> bool:
        import matplotlib.dates as mdates

        self.phase_bars, self.milestone_marks, self.today_line = [], [], None
        self.pace_marks = None
        if data.is_empty:
            return False
        lanes = [f"{p.order}. {p.name}" for p in data.phases]
        has_milestones = bool(data.milestones)
        if has_milestones:
            lanes.append(MILESTONE_LANE)
        y_of = {name: len(lanes) - 1 - i for i, name in enumerate(lanes)}  # first lane on top
        today = data.today
        ends: list[dt.date] = [today]

        for span, lane in zip(data.phases, lanes, strict=False):
            y = y_of[lane]
            color = colors.balanced if span.done else colors.series[0]
            start = mdates.date2num(span.start)
            if span.end is not None:
                (bar,) = ax.barh(
                    y,
                    (span.end - span.start).days,
                    left=start,
                    height=0.55,
                    color=color,
                    alpha=0.9 if not span.done else 0.75,
                )
                ends.append(span.end)
            else:
                segments = self._open_ended(ax, y, start, color)
                for segment in segments[1:]:
                    self.add_hover(segment, phase_text(span, today))
                bar = segments[0]
                ends.append(span.start + dt.timedelta(days=OPEN_TAIL_DAYS + ARROW_DAYS))
            self.phase_bars.append(bar)
            self.add_hover(bar, phase_text(span, today, data.pace_text))

        self._pace_marks(ax, data, y_of, lanes, colors)
        ends.extend(p.pace_end for p in data.phases if p.differs and p.pace_end is not None)

        if has_milestones:
            self._milestones(ax, data, y_of[MILESTONE_LANE], colors)
            ends.extend(m.due_on for m in data.milestones if m.due_on is not None)

        starts = [p.start for p in data.phases] + [m.due_on for m in data.milestones if m.due_on]
        first = min([*starts, today])
        last = max(ends)
        pad = dt.timedelta(days=max((last - first).days // 40, 7))
        ax.set_xlim(mdates.date2num(first - pad), mdates.date2num(last + pad))
        # Room above the top lane for the "Today" label, inside the axes: above them it sat on
        # the chart's title.
        ax.set_ylim(-0.7, len(lanes) + 0.05)
        self.today_line = ax.axvline(
            mdates.date2num(today), color=colors.over, linewidth=1.4, linestyle="--", zorder=5
        )
        # Right of the line, or left of it when the line is near the right edge.
        near_end = (last + pad - today).days < (last - first + 2 * pad).days * 0.12
        ax.text(
            mdates.date2num(today),
            len(lanes),
            "Today " if near_end else " Today",
            color=colors.over,
            fontsize=8.5,
            va="top",
            ha="right" if near_end else "left",
        )
        ax.set_yticks(range(len(lanes)), list(reversed(lanes)))
        ax.tick_params(axis="y", labelcolor=colors.text, length=0)
        locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", color=colors.grid, linewidth=0.6, alpha=0.8)
        if data.role_title:
            ax.set_xlabel(
                f"Phases of {data.role_title}, from the plan start ({day_text(data.plan_start)})"
                if data.plan_start
                else "Date"
            )
        return True

    def _milestones(self, ax: Any, data: PlanTimeline, y: float, colors: theme.Colors) -> None:
        """The milestones as markers, one line per state rather than one per milestone: a ten-year
        plan has hundreds, and each line costs a plot call, a draw and a layout measurement.
        Overdue markers are drawn over done ones and open ones over both, so the ones that need
        attention stay visible where markers crowd."""
        import matplotlib.dates as mdates

        today = data.today
        styles = {
            "done": {"marker": "o", "color": colors.balanced, "markerfacecolor": colors.balanced},
            "overdue": {"marker": "D", "color": colors.over, "markerfacecolor": colors.window},
            "open": {"marker": "D", "color": colors.accent, "markerfacecolor": colors.window},
        }
        groups: dict[str, tuple[list[dt.date], list[str]]] = {k: ([], []) for k in styles}
        for m in data.milestones:
            assert m.due_on is not None
            if m.done_on is not None:
                kind, state = "done", f"done {day_text(m.done_on)}"
            elif m.due_on < today:
                kind, state = "overdue", "overdue"
            else:
                kind, state = "open", "open"
            days, texts = groups[kind]
            days.append(m.due_on)
            texts.append(f"{m.title}\nDue {day_text(m.due_on)} — {state}")
        for kind, (days, texts) in groups.items():
            if not days:
                continue
            (line,) = ax.plot(
                mdates.date2num(days),
                [y] * len(days),
                linestyle="none",
                markersize=8,
                markeredgewidth=1.6,
                **styles[kind],
            )
            self.milestone_marks.append((line, texts))

    def _pace_marks(
        self, ax: Any, data: PlanTimeline, y_of: dict[str, int], lanes: list[str], colors: Any
    ) -> None:
        """A hollow triangle where the pace would end a phase, joined to the plan's end by a
        dotted line, for each phase whose two dates differ: both dates, side by side."""
        import matplotlib.dates as mdates

        xs, ys, self.pace_texts = [], [], []
        for span, lane in zip(data.phases, lanes, strict=False):
            if not span.differs or span.pace_end is None:
                continue
            y = y_of[lane]
            if span.end is not None:
                ax.plot(
                    mdates.date2num([span.end, span.pace_end]),
                    [y, y],
                    color=colors.muted,
                    linestyle=":",
                    linewidth=1.4,
                )
            xs.append(span.pace_end)
            ys.append(y)
            self.pace_texts.append(f"{span.name}: {pace_text(span, data.pace_text).strip()}")
        if xs:
            self.pace_marks = ax.scatter(
                mdates.date2num(xs),
                ys,
                marker=">",
                s=60,
                facecolors=colors.window,
                edgecolors=colors.under,
                linewidths=1.6,
                zorder=4,
                label=f"Your pace ({data.pace_text})",
            )

    def milestone_count(self) -> int:
        """How many milestone markers are drawn."""
        return sum(len(texts) for _, texts in self.milestone_marks)

    def hover_text(self, event: Any) -> str | None:
        """A milestone's text when the mouse is over its marker (the topmost one where markers
        overlap), else the phase bar's."""
        if self.pace_marks is not None:
            hit, details = self.pace_marks.contains(event)
            if hit:
                return self.pace_texts[details["ind"][-1]]
        for line, texts in reversed(self.milestone_marks):
            hit, details = line.contains(event)
            if hit:
                return texts[details["ind"][-1]]
        return super().hover_text(event)

    @staticmethod
    def _open_ended(ax: Any, y: float, start: float, color: str) -> list[Any]:
        """A bar that fades out to the right and ends in an arrow: no end date is known."""
        step = OPEN_TAIL_DAYS / FADE_STEPS
        segments = []
        for i in range(FADE_STEPS):
            alpha = 0.9 * (1 - i / FADE_STEPS)
            (bar,) = ax.barh(
                y, step, left=start + i * step, height=0.55, color=color, alpha=alpha, linewidth=0
            )
            segments.append(bar)
        tip = start + OPEN_TAIL_DAYS
        ax.annotate(
            "",
            xy=(tip + ARROW_DAYS * 0.8, y),
            xytext=(tip - step, y),
            arrowprops={
                "arrowstyle": "-|>,head_width=0.4,head_length=0.8",
                "color": color,
                "lw": 1.6,
            },
        )
        return segments
