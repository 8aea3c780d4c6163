"""Add or edit a milestone (title, kind, due date, notes, linked skills), and mark one done on a
chosen date. Each dialog saves with one `ctx.write`; a refused input is shown beside its field
and nothing is written."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from planner.services import roadmap, skills
from planner.services.roadmap import MilestoneRow
from planner.ui.context import AppContext
from planner.ui.dialogs.base import FormDialog
from planner.ui.dialogs.skill_picker import SkillPicker
from planner.ui.forms import bound_dates, error_label, from_qdate, to_qdate
from planner.wording import counted, day_text

#: Kinds a person picks; "phase" milestones come from the target role's learning path.
USER_KINDS = ("custom", "skill", "certification", "networking")
KIND_LABELS = {
    "phase": "Phase of the target role",
    "custom": "Custom",
    "skill": "Skill",
    "certification": "Certification",
    "networking": "Networking",
    "interview": "Interview preparation",
}


class MilestoneDialog(FormDialog):
    """New milestone when `row` is None, else edits `row` (a phase milestone keeps its kind)."""

    def __init__(
        self, ctx: AppContext, row: MilestoneRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "Edit milestone" if row else "New milestone", parent)
        self.row = row
        self.saved_id: int | None = None

        self.title = QLineEdit(row.title if row else "")
        self.title.setPlaceholderText("e.g. Deploy a model behind an API")
        self.title.setAccessibleName("Title")
        self.title_error = error_label()
        self.kind = QComboBox()
        # Phase and interview-step milestones come from the guides and keep their kind.
        fixed = row is not None and row.kind in ("phase", "interview")
        kinds = (row.kind,) if fixed and row is not None else USER_KINDS
        for kind in kinds:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.kind.setEnabled(len(kinds) > 1)
        if row is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(row.kind), 0))
        self.kind.setToolTip("What kind of step this is; phases come from the target role")

        self.has_due = QCheckBox("D&ue on")
        self.due = QDateEdit()
        bound_dates(self.due)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        default_due = ctx.today() + dt.timedelta(days=30)
        self.due.setDate(to_qdate(row.due_on if row and row.due_on else default_due))
        self.has_due.setChecked(row is None or row.due_on is not None)
        self.due.setEnabled(self.has_due.isChecked())
        self.has_due.toggled.connect(self.due.setEnabled)
        self.has_due.setToolTip("Untick for a milestone without a date")

        self.notes = QPlainTextEdit(row.notes if row else "")
        self.notes.setPlaceholderText("Why it matters, what counts as done (optional)")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)

        linked = set(row.skills) if row else set()
        names = sorted({s.name for s in ctx.read(skills.list_skills)} | linked, key=str.casefold)
        self.skill_picker = SkillPicker(
            sorted(names, key=lambda n: (n not in linked, n.casefold())),
            lambda chosen: (
                f"{counted(len(chosen), 'skill')} linked" if chosen else "No skills linked"
            ),
            placeholder="Filter skills to link…",
            chosen=linked,
        )
        self.skill_picker.list.setAccessibleName("Linked skills")
        self.skill_picker.list.setMinimumHeight(150)

        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("", self.title_error)
        form.addRow("&Kind", self.kind)
        form.addRow(self.has_due, self.due)
        form.addRow("&Notes", self.notes)
        skills_label = QLabel("&Skills")
        skills_label.setBuddy(self.skill_picker.search)
        form.addRow(skills_label, self.skill_picker)
        self.lay_out(form, draft=f"milestone/{row.id if row else 'new'}")
        self.resize(520, self.sizeHint().height())
        self.title.setFocus()

    def linked_skills(self) -> tuple[str, ...]:
        return tuple(self.skill_picker.chosen())

    def check(self) -> bool:
        if not self.title.text().strip():
            return self.complain(
                self.title_error,
                "A milestone needs a title: say what you will have done.",
                self.title,
            )
        return True

    def save(self) -> None:
        title = self.title.text().strip()
        self.saved_id = self.ctx.write(
            f"save milestone “{title}”",
            roadmap.save_milestone,
            title,
            kind=self.kind.currentData(),
            due_on=from_qdate(self.due.date()) if self.has_due.isChecked() else None,
            notes=self.notes.toPlainText().strip(),
            skills=self.linked_skills(),
            milestone_id=self.row.id if self.row else None,
        )
        self.ctx.status.emit(f"Milestone saved: {title}")


class CompleteDialog(FormDialog):
    """Mark a milestone done on a date (today by default; not in the future)."""

    def __init__(self, ctx: AppContext, row: MilestoneRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "Mark milestone done", parent)
        self.row = row
        self.date = QDateEdit(to_qdate(ctx.today()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(to_qdate(ctx.today()))
        self.date.setAccessibleName("Done on")
        form = QFormLayout()
        form.addRow("Done on", self.date)
        title = QLabel(f"<b>{html.escape(row.title)}</b>")
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        self.lay_out(form, above=title, save_text="Mark done", draft=f"milestone-done/{row.id}")
        self.setMinimumWidth(340)
        self.date.setFocus()

    def save(self) -> None:
        done_on = from_qdate(self.date.date())
        self.ctx.write(f"mark “{self.row.title}” done", roadmap.set_done, self.row.id, done_on)
        self.ctx.status.emit(f"Done: {self.row.title} ({day_text(done_on)})")
