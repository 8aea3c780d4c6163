"""Roadmap: where you stand against your target role and how you get there.

Always in view: readiness for the target role and the ready-date forecast, with a what-if pace
(hours a week) beside the recent pace. Below, tabs: the plan (phases on a timeline, milestones),
the skill gap, readiness over time, the role catalog, a side-by-side comparison of roles, and
readiness for job postings you paste or open (`roadmap_postings.py`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.services import profile, readiness, roadmap
from planner.services.readiness import Forecast
from planner.services.roadmap import MilestoneRow
from planner.ui.charts.roadmap import ReadinessHistoryChart
from planner.ui.charts.timeline import PlanTimelineChart, pace_text
from planner.ui.context import AppContext
from planner.ui.dialogs.milestone import KIND_LABELS, CompleteDialog, MilestoneDialog
from planner.ui.format import percent_text
from planner.ui.forms import edits_data, muted_label
from planner.ui.lazy_tab import LazyTab
from planner.ui.pages.base import Page
from planner.ui.pages.roadmap_common import (
    make_table,
    readiness_widgets,
    run_dialog,
    select_where,
    selected_row,
)
from planner.ui.qtmodels.rows import Column, RowsModel
from planner.vocabulary import CHANGE_KINDS
from planner.wording import counted, day_text, hours_text

if TYPE_CHECKING:
    from planner.ui.pages.roadmap_compare import ComparePanel
    from planner.ui.pages.roadmap_gap import GapPanel
    from planner.ui.pages.roadmap_move import MovePanel
    from planner.ui.pages.roadmap_portfolio import PortfolioPanel
    from planner.ui.pages.roadmap_postings import PostingsPanel
    from planner.ui.pages.roadmap_roles import RoleBrowser

(
    PLAN_TAB,
    GAP_TAB,
    PROGRESS_TAB,
    ROLES_TAB,
    COMPARE_TAB,
    MOVE_TAB,
    PORTFOLIO_TAB,
    POSTINGS_TAB,
) = range(8)


def status_of(m: MilestoneRow, today) -> tuple[int, str]:
    """(sort key, text): overdue first, then open, undated, done."""
    if m.done_on is not None:
        return 3, f"Done {day_text(m.done_on)}"
    if m.due_on is None:
        return 2, "Open, no date"
    if m.due_on < today:
        late = (today - m.due_on).days
        return 0, f"Overdue by {counted(late, 'day')}"
    left = (m.due_on - today).days
    return 1, "Due today" if left == 0 else f"Open, {counted(left, 'day')} left"


def ready_text(f: Forecast) -> str:
    if f.ready_on is None:
        return f.message
    if f.remaining_hours == 0:
        return "Ready now: every required skill is at its level."
    return f"ready around <b>{day_text(f.ready_on)}</b> (in {f.weeks_needed:.0f} weeks)"


class RoadmapPage(Page):
    name = "roadmap"
    concerns = frozenset(CHANGE_KINDS) - {"balance", "review", "timer"}

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._first_refresh = True
        self._pace_basis = ""
        layout = QVBoxLayout(self)
        self.heading("Roadmap", layout)
        layout.addWidget(self._readiness_box())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._plan_tab(), "&Plan")
        # The panels of their own modules are built (and their modules imported) when their
        # tab is first shown or prepared in idle time (`warm_up`): a first visit pays only for
        # the tab in view. Each is brought up to date when shown after a refresh. By index:
        self._panels: dict[int, LazyTab] = {}
        self._add_lazy("Skill &gap", self._make_gap)
        self.history = ReadinessHistoryChart()
        self.tabs.addTab(self.history, "Progress &over time")
        self._add_lazy("&Explore roles", self._make_browser)
        self._add_lazy("Co&mpare roles", self._make_compare)
        self._add_lazy("Your mo&ve", self._make_move)  # the guides' advice: the move, stage...
        self._add_lazy("Port&folio", self._make_portfolio)
        self._add_lazy("&Job postings", self._make_postings)
        #: Tabs whose panel has not caught up with the last refresh: a panel is refreshed when
        #: its tab is shown, so a visit pays only for the tab in view.
        self._stale_tabs: set[int] = set()
        self.tabs.currentChanged.connect(self._refresh_tab)
        layout.addWidget(self.tabs, 1)

    # -- the panels of their own modules, built on first need -----------------------------------
    def _add_lazy(self, title: str, build: Callable[[], QWidget]) -> None:
        tab = LazyTab(build, read_only=self.ctx.read_only)
        self._panels[self.tabs.addTab(tab, title)] = tab

    def _make_gap(self) -> GapPanel:
        from planner.ui.pages.roadmap_gap import GapPanel

        return GapPanel(self.ctx)

    def _make_browser(self) -> RoleBrowser:
        from planner.ui.pages.roadmap_roles import RoleBrowser

        browser = RoleBrowser(self.ctx)
        browser.compare_requested.connect(self._compare_role)
        return browser

    def _make_compare(self) -> ComparePanel:
        from planner.ui.pages.roadmap_compare import ComparePanel

        return ComparePanel(self.ctx)

    def _make_move(self) -> MovePanel:
        from planner.ui.pages.roadmap_move import MovePanel

        return MovePanel(self.ctx)

    def _make_portfolio(self) -> PortfolioPanel:
        from planner.ui.pages.roadmap_portfolio import PortfolioPanel

        return PortfolioPanel(self.ctx)

    def _make_postings(self) -> PostingsPanel:
        from planner.ui.pages.roadmap_postings import PostingsPanel

        return PostingsPanel(self.ctx)

    @property
    def gap(self) -> GapPanel:
        return self._panels[GAP_TAB].panel

    @property
    def browser(self) -> RoleBrowser:
        return self._panels[ROLES_TAB].panel

    @property
    def compare(self) -> ComparePanel:
        return self._panels[COMPARE_TAB].panel

    @property
    def move_panel(self) -> MovePanel:
        return self._panels[MOVE_TAB].panel

    @property
    def portfolio(self) -> PortfolioPanel:
        return self._panels[PORTFOLIO_TAB].panel

    @property
    def postings(self) -> PostingsPanel:
        return self._panels[POSTINGS_TAB].panel

    def warm_up(self, place: QRect) -> Iterator[None]:
        """The page as every page is prepared, then each panel its first visit left for later,
        a step each: after idle time a tab opens as quickly as if it were built with the page."""
        yield from super().warm_up(place)
        for tab in self._panels.values():
            if not tab.is_built:
                tab.panel  # noqa: B018  built
                yield

    # -- readiness and forecast -----------------------------------------------------------------
    def _readiness_box(self) -> QGroupBox:
        box = QGroupBox("Readiness for your target role")
        self.summary, self.bar = readiness_widgets(260)
        self.pace = QDoubleSpinBox()
        self.pace.setRange(0.5, 80.0)
        self.pace.setSingleStep(0.5)
        self.pace.setDecimals(1)
        self.pace.setSuffix(" h/week")
        self.pace.setAccessibleName("What-if weekly learning hours")
        self.pace.setToolTip("Try another weekly pace to see when you would be ready")
        self.pace.valueChanged.connect(lambda _v: self.update_forecast())
        self.what_if = QLabel()
        self.what_if.setTextFormat(Qt.TextFormat.RichText)
        self.recent = muted_label()
        self.recent.setTextFormat(Qt.TextFormat.RichText)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.bar)
        pace_row = QHBoxLayout()
        pace_row.addWidget(QLabel("What if I learn"))
        pace_row.addWidget(self.pace)
        pace_row.addWidget(QLabel("→"))
        pace_row.addWidget(self.what_if, 1)
        column = QVBoxLayout(box)
        column.addLayout(top)
        column.addLayout(pace_row)
        column.addWidget(self.recent)
        return box

    def update_forecast(self) -> None:
        """Projected ready date at the what-if pace, next to the recent pace's."""
        today = self.ctx.today()
        self.what_if_forecast = self.ctx.read(
            readiness.forecast, today, weekly_hours=self.pace.value()
        )
        self.recent_forecast = self.ctx.read(readiness.forecast, today)
        self.what_if.setText(ready_text(self.what_if_forecast))
        recent = self.recent_forecast
        if recent.ready_on is not None and recent.remaining_hours > 0:
            basis = recent.basis_text
            plan = f"<br>{recent.plan_note}" if recent.plan_note else ""
            self.recent.setText(f"{basis[:1].upper()}{basis[1:]}: {ready_text(recent)}.{plan}")
        elif recent.ready_on is None and self.ready.role is not None:
            self.recent.setText(recent.message)
        else:
            self.recent.setText("")

    # -- plan tab -------------------------------------------------------------------------------
    def _plan_tab(self) -> QWidget:
        self.timeline = PlanTimelineChart()
        columns: list[Column[MilestoneRow]] = [
            Column("Milestone", lambda m: m.title, tooltip=lambda m: m.notes or m.title),
            Column("Kind", lambda m: KIND_LABELS.get(m.kind, m.kind)),
            Column("Due", lambda m: m.due_on, text=day_text),
            Column(
                "At your pace",
                lambda m: self._pace_of(m),
                text=lambda v: v[1],
                tooltip=lambda m: self._pace_of(m)[2],
            ),
            Column("Status", lambda m: status_of(m, self.ctx.today()), text=lambda v: v[1]),
            Column("Skills", lambda m: m.skills),
        ]
        self.milestone_model: RowsModel[MilestoneRow] = RowsModel(columns, self)
        self.milestone_table, self.milestone_proxy = make_table(self.milestone_model, self)
        self.milestone_table.setAccessibleName("Milestones")
        self.milestone_table.doubleClicked.connect(lambda _i: self.edit_milestone())
        self.milestone_table.selectionModel().selectionChanged.connect(
            lambda *_: self._sync_buttons()
        )
        self.hide_done = QCheckBox("&Hide done")
        self.hide_done.toggled.connect(
            lambda on: self.milestone_proxy.set_predicate(lambda m: not on or m.done_on is None)
        )
        self.new_button = QPushButton("&New milestone…")
        edits_data(self.new_button)
        self.new_button.clicked.connect(self.add_milestone)
        self.edit_button = QPushButton("&Edit…")
        edits_data(self.edit_button)
        self.edit_button.clicked.connect(self.edit_milestone)
        self.done_button = QPushButton("Mark &done…")
        edits_data(self.done_button)
        self.done_button.setToolTip("Complete the selected milestone on a date you choose")
        self.done_button.clicked.connect(self.complete_milestone)
        self.reopen_button = QPushButton("&Reopen")
        edits_data(self.reopen_button)
        self.reopen_button.clicked.connect(self.reopen_milestone)
        self.delete_button = QPushButton("Delete")
        edits_data(self.delete_button)
        self.delete_button.setToolTip("Delete the selected milestone (Del; Ctrl+Z brings it back)")
        self.delete_button.clicked.connect(self.delete_milestone)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.milestone_table,
            self.delete_milestone,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        QShortcut(
            QKeySequence(Qt.Key.Key_Return),
            self.milestone_table,
            self.edit_milestone,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.milestones_empty = muted_label()
        buttons = QHBoxLayout()
        for b in (
            self.new_button,
            self.edit_button,
            self.done_button,
            self.reopen_button,
            self.delete_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.hide_done)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(buttons)
        lower_layout.addWidget(self.milestone_table, 1)
        lower_layout.addWidget(self.milestones_empty)
        self.plan_note = muted_label()
        self.plan_note.setWordWrap(True)
        self.plan_note.hide()
        self._timeline_phases: dict[int | None, readiness.PhaseSpan] = {}
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.timeline)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addWidget(self.plan_note)
        column.addWidget(split)
        column.setContentsMargins(0, 6, 0, 0)
        return tab

    def _pace_of(self, m: MilestoneRow) -> tuple[dt.date, str, str]:
        """(sort key, text, tooltip): when a phase milestone's phase would be done at the pace,
        where that differs from its due date; blank for everything else."""
        span = self._timeline_phases.get(m.phase_id) if m.phase_id is not None else None
        if span is None or not span.differs or m.done_on is not None:
            return dt.date.max, "", ""
        why = pace_text(span, self._pace_basis).strip()
        if span.pace_end is None:
            return dt.date.max, "more than ten years", why
        return span.pace_end, day_text(span.pace_end), why

    def _sync_buttons(self) -> None:
        m = selected_row(self.milestone_table)
        self.edit_button.setEnabled(m is not None)
        self.delete_button.setEnabled(m is not None)
        self.done_button.setEnabled(m is not None and m.done_on is None)
        self.reopen_button.setEnabled(m is not None and m.done_on is not None)

    def add_milestone(self) -> None:
        dialog = MilestoneDialog(self.ctx, None, self)
        if run_dialog(dialog):
            select_where(self.milestone_table, lambda m: m.id == dialog.saved_id)

    def edit_milestone(self) -> None:
        m = selected_row(self.milestone_table)
        if m is not None:
            run_dialog(MilestoneDialog(self.ctx, m, self))

    def complete_milestone(self) -> None:
        m = selected_row(self.milestone_table)
        if m is not None and m.done_on is None:
            run_dialog(CompleteDialog(self.ctx, m, self))

    def reopen_milestone(self) -> None:
        m = selected_row(self.milestone_table)
        if m is not None and m.done_on is not None:
            self.ctx.write(f"reopen “{m.title}”", roadmap.set_done, m.id, None)
            self.ctx.status.emit(f"Reopened: {m.title}")

    def delete_milestone(self) -> None:
        """Delete at once, undoable with Ctrl+Z (the milestone comes back with its dates)."""
        m = selected_row(self.milestone_table)
        if m is not None:
            self.ctx.write(f"delete milestone “{m.title}”", roadmap.delete_milestone, m.id)

    def _compare_role(self, slug: str) -> None:
        self._refresh_tab(COMPARE_TAB)  # catch up first, or the refresh would drop the new role
        self.compare.add_role(slug)
        self.tabs.setCurrentIndex(COMPARE_TAB)

    # -- refresh --------------------------------------------------------------------------------
    def refresh(self) -> None:
        today = self.ctx.today()
        self.ready = r = self.ctx.read(readiness.readiness)
        info = self.ctx.read(profile.profile_info)
        if r.role is None:
            self.summary.setText(
                "<b>No target role yet.</b> Pick one in <i>Explore roles</i> and press "
                "<i>Choose as target role</i>: its phases become your plan."
            )
            self.bar.setValue(0)
        else:
            self.summary.setText(
                f"<b>{r.role_title}</b> — <b>{percent_text(r.score)}</b> ready · "
                f"{r.skills_met} of {r.skills_total} skills met"
                f" · about {hours_text(r.remaining_hours)} of learning to go"
            )
            self.bar.setValue(round(r.score * 100))
        if self._first_refresh:
            self.pace.blockSignals(True)
            self.pace.setValue(max(info.weekly_learning_goal, 0.5))
            self.pace.blockSignals(False)
        self.update_forecast()

        plan = self.ctx.read(readiness.plan_timeline, today)
        self._timeline_phases = {p.phase_id: p for p in plan.phases}
        self._pace_basis = plan.pace_text
        self.timeline.set_data(plan)
        differ = [p for p in plan.phases if p.differs]
        self.plan_note.setVisible(bool(differ))
        self.plan_note.setText(
            "Bars: the plan's dates (each phase ends inside the guide's window, counted from "
            "your plan start). ▷ and “At your pace”: when you would finish it at the pace "
            "above. Hover for why."
        )
        selected = selected_row(self.milestone_table)
        rows = self.ctx.read(roadmap.milestones)
        self.milestone_model.set_rows(rows)
        if selected is not None:
            select_where(self.milestone_table, lambda m: m.id == selected.id)
        self.milestones_empty.setVisible(not rows)
        self.milestones_empty.setText(
            "No milestones yet — choose a target role to lay out its phases, "
            "or add your own with New milestone…"
        )
        self._sync_buttons()
        self.history.set_data(self.ctx.read(readiness.readiness_history, today))
        self._stale_tabs = set(self._panels)
        if self._first_refresh:
            self.tabs.setCurrentIndex(PLAN_TAB if r.role else ROLES_TAB)
            self._first_refresh = False
        self._refresh_tab(self.tabs.currentIndex())

    def _refresh_tab(self, index: int) -> None:
        """Bring the panel on tab `index` up to date if a refresh has passed it by."""
        if index not in self._stale_tabs:
            return
        self._stale_tabs.discard(index)
        self._panels[index].panel.refresh()
