"""A table model over a long query result that holds only the windows of rows the view shows.

The session log can hold 30,000 sessions. Reading them all as rows, sorting them in Python and
resetting a model over all of them took about half a second for every filter or sort; this model
knows only the row count, and asks `fetch(offset, limit, column, order)` for a window of rows the
first time the view paints one of its rows. Sorting is the query's job too (`sort()` forgets the
windows and asks again in the new order), so every action costs a count and a window or two,
however many rows match.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from planner.ui.qtmodels.rows import (
    ROW_ROLE,
    SORT_ROLE,
    Column,
    ColumnsModel,
    Index,
    R,
    default_text,
)

#: fetch(offset, limit, sort column, sort order) -> the rows at offset .. offset + limit.
Fetch = Callable[[int, int, int, Qt.SortOrder], Sequence[R]]
WINDOW = 128
#: Windows kept before the oldest is dropped: memory stays flat however far one scrolls.
KEPT_WINDOWS = 64


class WindowedRowsModel(ColumnsModel[R]):
    #: Sorting is the query's (`sort`), so no cell gives a value to sort by.
    ROLES = ColumnsModel.ROLES - {int(SORT_ROLE)}

    def __init__(self, columns: Sequence[Column[R]], fetch: Fetch, parent=None) -> None:
        super().__init__(columns, parent)
        self._fetch = fetch
        self._count = 0
        self._windows: dict[int, Sequence[R]] = {}
        self._column, self._order = 0, Qt.SortOrder.AscendingOrder

    def set_count(self, count: int) -> None:
        """Start over on a result of `count` rows (new filters, or the data changed)."""
        self.beginResetModel()
        self._count = count
        self._windows.clear()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask for the rows in a new order (the view calls this when a header is clicked)."""
        if not 0 <= column < len(self.columns):
            return
        self._column, self._order = column, order
        self.set_count(self._count)

    def row(self, index: int) -> R | None:
        """The row at `index`, or None if the file lost rows since they were counted (written
        from the command line meanwhile: the page recounts on its next refresh)."""
        number, within = divmod(index, WINDOW)
        window = self._windows.get(number)
        if window is None:
            window = self._fetch(number * WINDOW, WINDOW, self._column, self._order)
            if len(self._windows) >= KEPT_WINDOWS:
                del self._windows[next(iter(self._windows))]
            self._windows[number] = window
        return window[within] if within < len(window) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in self.ROLES or not index.isValid() or not 0 <= index.row() < self._count:
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        row = self.row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (column.text or default_text)(column.value(row))
        if role == ROW_ROLE:
            return row
        return None if column.tooltip is None else column.tooltip(row)
