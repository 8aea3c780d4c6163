"""What a person would see as broken on a page, measured where Qt and matplotlib can measure it:
text wider than its label, button or table cell (elided or clipped), widgets outside the
window, a page that scrolls sideways, and chart texts that overlap or leave their figure
(matplotlib's public `get_window_extent`). Each finding is one readable line, for the test's
assertion message."""

from __future__ import annotations

from itertools import combinations
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QWidget,
)

#: Pixels of slack: anti-aliasing and rounding, never a visible clip.
SLACK = 2


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0 and widget.height() > 0


def _name(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    return f"{type(widget).__name__}({widget.objectName() or text[:40]!r})"


def _scrolled(widget: QWidget) -> bool:
    """Whether the widget sits in a scroll area's viewport (it may be scrolled out of sight)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def widget_problems(window: QWidget) -> list[str]:
    found: list[str] = []
    frame = window.rect()
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window):
            continue
        place = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not _scrolled(widget) and not frame.adjusted(-1, -1, 1, 1).contains(place):
            found.append(f"{_name(widget)} reaches outside the window: {place} vs {frame}")
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + SLACK:
                    found.append(
                        f"{_name(widget)} is cut: needs {need} px high, has {widget.height()}"
                    )
            elif widget.minimumSizeHint().width() > widget.width() + SLACK:
                found.append(
                    f"{_name(widget)} is cut: needs {widget.minimumSizeHint().width()} px,"
                    f" has {widget.width()}"
                )
        elif (
            isinstance(widget, QAbstractButton)
            and widget.text()
            and widget.minimumSizeHint().width() > widget.width() + SLACK
        ):
            found.append(
                f"{_name(widget)} is cut: needs {widget.minimumSizeHint().width()} px,"
                f" has {widget.width()}"
            )
        if isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            found.append(f"{_name(widget)} scrolls sideways: its content is wider than the page")
        if isinstance(widget, QTableView):
            found += table_problems(widget)
    return found


def table_problems(view: QTableView) -> list[str]:
    """Header titles and cell texts (of the rows in view) wider than their column."""
    found: list[str] = []
    model, header = view.model(), view.horizontalHeader()
    if model is None:
        return found
    fm = view.fontMetrics()
    pad = 2 * (view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 1)
    top = view.rowAt(0)
    bottom = view.rowAt(view.viewport().height() - 1)
    rows = range(max(top, 0), (bottom if bottom >= 0 else model.rowCount() - 1) + 1)
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        width = view.columnWidth(column)
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        margin = 2 * view.style().pixelMetric(view.style().PixelMetric.PM_HeaderMargin)
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
            margin += view.style().pixelMetric(view.style().PixelMetric.PM_HeaderMarkSize)
        need = header.fontMetrics().horizontalAdvance(title) + margin
        if title and need > width + SLACK:
            found.append(f"{view.accessibleName()!r} column {title!r} is cut: {need} > {width}")
        for row in rows:
            text = model.index(row, column).data()
            if not isinstance(text, str) or not text:
                continue
            need = fm.horizontalAdvance(text) + pad
            if need > width + SLACK:
                found.append(f"{view.accessibleName()!r} {title!r} cell {text!r} is elided")
                break
    return found


def chart_problems(window: QWidget) -> list[str]:
    """Chart texts outside their figure, or on top of each other."""
    from planner.ui.charts.base import ChartView

    found: list[str] = []
    for chart in window.findChildren(ChartView):
        if not _shown(chart, window) or chart.canvas.height() < 40:
            continue
        chart.canvas.draw()
        renderer = chart.canvas.get_renderer()
        figure = chart.figure.bbox
        texts: list[tuple[str, Any]] = []
        for text in drawn_texts(chart.figure):
            box = text.get_window_extent(renderer)
            if box.width == 0:
                continue
            label = text.get_text().replace("\n", " ")
            if (
                box.x0 < figure.x0 - SLACK
                or box.y0 < figure.y0 - SLACK
                or box.x1 > figure.x1 + SLACK
                or box.y1 > figure.y1 + SLACK
            ):
                found.append(f"{chart.title!r}: {label!r} reaches outside the chart")
            texts.append((label, box.shrunk(0.96, 0.9)))
        for (a, box_a), (b, box_b) in combinations(texts, 2):
            if box_a.overlaps(box_b):
                found.append(f"{chart.title!r}: {a!r} overlaps {b!r}")
    return found


def drawn_texts(figure: Any) -> list[Any]:
    """The figure's texts that draw: tick labels only at ticks inside the view (matplotlib
    keeps labels for the ticks just beyond it, which it does not draw)."""
    from matplotlib.text import Text

    ticks: set[int] = set()
    shown: list[Any] = []
    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            span = (high - low) * 1e-9
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                labels = (tick.label1, tick.label2)
                ticks.update(id(label) for label in labels)
                if low - span <= tick.get_loc() <= high + span:
                    shown += [label for label in labels if label.get_visible()]
    others = [t for t in figure.findobj(Text) if id(t) not in ticks and t.get_visible()]
    return [t for t in others + shown if t.get_text().strip()]


def tab_widgets(page: QWidget) -> list[QTabWidget]:
    return [t for t in page.findChildren(QTabWidget) if not isinstance(t, QAbstractItemView)]


def settle() -> None:
    app = QApplication.instance()
    for _ in range(3):
        app.processEvents()
