"""What every screen shares: the open data file, the undo stack, and a signal that data changed.

Screens never touch SQL: they pass a service call to `read` or `write`. `write` is the one door
for a person's action (Anki's CollectionOp): one transaction; an `InputError` propagates to the
caller (so the form can show it at the field) and nothing is written. A save the disk refuses
(full, I/O error, read-only file) reaches the caller as an InputError too, with the file's own
message: the form keeps what the person typed, so they can retry once the disk has room.

Every action that changed something goes on the undo stack under its name ("log 1.5 h": the
Edit menu reads "Undo log 1.5 h"), undone and redone row by row through
`planner.storage.undo`, and `changed` says what kinds of data it touched (learning, contacts,
...: `vocabulary.CHANGE_KINDS`), so each page refreshes only for what it shows. The stack lives
here, not on a page, so it survives a page switch.

At start-up the window may be shown before the file is opened through SQLAlchemy (see
`planner.ui.launch`): such a context (`AppContext.opening`) serves `read_sql` straight from the
file with Python's own sqlite3, and opens the database on `open_now` or on first use of `db`.

A damaged file met anywhere (a read, a save, a backup, the check after opening) is reported
once through `damaged` (the window offers the latest good backup) and from then on every save
is refused before it reaches the file, as NotSaved, so forms keep what was typed. Reads go on:
what can still be read stays on screen.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from contextlib import closing
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.services import limits
from planner.services.errors import InputError
from planner.storage import undo as row_undo
from planner.storage.backups import BackupInfo, damaged_error, list_backups
from planner.storage.errors import DataFileError, SaveError, is_damage
from planner.storage.probe import connect_read_only

if TYPE_CHECKING:
    from planner.exporters.files import ExportResult
    from planner.importers import ImportKind
    from planner.importers.plan import ImportPlan
    from planner.storage.engine import Database

T = TypeVar("T")
#: The tables whose rows count toward a day's 24 hours and a week's 168: an undo or redo that
#: brings rows of these back is held to the limits like any entry.
COUNTED_TABLES = frozenset({"learning_session", "week_hours"})
#: How many actions Ctrl+Z can take back, the oldest forgotten first.
UNDO_LIMIT = 200


class NotSaved(InputError):
    """The disk refused a save (full, I/O error, read-only file); the message says what to do."""


class AppContext(QObject):
    #: An action, its undo or its redo changed data of these kinds (a frozenset of
    #: `vocabulary.CHANGE_KINDS`).
    changed = Signal(object)
    #: A short message for the status bar.
    status = Signal(str)
    #: The database has opened (sent only by a context made with `opening`).
    opened = Signal()
    #: The file turned out to be damaged (a DataFileError kind "corrupt"); sent once.
    damaged = Signal(object)
    #: An undo or redo could not be done, and why (the window says it in a message box).
    not_replayed = Signal(str)

    def __init__(
        self,
        db: Database | None,
        parent: QObject | None = None,
        *,
        path: Path | None = None,
        read_only: bool = False,
        open_db: Callable[[], Database] | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self._open = db, open_db
        # `opening`, the one caller without a database, always passes the file's path.
        self.path: Path = db.path if db is not None else path  # type: ignore[assignment]
        self.undo_stack = QUndoStack(self)
        # Each action keeps the statements that undo it (an import of thousands of rows keeps
        # thousands); a day's work is far below this many actions, and memory stays bounded.
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        #: The file cannot be written: screens hide their editing controls.
        self.read_only = db.read_only if db is not None else read_only
        #: Why the file is known to be damaged; once set, no save reaches it.
        self.damage: DataFileError | None = None

    @classmethod
    def opening(cls, path: Path, read_only: bool, open_db: Callable[[], Database]) -> AppContext:
        """A context for a file `open_db` will open: at head, checked and locked by the caller."""
        return cls(None, path=path, read_only=read_only, open_db=open_db)

    @property
    def db(self) -> Database:
        self.open_now()
        assert self._db is not None
        return self._db

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def open_now(self) -> None:
        """Open the database if it is not open yet; DataFileError when it cannot be."""
        if self._db is None and self._open is not None:
            self._db = self._open()
            self.opened.emit()

    @staticmethod
    def today() -> dt.date:
        return dt.date.today()

    def report_damage(self, exc: DataFileError) -> None:
        """Remember that the file is damaged and say so once, after the current event (a page
        half-way through its refresh must not wait on a dialog)."""
        if self.damage is None:
            self.damage = exc
            self.status.emit(f"Not saving: {exc}")
            QTimer.singleShot(0, self, lambda: self.damaged.emit(exc))

    def verify(self) -> None:
        """Run the file's `quick_check` now (the window does in idle time after opening), so
        damage is found before a save rather than by it; then set up the undo's recording
        (`storage.undo`'s triggers), so that the first action a person takes does not wait
        for it."""
        if self.is_open and self.damage is None:
            try:
                self.db.verify()
                if not self.read_only:
                    with self.db.session() as session:
                        row_undo.start(session.connection())
            except DataFileError as exc:
                if exc.kind != "corrupt":
                    raise
                self.report_damage(exc)

    def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a service query in its own short transaction."""
        try:
            with self.db.session() as session:
                return fn(session, *args, **kwargs)
        except DataFileError as exc:
            if exc.kind == "corrupt":
                self.report_damage(exc)
            raise

    def read_sql(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a plain-SQL service (`planner.services.sql`): in a session once the database is
        open, and before that on a read-only sqlite3 connection to the file."""
        if self._db is not None:
            return self.read(fn, *args, **kwargs)
        try:
            with closing(connect_read_only(self.path)) as con:
                return fn(con, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise
            problem = damaged_error(self.path, exc)
            self.report_damage(problem)
            raise problem from exc

    def write(self, label: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run one person's action as one transaction, put it on the undo stack as `label`
        (lower case, as the Edit menu reads it after "Undo": "log 1.5 h"), and tell the screens
        what it changed. An action that changed nothing is not put on the stack."""
        if self.damage is not None:  # no further writes into a damaged file
            raise NotSaved(str(self.damage))
        try:
            with self.db.session() as session:
                connection = session.connection()
                row_undo.start(connection)
                result = fn(session, *args, **kwargs)
                session.flush()
                steps = row_undo.recorded(connection)
        except SaveError as exc:
            self._refused("Not saved", exc)
            raise NotSaved(str(exc)) from exc
        if steps:
            self.undo_stack.push(_Action(self, label, steps))
            self.status.emit(f"{sentence(label)} — Ctrl+Z to undo")
            self.changed.emit(steps.kinds)
        return result

    def _replay(self, label: str, steps: row_undo.Steps, done: str) -> row_undo.Steps | None:
        """Take the file back over `steps` (an undo or a redo) in one transaction; the steps
        that reverse it, or None when it could not be done (said in the status bar)."""
        if self.damage is not None:
            self.status.emit(f"Not {done}: {self.damage}")
            return None
        undoing = "undoing" if done == "undone" else "redoing"
        try:
            with self.db.session() as session:
                connection = session.connection()
                row_undo.start(connection)
                counted = steps.tables & COUNTED_TABLES  # hours logged since, elsewhere
                before = limits.excess(session) if counted else set()
                row_undo.replay(connection, steps)
                session.flush()
                if counted:
                    limits.refuse_new_excess(session, before, f"{undoing} “{label}”")
                back = row_undo.recorded(connection)
        except SaveError as exc:
            self._refused(f"Not {done}", exc)
            self.not_replayed.emit(f"Not {done}: {exc}.")
            return None
        except (row_undo.CannotReplay, InputError) as exc:
            self.status.emit(f"Not {done}: {exc}")
            self.not_replayed.emit(f"{sentence(label)} was not {done}: {sentence(str(exc))}.")
            return None
        self.status.emit(f"{sentence(done)}: {label}")
        self.changed.emit(steps.kinds | back.kinds)
        return back

    def _refused(self, what: str, exc: SaveError) -> None:
        if exc.kind == "corrupt":
            self.report_damage(exc)
        self.status.emit(f"{what}: {exc}")

    # -- the file: imports, exports, backups
    # Screens reach the importers, the exporters and the backups only through these (an
    # import-linter contract keeps pages and dialogs from importing them), each loaded when
    # first used: SQLAlchemy and the parsers stay out of the window's first paint.

    @staticmethod
    def import_kinds() -> dict[str, ImportKind]:
        """What can be imported, as File › Import… lists it."""
        from planner.importers import KINDS

        return KINDS

    def preview_import(self, kind: str, path: str | Path, answers: dict[str, Any]) -> ImportPlan:
        """Parse the whole file and say what importing it would do; writes nothing. Raises
        ChoiceNeeded when the person has to answer a question (`answers` holds those answered),
        ImportFileError when the file cannot be read."""
        from planner.importers import preview

        return self.read(preview, kind, path, **{**answers, "today": self.today()})

    def run_import(self, label: str, plan: ImportPlan) -> int:
        """Back the file up, then write the plan in one transaction through `write` (undoable
        as `label`; screens refresh); returns how many records were written. A backup that
        cannot be made is NotSaved, with its own message, and nothing is imported."""
        from planner.importers.apply import back_up_and_import

        try:
            return back_up_and_import(self.db, plan, write=partial(self.write, label))
        except DataFileError as exc:  # the backup before it, or opening the file
            if exc.kind == "corrupt":
                self.report_damage(exc)  # the backup refused a damaged file: say so once
            raise NotSaved(str(exc)) from exc

    def export(self, kind: str, path: Path) -> ExportResult:
        """Write one export ("json", "csv", "ics", "vcard") from one read of the file. A file
        that cannot be read (damaged) is NotSaved, with its own message."""
        from planner.exporters import export

        try:
            return self.read(export, kind, path, self.today())
        except DataFileError as exc:
            raise NotSaved(str(exc)) from exc

    def backups(self) -> list[BackupInfo]:
        """The file's backups, newest first (read from its folder: the file need not open)."""
        return list_backups(self.path)


def sentence(text: str) -> str:
    """`text` with its first letter in capitals, as a status line starts."""
    return text[:1].upper() + text[1:]


class _Action(QUndoCommand):
    """One action on the undo stack: the steps that undo it, then (once undone) those that redo
    it. Qt calls `redo` when the action is pushed; it has already been done by then.

    When the file cannot be taken back (the disk refused, or another program changed the same
    rows since), the whole stack is cleared after the attempt: the steps further down assume
    a file that no longer is."""

    def __init__(self, ctx: AppContext, label: str, steps: row_undo.Steps) -> None:
        super().__init__(label)
        self._ctx, self._steps, self._pushed = ctx, steps, False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._run("redone")

    def undo(self) -> None:
        self._run("undone")

    def _run(self, done: str) -> None:
        back = self._ctx._replay(self.text(), self._steps, done)
        if back is None:
            QTimer.singleShot(0, self._ctx.undo_stack, self._ctx.undo_stack.clear)
        else:
            self._steps = back
