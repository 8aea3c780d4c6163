"""Add or edit a contact: who they are, how often to stay in touch, what they can help with.

The form checks what a person can get wrong (an empty or taken name, an email without @) at the
field before anything is written; the service checks again, and whatever it refuses is shown
too. One Save = one transaction.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.services import network, skills
from planner.services.errors import InputError
from planner.services.network import RELATIONSHIPS, ContactDetail, ContactInput
from planner.ui import theme
from planner.ui.context import AppContext


def error_label() -> QLabel:
    """A hidden red line under a field, for what was wrong with it and how to fix it."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.colors().over};")
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit


class ContactDialog(QDialog):
    """`contact_id` holds the saved contact's id after the dialog is accepted."""

    def __init__(
        self, ctx: AppContext, detail: ContactDetail | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.detail = ctx, detail
        self.contact_id: int | None = detail.id if detail else None
        self.setWindowTitle(f"Edit {detail.name}" if detail else "Add contact")

        self.name = QLineEdit(detail.name if detail else "")
        self.name.setPlaceholderText("Full name, e.g. Priya Raman")
        self.name_error = error_label()
        self.relationship = QComboBox()
        self.relationship.addItems([r.capitalize() for r in RELATIONSHIPS])
        self.relationship.setCurrentIndex(
            RELATIONSHIPS.index(detail.relationship) if detail else RELATIONSHIPS.index("peer")
        )
        self.company = QLineEdit(detail.company if detail else "")
        self.company.setPlaceholderText("Where they work")
        self.position = QLineEdit(detail.position if detail else "")
        self.position.setPlaceholderText("Their role, e.g. Staff ML Engineer")
        self.industry = QLineEdit(detail.industry if detail else "")
        self.industry.setPlaceholderText("e.g. Retail, Healthcare")
        self.email = QLineEdit(detail.email if detail else "")
        self.email.setPlaceholderText("name@example.com")
        self.email_error = error_label()
        self.url = QLineEdit(detail.url if detail else "")
        self.url.setPlaceholderText("LinkedIn or personal site (optional)")
        self.cadence = QSpinBox()
        self.cadence.setRange(1, 3650)
        self.cadence.setSuffix(" days")
        self.cadence.setValue(detail.cadence_days if detail else 60)
        self.cadence.setToolTip(
            "How often to get in touch: the contact is due for a follow-up when this many days "
            "pass without an interaction (1 to 3650 days)."
        )
        connected = detail.connected_on if detail else ctx.today()
        self.connected_known = QCheckBox("Known")
        self.connected_known.setChecked(connected is not None)
        self.connected = date_edit(connected or ctx.today())
        self.connected.setEnabled(connected is not None)
        self.connected_known.toggled.connect(self.connected.setEnabled)
        self.connected.setToolTip("Without an interaction, the follow-up clock starts here.")
        connected_row = QHBoxLayout()
        connected_row.addWidget(self.connected_known)
        connected_row.addWidget(self.connected, 1)

        self.skill_filter = QLineEdit()
        self.skill_filter.setPlaceholderText("Filter skills…")
        self.skill_filter.setClearButtonEnabled(True)
        self.skill_filter.textChanged.connect(self._filter_skills)
        self.expertise = QListWidget()
        self.expertise.setToolTip("Tick the skills this person can help you with.")
        self.expertise.setMinimumHeight(150)
        chosen = set(detail.expertise) if detail else set()
        # The contact's skills first, then every skill A to Z.
        every = sorted(
            ctx.read(skills.list_skills), key=lambda r: (r.name not in chosen, r.name.casefold())
        )
        for row in every:
            item = QListWidgetItem(row.name)
            item.setToolTip(row.category)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if row.name in chosen else Qt.CheckState.Unchecked
            )
            self.expertise.addItem(item)
        self.chosen_label = QLabel()
        self.chosen_label.setWordWrap(True)
        self.expertise.itemChanged.connect(self._show_chosen)
        self._show_chosen()
        self.notes = QPlainTextEdit(detail.notes if detail else "")
        self.notes.setPlaceholderText("How you met, what you talked about, what they care about")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.error = error_label()

        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("", self.name_error)
        form.addRow("&Relationship", self.relationship)
        form.addRow("&Company", self.company)
        form.addRow("&Position", self.position)
        form.addRow("&Industry", self.industry)
        form.addRow("&Email", self.email)
        form.addRow("", self.email_error)
        form.addRow("&Website", self.url)
        form.addRow("Follow up &every", self.cadence)
        form.addRow("Connected on", connected_row)
        skills_box = QVBoxLayout()
        skills_box.addWidget(self.skill_filter)
        skills_box.addWidget(self.expertise)
        skills_box.addWidget(self.chosen_label)
        expertise_label = QLabel("E&xpertise")
        expertise_label.setBuddy(self.skill_filter)
        form.addRow(expertise_label, skills_box)
        form.addRow("N&otes", self.notes)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        self.name.setFocus()

    def _filter_skills(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.expertise.count()):
            item = self.expertise.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _show_chosen(self, *_: object) -> None:
        names = self.chosen_skills()
        self.chosen_label.setText(
            f"Can help with: {', '.join(names)}" if names else "No expertise ticked yet."
        )

    def chosen_skills(self) -> list[str]:
        items = (self.expertise.item(i) for i in range(self.expertise.count()))
        return [it.text() for it in items if it.checkState() == Qt.CheckState.Checked]

    def set_skills(self, names: list[str]) -> None:
        for i in range(self.expertise.count()):
            item = self.expertise.item(i)
            checked = item.text() in names
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def data(self) -> ContactInput:
        known = self.connected_known.isChecked()
        return ContactInput(
            name=self.name.text().strip(),
            relationship=RELATIONSHIPS[self.relationship.currentIndex()],
            company=self.company.text().strip(),
            position=self.position.text().strip(),
            industry=self.industry.text().strip(),
            email=self.email.text().strip(),
            url=self.url.text().strip(),
            cadence_days=self.cadence.value(),
            connected_on=self.connected.date().toPython() if known else None,
            notes=self.notes.toPlainText().strip(),
            expertise=self.chosen_skills(),
        )

    def validate(self, data: ContactInput) -> bool:
        """Show what is wrong at each field; True when the form can be saved."""
        name_problem = ""
        if not data.name:
            name_problem = "Enter a name: every contact needs one."
        else:
            taken = {
                c.name.casefold(): c.id for c in self.ctx.read(network.contacts, self.ctx.today())
            }
            other = taken.get(data.name.casefold())
            if other is not None and other != self.contact_id:
                name_problem = (
                    f"There is already a contact called {data.name!r} — "
                    "edit that one, or add something to tell them apart."
                )
        email_problem = ""
        if data.email and "@" not in data.email:
            email_problem = (
                f"{data.email!r} is not an email address: it needs an @, or leave it empty."
            )
        show_error(self.name_error, name_problem)
        show_error(self.email_error, email_problem)
        if name_problem:
            self.name.setFocus()
        elif email_problem:
            self.email.setFocus()
        return not (name_problem or email_problem)

    def accept(self) -> None:
        data = self.data()
        show_error(self.error, "")
        if not self.validate(data):
            return
        try:
            self.contact_id = self.ctx.write(network.save_contact, data, self.contact_id)
        except InputError as exc:
            show_error(self.error, f"Not saved: {exc}.")
            return
        self.ctx.status.emit(f"Saved contact {data.name}")
        super().accept()
