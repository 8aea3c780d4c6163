"""Network: the people who can help with the move, when each is due a follow-up, the log of
conversations, who can help with a missing skill, and outreach per month against the goal.

Logging an interaction resets a contact's follow-up clock; the table's Due flag comes from the
service each refresh, never from what the page remembers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.services import network
from planner.services.network import ContactRow, InteractionRow
from planner.ui.charts.network import InteractionsChart
from planner.ui.dialogs.contact import ContactDialog
from planner.ui.dialogs.interaction import InteractionDialog
from planner.ui.forms import edits_data
from planner.ui.master_detail import MasterDetail
from planner.ui.pages.base import Page
from planner.ui.pages.network_habits import HabitsBox
from planner.ui.pages.network_parts import ContactFilter, MentorFinder, table
from planner.ui.qtmodels.rows import ROW_ROLE, Column, RowsModel
from planner.vocabulary import RELATIONSHIPS
from planner.wording import counted, day_text

ALL = "All relationships"


def _due_tip(row: ContactRow) -> str:
    if row.due_on is None:
        return "Never contacted and no connection date: due now."
    verb = "was due" if row.due else "due"
    if row.follow_up_on is not None:
        return f"Follow-up {verb} on {day_text(row.due_on)} (the date set at your last contact)"
    return f"Follow-up {verb} on {day_text(row.due_on)} (every {counted(row.cadence_days, 'day')})"


CONTACT_COLUMNS: list[Column[ContactRow]] = [
    Column("Name", lambda r: r.name),
    Column("Relationship", lambda r: r.relationship.capitalize()),
    Column("Company", lambda r: r.company),
    Column("Position", lambda r: r.position),
    Column("Last contact", lambda r: r.last_contact, day_text),
    Column("Next follow-up", lambda r: r.due_on, day_text, tooltip=_due_tip),
    Column("Due", lambda r: r.due, lambda due: "● Due" if due else "", tooltip=_due_tip),
]
LOG_COLUMNS: list[Column[InteractionRow]] = [
    Column("Date", lambda r: r.date, day_text),
    Column("Channel", lambda r: r.channel.capitalize()),
    Column("Note", lambda r: r.note),
    Column("Follow-up", lambda r: r.follow_up_on, day_text),
]


class NetworkPage(Page):
    name = "network"
    concerns = frozenset({"contacts", "milestones", "profile", "catalog"})

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.selected_id: int | None = None
        #: How many contacts are due, counted once a refresh (the filter shows it on each key).
        self._due_count = 0
        layout = QVBoxLayout(self)
        self.heading("Network", layout)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search name, company, position or expertise (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.relationship = QComboBox()
        self.relationship.addItems([ALL, *(r.capitalize() for r in RELATIONSHIPS)])
        self.relationship.setToolTip("Show one kind of relationship")
        self.due_only = QCheckBox("&Due only")
        self.due_only.setToolTip("Only contacts whose follow-up date has passed")
        self.add_button = QPushButton("&Add contact…")
        edits_data(self.add_button)
        self.add_button.clicked.connect(self.add_contact)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.relationship)
        bar.addWidget(self.due_only)
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        layout.addLayout(bar)

        self.model: RowsModel[ContactRow] = RowsModel(CONTACT_COLUMNS, self)
        self.proxy = ContactFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = table(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._on_select)
        self.table.doubleClicked.connect(lambda _i: self.edit_contact())
        self.count = QLabel()
        self.count.setObjectName("muted")
        for signal in (self.search.textChanged, self.relationship.currentIndexChanged):
            signal.connect(self._apply_filter)
        self.due_only.toggled.connect(self._apply_filter)
        top = MasterDetail(
            self.table, self._build_detail(), below=[self.count], shares=(3, 2), sizes=(730, 360)
        )
        bottom = QSplitter(Qt.Orientation.Horizontal)
        self.mentors = MentorFinder(self.ctx)
        self.mentors.open_contact.connect(self.select_contact)
        bottom.addWidget(self.mentors)
        self.chart = InteractionsChart(height=2.6)
        self.habits = HabitsBox(self.ctx)  # the framework's optional networking goals
        # Tabs, not a third column: at 1024 px three columns left the chart too narrow for
        # its months.
        outreach = QTabWidget()
        outreach.addTab(self.chart, "Outreach")
        outreach.addTab(self.habits, "Networking habits")
        bottom.addWidget(outreach)
        bottom.setSizes([360, 770])
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(bottom)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        body.setSizes([470, 290])
        layout.addWidget(body, 1)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._find)
        self.setTabOrder(self.search, self.relationship)
        self.setTabOrder(self.relationship, self.due_only)
        self.setTabOrder(self.due_only, self.add_button)
        self.setTabOrder(self.add_button, self.table)

    # -- building -------------------------------------------------------------------------
    def _build_detail(self) -> QWidget:
        box = QGroupBox("Contact")
        self.detail_title = QLabel()
        font = self.detail_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.detail_title.setFont(font)
        self.detail_title.setWordWrap(True)
        self.edit_button = QPushButton("&Edit…")
        edits_data(self.edit_button)
        self.edit_button.clicked.connect(self.edit_contact)
        self.delete_button = QPushButton("Delete…")
        edits_data(self.delete_button)
        self.delete_button.clicked.connect(self.delete_contact)
        head = QHBoxLayout()
        head.addWidget(self.detail_title, 1)
        head.addWidget(self.edit_button)
        head.addWidget(self.delete_button)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(3)
        for key, label in (
            ("works", "Who"),
            ("email", "Reach"),
            ("connected", "Connected"),
            ("cadence", "Follow-up"),
            ("expertise", "Expertise"),
            ("notes", "Notes"),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{label}:", value)
            self.fields[key] = value
        self.log_model: RowsModel[InteractionRow] = RowsModel(LOG_COLUMNS, self)
        self.log = table(self.log_model)
        self.log.setToolTip("Conversations with this contact, newest first")
        self.log_button = QPushButton("Add &interaction…")
        edits_data(self.log_button)
        self.log_button.setToolTip("Log a conversation: it resets the follow-up clock")
        self.log_button.clicked.connect(self.add_interaction)
        self.unlog_button = QPushButton("Delete interaction")
        edits_data(self.unlog_button)
        self.unlog_button.setToolTip("Delete the selected interaction (Ctrl+Z undoes it)")
        self.unlog_button.clicked.connect(self.delete_interaction)
        log_bar = QHBoxLayout()
        log_bar.addWidget(QLabel("<b>Interactions</b>"))
        log_bar.addStretch(1)
        log_bar.addWidget(self.log_button)
        log_bar.addWidget(self.unlog_button)
        self.empty_detail = QLabel(
            "Select a contact to see their details and conversations,\n"
            "or add the first person who can help with your move."
        )
        self.empty_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_detail.setWordWrap(True)
        self.detail_body = QWidget()
        inner = QVBoxLayout(self.detail_body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(head)
        inner.addLayout(form)
        inner.addLayout(log_bar)
        inner.addWidget(self.log, 1)
        outer = QVBoxLayout(box)
        outer.addWidget(self.empty_detail)
        outer.addWidget(self.detail_body, 1)
        return box

    # -- refreshing -----------------------------------------------------------------------
    def refresh(self) -> None:
        today = self.ctx.today()
        rows = self.ctx.read(network.contacts, today)
        self.model.set_rows(rows)
        self._due_count = sum(r.due for r in rows)
        self._apply_filter()
        if not any(r.id == self.selected_id for r in rows):
            self.selected_id = None
        self._reselect()
        self._show_detail()
        self.mentors.refresh()
        self.chart.set_data(self.ctx.read(network.interactions_by_month, today))
        self.habits.refresh()

    def _find(self) -> None:
        """Ctrl+F: into the search field, its text selected to type over."""
        self.search.setFocus()
        self.search.selectAll()

    def _apply_filter(self) -> None:
        index = self.relationship.currentIndex()
        relationship = RELATIONSHIPS[index - 1] if index > 0 else ""
        self.proxy.set_filter(self.search.text(), relationship, self.due_only.isChecked())
        total, shown, due = self.model.rowCount(), self.proxy.rowCount(), self._due_count
        if total == 0:
            self.count.setText("No contacts yet — press Add contact… to add the first one.")
        else:
            shown_text = (
                f"{shown} of {counted(total, 'contact')}"
                if shown != total
                else counted(total, "contact")
            )
            self.count.setText(f"{shown_text} · {due} due for a follow-up")

    def _reselect(self) -> None:
        """Select the remembered contact again (none remembered: nothing to look for)."""
        self.table.selectionModel().blockSignals(True)
        self.table.clearSelection()
        if self.selected_id is not None:
            # Found among the model's rows, then mapped: asking the proxy row by row cost two
            # calls into Qt for each of thousands of contacts.
            at = next((i for i, r in enumerate(self.model.rows()) if r.id == self.selected_id), -1)
            shown = self.proxy.mapFromSource(self.model.index(at, 0)) if at >= 0 else None
            if shown is not None and shown.isValid():  # not hidden by the filter
                self.table.selectRow(shown.row())
        self.table.selectionModel().blockSignals(False)

    def _on_select(self, *_: Any) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.selected_id = rows[0].data(ROW_ROLE).id if rows else None
        self._show_detail()

    def selected(self) -> ContactRow | None:
        return next((r for r in self.model.rows() if r.id == self.selected_id), None)

    def select_contact(self, name: str) -> None:
        """Select a contact by name, clearing filters that would hide them."""
        row = next((r for r in self.model.rows() if r.name == name), None)
        if row is None:
            return
        self.search.clear()
        self.relationship.setCurrentIndex(0)
        self.due_only.setChecked(False)
        self.selected_id = row.id
        self._reselect()
        self._show_detail()

    def _show_detail(self) -> None:
        row = self.selected()
        self.empty_detail.setVisible(row is None)
        self.detail_body.setVisible(row is not None)
        if row is None:
            self.log_model.set_rows([])
            return
        detail = self.ctx.read(network.contact_detail, row.id)
        self.detail_title.setText(detail.name)
        works = " at ".join(p for p in (detail.position, detail.company) if p)
        industry = f" ({detail.industry})" if detail.industry else ""
        f = self.fields
        f["works"].setText(
            " · ".join(p for p in (detail.relationship.capitalize(), works + industry) if p)
        )
        reach = (detail.email, detail.phone, detail.url)
        f["email"].setText(" · ".join(p for p in reach if p) or "—")
        f["connected"].setText(day_text(detail.connected_on) or "Not recorded")
        state = "due now" if row.due else f"next by {day_text(row.due_on)}"
        f["cadence"].setText(f"Every {counted(detail.cadence_days, 'day')} — {state}")
        f["cadence"].setStyleSheet("font-weight: bold;" if row.due else "")
        f["expertise"].setText(", ".join(detail.expertise) or "None listed — Edit… to add skills")
        f["notes"].setText(detail.notes or "—")
        self.log_model.set_rows(self.ctx.read(network.interactions, row.id))
        self.unlog_button.setEnabled(self.log_model.rowCount() > 0)

    # -- actions --------------------------------------------------------------------------
    def add_contact(self) -> None:
        dialog = ContactDialog(self.ctx, None, self)
        if dialog.exec():
            self.select_contact(dialog.data().name)

    def edit_contact(self) -> None:
        row = self.selected()
        if row is None:
            return
        ContactDialog(self.ctx, self.ctx.read(network.contact_detail, row.id), self).exec()

    def delete_contact(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete contact",
            f"Delete {row.name} and their whole interaction log? (Ctrl+Z brings them back.)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ctx.write(f"delete contact {row.name}", network.delete_contact, row.id)
            self.ctx.status.emit(f"Deleted {row.name}")

    def add_interaction(self) -> None:
        row = self.selected()
        if row is not None:
            InteractionDialog(self.ctx, row.name, self).exec()

    def delete_interaction(self) -> None:
        """Delete the selected (or newest) interaction; undoable, so no question asked."""
        if self.log_model.rowCount() == 0:
            return
        rows = self.log.selectionModel().selectedRows()
        item = self.log_model.row(rows[0].row() if rows else 0)
        self.ctx.write(
            f"delete the conversation with {item.contact}", network.delete_interaction, item.id
        )
