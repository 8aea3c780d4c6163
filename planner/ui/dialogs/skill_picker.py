"""A searchable list of skills to tick, shared by the dialogs that link skills to something.

A search box on top hides the names that do not contain its text (any case), the list below has
a check box per skill, and a line under it says what is ticked in the caller's own words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from planner.ui.drafts import NOT_DRAFTED


class SkillPicker(QWidget):
    """Tick skills out of `names`, shown in the order given.

    `summary` turns the ticked names (in list order) into the line under the list; `tips` gives
    an item's tooltip by name. `changed` is emitted whenever what is ticked changes.
    """

    changed = Signal()

    def __init__(
        self,
        names: Iterable[str],
        summary: Callable[[list[str]], str],
        *,
        placeholder: str = "Search skills…",
        chosen: Iterable[str] = (),
        tips: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._summarize = summary
        self._quiet = False  # set while set_chosen ticks many items: one `changed` at the end
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.setProperty(NOT_DRAFTED, True)
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget()
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if tips and name in tips:
                item.setToolTip(tips[name])
            self.list.addItem(item)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.summary)
        self.set_chosen(chosen)
        self.list.itemChanged.connect(self._item_changed)

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self._items():
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if not self._quiet:
            self.summary.setText(self._summarize(self.chosen()))
            self.changed.emit()

    def chosen(self) -> list[str]:
        """The ticked names, in list order."""
        return [i.text() for i in self._items() if i.checkState() == Qt.CheckState.Checked]

    def set_chosen(self, names: Iterable[str]) -> None:
        """Tick exactly the listed names (matched in any case) and untick the rest."""
        wanted = {n.casefold() for n in names}
        before = self.chosen()
        self._quiet = True
        try:
            for item in self._items():
                checked = item.text().casefold() in wanted
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        finally:
            self._quiet = False
        after = self.chosen()
        self.summary.setText(self._summarize(after))
        if after != before:
            self.changed.emit()
