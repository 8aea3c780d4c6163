"""Pieces of the Network page: the contacts filter, the shared table setup, and the mentor
finder ("who can help with this skill"), kept apart so the page module stays readable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.services import network, readiness
from planner.services.network import ContactRow
from planner.ui.context import AppContext
from planner.ui.qtmodels.rows import Column, Index, RowsModel, SourceSortProxy
from planner.ui.table_fit import fit_columns
from planner.wording import day_text


def table(model: Any) -> QTableView:
    """A read-only, row-selecting table sized to its contents, the last column taking the slack."""
    view = QTableView()
    view.setModel(model)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Size columns by the rows in view, not by every row: thousands of contacts made each
    # layout measure them all.
    view.horizontalHeader().setResizeContentsPrecision(0)
    fit_columns(view)  # names whole; the last column takes the slack
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


class ContactFilter(SourceSortProxy):
    """Search text (name, company, position, expertise), one relationship, and due-only; the
    model sorts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text, self.relationship, self.due_only = "", "", False

    def set_filter(self, text: str, relationship: str, due_only: bool) -> None:
        self.beginFilterChange()
        self.text = text.strip().casefold()
        self.relationship, self.due_only = relationship, due_only
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, parent: Index) -> bool:
        if not (self.text or self.relationship or self.due_only):
            return True  # no filter: thousands of contacts need not each be read and joined
        row: ContactRow = self.rows_model().row(source_row)
        if self.due_only and not row.due:
            return False
        if self.relationship and row.relationship != self.relationship:
            return False
        haystack = " ".join((row.name, row.company, row.position, *row.expertise)).casefold()
        return self.text in haystack


MENTOR_COLUMNS: list[Column[ContactRow]] = [
    Column("Name", lambda r: r.name),
    Column("Relationship", lambda r: r.relationship.capitalize()),
    Column("Company", lambda r: r.company),
    Column("Last contact", lambda r: r.last_contact, day_text),
]


class MentorFinder(QGroupBox):
    """A skill (the target role's gaps first, then every skill) and the contacts who list it
    as expertise, mentors first. Double-clicking a contact asks the page to open it."""

    open_contact = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Who can help with this skill", parent)
        self.ctx = ctx
        self.skill = QComboBox()
        self.skill.setToolTip(
            "Your target role's gaps come first, then every skill; contacts listing the skill "
            "as expertise are shown, mentors first."
        )
        self.skill.setMaxVisibleItems(20)
        self.skill.currentIndexChanged.connect(self.show_helpers)
        self.model: RowsModel[ContactRow] = RowsModel(MENTOR_COLUMNS, self)
        self.table = table(self.model)
        self.table.setToolTip("Double-click to open the contact")
        self.table.doubleClicked.connect(
            lambda index: self.open_contact.emit(self.model.row(index.row()).name)
        )
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        #: Whether any contact lists any expertise (else the hint says how to give them some).
        self.anyone_helps = False
        column = QVBoxLayout(self)
        column.addWidget(self.skill)
        column.addWidget(self.table, 1)
        column.addWidget(self.hint)

    def refresh(self) -> None:
        """Refill the skills (keeping the choice) and the helpers, from the services."""
        current = self.skill.currentData()
        gaps = self.ctx.read(readiness.readiness).gaps
        helpers = self.ctx.read(network.helpers_per_skill)
        names = sorted(helpers, key=str.casefold)

        def can_help(skill: str) -> str:
            return f" · {helpers[skill]} can help" if helpers.get(skill) else ""

        combo = self.skill
        combo.blockSignals(True)
        combo.clear()
        for gap in gaps:
            combo.addItem(f"{gap.skill} · your gap{can_help(gap.skill)}", gap.skill)
            combo.setItemData(
                combo.count() - 1,
                f"{gap.importance.capitalize()} for your target role: level {gap.level} of "
                f"{gap.required_level}",
                Qt.ItemDataRole.ToolTipRole,
            )
        if gaps:
            combo.insertSeparator(combo.count())
        for name in names:
            combo.addItem(f"{name}{can_help(name)}", name)
        # Keep the person's choice; else start with the most important gap someone can help
        # with, else the most important gap, else a skill someone can help with (not the
        # alphabet's first, "3D vision", for someone with no target role).
        self.anyone_helps = any(helpers.values())
        index = combo.findData(current) if current else -1
        if index < 0:
            helped = (i for i in range(combo.count()) if helpers.get(combo.itemData(i)))
            index = next((i for i in helped if i < len(gaps) or not gaps), 0)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        self.show_helpers()

    def show_helpers(self) -> None:
        skill = self.skill.currentData()
        found = self.ctx.read(network.mentors_for, skill, self.ctx.today()) if skill else []
        self.model.set_rows(found)
        if not skill:
            self.hint.setText("No skills yet — add skills on the Skills page.")
        elif not found and not self.anyone_helps:
            self.hint.setText(
                "No contact lists any expertise yet — give your contacts the skills they know "
                "(Edit…) to see here who can help with each one."
            )
        elif not found:
            self.hint.setText(
                f"Nobody in your network lists {skill} — add it to a contact's expertise "
                "(Edit…), or meet someone who knows it."
            )
        else:
            mentors = sum(1 for r in found if r.relationship == "mentor")
            self.hint.setText(
                f"{len(found)} can help with {skill}"
                + (f", {mentors} of them mentors." if mentors else ".")
            )
