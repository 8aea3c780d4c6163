"""Quick log: hours, activity, note, Enter. Reachable from anywhere with Ctrl+L.

The dashboard shows this form on the window's first paint, before the database has opened
(see `planner.ui.launch`): so the learning service (SQLAlchemy) is imported when the form first
reads or writes, and the activities are listed once the database is open.

A note typed on the dashboard's row and not logged yet is kept as a draft (`planner.ui.drafts`)
and is back in the row after a quit, a crash or a kill; the Ctrl+L dialog's goes with the
dialog, as a cancelled dialog's input does.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.services.errors import InputError
from planner.ui.context import AppContext, NotSaved
from planner.ui.dialogs.date_confirm import confirm_date
from planner.ui.drafts import Draft
from planner.ui.forms import date_edit, error_label, from_qdate
from planner.vocabulary import DAY_HOURS
from planner.wording import hours_text, weekday_text

NO_ACTIVITY = "(no activity)"
#: The dashboard row's one draft.
DRAFT_KEY = "dashboard"


class QuickLogForm(QWidget):
    """The hours / activity / note row shared by the dashboard and the Ctrl+L dialog; the
    dialog's (`with_date`) starts with the day, today unless changed."""

    logged = Signal(object)  # the SessionRow written
    refused = Signal()  # the reason is shown under the row

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, with_date: bool = False
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.date: QDateEdit | None = None
        if with_date:
            self.date = date_edit(ctx.today())
            self.date.setAccessibleName("Date")
            self.date.setToolTip("The day you learned (today unless you change it)")
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.0, DAY_HOURS)
        self.hours.setDecimals(2)
        self.hours.setSingleStep(0.25)
        self.hours.setValue(1.0)
        self.hours.setSuffix(" h")
        self.hours.setAccessibleName("Hours")
        self.activity = QComboBox()
        self.activity.setEditable(False)
        self.activity.setMinimumWidth(220)
        self.activity.setAccessibleName("Activity")
        self.note = QLineEdit()
        self.note.setPlaceholderText("What did you learn? (optional)")
        self.note.setAccessibleName("Note")
        self.error = error_label()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        if self.date is not None:
            row.addWidget(self.date)
        row.addWidget(self.hours)
        row.addWidget(self.activity, 1)
        row.addWidget(self.note, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)
        for widget in (self.hours, self.note):
            widget.installEventFilter(self)
        if self.date is not None:
            self.date.installEventFilter(self)
            self.setTabOrder(self.date, self.hours)
        self.setTabOrder(self.hours, self.activity)
        self.setTabOrder(self.activity, self.note)
        self.activity.addItem(NO_ACTIVITY)
        #: The activity of a note brought back, chosen once the activities are listed.
        self._kept_activity: str | None = None
        self.draft: Draft | None = None
        if not with_date:
            self.draft = Draft(self, ctx.path, "quick-log")
            self._bring_back(self.draft.get(DRAFT_KEY))
            self.note.textChanged.connect(self._keep)
            self.hours.valueChanged.connect(self._keep)
            self.activity.currentTextChanged.connect(self._keep)
        if ctx.is_open:
            self.reload_activities()
        else:
            ctx.opened.connect(self.reload_activities)

    def reload_activities(self) -> None:
        if not self.ctx.is_open:
            return  # listed once it opens
        from planner.services import learning

        current = self._kept_activity or self.activity.currentText()
        self._kept_activity = None
        titles = self.ctx.read(learning.active_titles)
        self.activity.clear()
        self.activity.addItems([NO_ACTIVITY, *titles])
        if current in titles:
            self.activity.setCurrentText(current)

    def _bring_back(self, kept: object) -> None:
        """Put a note typed and never logged back in the row, with its hours and activity."""
        if not isinstance(kept, dict) or not isinstance(kept.get("note"), str):
            return
        self.note.setText(kept["note"])
        if isinstance(kept.get("hours"), int | float):
            self.hours.setValue(kept["hours"])
        if isinstance(kept.get("activity"), str):
            self._kept_activity = kept["activity"]

    def _keep(self) -> None:
        """Keep the row as typed while it holds a note; an emptied (or logged) note lets go."""
        assert self.draft is not None
        if self.note.text().strip():
            row = {"note": self.note.text(), "hours": self.hours.value()}
            self.draft.keep(DRAFT_KEY, {**row, "activity": self.activity.currentText()})
        else:
            self.draft.drop(DRAFT_KEY)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == event.Type.KeyPress and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self.submit()
            return True
        return super().eventFilter(obj, event)

    def day(self) -> dt.date:
        return from_qdate(self.date.date()) if self.date is not None else self.ctx.today()

    def submit(self) -> bool:
        from planner.services import learning

        activity = self.activity.currentText()
        day = self.day()
        if not confirm_date(self, day, self.ctx.today(), self.hours.value()):
            assert self.date is not None  # only a chosen day can be a slip
            self.date.setFocus()
            return False
        try:
            row = self.ctx.write(
                f"log {hours_text(self.hours.value())}",
                learning.log_session,
                self.hours.value(),
                day,
                None if activity == NO_ACTIVITY else activity,
                self.note.text(),
            )
        except InputError as exc:
            if isinstance(exc, NotSaved):  # the disk refused: keep the input for a retry
                self.error.setText(f"Not logged. {exc}")
            elif self.hours.value() <= 0:
                self.error.setText(f"Not logged: {exc}. Enter between 0.25 and 24 hours.")
            else:  # the day or week is full: the message says what fits
                self.error.setText(f"Not logged: {exc}.")
            self.error.show()
            self.hours.setFocus()
            self.refused.emit()
            return False
        self.error.hide()
        self.note.clear()
        on = "" if row.date == self.ctx.today() else f" on {weekday_text(row.date)}"
        self.ctx.status.emit(
            f"Logged {hours_text(row.hours)}{on}" + (f" for {row.activity}" if row.activity else "")
        )
        self.logged.emit(row)
        return True


class QuickLogDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Quick log learning")
        self.form = QuickLogForm(ctx, self, with_date=True)
        self.form.logged.connect(lambda _row: self.accept())
        self.form.refused.connect(self._fit_reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Log")
        buttons.accepted.connect(self.form.submit)
        buttons.rejected.connect(self.reject)
        self.column = QVBoxLayout(self)
        self.column.addWidget(QLabel("Log learning hours — for today unless you pick another day"))
        self.column.addWidget(self.form)
        self.column.addWidget(buttons)
        self.resize(720, self.sizeHint().height())
        self.form.hours.setFocus()
        self.form.hours.selectAll()

    def _fit_reason(self) -> None:
        """Grow to the refusal's wrapped lines (a full week's names every category) at the
        dialog's width, rather than cutting them off."""
        width = self.width()
        self.resize(width, max(self.height(), self.column.totalHeightForWidth(width)))
