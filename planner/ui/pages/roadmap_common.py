"""Small pieces the Roadmap and Skills pages share: a sortable, filterable table over a RowsModel,
and how a skill level reads on screen (its name comes from the skills rules, which load
SQLAlchemy, so it is not among the first paint's formatters in `ui/format.py`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QWidget,
)

from planner.services.skills import level_name
from planner.ui.qtmodels.rows import ROW_ROLE, RowsModel, SourceSortProxy
from planner.ui.table_fit import fit_columns


def level_text(level: int | None) -> str:
    return "" if level is None else f"{level} · {level_name(level)}"


def readiness_widgets(bar_width: int) -> tuple[QLabel, QProgressBar]:
    """The summary line and the "N % ready" bar that show readiness, for a role or a job
    posting, the same way on every tab."""
    summary = QLabel()
    summary.setTextFormat(Qt.TextFormat.RichText)
    summary.setWordWrap(True)
    bar = QProgressBar()
    bar.setRange(0, 100)
    bar.setFormat("%p % ready")
    bar.setMaximumWidth(bar_width)
    return summary, bar


class FilterProxy(SourceSortProxy):
    """Keeps rows that match the search text (any column) and the page's own `predicate` on
    the row dataclass (category, track, "only my target role"...); the model sorts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.predicate: Callable[[Any], bool] = lambda _row: True

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_needle", text.strip().casefold()))

    def set_predicate(self, predicate: Callable[[Any], bool]) -> None:
        self._refilter(lambda: setattr(self, "predicate", predicate))

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.rows_model()
        # The row straight from the RowsModel: asking for it through an index and `data` went
        # from Python into Qt and back for every row, at every key typed in the search.
        row = model.row(source_row) if 0 <= source_row < model.rowCount() else None
        if row is None or not self.predicate(row):
            return False
        if not self._needle:
            return True
        for column in range(model.columnCount()):
            text = model.data(model.index(source_row, column, source_parent))
            if text and self._needle in str(text).casefold():
                return True
        return False


def make_table(model: RowsModel, parent: QWidget | None = None) -> tuple[QTableView, FilterProxy]:
    """A read-only, row-selecting, sortable table over `model` (`fit_columns`)."""
    proxy = FilterProxy(parent)
    proxy.setSourceModel(model)
    view = QTableView(parent)
    view.setModel(proxy)
    # No sort indicator at first: rows keep the service's order until a header is clicked.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Size columns by the rows in view, not by every row: long lists made each layout
    # measure them all.
    header.setResizeContentsPrecision(0)
    fit_columns(view)  # names whole; the last column takes the slack
    header.setHighlightSections(False)
    return view, proxy


def run_dialog(dialog: QDialog) -> bool:
    """Show a modal dialog; free it afterwards (a dialog with a parent would otherwise live as
    long as the page). True when it was accepted."""
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return accepted


def selected_row(view: QTableView) -> Any:
    """The dataclass of the selected row, or None."""
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].data(ROW_ROLE) if rows else None


def select_where(
    view: QTableView, match: Callable[[Any], bool], fallback_row: int | None = None
) -> bool:
    """Select the first row whose dataclass matches (after a refresh), else the row at
    `fallback_row` (clamped), so the keyboard focus does not jump to the top."""
    model = view.model()
    for r in range(model.rowCount()):
        if match(model.index(r, 0).data(ROW_ROLE)):
            view.selectRow(r)
            return True
    if fallback_row is not None and model.rowCount():
        view.selectRow(min(max(fallback_row, 0), model.rowCount() - 1))
    return False
