"""Start the desktop app: open the data file (with a clear message if it cannot be opened), run
the first-run onboarding, show the main window; or render one page to PNG and exit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from planner.db import Database, DataFileError, open_database
from planner.paths import data_file
from planner.ui import theme
from planner.ui.context import AppContext
from planner.ui.main_window import PAGE_NAMES, MainWindow, app_instance
from planner.ui.settings import Settings


def launch(args: argparse.Namespace) -> int:
    app = app_instance()
    app.setApplicationName("Career Planner")
    app.setOrganizationName("career-planner")
    settings = Settings()
    if args.screenshot:
        return screenshot(Path(args.screenshot), args.page, data_file(args.db))
    theme.apply(settings.get("view/theme"))
    db = _open(data_file(args.db))
    if db is None:
        return 1
    from planner.ui.dialogs.onboarding import needs_onboarding, run_onboarding

    ctx = AppContext(db)
    if needs_onboarding(ctx):
        chosen = run_onboarding(ctx)
        if chosen is None:
            return 0
        if chosen != db.path:  # "Explore with demo data" opens the demo file instead
            db.close()
            db = _open(chosen)
            if db is None:
                return 1
            ctx = AppContext(db)
    holder: dict[str, MainWindow] = {}

    def show(context: AppContext) -> None:
        window = MainWindow(context, settings)
        window.open_file.connect(lambda path: _switch(path, holder, show))
        holder["window"] = window
        window.show()

    show(ctx)
    code = app.exec()
    holder["window"].ctx.db.close()
    return code


def _switch(path: str, holder: dict[str, MainWindow], show) -> None:
    db = _open(Path(path))
    if db is None:
        return
    old = holder["window"]
    old.close()
    old.ctx.db.close()
    show(AppContext(db))


def _open(path: Path) -> Database | None:
    try:
        return open_database(path)
    except DataFileError as exc:
        QMessageBox.critical(None, "Cannot open the data file", str(exc))
        return None


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
