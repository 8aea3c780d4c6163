"""The main window's sidebar: a list of pages with their icons, which can fold to icons only.

Folded, it is about 50 px wide instead of 150, which gives a page at 1024 px a fifth more room;
each row keeps its tooltip (title and Ctrl+number). The choice is remembered (`Settings`), and
the icons are drawn again in the new colours when the theme changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QToolButton, QVBoxLayout, QWidget

from planner.ui import icons, theme

ICON = 20


class Entry(Protocol):
    """A page as the sidebar lists it; read-only, so that a NamedTuple fits."""

    @property
    def name(self) -> str: ...

    @property
    def title(self) -> str: ...


class SidePanel(QWidget):
    def __init__(self, entries: Sequence[Entry], *, folded: bool = False) -> None:
        super().__init__()
        self.setObjectName("sidePanel")
        self.entries = list(entries)
        self.list = QListWidget()
        self.list.setObjectName("sidebar")
        self.list.setIconSize(QSize(ICON, ICON))
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for i, entry in enumerate(self.entries):
            item = QListWidgetItem(icons.page_icon(entry.name, ICON), entry.title)
            item.setData(Qt.ItemDataRole.UserRole, entry.name)
            item.setToolTip(f"{entry.title} (Ctrl+{i + 1})")
            self.list.addItem(item)
        self.fold_button = QToolButton()
        self.fold_button.setObjectName("foldSidebar")
        self.fold_button.setAutoRaise(True)
        self.fold_button.clicked.connect(lambda: self.set_folded(not self.folded))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(2)
        column.addWidget(self.list, 1)
        column.addWidget(self.fold_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.folded: bool = not folded  # the opposite, so that set_folded below acts
        self.set_folded(folded)
        theme.notifier().changed.connect(self._recolour)

    def set_folded(self, folded: bool) -> None:
        """Show icons only (True) or icons and titles."""
        if folded == self.folded:
            return
        self.folded = folded
        for i, entry in enumerate(self.entries):
            self.list.item(i).setText("" if folded else entry.title)
        self.fold_button.setText("»" if folded else "« Icons only")
        self.fold_button.setToolTip(
            "Show the page names" if folded else "Fold the sidebar to icons, for more room"
        )
        self.setFixedWidth(self._width())

    def _width(self) -> int:
        """Icons, their padding and (unfolded) the longest title, measured in this font."""
        frame = 2 * self.list.frameWidth() + 2 * self.list.spacing()
        icon_only = ICON + 24 + frame
        if self.folded:
            return icon_only
        widest = max(self.list.fontMetrics().horizontalAdvance(e.title) for e in self.entries)
        button = self.fold_button.sizeHint().width()
        return max(icon_only + widest + 18, button + 8)

    def _recolour(self) -> None:
        for i, entry in enumerate(self.entries):
            self.list.item(i).setIcon(icons.page_icon(entry.name, ICON))
