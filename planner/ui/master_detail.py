"""The list pages' shape: a table (its filters above, its count or buttons below) beside what the
chosen row holds, split so the person can give either side more room.

Skills, Network and the Roadmap's gap, roles, portfolio and postings tabs each built this by hand;
built here, they keep one look, and a change to it (margins, the table's share of the height) is
made once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLayout, QSplitter, QTableView, QVBoxLayout, QWidget

#: A piece of a column: a widget, or a row of them in a layout.
Part = QWidget | QLayout


def column(*parts: Part, stretch: QWidget | None = None, title: str = "") -> QWidget:
    """`parts` from top to bottom, `stretch` taking the height the others leave: a bare widget
    without margins (it sits in a splitter or a page that has its own), or a titled group box."""
    box: QWidget = QGroupBox(title) if title else QWidget()
    layout = QVBoxLayout(box)
    if not title:
        layout.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part, 1 if part is stretch else 0)
    return box


class MasterDetail(QSplitter):
    """`table` in a column with `above` and `below` it, left of `detail`.

    `shares` is how the two sides divide room the window gains; `sizes` their first widths, in
    proportion, until the person drags the handle.
    """

    def __init__(
        self,
        table: QTableView,
        detail: QWidget,
        *,
        shares: tuple[int, int],
        sizes: tuple[int, int],
        above: Sequence[Part] = (),
        below: Sequence[Part] = (),
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.master = column(*above, table, *below, stretch=table, title=title)
        self.addWidget(self.master)
        self.addWidget(detail)
        for index, share in enumerate(shares):
            self.setStretchFactor(index, share)
        self.setSizes(list(sizes))
