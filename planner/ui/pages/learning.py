"""The Learning page: activities, the session log, a timer, and the commitment charts.

The session log (with its undoable deletes) lives in `learning_sessions`, the timer in
`learning_timer`, the charts tab in `learning_charts`. Deleting an activity asks first and keeps
its hours in the log. Charts are drawn only while their tab is showing, and redrawn when it is
shown after a change.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.services import learning
from planner.services.learning import ActivityRow
from planner.ui.charts.base import ChartView
from planner.ui.context import AppContext
from planner.ui.dialogs.activity import ActivityDialog, label_of
from planner.ui.format import short_day_text
from planner.ui.forms import edits_data
from planner.ui.lazy_tab import LazyTab
from planner.ui.pages.base import Page
from planner.ui.pages.learning_sessions import SessionLog, hint, make_table, selected, table_keys
from planner.ui.pages.learning_timer import SessionTimer
from planner.ui.prepare import plot_and_draw, shown_unpainted
from planner.ui.qtmodels.rows import Column, RowsModel
from planner.ui.table_fit import fit_columns
from planner.vocabulary import WEEKS_A_YEAR
from planner.wording import hours_text

if TYPE_CHECKING:
    from planner.ui.pages.learning_charts import LearningCharts

#: The tab of charts (`learning_charts`), after the activities and the session log.
CHARTS_TAB = 2

ACTIVITY_COLUMNS: list[Column[ActivityRow]] = [
    Column("Title", lambda r: r.title, tooltip=lambda r: r.title),
    Column("Kind", lambda r: r.kind, text=label_of),
    Column("Provider", lambda r: r.provider),
    Column("Status", lambda r: r.status, text=label_of),
    Column("Priority", lambda r: r.priority, text=label_of),
    Column("Planned / month", lambda r: r.planned_hours_per_month, hours_text, align_right=True),
    Column("Hours logged", lambda r: r.hours_logged, hours_text, align_right=True),
    # The estimate the form asks for, against what was spent, as time trackers show it.
    Column(
        "Estimate",
        lambda r: r.estimated_hours,
        lambda v: hours_text(v) if v else "—",
        align_right=True,
        tooltip=lambda r: estimate_text(r),
    ),
    Column(
        "Of estimate",
        lambda r: r.hours_logged / r.estimated_hours if r.estimated_hours else None,
        lambda v: "" if v is None else f"{v:.0%}",
        align_right=True,
        tooltip=lambda r: estimate_text(r),
    ),
    Column("Skills", lambda r: r.skills, tooltip=lambda r: ", ".join(r.skills) or "No skills"),
]


def estimate_text(row: ActivityRow) -> str:
    """Spent against the estimate in words: what is left, or by how much it ran over."""
    if not row.estimated_hours:
        return "No estimate: set the estimated total in the activity's form"
    left = row.estimated_hours - row.hours_logged
    spent = f"{hours_text(row.hours_logged)} of an estimated {hours_text(row.estimated_hours)}"
    return (
        f"{spent}: {hours_text(left)} left"
        if left >= 0
        else f"{spent}: over by {hours_text(-left)}"
    )


class LearningPage(Page):
    name = "learning"
    concerns = frozenset({"learning", "profile", "catalog", "timer"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.heading("Learning", layout)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.timer = SessionTimer(ctx)
        layout.addWidget(self.timer)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._activities_tab(), "&Activities")
        self.log = SessionLog(ctx)
        self.tabs.addTab(self.log, "&Session log")
        # Built when first shown or prepared in idle time: a visit opens on the activities.
        self.charts_tab = LazyTab(self._make_charts, read_only=ctx.read_only)
        self.tabs.addTab(self.charts_tab, "&Charts")
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        self._charts_stale = True

    # -- activities -----------------------------------------------------------------------
    def _activities_tab(self) -> QWidget:
        tab = QWidget()
        self.activity_model: RowsModel[ActivityRow] = RowsModel(ACTIVITY_COLUMNS, self)
        self.activity_view, self.activity_proxy = make_table(self.activity_model, 0)
        self.activity_view.doubleClicked.connect(lambda _: self.edit_activity())
        fit_columns(self.activity_view)  # titles whole, as the other lists
        self.activity_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.activity_search = QLineEdit()
        self.activity_search.setPlaceholderText("Filter activities by any column…")
        self.activity_search.setClearButtonEnabled(True)
        self.activity_search.textChanged.connect(self.activity_proxy.setFilterFixedString)
        add = QPushButton("Add activity…")
        edits_data(add)
        add.setToolTip("Add a course, book, project or other learning activity")
        add.clicked.connect(self.add_activity)
        edit = QPushButton("Edit…")
        edits_data(edit)
        edit.setToolTip("Edit the selected activity (Enter or double-click)")
        edit.clicked.connect(self.edit_activity)
        delete = QPushButton("Delete")
        edits_data(delete)
        delete.setToolTip("Delete the selected activity; its logged hours stay (Delete)")
        delete.clicked.connect(self.delete_activity)
        bar = QHBoxLayout()
        for widget in (add, edit, delete):
            bar.addWidget(widget)
        bar.addWidget(self.activity_search, 1)
        self.activity_empty = hint(
            "No activities yet — add a course, book or project with “Add activity…”, give it "
            "planned hours per month, and your monthly commitment adds up here."
        )
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(self.activity_empty)
        layout.addWidget(self.activity_view, 1)
        table_keys(self.activity_view, self.edit_activity, self.delete_activity)
        return tab

    def add_activity(self) -> None:
        ActivityDialog(self.ctx, None, self).exec()

    def edit_activity(self) -> None:
        rows = selected(self.activity_view)
        if rows:
            ActivityDialog(self.ctx, rows[0].id, self).exec()

    def delete_activity(self) -> None:
        rows = selected(self.activity_view)
        if not rows:
            return
        row: ActivityRow = rows[0]
        kept = f" Its {hours_text(row.hours_logged)} logged stay in the session log."
        text = f"Delete “{row.title}”?{kept if row.hours_logged else ''}"
        if QMessageBox.question(self, "Delete activity", text) == QMessageBox.StandardButton.Yes:
            self.ctx.write(f"delete activity “{row.title}”", learning.delete_activity, row.id)
            self.ctx.status.emit(f"Deleted the activity “{row.title}”")

    # -- charts ---------------------------------------------------------------------------
    def _make_charts(self) -> LearningCharts:
        from planner.ui.pages.learning_charts import LearningCharts

        return LearningCharts(self.ctx)

    @property
    def charts(self) -> LearningCharts:
        """The charts tab's panel, built when first asked for."""
        return self.charts_tab.panel

    def load_charts(self) -> None:
        self.charts.load()
        self._charts_stale = False

    def _tab_changed(self, index: int) -> None:
        if index != CHARTS_TAB:
            return
        if self._charts_stale:
            self.load_charts()
        self.charts.settle()

    def warm_up(self, place: QRect) -> Iterator[None]:
        """The page, and behind the tab it shows, the charts tab, built then: four charts, the
        slowest tab to open."""
        tab_charts: list[ChartView] = []
        with shown_unpainted(self, place) as charts:
            if self.tabs.currentIndex() != CHARTS_TAB:
                if self._charts_stale:
                    self.load_charts()  # the tab's panel is built as it is asked for its charts
                behind = self.tabs.currentWidget().geometry()
                with shown_unpainted(self.charts_tab, behind) as tab_charts:
                    pass
        yield
        yield from plot_and_draw(charts + tab_charts)

    def refresh(self) -> None:
        today = self.ctx.today()
        activities = self.ctx.read(learning.activities)
        self.activity_model.set_rows(activities)
        self.activity_empty.setVisible(not activities)
        self.log.set_activities(sorted((a.title for a in activities), key=str.casefold))
        self.log.load()
        self.timer.reload_activities()
        month = self.ctx.read(learning.monthly_commitment, today, 1)[-1]
        year = self.ctx.read(learning.year_to_date, today)
        goal = f"{hours_text(year.goal)} goal" + (
            f" (your weekly goal × {WEEKS_A_YEAR})" if year.goal_follows_weekly else ""
        )
        since = {
            "1 January": "",
            "today": " from today",
        }.get(
            year.counted_because,
            f" since {year.counted_because} on {short_day_text(year.counted_from)}",
        )
        self.summary.setText(
            f"This month: <b>{hours_text(month.logged)}</b> logged of "
            f"{hours_text(month.planned)} planned · This year: <b>{hours_text(year.logged)}</b> "
            f"of the {goal} · {hours_text(year.expected_by_now)} expected by now{since}"
        )
        self._charts_stale = True
        if self.tabs.currentIndex() == CHARTS_TAB:
            self.load_charts()
