"""The Learning page's session log, and the table helpers the page shares with it.

The log can hold tens of thousands of sessions. Its table model (`WindowedRowsModel`) knows only
how many sessions the filters (the last 90 days unless "All time" is chosen) match, and reads the
sessions a window at a time, in the order of the clicked column, as the view paints them: the
data file sorts them along an index, so showing, sorting or filtering costs the same for 30,000
sessions as for 30. Deleting sessions is one undoable step: Ctrl+Z re-creates them as they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, Qt
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.services import learning
from planner.services.errors import InputError
from planner.services.learning import SessionQuery, SessionRow
from planner.ui.context import AppContext
from planner.ui.dialogs.session import SessionDialog
from planner.ui.forms import edits_data, from_qdate
from planner.ui.qtmodels.rows import ROW_ROLE, Column, RowsModel, SourceSortProxy
from planner.ui.qtmodels.windowed import WindowedRowsModel
from planner.wording import counted, hours_text

ALL_ACTIVITIES = "All activities"
#: Session log ranges: label -> days back from today (None: no lower bound; 0: this year;
#: -1: the custom dates).
RANGES = {
    "Last 30 days": 30,
    "Last 90 days": 90,
    "This year": 0,
    "Last 12 months": 365,
    "All time": None,
    "Custom range": -1,
}
DEFAULT_RANGE = "Last 90 days"


SESSION_COLUMNS: list[Column[SessionRow]] = [
    Column("Date", lambda r: r.date),
    Column("Hours", lambda r: r.hours, hours_text, align_right=True),
    Column("Activity", lambda r: r.activity, lambda v: v or "(no activity)"),
    Column("Note", lambda r: r.note, tooltip=lambda r: r.note),
]


def make_view(model: QAbstractItemModel, stretch: int) -> QTableView:
    """A sortable, row-selecting table over `model` with fixed-height rows."""
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setDefaultSectionSize(110)
    return view


def make_table(model: RowsModel, stretch: int) -> tuple[QTableView, SourceSortProxy]:
    """`make_view` over a proxy that filters on any column (the model sorts itself)."""
    proxy = SourceSortProxy()
    proxy.setSourceModel(model)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    return make_view(proxy, stretch), proxy


def table_keys(view: QTableView, edit: Callable[[], Any], delete: Callable[[], Any]) -> None:
    """Enter edits and Delete deletes the selected rows while the table has the focus."""
    for key, slot in (
        (QKeySequence(QKeySequence.StandardKey.Delete), delete),
        (QKeySequence(Qt.Key.Key_Return), edit),
        (QKeySequence(Qt.Key.Key_Enter), edit),
    ):
        shortcut = QShortcut(key, view)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)


def selected(view: QTableView) -> list:
    rows = (i.data(ROW_ROLE) for i in view.selectionModel().selectedRows())
    return [r for r in rows if r is not None]


def hint(text: str) -> QLabel:
    """A muted, wrapped line for an empty state that says what to do next."""
    label = QLabel(text)
    label.setObjectName("emptyState")
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setContentsMargins(2, 6, 2, 6)
    return label


class SessionLog(QWidget):
    """Filters (range, activity), the session table, and add / edit / undoable delete."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: The filters of the last `load()`; the model's windows are read with them.
        self.query = SessionQuery()
        self.model: WindowedRowsModel[SessionRow] = WindowedRowsModel(
            SESSION_COLUMNS, self._window, self
        )
        self.view = make_view(self.model, 3)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.setColumnWidth(2, 300)
        self.view.doubleClicked.connect(lambda _: self.edit_selected())
        self.range = QComboBox()
        self.range.addItems(list(RANGES))
        self.range.setCurrentText(DEFAULT_RANGE)
        self.range.setToolTip("Which sessions to show")
        today = ctx.today()
        self.first = QDateEdit(QDate(today.year, 1, 1))
        self.last = QDateEdit(QDate(today.year, today.month, today.day))
        self.to_label = QLabel("to")
        for day_edit in (self.first, self.last):
            day_edit.setCalendarPopup(True)
            day_edit.setDisplayFormat("yyyy-MM-dd")
            day_edit.dateChanged.connect(self.load)
        for widget in (self.first, self.to_label, self.last):
            widget.setVisible(False)
        self.activity = QComboBox()
        self.activity.setMinimumWidth(240)
        self.activity.setToolTip("Show the sessions of one activity")
        self.range.currentTextChanged.connect(self._range_changed)
        self.activity.currentTextChanged.connect(self.load)
        add = QPushButton("Add session…")
        edits_data(add)
        add.setToolTip("Log hours for any day (Ctrl+L does the same from anywhere)")
        add.clicked.connect(lambda: SessionDialog(self.ctx, None, self).exec())
        edit = QPushButton("Edit…")
        edits_data(edit)
        edit.setToolTip("Edit the selected session (Enter or double-click)")
        edit.clicked.connect(self.edit_selected)
        delete = QPushButton("Delete")
        edits_data(delete)
        delete.setToolTip("Delete the selected sessions (Delete); Ctrl+Z brings them back")
        delete.clicked.connect(self.delete_selected)
        filters = QHBoxLayout()
        for part in (QLabel("Show"), self.range, self.first, self.to_label, self.last):
            filters.addWidget(part)
        filters.addWidget(self.activity)
        filters.addStretch(1)
        for button in (add, edit, delete):
            filters.addWidget(button)
        self.totals = QLabel()
        self.empty = hint("")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.totals)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        table_keys(self.view, self.edit_selected, self.delete_selected)

    def set_activities(self, titles: list[str]) -> None:
        """Refill the activity filter, keeping the current choice if it still exists."""
        current = self.activity.currentText() or ALL_ACTIVITIES
        self.activity.blockSignals(True)
        self.activity.clear()
        self.activity.addItems([ALL_ACTIVITIES, *titles])
        self.activity.setCurrentText(current if current in titles else ALL_ACTIVITIES)
        self.activity.blockSignals(False)

    def filter(self) -> tuple[dt.date | None, dt.date | None, str | None]:
        """(first, last, activity) the log is showing, from the filter widgets."""
        today = self.ctx.today()
        days = RANGES[self.range.currentText()]
        first: dt.date | None
        last: dt.date | None
        if days == -1:
            first, last = from_qdate(self.first.date()), from_qdate(self.last.date())
        elif days == 0:
            first, last = dt.date(today.year, 1, 1), None
        else:
            first = None if days is None else today - dt.timedelta(days=days - 1)
            last = None
        activity = self.activity.currentText()
        return first, last, None if activity in ("", ALL_ACTIVITIES) else activity

    def _range_changed(self) -> None:
        custom = RANGES[self.range.currentText()] == -1
        for widget in (self.first, self.to_label, self.last):
            widget.setVisible(custom)
        self.load()

    def load(self) -> None:
        """Count what the filters match and show it from the top (windows are read as shown)."""
        first, last, activity = self.filter()
        if first and last and last < first:
            self.totals.setText("The “to” date is before the “from” date: move one of them.")
            self.model.set_count(0)
            return
        self.query = SessionQuery(first, last, activity)
        shown = self.ctx.read(learning.session_totals, first, last, activity)
        self.model.set_count(shown.count)
        self.totals.setText(f"{counted(shown.count, 'session')} · {hours_text(shown.hours)} shown")
        if shown.count:
            self.empty.hide()
            return
        anything = self.ctx.read(learning.session_totals).count
        self.empty.setText(
            "Nothing in this range or for this activity — choose “All time” or another activity."
            if anything
            else "No sessions yet — log your first hours with Ctrl+L, the timer above, "
            "or “Add session…”."
        )
        self.empty.show()

    def _window(
        self, offset: int, limit: int, column: int, order: Qt.SortOrder
    ) -> list[SessionRow]:
        descending = order == Qt.SortOrder.DescendingOrder
        query = replace(self.query, sort=learning.SESSION_SORTS[column], descending=descending)
        return self.ctx.read(learning.session_window, query, offset, limit)

    def edit_selected(self) -> None:
        rows = selected(self.view)
        if rows:
            SessionDialog(self.ctx, rows[0], self).exec()

    def delete_selected(self) -> None:
        """Delete the selected sessions as one undoable step (Ctrl+Z re-creates them)."""
        rows: list[SessionRow] = selected(self.view)
        if not rows:
            return
        hours = hours_text(round(sum(r.hours for r in rows), 2))
        label = f"delete {counted(len(rows), 'session')} ({hours})"
        try:
            self.ctx.write(label, learning.delete_sessions, [r.id for r in rows])
        except InputError as exc:  # changed elsewhere meanwhile (e.g. the command line)
            self.ctx.status.emit(f"Nothing deleted: {exc}")
            self.load()
