"""One table model for every list of service rows (the Vorta pattern).

A page describes its columns once (`Column`), then calls `set_rows()` with fresh dataclasses
from a service. The model sorts itself (`sort()`, one key per row, kept across `set_rows()`):
a `QSortFilterProxyModel` sorting by itself compares rows pairwise, each comparison two calls
back into Python, which cost a page a quarter of a second for 2,000 contacts. Proxies filter,
and hand sorting to the model (`SourceSortProxy`). `SORT_ROLE` gives raw values (dates,
numbers) for a plain proxy's sort.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    value: Callable[[R], Any]
    #: How the value reads in the table; by default numbers lose trailing zeros, None is blank.
    text: Callable[[Any], str] | None = None
    align_right: bool = False
    tooltip: Callable[[R], str] | None = None


def default_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return ", ".join(map(str, value))
    return str(value)


def sort_key(value: Any) -> tuple[int, Any]:
    """A key that orders like SORT_ROLE does: blanks first, text without regard to case."""
    if value is None or value == "":
        return (0, "")
    if isinstance(value, str):
        return (1, value.casefold())
    if isinstance(value, dt.date):
        return (1, value.isoformat())
    if isinstance(value, tuple | list):
        return (1, ", ".join(map(str, value)).casefold())
    return (1, value)


class ColumnsModel(QAbstractTableModel, Generic[R]):
    """What every table model shares: its columns and their headers."""

    #: The roles `data` answers. A view asks each cell for about eight roles (font, colours,
    #: check state, size...) on every paint and every measure of a column; the others are
    #: refused before anything is looked up, as most of a table's calls into Python are those.
    ROLES = frozenset(
        int(role)
        for role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            ROW_ROLE,
            SORT_ROLE,
        )
    )

    def __init__(self, columns: Sequence[Column[R]], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
        return None


class RowsModel(ColumnsModel[R]):
    def __init__(self, columns: Sequence[Column[R]], parent=None) -> None:
        super().__init__(columns, parent)
        self._given: list[R] = []
        self._rows: list[R] = []
        #: The column and order the rows are sorted by (column -1: as the service gave them).
        self._sort = (-1, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._given = list(rows)
        self._rows = self._sorted()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by `column` (stable; -1 restores the service's order), keeping the
        selection and current row on the same rows."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        rows = self._sorted()
        where = {id(row): i for i, row in enumerate(rows)}
        before = self.persistentIndexList()
        after = [self.index(where[id(self._rows[i.row()])], i.column()) for i in before]
        self._rows = rows
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self) -> list[R]:
        column, order = self._sort
        if not 0 <= column < len(self.columns):
            return list(self._given)
        value = self.columns[column].value
        descending = order == Qt.SortOrder.DescendingOrder
        return sorted(self._given, key=lambda r: sort_key(value(r)), reverse=descending)

    def row(self, index: int) -> R:
        return self._rows[index]

    def rows(self) -> list[R]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in self.ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(row)
            return (column.text or default_text)(value)
        if role == SORT_ROLE:
            value = column.value(row)
            if value is None:
                return ""
            if isinstance(value, dt.date):
                return value.isoformat()
            if isinstance(value, tuple | list):
                return ", ".join(map(str, value))
            return value
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return None


class SourceSortProxy(QSortFilterProxyModel):
    """A filtering proxy that leaves sorting to its `RowsModel` (one key per row, not pairwise
    comparisons), also for a source model set later."""

    _sort = (-1, Qt.SortOrder.AscendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        if self.sourceModel() is not None:
            self.sourceModel().sort(column, order)

    def setSourceModel(self, model) -> None:
        super().setSourceModel(model)
        model.sort(*self._sort)

    def rows_model(self) -> RowsModel[Any]:
        """The source model as the RowsModel it is, for its rows (Qt types it as any model)."""
        model = self.sourceModel()
        assert isinstance(model, RowsModel)
        return model
