"""Start the desktop app: lock and open the data file (one window per file; a way out of every
failure to open), run the first-run onboarding, show the main window with automatic backups; or
render one page to PNG and exit."""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from planner.db import DataFileError, open_database
from planner.paths import data_file
from planner.services.errors import InputError
from planner.services.onboarding import needs_onboarding
from planner.ui import theme
from planner.ui.context import AppContext
from planner.ui.main_window import PAGE_NAMES, MainWindow, app_instance
from planner.ui.opening import Opened, ShownElsewhere, open_for_window, restore_and_report
from planner.ui.safekeeping import Safekeeper
from planner.ui.settings import Settings


def launch(args: argparse.Namespace) -> int:
    app = app_instance()
    app.setApplicationName("Career Planner")
    app.setOrganizationName("career-planner")
    settings = Settings()
    if args.screenshot:
        return screenshot(Path(args.screenshot), args.page, data_file(args.db))
    theme.apply(settings.get("view/theme"))
    sys.excepthook = report_unexpected
    try:
        return _run(app, settings, data_file(args.db))
    except ShownElsewhere as elsewhere:
        print(f"planner: {elsewhere} is already open; brought its window to the front")
        return 0


def _run(app: QApplication, settings: Settings, path: Path) -> int:
    opened = open_for_window(path)
    if opened is None:
        return 1
    if AppContext(opened.db).read(needs_onboarding):
        from planner.ui.dialogs.onboarding import run_onboarding  # its dialog, only when needed

        chosen = run_onboarding(AppContext(opened.db))
        if chosen is None:
            opened.close()
            return 0
        if chosen != opened.db.path:  # "Explore with demo data" opens the demo file instead
            opened.close()
            opened = open_for_window(chosen)
            if opened is None:
                return 1
    windows = _Windows(settings)
    windows.show(opened)
    code = app.exec()
    windows.close_current()
    return code


class _Windows:
    """The one main window and the file it holds; File > Open swaps both."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.window: MainWindow | None = None
        self.opened: Opened | None = None
        self.keeper: Safekeeper | None = None

    def show(self, opened: Opened) -> None:
        ctx = AppContext(opened.db)
        window = MainWindow(ctx, self.settings)
        window.open_file.connect(self.switch)
        window.restore_backup.connect(self.restore)
        opened.instance.on_raise(window.bring_to_front)
        self.window, self.opened, self.keeper = window, opened, Safekeeper(ctx)
        window.show()

    def switch(self, path: str) -> None:
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
        if self.window is None or self.opened is None or self.keeper is None:
            return
        opened, window = self.opened, self.window
        self.keeper.close()
        opened.db.close()
        restore_and_report(opened.db.path, Path(backup), window)
        try:
            db = open_database(opened.db.path)
        except DataFileError as exc:
            QMessageBox.critical(window, "Cannot open the data file", str(exc))
            window.close()
            opened.instance.release()
            self.window = self.opened = self.keeper = None
            return
        window.close()
        self.show(Opened(db, opened.instance))

    def close_current(self) -> None:
        """Close the window and its file: a last backup if anything changed, and a quick check
        that tells the person now (not at the next start) if the file went bad."""
        if self.window is None or self.opened is None or self.keeper is None:
            return
        self.window.close()
        problems = [] if self.opened.db.read_only else self.opened.db.check(full=False)
        if problems:
            QMessageBox.warning(
                None,
                "The data file reports a problem",
                f"{self.opened.db.path} failed SQLite's quick check ({problems[0]}). "
                "Next time, use File > Restore from backup… to go back to a good copy.",
            )
        else:
            self.keeper.close()
        self.opened.close()
        self.window = self.opened = self.keeper = None


def report_unexpected(kind: type[BaseException], exc: BaseException, tb: TracebackType | None):
    """An error no screen caught: a message in the window instead of a silent traceback.

    Every action is one transaction, so the failed one wrote nothing and earlier ones are safe;
    the traceback still goes to stderr for a bug report."""
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
    window.close()
    db.close()
    return 0 if ok else 1


def render(window: MainWindow) -> None:
    """Process events until the window is laid out and every visible chart is drawn."""
    app = QApplication.instance()
    for _ in range(3):
        app.processEvents()
    from planner.ui.charts.base import ChartView

    for chart in window.findChildren(ChartView):
        if chart.isVisible():
            chart.canvas.draw()
    app.processEvents()
