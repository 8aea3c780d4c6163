"""Log a conversation with a contact: when, how, what was said, and when to follow up.

Logging one resets the contact's follow-up clock, so a due contact stops being due.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from planner.services import network
from planner.ui.context import AppContext
from planner.ui.dialogs.base import FormDialog
from planner.ui.forms import date_edit, error_label, from_qdate
from planner.vocabulary import CHANNELS
from planner.wording import day_text

#: A suggested follow-up, two weeks after the conversation.
FOLLOW_UP_DAYS = 14


class InteractionDialog(FormDialog):
    refused_verb = "Not logged"

    def __init__(self, ctx: AppContext, contact: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, f"Log an interaction with {contact}", parent)
        self.contact = contact
        self.interaction_id: int | None = None
        today = ctx.today()
        self.date = date_edit(today)
        self.date.setToolTip("The day you talked (defaults to today).")
        self.channel = QComboBox()
        self.channel.addItems([c.capitalize() for c in CHANNELS])
        self.note = QLineEdit()
        self.note.setPlaceholderText("What you talked about, what you promised (optional)")
        self.follow_up_wanted = QCheckBox("Follow up on")
        self.follow_up = date_edit(today + dt.timedelta(days=FOLLOW_UP_DAYS))
        self.follow_up.setEnabled(False)
        self.follow_up.setToolTip("A date to get back to them; not before the interaction.")
        self.follow_up_wanted.toggled.connect(self.follow_up.setEnabled)
        self.follow_up_error = error_label()
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.follow_up_wanted)
        follow_row.addWidget(self.follow_up, 1)

        form = QFormLayout()
        form.addRow("&Date", self.date)
        form.addRow("&Channel", self.channel)
        form.addRow("&Note", self.note)
        form.addRow("", follow_row)
        form.addRow("", self.follow_up_error)
        self.lay_out(
            form,
            above=QLabel(f"Logging resets the follow-up clock for <b>{contact}</b>."),
            save_text="Log",
            draft=f"interaction/{contact}",
        )
        self.resize(460, self.sizeHint().height())
        self.note.setFocus()

    def day(self) -> dt.date:
        return from_qdate(self.date.date())

    def follow(self) -> dt.date | None:
        return from_qdate(self.follow_up.date()) if self.follow_up_wanted.isChecked() else None

    def check(self) -> bool:
        day, follow = self.day(), self.follow()
        if follow is not None and follow < day:
            return self.complain(
                self.follow_up_error,
                f"The follow-up ({day_text(follow)}) is before the interaction ({day_text(day)}): "
                "pick the same day or later.",
                self.follow_up,
            )
        return True

    def save(self) -> None:
        self.interaction_id = self.ctx.write(
            f"add a conversation with {self.contact}",
            network.add_interaction,
            self.contact,
            self.day(),
            CHANNELS[self.channel.currentIndex()],
            self.note.text(),
            self.follow(),
        )
        self.ctx.status.emit(f"Logged an interaction with {self.contact}")
