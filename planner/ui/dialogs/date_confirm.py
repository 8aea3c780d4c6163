"""Ask before logging hours on a day that is probably a slip: one in the future, or more than a
year back (a mistyped year). The rule is `weeks.date_warning`, which the command line states on
stderr; here the person confirms or goes back to the date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox, QWidget

from planner.services.weeks import date_warning
from planner.ui.format import hours_text
from planner.wording import weekday_text


def confirm_date(parent: QWidget, day: dt.date, today: dt.date, hours: float) -> bool:
    """True to go ahead: the date is ordinary, or the person said it is the one they meant."""
    warning = date_warning(day, today)
    if warning is None:
        return True
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Check the date",
        f"Log {hours_text(hours)} on {weekday_text(day)}?",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(f"{warning[0].upper()}{warning[1:]}. Is that the day you meant?")
    log = box.addButton("&Log on that day", QMessageBox.ButtonRole.AcceptRole)
    change = box.addButton("&Change the date", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(change)
    box.exec()
    return box.clickedButton() is log
