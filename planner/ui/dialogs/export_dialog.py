"""File > Export…: a JSON backup, a folder of CSV files, or a calendar of milestones and
follow-ups.

The dialog only chooses the format and where to write; the exporters do the work in one read
transaction and write atomically, so cancelling or a failed write never leaves half a file.
A failure (a folder that does not exist, no permission) is shown under the path, and the
dialog stays open so the person can pick another place.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from planner.services.errors import InputError
from planner.ui.context import AppContext
from planner.ui.forms import error_label

if TYPE_CHECKING:
    from planner.exporters.files import ExportResult

#: (format, button text, one line on what it is for)
CHOICES = (
    ("json", "JSON backup", "Everything you entered, to keep safe or bring into another file."),
    ("csv", "CSV folder", "One spreadsheet file per table (skills, sessions, contacts …)."),
    ("ics", "Calendar (.ics)", "Milestones and follow-ups, with reminders, for your calendar."),
    ("vcard", "Contacts (.vcf)", "Every contact as a vCard, for your address book."),
)


def default_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def default_name(kind: str, today: dt.date) -> str:
    stem = f"career-planner-{today.isoformat()}"
    return {
        "json": f"{stem}.json",
        "csv": f"{stem}-csv",
        "ics": "career-planner.ics",
        "vcard": "career-planner-contacts.vcf",
    }[kind]


class ExportDialog(QDialog):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.ctx = ctx
        self.folder = folder or default_folder()
        self.written: ExportResult | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>What to export</b>"))
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for kind, text, hint in CHOICES:
            button = QRadioButton(text)
            button.setObjectName(f"export_{kind}")
            self.group.addButton(button)
            self.buttons[kind] = button
            note = QLabel(hint)
            note.setIndent(24)
            note.setWordWrap(True)
            note.setEnabled(False)  # the muted colour of a secondary line
            layout.addWidget(button)
            layout.addWidget(note)
        self.buttons["json"].setChecked(True)

        layout.addSpacing(8)
        self.where_label = QLabel()
        layout.addWidget(self.where_label)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setMinimumWidth(380)
        self.path.setAccessibleName("Export to")
        choose = QPushButton("Choose…")
        choose.clicked.connect(self._choose)
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        layout.addLayout(row)
        self.error = error_label()
        layout.addWidget(self.error)

        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = box.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        box.accepted.connect(self.run_export)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

        self.group.buttonToggled.connect(self._format_changed)
        self._format_changed()

    def kind(self) -> str:
        return next(k for k, b in self.buttons.items() if b.isChecked())

    def _format_changed(self, *_: object) -> None:
        """Point the path at a sensible name for the chosen format, in the same folder."""
        kind = self.kind()
        self.where_label.setText("Save in folder:" if kind == "csv" else "Save as:")
        current = Path(self.path.text()).expanduser().parent if self.path.text() else self.folder
        self.path.setText(str(current / default_name(kind, self.ctx.today())))
        self.error.hide()

    def _choose(self) -> None:
        kind, current = self.kind(), self.path.text()
        if kind == "csv":
            chosen = QFileDialog.getExistingDirectory(self, "Export CSV files into", current)
        else:
            pattern = {
                "json": "JSON backup (*.json)",
                "ics": "Calendar (*.ics)",
                "vcard": "Contacts (*.vcf)",
            }[kind]
            chosen, _ = QFileDialog.getSaveFileName(self, "Export to", current, pattern)
        if chosen:
            self.path.setText(chosen)

    def run_export(self) -> None:
        text = self.path.text().strip()
        if not text:
            self._show_error("Choose where to save the export.")
            return
        try:
            self.written = self.ctx.export(self.kind(), Path(text).expanduser())
        except InputError as exc:  # NotSaved for a damaged file: the window offers a backup
            message = str(exc)
            self._show_error(f"{message[:1].upper()}{message[1:]}.")
            return
        self.ctx.status.emit(self.written.summary())
        if self.written.left_out:  # not for the status line alone, gone in seconds
            box = QMessageBox(
                QMessageBox.Icon.Information, "Export", self.written.left_out, parent=self
            )
            box.setInformativeText(f"{self.written.written()}.")
            box.exec()
        self.accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
