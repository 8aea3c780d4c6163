"""Weekly review: the week's learning against the goal, its balance, milestones, skills and
people in one place, two charts, a reflection, and an export to PDF or PNG.

The reflection is saved with the Save button and whenever the person leaves the week or the page,
so nothing typed is lost; a refresh while typing keeps the unsaved text, and a draft of it
(`planner.ui.drafts`) comes back after a crash or a killed process, unsaved, until saved or
reverted.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planner.services import review
from planner.services.errors import InputError
from planner.services.review import WeeklyReviewSummary
from planner.services.weeks import week_heading, week_start
from planner.ui import report, theme
from planner.ui.charts.balance import BalanceWeekChart
from planner.ui.charts.learning import WeeklyHoursChart
from planner.ui.drafts import Draft
from planner.ui.forms import bold_label, edits_data, error_label, show_error, week_buttons
from planner.ui.pages.base import Page
from planner.vocabulary import CHANGE_KINDS


class ReviewPage(Page):
    name = "review"
    concerns = frozenset(CHANGE_KINDS) - {"postings", "catalog", "timer"}

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.monday = week_start(ctx.today())
        self.summary: WeeklyReviewSummary | None = None
        #: The week whose reflection the editor holds.
        self._editor_week: dt.date | None = None
        #: What was typed and not saved, kept outside the file until saved or reverted.
        self.draft = Draft(self, ctx.path, "reflection")
        #: The editor shows a draft brought back from before the app stopped.
        self._restored = False
        layout = QVBoxLayout(self)
        self.heading("Weekly review", layout)
        layout.addLayout(self._build_bar())

        sections = QWidget()
        column = QVBoxLayout(sections)
        column.setContentsMargins(0, 0, 6, 0)
        self.sections: dict[str, QLabel] = {}
        for title, _ in report.SECTIONS:
            box = QGroupBox(title)
            label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            QVBoxLayout(box).addWidget(label)
            self.sections[title] = label
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(sections)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(self._build_right())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([480, 600])
        layout.addWidget(splitter, 1)

    # -- building -------------------------------------------------------------------------
    def _build_bar(self) -> QHBoxLayout:
        self.prev_button, self.this_button, self.next_button = week_buttons(
            self, self.go_week, "Review the week"
        )
        self.week_label = bold_label(1.1)
        self.pdf_button = QPushButton("Export &PDF…")
        self.pdf_button.setToolTip("Save this review with its charts and reflection as a PDF")
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.png_button = QPushButton("Export P&NG…")
        self.png_button.setToolTip("Save this review as one image")
        self.png_button.clicked.connect(lambda: self.export_png())
        bar = QHBoxLayout()
        for widget in (self.prev_button, self.this_button, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.week_label)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.png_button)
        return bar

    def _build_right(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(6, 0, 0, 0)
        self.balance_chart = BalanceWeekChart(height=2.6)
        self.learning_chart = WeeklyHoursChart(height=2.4, compact=True)
        charts = QSplitter(Qt.Orientation.Vertical)
        charts.addWidget(self.balance_chart)
        charts.addWidget(self.learning_chart)
        column.addWidget(charts, 3)

        box = QGroupBox("Reflection")
        self.reflection = QPlainTextEdit()
        self.reflection.setPlaceholderText(
            "What went well this week? What got in the way? What will you change next week?"
        )
        self.reflection.setTabChangesFocus(True)
        self.reflection.modificationChanged.connect(self._show_saved_state)
        self.reflection.textChanged.connect(self._typed)
        self.saved_state = QLabel()
        self.reflection_error = error_label()
        self.save_button = QPushButton("&Save reflection")
        edits_data(self.save_button)
        self.save_button.setToolTip("Also saved when you change week or leave the page")
        self.save_button.clicked.connect(self.save_reflection)
        self.revert_button = QPushButton("Re&vert")
        edits_data(self.revert_button)
        self.revert_button.setToolTip("Go back to the reflection as last saved")
        self.revert_button.clicked.connect(self.revert_reflection)
        save_row = QHBoxLayout()
        save_row.addWidget(self.saved_state, 1)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.save_button)
        inner = QVBoxLayout(box)
        inner.addWidget(self.reflection, 1)
        inner.addWidget(self.reflection_error)
        inner.addLayout(save_row)
        column.addWidget(box, 2)
        return panel

    # -- refreshing -----------------------------------------------------------------------
    def refresh(self) -> None:
        s = self.summary = self.ctx.read(review.summary, self.monday, self.ctx.today())
        c = theme.colors()
        self.week_label.setText(s.heading)
        self.this_button.setEnabled(self.monday != week_start(self.ctx.today()))
        self.next_button.setEnabled(self.monday < week_start(self.ctx.today()))
        for title, section in report.SECTIONS:
            self.sections[title].setText(section(s, c))
        self.balance_chart.set_data(s.balance)
        self.learning_chart.set_data(s.learning_weeks)
        editing = self._editor_week == self.monday and self.reflection.document().isModified()
        if not editing:
            draft = self.draft.get(self.monday.isoformat())
            if not isinstance(draft, str) or draft == s.reflection:
                self.draft.drop(self.monday.isoformat())  # none, or what the file holds
                draft = None
            self._restored = draft is not None
            self._load(s.reflection if draft is None else draft)
        self._show_saved_state()

    def _load(self, text: str) -> None:
        """Put `text` in the editor for the week shown; a restored draft stays unsaved."""
        self._editor_week = None  # not typed: no draft of it
        self.reflection.setPlainText(text)
        self.reflection.document().setModified(self._restored)
        self._editor_week = self.monday

    def _typed(self) -> None:
        if self._editor_week is not None and self.reflection.document().isModified():
            self.draft.keep(self._editor_week.isoformat(), self.reflection.toPlainText())
            if self._restored:  # typed into: the person's text now, saved as any other
                self._restored = False
                self._show_saved_state()

    def _show_saved_state(self, *_: object) -> None:
        modified = self.reflection.document().isModified()
        if modified and self._restored:
            self.saved_state.setText("Brought back from before the app closed; not saved yet")
        elif modified:
            self.saved_state.setText("Unsaved changes")
        elif self.reflection.toPlainText().strip():
            self.saved_state.setText(f"Saved for {week_heading(self.monday).split(' · ')[0]}")
        else:
            self.saved_state.setText("Nothing written for this week yet")
        self.save_button.setEnabled(modified)
        self.revert_button.setEnabled(modified)

    # -- the reflection -------------------------------------------------------------------
    def save_reflection(self) -> bool:
        """Store the editor's text for its week (if it changed); False if it was refused."""
        if self._editor_week is None or not self.reflection.document().isModified():
            return True
        try:
            self.ctx.write(
                f"save the reflection for {week_heading(self._editor_week)}",
                review.save_reflection,
                self._editor_week,
                self.reflection.toPlainText(),
            )
        except InputError as exc:
            show_error(self.reflection_error, f"Not saved: {exc}.")
            self.reflection.setFocus()
            return False
        show_error(self.reflection_error, "")
        self.draft.drop(self._editor_week.isoformat())
        self._restored = False
        self.reflection.document().setModified(False)
        self._show_saved_state()
        self.ctx.status.emit(f"Saved the reflection for {week_heading(self._editor_week)}")
        return True

    def revert_reflection(self) -> None:
        """Drop what was typed since the last save (or brought back as a draft)."""
        if self._editor_week is None or self.summary is None:
            return
        self.draft.drop(self._editor_week.isoformat())
        self._restored = False
        show_error(self.reflection_error, "")
        self._load(self.summary.reflection)
        self._show_saved_state()

    def _leave(self) -> bool:
        """Save what was typed on leaving the week or the page (False if refused). A draft
        brought back and not touched stays a draft, shown again with its week, until the
        person saves or reverts it: leaving is no sign they have read it (idle-time
        preparation shows and hides the page before anyone looks)."""
        return self._restored or self.save_reflection()

    def go_week(self, step: int) -> None:
        """Move by `step` ISO weeks (0 = this week), saving the reflection first."""
        if not self._leave():
            return
        if step == 0:
            self.monday = week_start(self.ctx.today())
        else:
            self.monday += dt.timedelta(weeks=step)
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():
            self._leave()
            self.draft.write()  # a refused save keeps its draft
        super().hideEvent(event)

    # -- export ---------------------------------------------------------------------------
    def _fresh_summary(self) -> WeeklyReviewSummary | None:
        """The summary as stored, after saving the reflection so the export includes it."""
        if not self.save_reflection():
            return None
        return self.ctx.read(review.summary, self.monday, self.ctx.today())

    def _ask_path(self, kind: str, suffix: str) -> str:
        name = f"weekly-review-{self.summary.week if self.summary else 'week'}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(
            self, f"Export the review as {kind}", str(Path.home() / name), f"{kind} (*.{suffix})"
        )
        return path

    def export_pdf(self, path: str | None = None) -> str | None:
        path = path or self._ask_path("PDF", "pdf")
        summary = self._fresh_summary() if path else None
        if summary is None or not path:
            return None
        report.export_pdf(summary, path)
        self.ctx.status.emit(f"Exported the review to {path}")
        return path

    def export_png(self, path: str | None = None) -> str | None:
        path = path or self._ask_path("PNG", "png")
        summary = self._fresh_summary() if path else None
        if summary is None or not path:
            return None
        if not report.export_png(summary, path):
            self.ctx.status.emit(f"Could not write {path}: check the folder is writable")
            return None
        self.ctx.status.emit(f"Exported the review to {path}")
        return path
