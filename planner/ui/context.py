"""What every screen shares: the open data file, the undo stack, and a signal that data changed.

Screens never touch SQL: they pass a service call to `read` or `write`. `write` is one user
action = one transaction; an `InputError` propagates to the caller (so the form can show it at
the field) and nothing is written. A save the disk refuses (full, I/O error, read-only file)
reaches the caller as an InputError too, with the file's own message: the form keeps what the
person typed, so they can retry once the disk has room. Every successful write emits
`changed`, and pages refresh.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.db import Database, SaveError
from planner.services.errors import InputError

T = TypeVar("T")


class NotSaved(InputError):
    """The disk refused a save (full, I/O error, read-only file); the message says what to do."""


class AppContext(QObject):
    changed = Signal()
    #: A short message for the status bar.
    status = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        #: The file cannot be written: screens hide their editing controls.
        self.read_only = db.read_only

    @staticmethod
    def today() -> dt.date:
        return dt.date.today()

    def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a service query in its own short transaction."""
        with self.db.session() as session:
            return fn(session, *args, **kwargs)

    def write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run one user action as one transaction, then tell every screen."""
        try:
            with self.db.session() as session:
                result = fn(session, *args, **kwargs)
        except SaveError as exc:
            self.status.emit("Not saved: " + str(exc))
            raise NotSaved(str(exc)) from exc
        self.changed.emit()
        return result

    def undoable(self, label: str, do: Callable[[], Any], undo: Callable[[], Any]) -> None:
        """Do an action now and put it on the undo stack (Ctrl+Z / Ctrl+Shift+Z)."""
        self.undo_stack.push(_Command(label, do, undo))
        self.status.emit(f"{label} — Ctrl+Z to undo")


class _Command(QUndoCommand):
    def __init__(self, label: str, do: Callable[[], Any], undo: Callable[[], Any]) -> None:
        super().__init__(label)
        self._do, self._undo = do, undo

    def redo(self) -> None:  # Qt calls redo() on push, which performs the action the first time
        self._do()

    def undo(self) -> None:
        self._undo()
