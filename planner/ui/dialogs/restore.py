"""File > Restore from backup…: pick one of the data file's backups, newest first.

The dialog only chooses; the window's owner does the restore (it must close the file first).
Restoring backs up the current data before replacing it, so a wrong choice can be undone by
restoring the "before restore" backup that appears at the top of this list.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.ui.context import AppContext
from planner.ui.format import moment_text, size_text

if TYPE_CHECKING:
    from planner.storage.backups import BackupInfo


def describe(label: str) -> str:
    """'before-upgrade-from-0001' -> 'Before upgrade from 0001'."""
    return label.replace("-", " ").capitalize()


class RestoreDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.data_path = ctx.path
        self.backups: list[BackupInfo] = ctx.backups()
        self.chosen: Path | None = None

        intro = QLabel(
            f"Choose a backup to put back in place of <b>{self.data_path.name}</b>. "
            "Your current data is backed up first, so you can come back to it."
        )
        intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(["Taken", "Why", "Size"])
        self.table.setAccessibleName("Backups")
        for backup in self.backups:
            item = QTreeWidgetItem(
                [
                    moment_text(backup.taken_at, weekday=True),
                    describe(backup.label),
                    size_text(backup.size),
                ]
            )
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        for column in range(3):
            self.table.resizeColumnToContents(column)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemDoubleClicked.connect(lambda *_: self.accept())

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText("Restore…")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if self.backups:
            layout.addWidget(self.table, 1)
            first = self.table.topLevelItem(0)
            assert first is not None  # an item for each backup
            self.table.setCurrentItem(first)
        else:
            none = QLabel(
                "There are no backups of this file yet. The app makes one every 30 minutes "
                "while you work, when it closes, and before upgrades, imports and restores."
            )
            none.setWordWrap(True)
            layout.addWidget(none)
            self.restore_button.setEnabled(False)
        layout.addWidget(self.buttons)
        self.resize(560, 380)

    def selected(self) -> BackupInfo | None:
        item = self.table.currentItem()
        if item is None:
            return None
        row = self.table.indexOfTopLevelItem(item)
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def accept(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        answer = QMessageBox.question(
            self,
            "Restore this backup?",
            f"Replace the data in {self.data_path.name} with the backup from "
            f"{moment_text(backup.taken_at)}?\n\nYour current data is backed up first.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.chosen = backup.path
        super().accept()
