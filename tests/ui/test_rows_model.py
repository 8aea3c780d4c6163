"""The one table model every page uses: Qt's model checks, display text and sort values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTableView

from planner.ui.qtmodels.rows import ROW_ROLE, SORT_ROLE, Column, RowsModel, SourceSortProxy


@dataclass(frozen=True)
class Row:
    day: dt.date
    hours: float
    note: str | None


COLUMNS = [
    Column("Date", lambda r: r.day),
    Column("Hours", lambda r: r.hours, align_right=True),
    Column("Note", lambda r: r.note, tooltip=lambda r: r.note or "no note"),
]
ROWS = [
    Row(dt.date(2026, 11, 3), 10.0, "long"),
    Row(dt.date(2026, 10, 30), 2.5, None),
    Row(dt.date(2026, 11, 20), 0.75, "short"),
]


def test_model_passes_qt_model_checks_empty_and_filled(qtmodeltester) -> None:
    model = RowsModel(COLUMNS)
    qtmodeltester.check(model)
    model.set_rows(ROWS)
    qtmodeltester.check(model)


def test_display_text_and_raw_row(qapp) -> None:
    model = RowsModel(COLUMNS)
    model.set_rows(ROWS)
    assert model.data(model.index(0, 0)) == "2026-11-03"
    assert model.data(model.index(0, 1)) == "10"
    assert model.data(model.index(2, 1)) == "0.75"
    assert model.data(model.index(1, 2)) == ""
    assert model.data(model.index(1, 2), Qt.ItemDataRole.ToolTipRole) == "no note"
    assert model.data(model.index(1, 0), ROW_ROLE) is ROWS[1]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Hours"


def test_numbers_and_dates_sort_as_values_not_text(qapp) -> None:
    model = RowsModel(COLUMNS)
    model.set_rows(ROWS)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)  # as text "10" would come before "2.5"
    assert [proxy.index(i, 1).data() for i in range(3)] == ["0.75", "2.5", "10"]
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(i, 0).data() for i in range(3)] == [
        "2026-11-20",
        "2026-11-03",
        "2026-10-30",
    ]


def test_the_model_sorts_itself_behind_a_filtering_proxy_and_keeps_the_selection(qapp) -> None:
    """Header clicks reach the model through `SourceSortProxy`: blanks first, text without
    regard to case, numbers as numbers; the selected row stays selected; the order holds for
    new rows, and -1 gives back the service's order."""
    rows = [*ROWS, Row(dt.date(2026, 11, 4), 2.5, "Apple")]
    model = RowsModel(COLUMNS)
    model.set_rows(rows)
    proxy = SourceSortProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.selectRow(2)  # the 0.75 h row
    view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(i, 2).data() for i in range(4)] == ["", "Apple", "long", "short"]
    assert [i.data(ROW_ROLE) for i in view.selectionModel().selectedRows()] == [rows[2]]
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(i, 1).data() for i in range(4)] == ["10", "2.5", "2.5", "0.75"]
    assert proxy.index(1, 0).data(ROW_ROLE) is rows[1]  # equal hours keep the service's order
    model.set_rows(list(reversed(rows)))
    assert [proxy.index(i, 1).data() for i in range(4)] == ["10", "2.5", "2.5", "0.75"]
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(i, 0).data(ROW_ROLE) for i in range(4)] == list(reversed(rows))
