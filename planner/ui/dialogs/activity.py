"""Add or edit a learning activity: what it is, how much time a month it asks, and which skills
it builds (picked from the existing skills with a search box).

The dialog checks what it can before writing (a title, a unique title, dates in order) and shows
the problem under the field; then the whole form is one `ctx.write`, refused whole or saved whole.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from planner.services import learning, skills
from planner.services.learning import ActivityInput
from planner.ui.context import AppContext
from planner.ui.dialogs.base import FormDialog
from planner.ui.dialogs.skill_picker import SkillPicker
from planner.ui.forms import bound_dates, error_label, from_qdate
from planner.vocabulary import ACTIVITY_KINDS, ACTIVITY_STATUSES, MONTH_HOURS, PRIORITIES


def label_of(value: str) -> str:
    """'in_progress' -> 'In progress': how a stored choice reads on screen."""
    return value.replace("_", " ").capitalize()


def _combo(values: tuple[str, ...], tip: str) -> QComboBox:
    combo = QComboBox()
    for value in values:
        combo.addItem(label_of(value), value)
    combo.setToolTip(tip)
    return combo


class DateField(QWidget):
    """An optional date: a check box that says whether there is one, and the date itself."""

    def __init__(self, label: str, today: dt.date) -> None:
        super().__init__()
        self.enabled = QCheckBox(label)
        self.enabled.setMinimumWidth(90)
        self.edit = QDateEdit(QDate(today.year, today.month, today.day))
        bound_dates(self.edit)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.edit, 1)

    def value(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.enabled.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        self.enabled.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(QDate(day.year, day.month, day.day))


class ActivityDialog(FormDialog):
    """Create an activity (`activity_id` None) or edit the one with that id."""

    def __init__(
        self, ctx: AppContext, activity_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        detail = ctx.read(learning.activity_detail, activity_id) if activity_id else None
        self._original = detail.row.title if detail else None
        title = f"Edit “{self._original}”" if detail else "New learning activity"
        super().__init__(ctx, title, parent)
        self.activity_id = activity_id
        self.saved_id: int | None = None
        today = ctx.today()

        self.title = QLineEdit()
        self.title.setPlaceholderText("e.g. Deep Learning with PyTorch")
        self.title_error = error_label()
        self.kind = _combo(ACTIVITY_KINDS, "What sort of learning this is")
        self.provider = QLineEdit()
        self.provider.setPlaceholderText("e.g. Coursera, O'Reilly, your own project")
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://… (optional)")
        self.status = _combo(ACTIVITY_STATUSES, "Planned and in-progress work counts as active")
        self.priority = _combo(PRIORITIES, "How much this matters against your other activities")
        self.priority.setCurrentIndex(PRIORITIES.index("medium"))
        self.planned = QDoubleSpinBox()
        self.planned.setRange(0.0, MONTH_HOURS)
        self.planned.setDecimals(1)
        self.planned.setSuffix(" h a month")
        self.planned.setToolTip(
            f"Hours a month you plan to give it (0–{MONTH_HOURS:g}); active activities add up "
            "to your monthly learning commitment"
        )
        self.estimated = QDoubleSpinBox()
        self.estimated.setRange(0.0, 10000.0)
        self.estimated.setDecimals(1)
        self.estimated.setSuffix(" h")
        self.estimated.setSpecialValueText("Not set")
        self.estimated.setToolTip("The whole activity's estimated hours; 0 means not set")
        self.start = DateField("Start", today)
        self.target = DateField("Finish by", today)
        self.dates_error = error_label()
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("Notes (optional)")
        self.notes.setMaximumHeight(80)

        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("", self.title_error)
        form.addRow("&Kind", self.kind)
        form.addRow("&Provider", self.provider)
        form.addRow("&Link", self.url)
        form.addRow("&Status", self.status)
        form.addRow("P&riority", self.priority)
        form.addRow("Planned &time", self.planned)
        form.addRow("&Estimated total", self.estimated)
        form.addRow("Dates", self.start)
        form.addRow("", self.target)
        form.addRow("", self.dates_error)
        form.addRow("N&otes", self.notes)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)  # rows keep their natural height beside the tall skill list
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self._skills_box(), 2)
        self.lay_out(body, draft=f"activity/{activity_id or 'new'}")
        if detail:
            self._fill(detail)
        self.resize(820, 560)
        self.title.setFocus()

    def _skills_box(self) -> QGroupBox:
        box = QGroupBox("Skills it builds")
        rows = sorted(self.ctx.read(skills.list_skills), key=lambda r: r.name.casefold())
        self.skill_picker = SkillPicker(
            [r.name for r in rows],
            lambda names: (
                f"{len(names)} linked: {', '.join(names)}" if names else "No skills linked yet."
            ),
            tips={r.name: f"{r.name} · {r.category}" for r in rows},
        )
        self.skill_picker.list.setToolTip("Tick the skills this activity builds (Space toggles)")
        layout = QVBoxLayout(box)
        layout.addWidget(self.skill_picker)
        return box

    def chosen_skills(self) -> list[str]:
        return self.skill_picker.chosen()

    def set_skills(self, names: tuple[str, ...] | list[str]) -> None:
        self.skill_picker.set_chosen(names)

    def _fill(self, detail: learning.ActivityDetail) -> None:
        row = detail.row
        self.title.setText(row.title)
        self.kind.setCurrentIndex(ACTIVITY_KINDS.index(row.kind))
        self.provider.setText(row.provider)
        self.url.setText(detail.url)
        self.status.setCurrentIndex(ACTIVITY_STATUSES.index(row.status))
        self.priority.setCurrentIndex(PRIORITIES.index(row.priority))
        self.planned.setValue(row.planned_hours_per_month)
        self.estimated.setValue(row.estimated_hours or 0.0)
        self.start.set_value(row.start_date)
        self.target.set_value(row.target_date)
        self.notes.setPlainText(detail.notes)
        self.set_skills(row.skills)

    def data(self) -> ActivityInput:
        return ActivityInput(
            title=self.title.text().strip(),
            kind=self.kind.currentData(),
            provider=self.provider.text().strip(),
            url=self.url.text().strip(),
            planned_hours_per_month=self.planned.value(),
            priority=self.priority.currentData(),
            status=self.status.currentData(),
            start_date=self.start.value(),
            target_date=self.target.value(),
            estimated_hours=self.estimated.value() or None,
            notes=self.notes.toPlainText().strip(),
            skills=self.chosen_skills(),
        )

    def check(self) -> bool:
        data = self.data()
        if not data.title:
            return self.complain(
                self.title_error, "A title is required, e.g. “Fast.ai Part 1”.", self.title
            )
        taken = {t.casefold() for t in self.ctx.read(learning.activity_titles)}
        taken.discard((self._original or "").casefold())
        if data.title.casefold() in taken:
            return self.complain(
                self.title_error,
                f"There is already an activity called “{data.title}”: "
                "choose another title, or edit that activity instead.",
                self.title,
            )
        if data.start_date and data.target_date and data.target_date < data.start_date:
            return self.complain(
                self.dates_error,
                "The finish date is before the start date: move one of them.",
                self.target.edit,
            )
        return True

    def save(self) -> None:
        data = self.data()
        self.saved_id = self.ctx.write(
            f"{'edit' if self.activity_id else 'add'} activity “{data.title}”",
            learning.save_activity,
            data,
            self.activity_id,
        )
        self.ctx.status.emit(f"Saved the activity “{data.title}”")
