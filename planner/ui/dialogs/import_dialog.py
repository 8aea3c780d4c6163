"""File > Import…: choose what to import and the file, see exactly what it would change, then
import it in one transaction.

The preview is the whole file parsed: the counts, then a table of every record with its line
(or card) number and what will happen to it — problems first, because they are what the person
has to decide about. Nothing is written until Import; Import backs the data file up first, then
writes in one transaction (`ctx.run_import`; pages refresh). Cancel writes nothing. A file that
cannot be read is said in the dialog, which stays open for another choice. A file that asks a
question (day-first dates, a team report, a calendar's names) gets its pickers above the
preview (`import_questions`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.services.errors import ChoiceNeeded, ImportFileError, InputError
from planner.ui.context import AppContext
from planner.ui.dialogs.import_questions import ImportQuestions
from planner.ui.forms import bold_label, error_label, show_error
from planner.ui.qtmodels.rows import Column, RowsModel

if TYPE_CHECKING:
    from planner.importers.plan import ImportPlan


@dataclass(frozen=True)
class PreviewLine:
    number: int
    outcome: str
    text: str


def preview_lines(plan: ImportPlan) -> list[PreviewLine]:
    """Rejected and skipped records first (they need a decision), then duplicates, then adds."""
    out = [PreviewLine(p.number, "Rejected", p.reason) for p in plan.rejected]
    out += [PreviewLine(p.number, "Skipped", p.reason) for p in plan.skipped]
    out += [
        PreviewLine(r.number, "Already present", f"{r.label}: {r.reason}" if r.reason else r.label)
        for r in plan.duplicates
    ]
    out += [PreviewLine(p.number, "Added, changed", p.reason) for p in plan.notes]
    out += [PreviewLine(r.number, "Will be added", r.label) for r in plan.add]
    return out


def _columns(unit: str) -> list[Column[PreviewLine]]:
    return [
        Column(unit.capitalize(), lambda r: r.number, align_right=True),
        Column("Outcome", lambda r: r.outcome),
        Column("Record, or why it is left out", lambda r: r.text, tooltip=lambda r: r.text),
    ]


class ImportDialog(QDialog):
    """`written` holds how many records were imported after the dialog is accepted."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: ImportPlan | None = None
        self.written = 0
        self.setWindowTitle("Import")

        self.kind = QComboBox()
        for name, spec in ctx.import_kinds().items():
            self.kind.addItem(spec.title, name)
        self.kind.setAccessibleName("What to import")
        self.path = QLineEdit()
        self.path.setPlaceholderText("Choose the exported file…")
        self.path.setAccessibleName("File")
        choose = QPushButton("&Choose…")
        choose.clicked.connect(self._choose)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(choose)
        file_label = QLabel("&File:")
        file_label.setBuddy(self.path)
        form = QFormLayout()
        form.addRow("&What:", self.kind)
        form.addRow(file_label, file_row)

        self.questions = ImportQuestions()
        self.questions.changed.connect(self.refresh_preview)
        self._source: tuple[str, str] | None = None  # what the questions were answered for

        self.summary = bold_label()
        self.summary.setWordWrap(True)
        self.summary.setText("Choose a file to see what importing it would add.")
        self.error = error_label()
        self.model: RowsModel[PreviewLine] = RowsModel(_columns("row"), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.import_now)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.questions)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 560)

        self.kind.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.path.editingFinished.connect(self.refresh_preview)

    def kind_name(self) -> str:
        return self.kind.currentData()

    def set_kind(self, name: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(name))

    def set_path(self, path: str | Path) -> None:
        self.path.setText(str(path))
        self.refresh_preview()

    def _choose(self) -> None:
        spec = self.ctx.import_kinds()[self.kind_name()]
        start = self.path.text() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, f"Import {spec.title}", start, f"{spec.file_filter};;All files (*)"
        )
        if path:
            self.set_path(path)

    def refresh_preview(self) -> None:
        """Parse the whole file again and show what importing it would do."""
        self.plan = None
        self.import_button.setEnabled(False)
        show_error(self.error, "")
        path = self.path.text().strip()
        if not path:
            self.model.set_rows([])
            return
        if self._source != (self.kind_name(), path):
            self._source = (self.kind_name(), path)
            self.questions.reset()
        try:
            plan = self.ctx.preview_import(self.kind_name(), path, self.questions.answers())
        except ChoiceNeeded as exc:
            self.model.set_rows([])
            self.questions.ask(exc)
            question = str(exc)
            self.summary.setText(f"{question[:1].upper()}{question[1:]}: choose above.")
            return
        except ImportFileError as exc:
            self.model.set_rows([])
            self.summary.setText("Nothing can be imported from this file.")
            reason = str(exc)
            reason = reason[:1].upper() + reason[1:] + ("" if reason.endswith("?") else ".")
            show_error(self.error, f"{reason} Choose another file, or say above what it holds.")
            return
        self.plan = plan
        self.questions.show_mapping(plan)
        self.model.columns = _columns(plan.unit)
        self.model.set_rows(preview_lines(plan))
        self.summary.setText(plan.summary())
        self.import_button.setEnabled(bool(plan.add) and not self.ctx.read_only)

    def import_now(self) -> None:
        """Back up, then write the plan in one transaction; stay open to say what went wrong."""
        plan = self.plan
        if plan is None or not plan.add:
            return
        try:
            self.written = self.ctx.run_import(f"import {Path(self.path.text()).name}", plan)
        except (InputError, OSError) as exc:  # NotSaved: the backup or the save was refused
            show_error(self.error, f"Nothing was imported: {exc}")
            return
        self.ctx.status.emit(
            f"Imported {self.written} {plan.kind} from {Path(plan.path).name} "
            "(a backup was saved first)"
        )
        self.accept()
