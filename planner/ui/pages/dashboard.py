"""The Dashboard: this week at a glance, and the quick-log box.

Cards in a grid: readiness for the target role with its forecast, this week's learning against
the goal with streaks, the balance of each category, the next milestones, the contacts due a
follow-up, a quick-log row (Enter logs) and the last 12 weeks of learning. Every figure comes
from one `dashboard.summary` call, so the cards always agree; a refresh that finds the same
summary (and theme) as last time leaves the widgets alone.

The dashboard is the first thing the app shows, and loading matplotlib takes longer than
everything else the page needs: so the figures are painted first, and the chart is built on the
turn of the event loop after that first paint (or as soon as anyone asks for `chart`). Its
figures are plain SQL (`ctx.read_sql`), so at start-up they are read before the database is even
opened; `drawn` tells the launcher when figures and chart are on screen, to open it then.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.services import dashboard
from planner.services.dashboard import DashboardSummary
from planner.ui import startup_trace, theme
from planner.ui.context import AppContext
from planner.ui.dialogs.quick_log import QuickLogForm
from planner.ui.forms import edits_data
from planner.ui.pages.base import Page
from planner.ui.pages.guide_widgets import pitfall_label, show_pitfall
from planner.vocabulary import CHANGE_KINDS
from planner.wording import counted, day_text, hours_text

if TYPE_CHECKING:
    from planner.ui.charts.learning import WeeklyHoursChart

#: The weekly chart's height in inches (its figure's), and the room kept for it until it is built.
CHART_HEIGHT = 2.7
#: The narrowest a text card gets, and the page width from which three of them sit side by side.
CARD_WIDTH = 250
WIDE = 3 * CARD_WIDTH + 2 * 12 + 60


class Card(QFrame):
    """A titled box with an optional big figure, a detail line, and room for more."""

    def __init__(self, title: str, *, figure: bool = True) -> None:
        super().__init__()
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#card { border: 1px solid palette(mid); border-radius: 6px;"
            " background: palette(base); }"
        )
        self.title = QLabel(title)
        self.title.setWordWrap(True)  # "Readiness for Machine Learning Engineer" in a narrow card
        self.title.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.figure = QLabel()
        big = QFont(self.figure.font())
        big.setPointSizeF(big.pointSizeF() * 2.1)
        big.setBold(True)
        self.figure.setFont(big)
        self.figure.setVisible(figure)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(14, 10, 14, 12)
        self.body.setSpacing(6)
        for widget in (self.title, self.figure, self.detail):
            self.body.addWidget(widget)


def progress_bar(name: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 100)
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.setAccessibleName(name)
    return bar


def profile_button(text: str, tip: str) -> QPushButton:
    """A small flat button at a card's foot that opens the Profile dialog."""
    button = QPushButton(text)
    button.setFlat(True)
    button.setToolTip(tip + " (Edit › Profile…)")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet(
        "QPushButton { text-align: left; padding: 0px; color: palette(link); border: none; }"
    )
    edits_data(button)
    return button


class DashboardPage(Page):
    name = "dashboard"
    concerns = frozenset(CHANGE_KINDS) - {"postings", "timer"}
    #: The figures and the chart are on screen for the first time.
    drawn = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._shown: Any = None
        self.summary: DashboardSummary | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        inner = QWidget()
        scroll.setWidget(inner)
        layout = QVBoxLayout(inner)
        self.heading("Dashboard", layout)
        self.week_label = QLabel()
        self.week_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.week_label)
        self.pitfall = pitfall_label()  # one of the guide's pitfalls, when the data shows it
        layout.addWidget(self.pitfall)

        self.readiness = Card("Readiness")
        self.readiness_bar = progress_bar("Readiness")
        self.readiness.body.insertWidget(2, self.readiness_bar)
        self.forecast = QLabel()
        self.forecast.setWordWrap(True)
        self.forecast.setTextFormat(Qt.TextFormat.RichText)
        self.readiness.body.addWidget(self.forecast)
        self.roadmap_button = QPushButton("Choose a target role…")
        self.roadmap_button.setToolTip("Open the Roadmap page (Ctrl+2) to pick a role")
        self.roadmap_button.clicked.connect(self._open_roadmap)
        self.readiness.body.addWidget(self.roadmap_button)
        self.learning = Card("Learning this week")
        self.learning_bar = progress_bar("Learning this week against the goal")
        self.learning.body.insertWidget(2, self.learning_bar)
        # The choices behind both cards (goals, plan start, current role) are the profile's.
        self.profile_buttons = (
            profile_button("Change goals…", "Weekly and yearly learning goal, networking goal"),
            profile_button("Profile…", "Name, current role, career stage, plan start and goals"),
        )
        self.learning.body.addWidget(self.profile_buttons[0])
        self.readiness.body.addWidget(self.profile_buttons[1])
        for button in self.profile_buttons:
            button.clicked.connect(self._open_profile)
        self.balance = Card("Balance this week", figure=False)
        self.chips: dict[str, QLabel] = {}
        for category in ("work", "learning", "exercise", "social", "rest"):
            chip = QLabel()
            chip.setObjectName(f"chip-{category}")
            chip.setWordWrap(True)  # a narrow card wraps "Not entered" rather than cut it
            self.chips[category] = chip
            self.balance.body.addWidget(chip)
        self.balance.body.addWidget(self.balance.detail)  # the advice line below the chips
        self.milestones = Card("Next milestones", figure=False)
        self.contacts = Card("Follow-ups due", figure=False)
        self.log_card = Card(
            "Log learning for today — type the hours and press Enter", figure=False
        )
        self.quick_log = QuickLogForm(ctx)
        self.quick_log.setToolTip("Hours, activity and an optional note; Enter logs them")
        self.quick_log.logged.connect(self._logged)
        self.log_card.body.addWidget(self.quick_log)
        self.log_card.detail.hide()
        edits_data(self.log_card)
        chart_card = Card("", figure=False)
        chart_card.title.hide()
        chart_card.detail.hide()
        self._chart: WeeklyHoursChart | None = None
        self._chart_room = QWidget()  # the chart's place, the chart's minimum size
        self._chart_room.setMinimumHeight(int(CHART_HEIGHT * 60))
        chart_card.body.addWidget(self._chart_room)
        self._chart_card = chart_card

        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        for card in (self.readiness, self.learning, self.balance, self.milestones, self.contacts):
            card.body.addStretch(1)  # text cards keep their lines at the top
            card.setMinimumWidth(CARD_WIDTH)
        self.columns = 0
        self._arrange(3)
        layout.addLayout(self.grid, 1)
        self.setFocusProxy(self.quick_log.hours)
        self._after_paint = _AfterFirstPaint(self.readiness.figure, self._first_painted)
        ctx.opened.connect(self.refresh)  # the file as the database reads it (same figures)
        # Watched after: the trace's filter then runs first, so it reports the paint before the
        # chart is built, as a person would see it.
        startup_trace.watch(self, self.readiness.figure)

    def _arrange(self, columns: int) -> None:
        """Place the cards in three columns, or two on a narrow window (below `WIDE`): three
        cards of at least `CARD_WIDTH` side by side do not fit in 1024 px beside the sidebar."""
        if columns == self.columns:
            return
        self.columns = columns
        grid = self.grid
        for card in (self.readiness, self.learning, self.balance, self.log_card, self._chart_card):
            grid.removeWidget(card)
        for card in (self.milestones, self.contacts):
            grid.removeWidget(card)
        for row in range(grid.rowCount()):
            grid.setRowStretch(row, 0)
        for column in range(3):
            grid.setColumnStretch(column, 1 if column < columns else 0)
        if columns == 3:
            places = {
                self.readiness: (0, 0, 1, 1),
                self.learning: (0, 1, 1, 1),
                self.balance: (0, 2, 1, 1),
                self.log_card: (1, 0, 1, 3),
                self._chart_card: (2, 0, 2, 2),
                self.milestones: (2, 2, 1, 1),
                self.contacts: (3, 2, 1, 1),
            }
            last = 3
        else:
            places = {
                self.readiness: (0, 0, 1, 1),
                self.learning: (0, 1, 1, 1),
                self.balance: (1, 0, 1, 1),
                self.milestones: (1, 1, 1, 1),
                self.log_card: (2, 0, 1, 2),
                self._chart_card: (3, 0, 1, 2),
                self.contacts: (4, 0, 1, 2),
            }
            last = 4
        for card, (row, column, rows, span) in places.items():
            grid.addWidget(card, row, column, rows, span)
        grid.setRowStretch(last, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(3 if event.size().width() >= WIDE else 2)
        super().resizeEvent(event)

    @property
    def chart(self) -> WeeklyHoursChart:
        """The last weeks of learning as bars, built (and filled) on first use."""
        if self._chart is None:
            from planner.ui.charts.learning import WeeklyHoursChart

            chart = WeeklyHoursChart(height=CHART_HEIGHT, compact=True)
            chart.title = f"Learning hours, last {dashboard.CHART_WEEKS} weeks"
            self._chart_card.body.replaceWidget(self._chart_room, chart)
            self._chart_room.deleteLater()
            self._chart = chart
            if self.summary is not None:
                chart.set_data(self.summary.series)
            chart.show()  # now, not on the layout's next turn: it plots when shown
            startup_trace.charts_built(self)
        return self._chart

    def _first_painted(self) -> None:
        """The figures are on screen: build the chart, and say so once it has drawn too."""
        chart = self.chart  # built (and filled) here, on the turn after the figures' paint

        def drew(_event: object) -> None:
            chart.canvas.mpl_disconnect(listening)
            # Two turns on: the paint that shows the drawing (and its trace) comes first.
            QTimer.singleShot(0, chart, lambda: QTimer.singleShot(0, chart, self.drawn.emit))

        listening = chart.canvas.mpl_connect("draw_event", drew)

    def _logged(self, _row: object) -> None:
        """On screen in the main window, the write that logged the hours has refreshed the page
        already (the window refreshes the page it shows); anywhere else it refreshes itself."""
        if not (self.isVisible() and isinstance(self.window(), QMainWindow)):
            self.refresh()

    def _open_profile(self) -> None:
        from planner.ui.dialogs.profile import open_profile

        if open_profile(self.ctx, self) and not self.isVisible():
            self.refresh()

    def _open_roadmap(self) -> None:
        window = self.window()
        if hasattr(window, "show_page"):
            window.show_page("roadmap")

    # -- refresh --------------------------------------------------------------------------
    def refresh(self) -> None:
        summary = self.ctx.read_sql(dashboard.summary, self.ctx.today())
        self.quick_log.reload_activities()
        colors = theme.colors()
        if (summary, colors) == self._shown:
            return
        self._shown = (summary, colors)
        self.summary = summary
        week = summary.week
        self.week_label.setText(
            f"Week {week.week} · {day_text(week.start)} – {day_text(week.end)} · today is "
            f"{summary.today:%A}"
        )
        show_pitfall(self.pitfall, summary.pitfall)
        self._readiness(summary)
        self._learning(summary)
        self._balance(summary, colors)
        self._milestones(summary, colors)
        self._contacts(summary)
        if self._chart is not None:
            self._chart.set_data(summary.series)

    def _readiness(self, s: DashboardSummary) -> None:
        r, f = s.readiness, s.forecast
        has_role = r.role is not None
        self.roadmap_button.setVisible(not has_role)
        self.readiness_bar.setVisible(has_role)
        if not has_role:
            self.readiness.title.setText("Readiness")
            self.readiness.figure.setText("—")
            self.readiness.detail.setText(
                "No target role yet. Choose the role you are aiming for on the "
                "<b>Roadmap</b> page (Ctrl+2) to see how ready you are and when."
            )
            self.forecast.hide()
            return
        self.readiness.title.setText(f"Readiness for {r.role_title}")
        self.readiness.figure.setText(f"{round(r.score * 100)} %")
        self.readiness_bar.setValue(round(r.score * 100))
        self.readiness.detail.setText(
            f"{r.skills_met} of {r.skills_total} required skills at their level"
            + (f" · {hours_text(r.remaining_hours)} of study to go" if r.remaining_hours else "")
        )
        if f.ready_on and f.weeks_needed:
            self.forecast.setText(
                f"Projected ready: <b>{day_text(f.ready_on)}</b><br>{html.escape(f.basis_text)}"
                + (f"<br><i>{html.escape(f.plan_note)}</i>" if f.plan_note else "")
            )
        else:  # no date (yet, or beyond ten years): the forecast says what it needs
            self.forecast.setText(html.escape(f.message))
        self.forecast.show()

    def _learning(self, s: DashboardSummary) -> None:
        hours, goal = s.learning_hours, s.weekly_goal
        self.learning.title.setText(f"Learning this week ({s.week.week})")
        self.learning.figure.setText(hours_text(hours))
        self.learning_bar.setValue(min(100, round(100 * hours / goal)) if goal else 100)
        left = goal - hours
        status = (
            f"of the {hours_text(goal)} goal — {hours_text(left)} to go"
            if left > 0
            else f"Goal of {hours_text(goal)} met"
        )
        current, longest = s.streak.current, s.streak.longest
        streak = (
            f"Streak: <b>{counted(current, 'week')}</b> in a row · longest {longest}"
            if current
            else "No current streak — meet the goal this week to start one"
            + (f" (longest {counted(longest, 'week')})." if longest else ".")
        )
        sessions = s.week.learning_sessions
        self.learning.detail.setText(f"{status} · {counted(sessions, 'session')}<br>{streak}")

    def _balance(self, s: DashboardSummary, colors: theme.Colors) -> None:
        for c in s.week.categories:
            chip = self.chips[c.category]
            if not c.entered:  # typed hours not entered yet: missing, not 0 h
                colour, verdict, hours = colors.muted, "Not entered", "—"
                advice = "Enter this week's hours on the Balance page."
            else:
                colour, verdict, hours = (
                    theme.tone_color(c.tone, colors),
                    theme.STATUS_LABEL[c.status],
                    f"{c.hours:g}",
                )
                advice = s.week.category_advice(c.category)
            chip.setText(
                f"<b>{c.category.capitalize()}</b> &nbsp;{hours} / {hours_text(c.target)}"
                f" &nbsp;·&nbsp; <span style='color:{colour}'>{verdict}</span>"
            )
            chip.setStyleSheet(
                f"QLabel {{ border: 1px solid {colour}; border-left: 5px solid {colour};"
                " border-radius: 4px; padding: 2px 8px; }"
            )
            chip.setToolTip(advice)
        if s.week.burnout_risk:
            self.balance.detail.setText(
                f"<span style='color:{colors.over}'>Work has run over for weeks: "
                "a burnout risk.</span>"
            )
        else:
            self.balance.detail.setText("Hover a category for advice; enter hours on Balance.")

    def _milestones(self, s: DashboardSummary, colors: theme.Colors) -> None:
        lines = []
        for m in s.next_milestones:
            if m.overdue(s.today) and m.due_on:
                when = (
                    f"<span style='color:{colors.over}'>overdue since {day_text(m.due_on)}</span>"
                )
            elif m.due_on:
                when = f"due {day_text(m.due_on)}"
            else:
                when = "no due date"
            lines.append(f"• {m.title} — {when}")
        more = s.open_milestones - len(s.next_milestones)
        if more > 0:
            lines.append(f"<i>and {more} more open</i>")
        self.milestones.detail.setText(
            "<br>".join(lines)
            or "No open milestones. Choose a target role or add your own on the Roadmap page."
        )
        overdue = f", {s.overdue_milestones} overdue" if s.overdue_milestones else ""
        self.milestones.title.setText(f"Next milestones ({s.open_milestones} open{overdue})")

    def _contacts(self, s: DashboardSummary) -> None:
        lines = []
        for c in s.due_contacts:
            last = f"last talked {day_text(c.last_contact)}" if c.last_contact else "not met yet"
            lines.append(f"• <b>{c.name}</b> ({c.relationship}) — {last}")
        more = s.due_contacts_total - len(s.due_contacts)
        if more > 0:
            lines.append(f"<i>and {more} more on the Network page</i>")
        self.contacts.detail.setText(
            "<br>".join(lines) or "Nobody is due a follow-up. Add contacts on the Network page."
        )
        self.contacts.title.setText(f"Follow-ups due ({s.due_contacts_total})")


class _AfterFirstPaint(QObject):
    """Calls `then` on the turn of the event loop after `widget` is first painted."""

    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self, self.then)  # dropped if the widget is gone
        return False
