"""Small pieces every form shares: the red line that says what is wrong, and date fields."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLabel

from planner.ui import theme


def error_label() -> QLabel:
    """A hidden, word-wrapped red line under a field for what was wrong and how to fix it."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.colors().over};")
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    """Show `text` in an error label, or hide the label when `text` is empty."""
    label.setText(text)
    label.setVisible(bool(text))


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit
