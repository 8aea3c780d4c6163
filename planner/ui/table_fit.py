"""How list tables size their columns: every column as wide as its text, so a name is never
cut to "…", and the last column takes whatever room is left.

A column in Qt's Stretch mode shrinks to the room the others leave, which at 1024 px cut skill
and role names to an ellipsis. Here every column is sized to its contents; when they leave room
over, the last one stretches into it, and when they do not, the table scrolls sideways instead
(as spreadsheets do), keeping every text readable."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

SLACK = 24


class _Slack(QObject):
    """Stretches the last column only while the columns' texts leave room over; checked once
    per turn of the event loop after the table's size or rows change."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.pending = False
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(self.later)
        # Columns that grow on their own (a theme or font change) take room from the last, and
        # columns sized by the rows in view (long lists) grow as longer texts scroll into view.
        view.horizontalHeader().sectionResized.connect(self.later)
        view.verticalScrollBar().valueChanged.connect(self.later)

    def later(self, *_: object) -> None:
        if not self.pending:
            self.pending = True
            QTimer.singleShot(0, self, self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Hide:
            # Hidden, the table keeps its widths: Qt would size "to contents" by reading every
            # row (a hidden table has no rows in view), on every layout of its page.
            self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        elif kind == QEvent.Type.Show:
            self.view.horizontalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents
            )
            self.later()
        elif kind == QEvent.Type.Resize:
            self.later()
        return False

    def fit(self) -> None:
        self.pending = False
        view, header = self.view, self.view.horizontalHeader()
        if not view.isVisible():
            return  # it fits when shown (see eventFilter)
        last = header.logicalIndex(header.count() - 1)
        if last < 0:
            return
        header.resizeSections()  # to the texts in view now
        # The other columns are sized to their texts already; only the last one is measured.
        others = header.length() - header.sectionSize(last)
        needed = others + max(view.sizeHintForColumn(last), header.sectionSizeHint(last))
        # Some slack: the sizes are measured on the rows in view, and a vertical scroll bar
        # may yet take its width.
        room = needed + SLACK < view.viewport().width()
        mode = QHeaderView.ResizeMode.Stretch if room else QHeaderView.ResizeMode.ResizeToContents
        if header.sectionResizeMode(last) != mode:
            header.setSectionResizeMode(last, mode)


def fit_columns(view: QTableView) -> None:
    """Size `view`'s columns to their texts, the last one taking any room left (set its model
    first)."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    # Measure the rows in view only: Qt's default reads up to 1,000 rows per column on every
    # resize, which on a ten-year file's activity list cost seconds on the Learning page.
    header.setResizeContentsPrecision(0)
    visible = view.isVisible()
    header.setSectionResizeMode(
        QHeaderView.ResizeMode.ResizeToContents if visible else QHeaderView.ResizeMode.Interactive
    )
    _Slack(view)
