"""Small pieces that show the guides' advice on more than one page: the dashboard's pitfall line.

Imports nothing heavier than Qt: the dashboard builds it on its first paint."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from planner.services.pitfalls import Pitfall


def pitfall_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAccessibleName("A pitfall to avoid")
    label.setStyleSheet(
        "QLabel { border: 1px solid palette(mid); border-left: 4px solid #d4a72c;"
        " border-radius: 4px; padding: 6px 8px; }"
    )
    label.hide()
    return label


def show_pitfall(label: QLabel, pitfall: Pitfall | None) -> None:
    """Show the pitfall the data shows, or hide the line when there is none."""
    label.setVisible(pitfall is not None)
    if pitfall is not None:
        label.setText(f"<b>{html.escape(pitfall.title)}.</b> {html.escape(pitfall.advice)}")
