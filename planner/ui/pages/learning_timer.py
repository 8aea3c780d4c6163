"""The Learning page's timer: pick an activity, Start, learn, Stop and log.

The timer itself is stored in the data file the moment it starts (`planner.services.timer`), so
a quit or a crash never loses it, and the window's status bar and `planner timer` show and stop
the same one; this group is its fullest face, following `TimerController` (which ticks, reads
the file and asks what to log when the timer was left running). What is logged is the time
timed, to the minute, on the day it started; under a minute logs nothing.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from planner.services import learning
from planner.services.errors import InputError
from planner.services.timer import clock_text
from planner.ui.context import AppContext
from planner.ui.dialogs.quick_log import NO_ACTIVITY
from planner.ui.format import moment_text
from planner.ui.forms import edits_data
from planner.ui.timer_status import TimerController

IDLE_HINT = "Pick an activity and press Start; Stop logs the time timed, to the minute."


class SessionTimer(QGroupBox):
    """Activity, note, elapsed time, Start / Stop and log, Discard."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Timer", parent)
        self.ctx = ctx
        self.controller = TimerController.of(ctx)

        self.activity = QComboBox()
        self.activity.setMinimumWidth(220)
        self.activity.setToolTip("The activity the timed session is logged against")
        self.activity.setAccessibleName("Timer activity")
        self.note = QLineEdit()
        self.note.setPlaceholderText("Note (optional)")
        self.note.setAccessibleName("Timer note")
        self.note.setMinimumWidth(140)
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
        self.toggle.clicked.connect(self._toggle)
        self.discard_button = QPushButton("Discard")
        edits_data(self.discard_button)
        self.discard_button.setToolTip("Stop the timer without logging anything (Ctrl+Z undoes)")
        self.discard_button.clicked.connect(self.discard)
        self.message = QLabel(IDLE_HINT)
        self.message.setWordWrap(True)

        grid = QGridLayout(self)
        grid.addWidget(QLabel("Activity"), 0, 0)
        grid.addWidget(self.activity, 0, 1)
        grid.addWidget(self.note, 0, 2)
        grid.addWidget(self.elapsed, 0, 3)
        grid.addWidget(self.toggle, 0, 4)
        grid.addWidget(self.discard_button, 0, 5)
        grid.addWidget(self.message, 1, 0, 1, 6)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)

        self.controller.updated.connect(self.show_state)
        self.controller.tick.connect(self.update_elapsed)
        self.reload_activities()
        self.show_state()

    @property
    def running(self) -> bool:
        return self.controller.running

    def reload_activities(self) -> None:
        """Refill the activity list (active ones), keeping the current choice if it remains."""
        current = self.activity.currentText()
        titles = self.ctx.read(learning.active_titles)
        state = self.controller.state
        if state is not None and state.activity and state.activity not in titles:
            titles.append(state.activity)  # finished meanwhile: the timer still belongs to it
        self.activity.blockSignals(True)
        self.activity.clear()
        self.activity.addItems([NO_ACTIVITY, *titles])
        if state is not None:
            self.activity.setCurrentText(state.activity or NO_ACTIVITY)
        elif current in titles:
            self.activity.setCurrentText(current)
        self.activity.blockSignals(False)

    def update_elapsed(self) -> None:
        self.elapsed.setText(clock_text(self.controller.seconds()))

    def show_state(self) -> None:
        """Follow the stored timer, wherever it was started or stopped."""
        state = self.controller.state
        running = state is not None
        if state is not None:
            if self.activity.findText(state.activity or NO_ACTIVITY) < 0:
                self.activity.addItem(state.activity or NO_ACTIVITY)
            self.activity.setCurrentText(state.activity or NO_ACTIVITY)
            self.note.setText(state.note)
            self.message.setText(
                f"Timing {state.label()} since "
                f"{moment_text(state.local_start(), weekday=True, year=False)}. It is kept in the "
                "data file: quitting keeps it running."
            )
        elif self.toggle.text() != "Start":  # just stopped elsewhere
            self.note.clear()
        self.activity.setEnabled(not running)
        self.note.setEnabled(not running)
        self.discard_button.setEnabled(running)
        self.toggle.setText("Stop and log" if running else "Start")
        self.toggle.setToolTip(
            "Stop the timer and log the time, to the minute"
            if running
            else "Start timing a learning session; it is saved at once"
        )
        self.update_elapsed()

    def _toggle(self) -> None:
        if self.running:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        activity = self.activity.currentText()
        try:  # the message follows the stored timer (`show_state`)
            self.controller.start(None if activity == NO_ACTIVITY else activity, self.note.text())
        except InputError as exc:
            self.message.setText(f"Not started: {exc}.")

    def stop(self) -> None:
        """Stop and log (asking first if it was left running)."""
        message = self.controller.stop(self.window())
        if message is not None:
            self.message.setText(message)
            self.ctx.status.emit(message)

    def discard(self) -> None:
        if self.running:
            self.message.setText(self.controller.discard() + " Ctrl+Z brings it back.")
