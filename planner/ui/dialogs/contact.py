"""Add or edit a contact: who they are, how often to stay in touch, what they can help with.

The form checks what a person can get wrong (an empty or taken name, an email without @) at the
field before anything is written; the service checks again, and whatever it refuses is shown
too. One Save = one transaction.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from planner.services import network, skills
from planner.services.network import ContactDetail, ContactInput
from planner.ui.context import AppContext
from planner.ui.dialogs.base import FormDialog
from planner.ui.dialogs.skill_picker import SkillPicker
from planner.ui.forms import date_edit, error_label, from_qdate, show_error
from planner.vocabulary import DEFAULT_CADENCE_DAYS, MAX_CADENCE_DAYS, RELATIONSHIPS


class ContactDialog(FormDialog):
    """`contact_id` holds the saved contact's id after the dialog is accepted."""

    def __init__(
        self, ctx: AppContext, detail: ContactDetail | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, f"Edit {detail.name}" if detail else "Add contact", parent)
        self.detail = detail
        self.contact_id: int | None = detail.id if detail else None

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
        self.phone = QLineEdit(detail.phone if detail else "")
        self.phone.setPlaceholderText("e.g. +44 20 7946 0958 (several: separate with commas)")
        self.url = QLineEdit(detail.url if detail else "")
        self.url.setPlaceholderText("LinkedIn or personal site (optional)")
        self.cadence = QSpinBox()
        self.cadence.setRange(1, MAX_CADENCE_DAYS)
        self.cadence.setSuffix(" days")
        self.cadence.setValue(detail.cadence_days if detail else DEFAULT_CADENCE_DAYS)
        self.cadence.setToolTip(
            "How often to get in touch: the contact is due for a follow-up when this many days "
            f"pass without an interaction (1 to {MAX_CADENCE_DAYS} days)."
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

        chosen = set(detail.expertise) if detail else set()
        # The contact's skills first, then every skill A to Z.
        every = sorted(
            ctx.read(skills.list_skills), key=lambda r: (r.name not in chosen, r.name.casefold())
        )
        self.skill_picker = SkillPicker(
            [r.name for r in every],
            lambda names: (
                f"Can help with: {', '.join(names)}" if names else "No expertise ticked yet."
            ),
            placeholder="Filter skills…",
            chosen=chosen,
            tips={r.name: r.category for r in every},
        )
        self.skill_picker.list.setToolTip("Tick the skills this person can help you with.")
        self.skill_picker.list.setMinimumHeight(150)
        self.notes = QPlainTextEdit(detail.notes if detail else "")
        self.notes.setPlaceholderText("How you met, what you talked about, what they care about")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)

        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("", self.name_error)
        form.addRow("&Relationship", self.relationship)
        form.addRow("&Company", self.company)
        form.addRow("&Position", self.position)
        form.addRow("&Industry", self.industry)
        form.addRow("&Email", self.email)
        form.addRow("", self.email_error)
        form.addRow("P&hone", self.phone)
        form.addRow("&Website", self.url)
        form.addRow("Follow up &every", self.cadence)
        form.addRow("Connected on", connected_row)
        expertise_label = QLabel("E&xpertise")
        expertise_label.setBuddy(self.skill_picker.search)
        form.addRow(expertise_label, self.skill_picker)
        form.addRow("N&otes", self.notes)

        self.lay_out(form, draft=f"contact/{self.contact_id or 'new'}")
        self.resize(520, self.sizeHint().height())
        self.name.setFocus()

    def chosen_skills(self) -> list[str]:
        return self.skill_picker.chosen()

    def set_skills(self, names: list[str]) -> None:
        self.skill_picker.set_chosen(names)

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
            phone=self.phone.text().strip(),
            cadence_days=self.cadence.value(),
            connected_on=from_qdate(self.connected.date()) if known else None,
            notes=self.notes.toPlainText().strip(),
            expertise=self.chosen_skills(),
        )

    def check(self) -> bool:
        """Show what is wrong at each field; True when the form can be saved."""
        data = self.data()
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

    def save(self) -> None:
        data = self.data()
        self.contact_id = self.ctx.write(
            f"{'edit' if self.contact_id else 'add'} contact {data.name}",
            network.save_contact,
            data,
            self.contact_id,
        )
        self.ctx.status.emit(f"Saved contact {data.name}")
