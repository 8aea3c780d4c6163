"""Start the desktop app: lock and open the data file (one window per file; a way out of every
failure to open), run the first-run onboarding, show the main window with automatic backups; or
render one page to PNG and exit.

Paint first, then open. Importing SQLAlchemy and the models takes longer than showing a bare
window twice over, so when the file is already set up and at this code's schema, the window
shows the dashboard read straight from the file with Python's own sqlite3 (its figures are plain
SQL, see `planner.services.sql`), draws its chart, and only then opens the database (its
`drawn` signal). Anything unusual (a new or older file, a crash last time, another page to
return to, an error) takes the ordinary way: open first, with every check, then show.
"""

from __future__ import annotations

import argparse
import gc
import html  # noqa: F401  # before PySide6: see below
import os
import signal
import socket
import sqlite3
import sys
import traceback
from contextlib import closing
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

# What the first paint reads and words, loaded before PySide6: PySide6 reads the source of
# every module imported after it, to look for its opt-in `__feature__` switches, which
# these Qt-free modules cannot hold. The window's own modules need Qt and pay it.
from planner.services import dashboard, moves  # noqa: F401

# isort: split

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from planner.services.errors import InputError
from planner.services.profile import needs_onboarding
from planner.storage.errors import DataFileError
from planner.storage.location import data_file
from planner.storage.probe import SCHEMA_REVISION, access_for, connect_read_only, read_revision
from planner.ui import platform_hint, theme
from planner.ui.context import AppContext
from planner.ui.format import moment_text
from planner.ui.instance import Instance
from planner.ui.main_window import PAGE_NAMES, MainWindow, app_instance
from planner.ui.opening import (
    Opened,
    ShownElsewhere,
    claim_for_window,
    open_for_window,
    recover_from,
    restore_and_report,
)
from planner.ui.prepare import PagePreparer
from planner.ui.settings import Settings

if TYPE_CHECKING:
    from planner.ui.safekeeping import Safekeeper

#: How long after showing its window a launch starts listening for later launches.
LISTEN_AFTER_MS = 100


def launch(args: argparse.Namespace) -> int:
    if args.screenshot:  # rendered offscreen, as the README says, with or without a display
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with platform_hint.explained():  # a missing xcb library: the apt line, not a core dump
        app = app_instance()
    app.setApplicationName("Career Planner")
    app.setOrganizationName("career-planner")
    settings = Settings()
    if args.screenshot:
        return screenshot(Path(args.screenshot), args.page, data_file(args.db))
    theme.apply(settings.get("view/theme"))
    sys.excepthook = report_unexpected
    _quit_on_termination(app)
    try:
        return _run(app, settings, data_file(args.db))
    except ShownElsewhere as elsewhere:
        print(f"planner: {elsewhere} is already open; brought its window to the front")
        return 0


def _quit_on_termination(app: QApplication) -> None:
    """Close the window the normal way (last backup, quick check, lock released) when the
    session ends or the process is told to stop (SIGTERM, Ctrl+C in the terminal), instead of
    dying mid-write and leaving the next start to check the whole file after a "crash".

    Python runs signal handlers only when it gets control, which Qt's event loop does not give
    it: so the signal also writes a byte to a socket that Qt watches, and that wakes Python."""
    wake_read, wake_write = socket.socketpair()
    wake_write.setblocking(False)
    signal.set_wakeup_fd(wake_write.fileno())
    notifier = QSocketNotifier(wake_read.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda: wake_read.recv(64))
    # Held by the app, so that both stay open while it runs.
    app._wake_sockets = (wake_read, wake_write)  # type: ignore[attr-defined]  # ours, not Qt's
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: _stop(app))


def _stop(app: QApplication) -> None:
    """Leave the way the person would: close any dialog that has its own event loop (the
    onboarding, a message box), then the application's. `quit()` alone does nothing before
    `app.exec()` has started, which is where the onboarding runs: it left SIGTERM unanswered."""
    seen: set[int] = set()
    while (modal := app.activeModalWidget()) is not None and id(modal) not in seen:
        seen.add(id(modal))
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()
    app.quit()


def _run(app: QApplication, settings: Settings, path: Path) -> int:
    instance = claim_for_window(path)
    if instance is None:
        return 1
    windows = _Windows(settings)
    if not windows.paint_then_open(path, instance):
        opened = open_for_window(path, instance=instance)
        if opened is None:
            return 1
        if AppContext(opened.db).read_sql(needs_onboarding):
            from planner.ui.dialogs.onboarding import run_onboarding  # only when needed

            chosen = run_onboarding(AppContext(opened.db))
            if chosen is None:
                opened.close()
                return 0
            if chosen != opened.db.path:  # "Explore with demo data" opens the demo file instead
                opened.close()
                opened = open_for_window(chosen)
                if opened is None:
                    return 1
        windows.show(opened)
    code = app.exec()
    windows.close_current()
    return code


def _paintable(path: Path, instance: Instance, settings: Settings) -> bool | None:
    """Whether the window can paint the dashboard from `path` before opening it: None when not,
    else whether the file is read-only. Never raises: the ordinary open explains any problem."""
    if instance.unclean or settings.last_page(path) != "dashboard":
        return None
    try:
        access = access_for(path)
        if read_revision(path) != SCHEMA_REVISION:
            return None
        with closing(connect_read_only(path)) as con:
            if needs_onboarding(con):
                return None
    except (DataFileError, sqlite3.Error, OSError):
        return None
    return access != "rw"


class _Windows:
    """The one main window and the file it holds; File > Open swaps both."""

    def __init__(self, settings: Settings, *, prepare_pages: bool = True) -> None:
        self.settings = settings
        #: Build the other pages in idle time once started (`planner.ui.prepare`); the
        #: benchmark turns it off to measure a page built on its first visit.
        self.prepare_pages = prepare_pages
        self.preparer: PagePreparer | None = None
        self.window: MainWindow | None = None
        self.ctx: AppContext | None = None
        self.instance: Instance | None = None
        self.keeper: Safekeeper | None = None  # once the database is open

    def show(self, opened: Opened) -> None:
        self._show(AppContext(opened.db), opened.instance)
        self._keep_safe()

    def paint_then_open(self, path: Path, instance: Instance) -> bool:
        """Show the window painted from the file if it can be (see `_paintable`)."""
        read_only = _paintable(path, instance, self.settings)
        if read_only is not None:
            self.show_then_open(path, read_only, instance)
        return read_only is not None

    def show_then_open(self, path: Path, read_only: bool, instance: Instance) -> None:
        """Show the dashboard painted from the file, then open the database once its chart is
        on screen."""

        def open_db():
            from planner.storage.engine import (
                open_database,  # SQLAlchemy loads here, after the paint
            )

            return open_database(path)

        ctx = AppContext.opening(path, read_only, open_db)
        ctx.opened.connect(self._keep_safe)
        self._show(ctx, instance)

    def _show(self, ctx: AppContext, instance: Instance) -> MainWindow:
        ctx.damaged.connect(self._on_damaged)
        window = MainWindow(ctx, self.settings)
        window.open_file.connect(self.switch)
        window.restore_backup.connect(self.restore)
        self.window, self.ctx, self.instance = window, ctx, instance
        window.show()
        # Another launch on this file brings this window forward. Listened for a moment after
        # the window shows, so that the socket's library loads after the first paint; a launch
        # meanwhile keeps trying (`instance.wake_running`).
        QTimer.singleShot(LISTEN_AFTER_MS, window, lambda: instance.listen(window.bring_to_front))
        page = window.current_page()
        if page.name == "dashboard":
            page.drawn.connect(self._started)  # type: ignore[attr-defined]  # only the Dashboard's
        else:
            QTimer.singleShot(0, window, self._started)
        return window

    def _started(self) -> None:
        """Start-up is over: open the database behind a window painted from the file, then
        leave what start-up loaded (Qt, SQLAlchemy, matplotlib: a few hundred thousand
        objects that live as long as the process) out of the garbage collector's full
        collections: each would walk them all, and a page's first visit makes objects enough to
        set one off. Then make the other pages ready while the person looks at this one."""
        self._finish_opening()
        gc.freeze()
        window, ctx = self.window, self.ctx
        if ctx is not None:  # damage no page reads is still found before it takes a save
            QTimer.singleShot(0, ctx, ctx.verify)
        if self.prepare_pages and window is not None and ctx is not None and ctx.is_open:
            self.preparer = PagePreparer(window, window)
            self.preparer.finished.connect(gc.freeze)  # the pages live as long as the window
            self.preparer.start()

    def _stop_preparing(self) -> None:
        if self.preparer is not None:
            self.preparer.stop()
            self.preparer = None

    def _keep_safe(self) -> None:
        from planner.ui.safekeeping import Safekeeper  # backups need the open database

        if self.ctx is not None and self.keeper is None:
            self.keeper = Safekeeper(self.ctx)

    def _finish_opening(self) -> None:
        """Open the database behind the painted window; on failure, the ways out."""
        ctx, window, instance = self.ctx, self.window, self.instance
        if ctx is None or window is None or instance is None or ctx.is_open:
            return
        try:
            ctx.open_now()
        except DataFileError as exc:
            window.close()
            instance.release()
            self.window = self.ctx = self.instance = None
            opened = recover_from(ctx.path, exc)
            if opened is None:
                QApplication.quit()
                return
            self.show(opened)

    def _on_damaged(self, exc: DataFileError) -> None:
        """The open file turned out to be damaged: say so, and offer its latest good backup.
        Nothing more is saved to it (the context refuses), and what was typed stays typed."""
        from planner.storage.backups import latest_good_backup

        window, ctx = self.window, self.ctx
        if window is None or ctx is None:
            return
        detail = getattr(exc, "detail", "it fails SQLite's check")
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "The data file is damaged",
            f"{ctx.path} is damaged ({detail}).",
            parent=window,
        )
        box.setInformativeText(
            "Nothing more is saved to this file; what you typed stays where it is, so you can "
            "copy it. Restoring sets the damaged file aside beside it, never deleted."
        )
        backup = latest_good_backup(ctx.path)
        restore_button = None
        if backup is not None:
            restore_button = box.addButton(
                f"Restore the backup of {moment_text(backup.taken_at)}",
                QMessageBox.ButtonRole.AcceptRole,
            )
            box.setDefaultButton(restore_button)
        box.addButton("Keep looking (nothing is saved)", QMessageBox.ButtonRole.RejectRole)
        quit_button = box.addButton("Quit", QMessageBox.ButtonRole.DestructiveRole)
        box.exec()
        if backup is not None and box.clickedButton() is restore_button:
            self.restore(str(backup.path))
        elif box.clickedButton() is quit_button:
            window.close()

    def switch(self, path: str) -> None:
        if self.window is not None and not self.window.may_leave_file():
            return
        try:
            opened = open_for_window(Path(path), self.window)
        except ShownElsewhere:
            return
        if opened is None:
            return
        self.close_current()
        self.show(opened)

    def restore(self, backup: str) -> None:
        """Close the file (keeping its lock, so no other window opens it meanwhile), put the
        backup in its place, and show it again."""
        from planner.storage.engine import open_database

        if self.window is None or self.ctx is None or self.instance is None:
            return
        if not self.window.may_close():
            return
        ctx, window, instance = self.ctx, self.window, self.instance
        self._stop_preparing()  # the report below waits in an event loop, with the file closed
        if self.keeper is not None:
            self.keeper.close()
            self.keeper = None
        if ctx.is_open:
            ctx.db.close()
        restore_and_report(ctx.path, Path(backup), window)
        try:
            db = open_database(ctx.path)
        except DataFileError as exc:
            QMessageBox.critical(window, "Cannot open the data file", str(exc))
            window.close()
            instance.release()
            self.window = self.ctx = self.instance = None
            return
        window.close()
        self.show(Opened(db, instance))

    def close_current(self) -> None:
        """Close the window and its file: a last backup if anything changed, and a quick check
        that tells the person now (not at the next start) if the file went bad."""
        if self.window is None or self.ctx is None or self.instance is None:
            return
        self._stop_preparing()
        self.window.ask_before_closing = False  # asked already, or told to stop (SIGTERM)
        self.window.close()
        if self.ctx.is_open:
            db = self.ctx.db
            told = self.ctx.damage is not None  # the person knows; a backup would be refused
            try:
                problems = [] if db.read_only or told else db.check(full=False)
            except DataFileError:  # a full disk stopped the check: not a reason to restore
                problems = []
            if problems:
                QMessageBox.warning(
                    None,
                    "The data file reports a problem",
                    f"{db.path} failed SQLite's quick check ({problems[0]}). "
                    "Next time, use File > Restore from backup… to go back to a good copy.",
                )
            elif self.keeper is not None and not told:
                self.keeper.close()
            db.close()
        self.instance.release()
        self.window = self.ctx = self.instance = self.keeper = None


def report_unexpected(kind: type[BaseException], exc: BaseException, tb: TracebackType | None):
    """An error no screen caught: a message in the window instead of a silent traceback.

    Every action is one transaction, so the failed one wrote nothing and earlier ones are safe;
    the traceback still goes to stderr for a bug report."""
    if isinstance(exc, DataFileError) and exc.kind == "corrupt":
        print(f"planner: {exc}", file=sys.stderr)  # the window's dialog has said it already
        return
    traceback.print_exception(kind, exc, tb)
    if isinstance(exc, InputError):
        QMessageBox.warning(None, "That did not work", f"{exc}.")
        return
    QMessageBox.critical(
        None,
        "Something went wrong",
        f"{kind.__name__}: {exc}\n\nThe action was not saved; everything saved before it is "
        "safe. If this keeps happening, please report it with the details printed in the "
        "terminal.",
    )


def screenshot(out: Path, page: str, path: Path) -> int:
    """Render `page` of the file at `path` fully (charts drawn) into `out` and exit."""
    if page not in PAGE_NAMES:
        print(
            f"planner: unknown page {page!r}; use one of {', '.join(PAGE_NAMES)}", file=sys.stderr
        )
        return 2
    from planner.storage.engine import open_database

    try:
        db = open_database(path)
    except DataFileError as exc:
        print(f"planner: {exc}", file=sys.stderr)
        return 1
    theme.apply("light")
    window = MainWindow(AppContext(db), Settings())
    window.resize(1280, 820)
    window.show_page(page)
    window.show()
    render(window)
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(out))
    window.ask_before_closing = False  # nothing was typed; a page cut short may look unsaved
    window.close()
    db.close()
    return 0 if ok else 1


def render(window: MainWindow) -> None:
    """Process events until the window is laid out and every visible chart is drawn."""
    for _ in range(3):
        QApplication.processEvents()
    from planner.ui.charts.base import ChartView

    for chart in window.findChildren(ChartView):
        if chart.isVisible():
            chart.canvas.draw()
    QApplication.processEvents()
