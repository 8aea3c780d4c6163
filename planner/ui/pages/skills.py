"""Skills: the skills you track and the ones your target role asks for, with your level in each.

Pick a skill to change its level (each change is kept with its date and drawn as a step line) or
the hours one level step takes (the readiness forecast uses them). Add a skill from the catalog
or a custom one with Add skill….
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.services import skills
from planner.services.errors import InputError
from planner.services.readiness import IMPORTANCE_ORDER
from planner.services.skills import SkillRow
from planner.ui.charts.roadmap import LevelHistoryChart
from planner.ui.context import AppContext
from planner.ui.dialogs.skill import AddSkillDialog, level_combo
from planner.ui.forms import edits_data, error_label, muted_label
from planner.ui.master_detail import MasterDetail
from planner.ui.pages.base import Page
from planner.ui.pages.roadmap_common import (
    level_text,
    make_table,
    run_dialog,
    select_where,
    selected_row,
)
from planner.ui.qtmodels.rows import Column, RowsModel
from planner.wording import counted, day_text, hours_text

ALL_CATEGORIES = "All categories"


def in_role(row: SkillRow) -> tuple[int, str, int] | None:
    """(sort rank, importance, required level) when the target role asks for the skill."""
    if row.importance is None:
        return None
    return IMPORTANCE_ORDER[row.importance], row.importance, row.required_level or 0


def in_role_text(value: tuple[int, str, int] | None) -> str:
    return "—" if value is None else f"{value[1]} · needs {value[2]}"


def role_tooltip(row: SkillRow) -> str:
    if row.importance is None or row.required_level is None:
        return "Your target role does not ask for this skill"
    need = (
        f"{row.importance.capitalize()} for your target role, "
        f"which needs {level_text(row.required_level)}"
    )
    steps = row.required_level - row.level
    return f"{need}: met" if steps <= 0 else f"{need}: {counted(steps, 'level step')} to go"


COLUMNS: list[Column[SkillRow]] = [
    Column(
        "Skill",
        lambda r: r.name,
        tooltip=lambda r: f"{r.name} ({'custom' if r.source == 'user' else 'catalog'})",
    ),
    Column("Category", lambda r: r.category),
    Column("Your level", lambda r: r.level, text=level_text),
    Column("In target role", in_role, text=in_role_text, tooltip=lambda r: role_tooltip(r)),
    Column("Last updated", lambda r: r.updated_on, text=day_text),
]


def history_text(history: list[tuple[dt.date, int]]) -> str:
    """The history in a line; "from 2 to 2" only where the level really changed."""
    if not history:
        return ""
    (first_day, first), last = history[0], history[-1][1]
    if len(history) == 1:
        return f"Recorded at {level_text(first)} on {day_text(first_day)}."
    since = f"{counted(len(history), 'recorded level')} since {day_text(first_day)}"
    if first == last:
        return f"{since}, at {level_text(last)} now as then."
    return f"{since} (from {level_text(first)} to {level_text(last)})."


class SkillsPage(Page):
    name = "skills"
    concerns = frozenset({"skills", "catalog", "profile", "learning", "portfolio"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[SkillRow] = []
        #: The first row is to be selected when the page shows (it was refreshed while hidden).
        self._select_first_on_show = False
        layout = QVBoxLayout(self)
        self.heading("Skills", layout)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search skills (Ctrl+F)…")
        self.search.setClearButtonEnabled(True)
        self.category = QComboBox()
        self.category.setAccessibleName("Category")
        self.category.setToolTip("Show one category")
        self.category.setMinimumContentsLength(18)
        self.only_target = QCheckBox("Only skills in my &target role")
        self.add_button = QPushButton("&Add skill…")
        edits_data(self.add_button)
        self.add_button.setToolTip("Track a catalog skill or create a custom one")
        self.add_button.clicked.connect(self.add_skill)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.category, 1)
        bar.addWidget(self.only_target)
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        layout.addLayout(bar)

        self.model: RowsModel[SkillRow] = RowsModel(COLUMNS, self)
        self.table, self.proxy = make_table(self.model, self)
        self.table.setAccessibleName("Your skills")
        self.search.textChanged.connect(self.proxy.set_search)
        self.category.currentIndexChanged.connect(lambda _i: self._refilter())
        self.only_target.toggled.connect(lambda _on: self._refilter())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.count = muted_label()
        split = MasterDetail(
            self.table, self._detail_box(), below=[self.count], shares=(3, 2), sizes=(640, 400)
        )
        layout.addWidget(split, 1)
        QShortcut(
            QKeySequence.StandardKey.Find,
            self,
            self.search.setFocus,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.setTabOrder(self.search, self.category)
        self.setTabOrder(self.category, self.only_target)
        self.setTabOrder(self.only_target, self.add_button)
        self.setTabOrder(self.add_button, self.table)
        self.setTabOrder(self.table, self.level)
        self.setTabOrder(self.level, self.hours)
        self.setTabOrder(self.hours, self.save_hours)

    def _detail_box(self) -> QGroupBox:
        box = QGroupBox("Selected skill")
        self.skill_name = QLabel()
        font = self.skill_name.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.skill_name.setFont(font)
        self.skill_info = muted_label()
        self.level = level_combo(0)
        self.level.setAccessibleName("Your level")
        self.level.activated.connect(self.set_level)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.5, 10000)
        self.hours.setDecimals(1)
        self.hours.setSuffix(" h")
        self.hours.setAccessibleName("Hours per level step")
        self.hours.setToolTip("Learning hours one level step takes; the readiness forecast uses it")
        self.save_hours = QPushButton("Save")
        edits_data(self.save_hours)
        self.save_hours.setToolTip("Save the hours per level step")
        self.save_hours.clicked.connect(self.set_hours)
        self.hours.lineEdit().returnPressed.connect(self.set_hours)
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.hours, 1)
        hours_row.addWidget(self.save_hours)
        self.error = error_label()
        # Shown only with a skill selected: empty, it read "0 · none" and "0.5 h" per step,
        # figures of no skill.
        self.editor = QWidget()
        form = QFormLayout(self.editor)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Your &level", self.level)
        hours_label = QLabel("&Hours per level step")
        hours_label.setBuddy(self.hours)
        form.addRow(hours_label, hours_row)
        self.history = LevelHistoryChart()
        self.history_text = muted_label()
        column = QVBoxLayout(box)
        column.addWidget(self.skill_name)
        column.addWidget(self.skill_info)
        column.addWidget(self.editor)
        column.addWidget(self.error)
        column.addWidget(self.history, 1)
        column.addWidget(self.history_text)
        column.addStretch(0)  # keeps the fields at the top while no history is shown
        return box

    # -- filters --------------------------------------------------------------------------------
    def _refilter(self) -> None:
        category = self.category.currentData()
        only = self.only_target.isChecked()
        self.proxy.set_predicate(
            lambda r: (
                (category is None or r.category == category)
                and (not only or r.importance is not None)
            )
        )
        self._count()

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), len(self.rows)
        if total == 0:
            self.count.setText(
                "No skills yet — add one with Add skill…, or choose a target role on the "
                "Roadmap page to see the skills it asks for."
            )
            return
        in_role = [r for r in self.rows if r.importance is not None]
        met = sum(1 for r in in_role if r.level >= (r.required_level or 0))
        role = (
            f" · {met} of {len(in_role)} target-role skills at the required level"
            if in_role
            else ""
        )
        self.count.setText(f"Showing {shown} of {counted(total, 'skill')}{role}")

    # -- refresh --------------------------------------------------------------------------------
    def refresh(self) -> None:
        chosen = selected_row(self.table)
        index = self.table.currentIndex().row()
        self.rows = self.ctx.read(skills.list_skills, only_mine=True)
        self.model.set_rows(self.rows)
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(ALL_CATEGORIES, None)
        for name in sorted({r.category for r in self.rows}, key=str.casefold):
            self.category.addItem(name, name)
        self.category.setCurrentIndex(max(self.category.findData(current), 0))
        self.category.blockSignals(False)
        self._refilter()
        if chosen is None:  # nothing to find again (the first visit): the first row, no search
            self._select_first_on_show = not self.table.isVisible()
            if not self._select_first_on_show:
                self._select_first()
        elif not select_where(self.table, lambda r: r.name == chosen.name, index):
            self._show_selected()

    def _select_first(self) -> None:
        if self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self._show_selected()

    def showEvent(self, event: QShowEvent) -> None:
        """Select the first row once the table is on screen: selecting in a hidden table makes
        Qt size its columns over every row (hundreds of skills), not just the rows in view."""
        super().showEvent(event)
        if self._select_first_on_show:
            self._select_first_on_show = False
            self._select_first()

    def selected(self) -> SkillRow | None:
        return selected_row(self.table)

    def select(self, name: str) -> bool:
        return select_where(self.table, lambda r: r.name.casefold() == name.casefold())

    def _show_selected(self) -> None:
        row = self.selected()
        for widget in (self.level, self.hours, self.save_hours):
            widget.setEnabled(row is not None)
        self.editor.setVisible(row is not None)
        self.error.hide()
        if row is None:
            self.skill_name.setText("No skill selected")
            self.skill_info.setText(
                "Select a skill in the list to change your level or see its history."
            )
            self.history.hide()
            self.history_text.setText("")
            return
        self.history.show()
        self.skill_name.setText(row.name)
        role = (
            f"Your target role asks for {level_text(row.required_level)} ({row.importance})."
            if row.importance
            else "Your target role does not ask for it."
        )
        self.skill_info.setText(
            f"{row.category} · {'custom' if row.source == 'user' else 'catalog'} skill. {role}"
        )
        self.level.setCurrentIndex(row.level)
        self.hours.setValue(row.hours_per_level)
        history = self.ctx.read(skills.level_history, row.name)
        self.history.set_data((history, self.ctx.today()))
        self.history_text.setText(history_text(history))

    # -- edits ----------------------------------------------------------------------------------
    def set_level(self, level: int) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            change = self.ctx.write(
                f"set {row.name} to {level_text(level)}",
                skills.set_level,
                row.name,
                level,
                self.ctx.today(),
            )
        except InputError as exc:
            self._refuse(f"Not changed: {exc}.")
            return
        self.ctx.status.emit(
            f"{change.name}: {level_text(change.before)} → {level_text(change.after)}"
        )

    def set_hours(self) -> None:
        row = self.selected()
        if row is None or self.hours.value() == row.hours_per_level:
            return
        try:
            self.ctx.write(
                f"set {row.name} to {hours_text(self.hours.value())} per level",
                skills.set_hours_per_level,
                row.name,
                self.hours.value(),
            )
        except InputError as exc:
            self._refuse(f"Not saved: {exc}. Use more than 0 and at most 10000 hours.")
            return
        self.ctx.status.emit(f"{row.name}: {hours_text(self.hours.value())} per level step")

    def _refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def add_skill(self) -> None:
        dialog = AddSkillDialog(self.ctx, self)
        if run_dialog(dialog) and dialog.added:
            self.search.clear()
            self.category.setCurrentIndex(0)
            self.only_target.setChecked(False)
            self.select(dialog.added)
