"""Small pieces forms and pages share: the muted line for hints, the red line that says what is
wrong, date fields, and week navigation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDateEdit, QLabel, QPushButton, QWidget

from planner.services.errors import InputError
from planner.services.weeks import EARLIEST, LATEST
from planner.ui import theme

if TYPE_CHECKING:
    from planner.ui.context import AppContext


def muted_label(text: str = "") -> QLabel:
    """A secondary line of text (hints, empty states) that wraps."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def error_label() -> QLabel:
    """A hidden, word-wrapped red line under a field for what was wrong and how to fix it."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    theme.themed_style(label, "color: {over};")
    label.hide()
    return label


def write_or_say(
    ctx: AppContext, error: QLabel, label: str, fn: Callable[..., Any], *args: Any
) -> bool:
    """Run one action, named `label` for undo, through the context (one transaction); when its
    input is refused, say why in `error` ("Not changed: ...") and return False, the screen left
    as it was."""
    error.hide()
    try:
        ctx.write(label, fn, *args)
    except InputError as exc:
        show_error(error, f"Not changed: {exc}.")
        return False
    return True


def show_error(label: QLabel, text: str) -> None:
    """Show `text` in an error label, or hide the label when `text` is empty."""
    label.setText(text)
    label.setVisible(bool(text))


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    """The day a date field holds, typed: PySide's `QDate.toPython` is typed as returning
    `object`."""
    return dt.date(day.year(), day.month(), day.day())


def to_qdatetime(moment: dt.datetime) -> QDateTime:
    """Qt's local date and time for a naive local `moment` (PySide's stubs lack the
    constructor from a `datetime`)."""
    time = QTime(moment.hour, moment.minute, moment.second, moment.microsecond // 1000)
    return QDateTime(to_qdate(moment.date()), time)


def bound_dates(edit: QDateEdit) -> None:
    """Offer only the dates the app accepts (`weeks.EARLIEST`..`LATEST`): Qt's own run to the
    year 9999, where adding a week to a date overflows."""
    edit.setDateRange(to_qdate(EARLIEST), to_qdate(LATEST))


def date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    bound_dates(edit)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit


def week_buttons(
    owner: QWidget, go_week: Callable[[int], None], noun: str = "The week"
) -> tuple[QPushButton, QPushButton, QPushButton]:
    """Previous / This week / Next buttons calling `go_week(-1 | 0 | 1)`, with Alt+Left and
    Alt+Right doing the same anywhere inside `owner`."""
    previous = QPushButton("◀ &Previous")
    previous.setToolTip(f"{noun} before (Alt+Left)")
    this = QPushButton("&This week")
    following = QPushButton("&Next ▶")
    following.setToolTip(f"{noun} after (Alt+Right)")
    for button, step in ((previous, -1), (this, 0), (following, 1)):
        button.clicked.connect(lambda _=False, s=step: go_week(s))
    for key, step in (("Alt+Left", -1), ("Alt+Right", 1)):
        shortcut = QShortcut(QKeySequence(key), owner)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda s=step: go_week(s))
    return previous, this, following


def bold_label(scale: float = 1.0) -> QLabel:
    label = QLabel()
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


#: Widgets that change data carry this property, so a file opened read-only can hide them.
EDITS_DATA = "editsData"


def edits_data(*widgets: QWidget) -> None:
    """Mark buttons that change data (save, add, delete…); see `hide_editing`."""
    for widget in widgets:
        widget.setProperty(EDITS_DATA, True)


def hide_editing(root: QWidget) -> None:
    """Hide every data-changing control under `root`: the file is open read-only."""
    for widget in root.findChildren(QWidget):
        if widget.property(EDITS_DATA):
            widget.hide()
