"""Add or edit one learning session: the date, the hours, the activity and a note.

The dialog performs its own write (one `ctx.write`) when OK is pressed, so a refused value keeps
the dialog open with the reason shown under the field, and nothing is written.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from planner.services import learning
from planner.services.learning import SessionRow
from planner.ui.context import AppContext
from planner.ui.dialogs.base import FormDialog
from planner.ui.dialogs.date_confirm import confirm_date
from planner.ui.dialogs.quick_log import NO_ACTIVITY
from planner.ui.forms import bound_dates, error_label, from_qdate
from planner.vocabulary import DAY_HOURS
from planner.wording import day_text, hours_text


class SessionDialog(FormDialog):
    """Edit `row`, or log a new (possibly back-dated) session when `row` is None."""

    def __init__(
        self, ctx: AppContext, row: SessionRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "Edit learning session" if row else "Log a learning session", parent)
        self.row = row
        today = ctx.today()

        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        bound_dates(self.date)  # a future or long-past day is asked about on saving
        self.date.setToolTip("The day you learned")
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.0, DAY_HOURS)
        self.hours.setDecimals(2)
        self.hours.setSingleStep(0.25)
        self.hours.setSuffix(" h")
        self.hours.setToolTip("Between 0.25 and 24 hours")
        self.hours_error = error_label()
        self.activity = QComboBox()
        self.activity.setMinimumWidth(260)
        self.activity.addItems([NO_ACTIVITY, *ctx.read(learning.activity_titles)])
        self.note = QLineEdit()
        self.note.setPlaceholderText("What did you learn? (optional)")

        day = row.date if row else today
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.hours.setValue(row.hours if row else 1.0)
        if row and row.activity:
            self.activity.setCurrentText(row.activity)
        self.note.setText(row.note if row else "")

        form = QFormLayout()
        form.addRow("&Date", self.date)
        form.addRow("&Hours", self.hours)
        form.addRow("", self.hours_error)
        form.addRow("&Activity", self.activity)
        form.addRow("&Note", self.note)
        self.lay_out(form, draft=f"session/{row.id if row else 'new'}")
        self.resize(460, self.sizeHint().height())
        self.hours.setFocus()
        self.hours.selectAll()

    def day(self) -> dt.date:
        return from_qdate(self.date.date())

    def check(self) -> bool:
        hours = self.hours.value()
        if hours <= 0:
            return self.complain(
                self.hours_error, "Enter the hours you learned: at least 0.25 h.", self.hours
            )
        moved = self.row is None or self.day() != self.row.date  # ask about a day once
        if moved and not confirm_date(self, self.day(), self.ctx.today(), hours):
            self.date.setFocus()
            return False
        return True

    def save(self) -> None:
        hours, day, note = self.hours.value(), self.day(), self.note.text()
        chosen = self.activity.currentText()
        activity = None if chosen == NO_ACTIVITY else chosen
        if self.row is None:
            self.ctx.write(
                f"log {hours_text(hours)}", learning.log_session, hours, day, activity, note
            )
        else:
            self.ctx.write(
                f"edit the session of {day_text(self.row.date)}",
                learning.update_session,
                self.row.id,
                hours=hours,
                day=day,
                activity=activity,
                note=note,
            )
        self.ctx.status.emit(f"Saved {hours_text(hours)} on {day_text(day)}")
