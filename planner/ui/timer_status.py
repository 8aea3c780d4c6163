"""The running timer in the window: one controller per data file, shown on every page.

The timer is a row of the data file (`planner.services.timer`), so this side only shows it and
asks: `TimerController` reads it (plain SQL, so even the first paint before SQLAlchemy loads can
show it), ticks once a second while it runs, and follows every change, including one made by
`planner timer` while the window was in the background (it reads again when the window is
activated). `TimerStatus` is its face on the main window: a status-bar button (activity and
elapsed time; click to stop and log), the window title, and the question on closing.

Starting, stopping and discarding are actions like any other: Ctrl+Z after a stop runs the
timer again from its first start and removes the session the stop logged.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.services import timer as rt
from planner.services.errors import InputError
from planner.services.timer import TimerState, clock_text, duration_text
from planner.storage.errors import DataFileError
from planner.ui.context import AppContext
from planner.ui.format import moment_text, short_day_text
from planner.ui.forms import to_qdatetime
from planner.vocabulary import DAY_HOURS
from planner.wording import hours_text, weekday_text

#: The longest activity title the status bar and title show whole.
SHORT_TITLE = 32


def short(text: str, limit: int = SHORT_TITLE) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class TimerController(QObject):
    """The stored timer as the window sees it: one per AppContext (see `of`)."""

    #: The timer started, stopped or changed (read again from the file).
    updated = Signal()
    #: A second passed while it runs: repaint the elapsed time.
    tick = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.setObjectName("timerController")
        self.ctx = ctx
        #: Now, as an aware datetime; tests move it instead of waiting.
        self.clock: Callable[[], dt.datetime] = rt.utc_now
        self.state: TimerState | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.tick)
        ctx.changed.connect(self._on_changed)
        self.refresh()

    @classmethod
    def of(cls, ctx: AppContext) -> TimerController:
        """The controller of `ctx`, made on first use: the status bar and the Learning page
        share it, so they never disagree."""
        found = ctx.findChild(TimerController, "timerController")
        return found if found is not None else cls(ctx)

    @property
    def running(self) -> bool:
        return self.state is not None

    def seconds(self) -> float:
        return 0.0 if self.state is None else self.state.seconds(self.clock())

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if "timer" in kinds:
            self.refresh()

    def refresh(self) -> None:
        """Read the timer from the file again (it may have been started or stopped elsewhere).

        A file that cannot be read keeps what was shown: the window's opening and saving say
        what is wrong with it, and a question about the timer must not stand in their way."""
        try:
            state = self.ctx.read_sql(rt.running)
        except (sqlite3.Error, DataFileError, OSError):
            return
        if state is not None:
            self._ticker.start()
        else:
            self._ticker.stop()
        if state != self.state:
            self.state = state
            self.updated.emit()
        else:
            self.tick.emit()

    # -- actions --------------------------------------------------------------------------
    def start(self, activity: str | None, note: str = "") -> str:
        """Start timing (stored at once); returns what to tell the person. InputError when a
        timer already runs (started elsewhere) or the activity is unknown."""
        try:
            state = self.ctx.write("start the timer", rt.start, self.clock(), activity, note)
        finally:
            self.refresh()
        return f"Timing {state.label()} since {state.local_start():%H:%M}."

    def stop(self, parent: QWidget | None) -> str | None:
        """Stop and log what was timed (asking first when it was left running); returns what
        to tell the person, or None when they chose to keep it running."""
        self.refresh()
        state = self.state
        if state is None:
            return "No timer is running (it was stopped elsewhere)."
        now = self.clock()
        hours: float | None = None
        if state.left_running(now):
            dialog = LeftRunningDialog(state, now, parent)
            if not dialog.exec():
                return None
            if dialog.choice == "discard":
                return self.discard()
            hours = dialog.hours.value()
        try:
            label = f"stop the timer ({duration_text(state.seconds(now))})"
            done = self.ctx.write(label, rt.stop, now, hours)
        except InputError as exc:
            self.refresh()
            return f"Not logged: {exc}."
        if done.row is None:
            ran = duration_text(done.seconds)
            return f"Timer stopped after {ran}: under a minute, so nothing was logged."
        logged = duration_text(done.row.hours * 3600)
        return (
            f"Logged {logged} ({hours_text(done.row.hours)}) for {state.label()} on "
            f"{short_day_text(done.row.date)}; the timer ran {clock_text(done.seconds)}."
        )

    def discard(self) -> str:
        """Stop without logging (undoable, like every action)."""
        state = self.state
        ran = duration_text(state.seconds(self.clock())) if state is not None else ""
        try:
            self.ctx.write(f"discard the timer ({ran})", rt.discard)
        except InputError as exc:
            self.refresh()
            return f"Nothing discarded: {exc}."
        return f"Timer discarded after {ran}; nothing was logged."


class LeftRunningDialog(QDialog):
    """ "You left a timer running": log up to when, or how many hours, or discard. Never the
    whole span by default."""

    def __init__(self, state: TimerState, now: dt.datetime, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Timer left running?")
        self.choice = "keep"
        self.state = state
        seconds = state.seconds(now)
        start = state.local_start()
        why = (
            "ran past midnight"
            if now.astimezone().date() != state.day()
            else f"ran more than {rt.LEFT_RUNNING_HOURS} hours"
        )
        text = QLabel(
            f"The timer for {state.label()} started {weekday_text(start, year=False)} at "
            f"{start:%H:%M} and {why} "
            f"({duration_text(seconds)}). It was probably left running. How much did you "
            f"learn? It is logged on {weekday_text(start, year=False)}."
        )
        text.setWordWrap(True)
        most = min(seconds / 3600, DAY_HOURS)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.02, max(most, 0.02))
        self.hours.setDecimals(2)
        self.hours.setSingleStep(0.25)
        self.hours.setSuffix(" h")
        self.hours.setAccessibleName("Hours to log")
        self.until = QDateTimeEdit()
        self.until.setDisplayFormat("ddd d MMM HH:mm")
        self._start = to_qdatetime(start.replace(tzinfo=None))
        self.until.setDateTimeRange(
            self._start.addSecs(60), self._start.addSecs(round(most * 3600))
        )
        self.until.setAccessibleName("Stopped learning at")
        self.hours.valueChanged.connect(self._hours_changed)
        self.until.dateTimeChanged.connect(self._until_changed)
        self.hours.setValue(min(1.0, most))
        self._hours_changed(self.hours.value())

        form = QFormLayout()
        form.addRow("I stopped learning at", self.until)
        form.addRow("so log", self.hours)
        buttons = QDialogButtonBox()
        log = buttons.addButton("Log", QDialogButtonBox.ButtonRole.AcceptRole)
        log.setDefault(True)
        discard = buttons.addButton("Discard", QDialogButtonBox.ButtonRole.DestructiveRole)
        keep = buttons.addButton("Keep running", QDialogButtonBox.ButtonRole.RejectRole)
        log.clicked.connect(lambda: self._choose("log"))
        discard.clicked.connect(lambda: self._choose("discard"))
        keep.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _hours_changed(self, hours: float) -> None:
        self.until.blockSignals(True)
        self.until.setDateTime(self._start.addSecs(round(hours * 3600)))
        self.until.blockSignals(False)

    def _until_changed(self, until: QDateTime) -> None:
        self.hours.blockSignals(True)
        self.hours.setValue(self._start.secsTo(until) / 3600)
        self.hours.blockSignals(False)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class TimerStatus(QObject):
    """The running timer on the main window: status-bar button, title, question on close."""

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window, self.ctx = window, ctx
        self.controller = TimerController.of(ctx)
        self._title = window.windowTitle()
        self.button = QPushButton()
        self.button.setObjectName("timerStatus")
        self.button.setFlat(True)
        self.button.setAccessibleName("Running timer")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self.stop)
        self.button.setEnabled(not ctx.read_only)
        self.button.hide()
        window.statusBar().addPermanentWidget(self.button)
        self.controller.updated.connect(self.show_state)
        self.controller.tick.connect(self.show_state)
        window.installEventFilter(self)
        self.show_state()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Read the timer again whenever the window is activated: `planner timer` may have
        started or stopped it meanwhile."""
        if event.type() == QEvent.Type.ActivationChange and self.window.isActiveWindow():
            self.controller.refresh()
        return False

    def show_state(self) -> None:
        state = self.controller.state
        if state is None:
            self.button.hide()
            self.window.setWindowTitle(self._title)
            return
        seconds = self.controller.seconds()
        what = short(state.activity) if state.activity else "no activity"
        stop = "" if self.ctx.read_only else " · Stop"
        self.button.setText(f"Timing {clock_text(seconds)} · {what}{stop}")
        self.button.setToolTip(
            f"Timer running since {moment_text(state.local_start(), weekday=True, year=False)}"
            f" for {state.label()}" + ("" if self.ctx.read_only else " — click to stop and log it")
        )
        self.button.show()
        self.window.setWindowTitle(f"{clock_text(seconds)[:-3]} {what} — {self._title}")

    def stop(self) -> None:
        message = self.controller.stop(self.window)
        if message:
            self.ctx.status.emit(message)

    def may_close(self) -> bool:
        """Closing with a timer running asks: stop and log, keep running (it stays in the file
        and goes on at the next start), or discard; Cancel stays open."""
        self.controller.refresh()
        state = self.controller.state
        if state is None or self.ctx.read_only:
            return True
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("A timer is running")
        box.setText(
            f"The timer for {state.label()} has run {duration_text(self.controller.seconds())}."
        )
        box.setInformativeText(
            "Stop it and log the time, keep it running (it goes on counting and is here when "
            "you come back, or stop it with “planner timer stop”), or discard it?"
        )
        log = box.addButton("Stop and log", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton("Keep running", QMessageBox.ButtonRole.RejectRole)
        discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(log)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is keep:
            return True
        if clicked is discard:
            self.controller.discard()
            return True
        if clicked is log:
            message = self.controller.stop(self.window)
            if message is None:  # "keep running" from the left-running question
                return True
            if message.startswith("Not logged"):
                QMessageBox.warning(self.window, "Timer not logged", message)
                return False
            return True
        return False
