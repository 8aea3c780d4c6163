"""The first-run onboarding: name, current role and the skills of it the person already has (a
checklist ticked at the role's required levels, editable), target role from the catalog
(searchable, with the role's track, phases and essential skills shown), plan start and weekly
learning goal; or "Explore with demo data", which opens a separate demo file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner.services import profile, roles
from planner.services.errors import InputError
from planner.services.profile import PLAN_START_RANGE
from planner.ui.context import AppContext
from planner.ui.forms import error_label, from_qdate, to_qdate
from planner.ui.responsive import fit_to_screen
from planner.vocabulary import DEFAULT_TARGETS


def needs_onboarding(ctx: AppContext) -> bool:
    return ctx.read(profile.needs_onboarding)


def run_onboarding(ctx: AppContext) -> Path | None:
    """The file to continue with (this one, or the demo), or None if the person closed it."""
    dialog = OnboardingDialog(ctx)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen_path


def month_window(phase: roles.PhaseInfo) -> str:
    """'3–6', or '24+' for an open-ended phase."""
    if phase.latest_month is None:
        return f"{phase.earliest_month}+"
    return f"{phase.earliest_month}–{phase.latest_month}"


def describe(role: roles.RoleInfo) -> str:
    """A short HTML card for a role: track, stage, phases and essential skills."""
    phases = "".join(
        f"<li>{p.name}: months {month_window(p)}{' — ' + p.focus if p.focus else ''}</li>"
        for p in role.phases
    )
    essential = ", ".join(s.name for s in role.skills if s.importance == "essential")
    stage = f", {role.stage} level" if role.stage else ""
    return (
        f"<h3>{role.title}</h3><p><i>{role.track.capitalize()} track{stage}</i></p>"
        f"<p>{role.summary}</p>"
        + (f"<p><b>Learning path</b></p><ul>{phases}</ul>" if phases else "")
        + (f"<p><b>Essential skills</b><br>{essential}</p>" if essential else "")
    )


class OnboardingDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen_path: Path | None = None
        self.setWindowTitle("Welcome to Career Planner")
        self._roles = {r.slug: r for r in ctx.read(roles.list_roles)}

        intro = QLabel(
            "<h2>Plan your AI/ML career</h2>Tell us where you are and where you are heading. "
            "Everything stays in one private file on this computer."
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Your name")
        self.current = QComboBox()
        self.current.addItem("(not in the catalog / student)", "")
        for role in sorted(self._roles.values(), key=lambda r: r.title):
            self.current.addItem(role.title, role.slug)
        self.held = QTableWidget(0, 2)
        self.held.setAccessibleName("Skills you already have")
        self.held.setHorizontalHeaderLabels(["Skill of your current role", "Your level"])
        self.held.verticalHeader().hide()
        header = self.held.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.held.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.held.setMinimumHeight(150)
        self.held_hint = QLabel(
            "Ticked at the level your current role asks for: untick what you do not have yet, "
            "or change the level."
        )
        self.held_hint.setWordWrap(True)
        self.held_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.current.currentIndexChanged.connect(lambda _i: self._fill_held())
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search roles, e.g. engineer, NLP, product…")
        self.search.setClearButtonEnabled(True)
        self.target = QListWidget()
        self.target.setAccessibleName("Target role")
        for role in sorted(self._roles.values(), key=lambda r: (r.track, r.title)):
            item = QListWidgetItem(f"{role.title}  ·  {role.track}")
            item.setData(Qt.ItemDataRole.UserRole, role.slug)
            self.target.addItem(item)
        self.details = QTextBrowser()
        self.details.setMinimumWidth(340)
        self.plan_start = QDateEdit(QDate.currentDate())
        self.plan_start.setCalendarPopup(True)
        self.plan_start.setDisplayFormat("yyyy-MM-dd")
        self.plan_start.setDateRange(*(to_qdate(d) for d in PLAN_START_RANGE))  # as the profile
        self.goal = QDoubleSpinBox()
        self.goal.setRange(0.5, 80.0)
        self.goal.setSingleStep(0.5)
        self.goal.setValue(DEFAULT_TARGETS["learning"])
        self.goal.setSuffix(" h/week")
        self.error = error_label()
        self.error.show()  # an empty line kept in place, as before

        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Current role", self.current)
        form.addRow("Skills you have", self.held_hint)
        form.addRow("", self.held)
        form.addRow("Target role", self.search)
        form.addRow("", self.target)
        form.addRow("Plan starts", self.plan_start)
        form.addRow("Weekly learning goal", self.goal)
        columns = QHBoxLayout()
        columns.addLayout(form, 3)
        columns.addWidget(self.details, 2)

        demo = QPushButton("Explore with demo data")
        demo.setToolTip("Opens a separate demo file; your own file stays empty")
        cancel = QPushButton("Quit")
        start = QPushButton("Start planning")
        start.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(demo)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(start)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._filter)
        self.target.currentItemChanged.connect(self._show_role)
        start.clicked.connect(self.start)
        demo.clicked.connect(self.explore_demo)
        cancel.clicked.connect(self.reject)
        fit_to_screen(self, 900, 680)
        self._select("machine-learning-engineer")
        self._fill_held()

    def _fill_held(self) -> None:
        """The current role's skills, each ticked at the level the role asks for (essential
        first): a Data Analyst has SQL at 3, not at 0."""
        role = self._roles.get(self.current.currentData() or "")
        found = sorted(
            role.skills if role else (),
            key=lambda k: (roles.IMPORTANCE_ORDER[k.importance], k.name.casefold()),
        )
        self.held.setRowCount(0)
        self.held.setRowCount(len(found))
        for row, skill in enumerate(found):
            item = QTableWidgetItem(skill.name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(f"{skill.importance.capitalize()} for your current role")
            level = QSpinBox()
            level.setRange(1, 5)
            level.setValue(skill.required_level)
            level.setAccessibleName(f"Your level in {skill.name}")
            level.setToolTip("1 aware · 2 beginner · 3 working · 4 advanced · 5 expert")
            self.held.setItem(row, 0, item)
            self.held.setCellWidget(row, 1, level)
        for widget in (self.held, self.held_hint):
            widget.setVisible(bool(found))

    def skills_held(self) -> dict[str, int]:
        """The ticked skills and the levels chosen for them."""
        held = {}
        for row in range(self.held.rowCount()):
            item, level = self.held.item(row, 0), self.held.cellWidget(row, 1)
            assert item is not None and isinstance(level, QSpinBox)  # _fill_held fills each row
            if item.checkState() == Qt.CheckState.Checked:
                held[item.text()] = level.value()
        return held

    def _select(self, slug: str) -> None:
        for i in range(self.target.count()):
            if self.target.item(i).data(Qt.ItemDataRole.UserRole) == slug:
                self.target.setCurrentRow(i)
                return

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for i in range(self.target.count()):
            item = self.target.item(i)
            role = self._roles[item.data(Qt.ItemDataRole.UserRole)]
            haystack = " ".join(
                [role.title, role.track, role.summary, *(s.name for s in role.skills)]
            ).casefold()
            item.setHidden(not all(w in haystack for w in words))
        current = self.target.currentItem()
        if current is None or current.isHidden():  # keep the details on a visible role
            visible = [self.target.item(i) for i in range(self.target.count())]
            first = next((item for item in visible if not item.isHidden()), None)
            if first is not None:
                self.target.setCurrentItem(first)
            else:
                self.details.setHtml("<p>No role matches; try another word.</p>")

    def _show_role(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.details.setHtml(describe(self._roles[item.data(Qt.ItemDataRole.UserRole)]))

    def selected_target(self) -> str | None:
        item = self.target.currentItem()
        return None if item is None or item.isHidden() else item.data(Qt.ItemDataRole.UserRole)

    def start(self) -> None:
        target = self.selected_target()
        if target is None:
            self.error.setText("Pick a target role from the list (search to narrow it down).")
            return
        try:
            self.ctx.write(
                "set up the plan",
                profile.complete,
                display_name=self.name.text(),
                current_role=self.current.currentData(),
                target_role=target,
                plan_start=from_qdate(self.plan_start.date()),
                weekly_goal=self.goal.value(),
                skills_held=self.skills_held(),
                today=self.ctx.today(),
            )
        except InputError as exc:
            self.error.setText(str(exc))
            return
        self.chosen_path = self.ctx.db.path
        self.accept()

    def explore_demo(self) -> None:
        self.chosen_path = profile.demo_file_beside(self.ctx.db.path, self.ctx.today())
        self.accept()
