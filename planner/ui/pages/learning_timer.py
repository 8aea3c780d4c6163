"""A start/stop timer that logs a learning session of the time it ran.

The time comes from `self.clock` (a callable returning seconds, `time.monotonic` by default) so
tests can move time forward without sleeping. A QTimer only repaints the elapsed time; the logged
hours are always computed from the clock, rounded to the nearest quarter hour (at least 0.25 h).
A timer that ran more than 24 hours was almost surely left running, so it logs nothing.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from planner.services import learning
from planner.services.errors import InputError
from planner.services.learning import SessionRow
from planner.ui.context import AppContext
from planner.ui.dialogs.quick_log import NO_ACTIVITY
from planner.ui.forms import edits_data

MAX_HOURS = 24.0


def rounded_hours(seconds: float) -> float:
    """Seconds -> hours to the nearest quarter hour, never less than a quarter."""
    quarters = math.floor(seconds / 900 + 0.5)
    return max(quarters, 1) / 4


def clock_text(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


class SessionTimer(QGroupBox):
    """Pick an activity, Start, learn, Stop: the session is logged for today."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Timer", parent)
        self.ctx = ctx
        self.clock: Callable[[], float] = time.monotonic
        self._started: float | None = None

        self.activity = QComboBox()
        self.activity.setMinimumWidth(260)
        self.activity.setToolTip("The activity the timed session is logged against")
        self.activity.setAccessibleName("Timer activity")
        self.elapsed = QLabel(clock_text(0))
        font = QFont(self.elapsed.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFamily("monospace")
        self.elapsed.setFont(font)
        self.elapsed.setMinimumWidth(96)
        self.elapsed.setToolTip("Time since Start")
        self.toggle = QPushButton("Start")
        edits_data(self.toggle)
        self.toggle.setToolTip("Start timing a learning session")
        self.toggle.clicked.connect(self._toggle)
        self.discard_button = QPushButton("Discard")
        edits_data(self.discard_button)
        self.discard_button.setToolTip("Stop the timer without logging anything")
        self.discard_button.setEnabled(False)
        self.discard_button.clicked.connect(self.discard)
        self.message = QLabel("Pick an activity and press Start; Stop logs the time for today.")
        self.message.setWordWrap(True)

        row = QHBoxLayout(self)
        row.addWidget(QLabel("Activity"))
        row.addWidget(self.activity)
        row.addWidget(self.elapsed)
        row.addWidget(self.toggle)
        row.addWidget(self.discard_button)
        row.addWidget(self.message, 1)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.update_elapsed)
        self.reload_activities()

    @property
    def running(self) -> bool:
        return self._started is not None

    def reload_activities(self) -> None:
        """Refill the activity list (active ones), keeping the current choice if it remains."""
        current = self.activity.currentText()
        titles = self.ctx.read(learning.active_titles)
        if self.running and current != NO_ACTIVITY and current not in titles:
            titles.append(current)  # finished meanwhile: the running session still belongs to it
        self.activity.blockSignals(True)
        self.activity.clear()
        self.activity.addItems([NO_ACTIVITY, *titles])
        if current in titles:
            self.activity.setCurrentText(current)
        self.activity.blockSignals(False)

    def elapsed_seconds(self) -> float:
        return 0.0 if self._started is None else max(self.clock() - self._started, 0.0)

    def update_elapsed(self) -> None:
        self.elapsed.setText(clock_text(self.elapsed_seconds()))

    def _toggle(self) -> None:
        if self.running:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        self._started = self.clock()
        self._tick.start()
        self.update_elapsed()
        self.activity.setEnabled(False)
        self.discard_button.setEnabled(True)
        self.toggle.setText("Stop and log")
        self.toggle.setToolTip("Stop the timer and log the time, rounded to the quarter hour")
        self.message.setText(f"Timing {self._activity_name()}…")

    def stop(self) -> SessionRow | None:
        """Log the elapsed time (rounded) for today; None if nothing was logged."""
        seconds = self.elapsed_seconds()
        if seconds > MAX_HOURS * 3600:
            self._reset()
            self.message.setText(
                f"Not logged: the timer ran {seconds / 3600:.1f} h, more than a day, so it was "
                "probably left running. Log the real time with Ctrl+L or “Add session…”."
            )
            return None
        hours = rounded_hours(seconds)
        activity = self.activity.currentText()
        try:
            row = self.ctx.write(
                learning.log_session,
                hours,
                self.ctx.today(),
                None if activity == NO_ACTIVITY else activity,
                "Timed session",
            )
        except InputError as exc:  # e.g. the activity was deleted while the timer ran
            self._reset()
            self.message.setText(f"Not logged: {exc}. Log the time with Ctrl+L instead.")
            return None
        self._reset()
        self.message.setText(
            f"Logged {hours:g} h ({clock_text(seconds)} timed) for {self._activity_name()}."
        )
        self.ctx.status.emit(f"Logged {hours:g} h from the timer")
        return row

    def discard(self) -> None:
        if self.running:
            self._reset()
            self.message.setText("Timer discarded; nothing was logged.")

    def _reset(self) -> None:
        self._started = None
        self._tick.stop()
        self.update_elapsed()
        self.activity.setEnabled(True)
        self.discard_button.setEnabled(False)
        self.toggle.setText("Start")
        self.toggle.setToolTip("Start timing a learning session")

    def _activity_name(self) -> str:
        text = self.activity.currentText()
        return "learning with no activity" if text == NO_ACTIVITY else f"“{text}”"
