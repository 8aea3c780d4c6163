"""The figures measured inside one app process: `python -m tests.bench.inapp FILE` prints JSON.

The real main window on the real file, offscreen, started the way the app starts it (painted
from the file, then the database opened once the dashboard's chart has drawn), with settings of
its own so that every run starts on the dashboard as a first start does. Each action is timed
from the call a click or key press would make until the event queue is empty and every visible
chart has drawn, so the time includes the queries, the widgets, the chart drawing and the
paint. The process is fresh each run, so its peak memory (RSS) is that of someone who started
the app and visited every page.

The window prepares the other pages in idle time once started (`planner.ui.prepare`); the
figures wait for that, as a person who looks at the dashboard for a second does, and time it,
with its longest turn of the event loop: what a click made meanwhile waits for at most.
With `--cold` it prepares nothing, and only the first visits are timed: each page built on the
click, what someone who clicks at once meets.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(path: Path, *, cold: bool = False) -> dict[str, float]:
    import planner.ui  # noqa: F401  first, as in the app: it changes how PySide6 checks imports

    # isort: split
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from planner.services import learning
    from planner.ui.charts.base import ChartView
    from planner.ui.instance import claim
    from planner.ui.launch import _Windows
    from planner.ui.main_window import PAGE_NAMES, app_instance
    from planner.ui.settings import Settings

    app = app_instance()
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp(prefix="bench-")
    )
    settings = Settings()
    instance = claim(path)
    windows = _Windows(settings, prepare_pages=not cold)
    if instance is None or not windows.paint_then_open(path, instance):
        raise SystemExit(f"{path}: not a file the window paints before opening")
    window, ctx = windows.window, windows.ctx
    assert window is not None and ctx is not None
    window.resize(1280, 820)

    def settle() -> None:
        app.processEvents()
        for _ in range(20):
            charts = [c for c in window.findChildren(ChartView) if c.isVisible()]
            if not any(c.canvas.pending for c in charts):
                break
            app.processEvents()
        app.processEvents()

    def timed(action: Callable[[], Any]) -> float:
        start = time.perf_counter()
        action()
        settle()
        return time.perf_counter() - start

    while not ctx.is_open:  # start-up ends with the database opened after the chart drew
        settle()
    opened = time.perf_counter()
    settle()
    out: dict[str, float] = {}
    if cold:
        for name in PAGE_NAMES[1:]:
            out[f"cold page {name}"] = timed(lambda n=name: window.show_page(n))
        page = window.show_page("learning")
        settle()
        out["cold learning charts tab"] = timed(lambda: page.tabs.setCurrentIndex(2))
        windows.close_current()
        return out
    longest_turn = 0.0  # what a click waits for at most while the pages are prepared
    while windows.preparer is None or not windows.preparer.is_finished:
        turn = time.perf_counter()
        app.processEvents()
        longest_turn = max(longest_turn, time.perf_counter() - turn)
    out["pages prepared"] = time.perf_counter() - opened
    out["preparing: longest step"] = longest_turn
    for name in PAGE_NAMES[1:]:
        out[f"page {name}"] = timed(lambda n=name: window.show_page(n))
    out["page dashboard"] = timed(lambda: window.show_page("dashboard"))
    revisits = [timed(lambda n=name: window.show_page(n)) for name in PAGE_NAMES]
    out["page again (slowest)"] = max(revisits)

    dashboard = window.show_page("dashboard")  # the quick-log box is on the dashboard
    settle()
    form = dashboard.quick_log
    form.hours.setValue(0.5)
    form.hours.setFocus()

    def drawn_hours() -> float:  # the bars' heights, as matplotlib holds them to draw
        paths = dashboard.chart.bars.get_paths()
        return sum(float(p.vertices[2, 1] - p.vertices[0, 1]) for p in paths)

    before = drawn_hours()
    out["quick log"] = timed(lambda: QTest.keyClick(form.hours, Qt.Key.Key_Return))
    if abs(drawn_hours() - before - 0.5) > 1e-6:
        raise SystemExit("quick log: the dashboard chart did not take the logged half hour")

    page = window.show_page("learning")
    out["learning charts tab"] = timed(lambda: page.tabs.setCurrentIndex(2))
    out["weekly chart to 52 weeks"] = timed(lambda: page.charts.weeks.setCurrentIndex(2))
    with ctx.db.session() as session:  # a change the chart has not seen, written outside the UI
        learning.log_session(session, 1.0, dt.date.today(), None, "")
    out["chart redraw (52 weeks)"] = timed(
        lambda: page.charts.weekly_chart.set_data(ctx.read(learning.weekly_series, ctx.today(), 52))
    )

    page.tabs.setCurrentIndex(1)
    settle()
    log = page.log
    out["table: all time"] = timed(lambda: log.range.setCurrentText("All time"))
    out["rows in the table"] = log.model.rowCount()
    out["table: sort by activity"] = timed(
        lambda: log.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    )
    bar = log.view.verticalScrollBar()
    out["table: scroll"] = timed(lambda: bar.setValue(bar.maximum() // 2))
    out["table: filter by activity"] = timed(lambda: log.activity.setCurrentIndex(3))
    out["table: back to all activities"] = timed(lambda: log.activity.setCurrentIndex(0))
    out["peak RSS (MB)"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    windows.close_current()
    return out


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), cold="--cold" in sys.argv[2:])))
