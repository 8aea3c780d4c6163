"""Ask before logging hours on a day (or saving a week's) that is probably a slip: one in the
future, or more than a year back (a mistyped year). The rule is `weeks.date_warning`, which the
command line states on stderr; here the person confirms or goes back to the date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox, QWidget

from planner.services.weeks import date_warning, week_heading
from planner.wording import hours_text, weekday_text


def confirm_date(
    parent: QWidget, day: dt.date, today: dt.date, hours: float, *, week: bool = False
) -> bool:
    """True to go ahead: the date is ordinary, or the person said it is the one they meant.
    With `week`, `day` is the Monday of a week whose hours are being saved (the Balance grid)."""
    named = f"the week {week_heading(day)}" if week else weekday_text(day)
    warning = date_warning(day, today, named if week else None)
    if warning is None:
        return True
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Check the date",
        f"Save {hours_text(hours)} for {named}?"
        if week
        else f"Log {hours_text(hours)} on {named}?",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    unit = "week" if week else "day"
    box.setInformativeText(f"{warning[0].upper()}{warning[1:]}. Is that the {unit} you meant?")
    go = box.addButton(
        "&Save for that week" if week else "&Log on that day", QMessageBox.ButtonRole.AcceptRole
    )
    change = box.addButton(
        "&Change the week" if week else "&Change the date", QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(change)
    box.exec()
    return box.clickedButton() is go
