"""Helpers the page tests share (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QToolTip

from planner.ui.context import AppContext
from planner.ui.instance import lock_path
from planner.ui.pages.base import Page

P = TypeVar("P", bound=Page)


def open_page(qtbot, cls: type[P], ctx: AppContext, *, follow_changes: bool = True) -> P:
    """Show a page on its own, filled, at a typical size.

    `follow_changes` wires `ctx.changed` to `refresh`, as the main window does for the page it
    shows; a test of a page that must refresh itself turns it off.
    """
    page = cls(ctx)
    qtbot.addWidget(page)
    if follow_changes:
        ctx.changed.connect(page.refresh)
    page.resize(1100, 760)
    page.show()
    page.refresh()
    return page


def crash_holding_lock(path: Path) -> None:
    """A window process that took the file's lock and was killed (SIGKILL) while holding it."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from PySide6.QtCore import QLockFile; "
            f"lock = QLockFile({str(lock_path(path))!r}); lock.setStaleLockTime(0); "
            "assert lock.tryLock(0); print('locked', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    holder.kill()
    holder.wait()


def answer_boxes(*buttons: str) -> list[str]:
    """Click, in order, the button whose text starts with each of `buttons` on the message
    boxes that open next; returns the texts of the boxes seen."""
    seen: list[str] = []
    pending = list(buttons)

    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and pending:
            seen.append(box.text())
            wanted = pending.pop(0)
            match = [b for b in box.findChildren(QAbstractButton) if b.text().startswith(wanted)]
            if match:
                match[0].click()
            else:  # close it, so the test fails on `seen` instead of hanging on the box
                seen.append(f"no button {wanted!r}")
                box.done(0)
        if pending:
            QTimer.singleShot(10, click)

    QTimer.singleShot(0, click)
    return seen


def hover(chart: Any, x: float, y: float) -> str:
    """Move the mouse over `chart` to (x, y), in matplotlib's display pixels (from the bottom
    left, as `transData.transform` gives them), and return the tooltip that shows then, '' when
    none does: a real mouse-move event, through the canvas, as a person's hand makes it."""
    canvas = chart.canvas
    canvas.draw()  # as painted on screen: the artists know where they are
    ratio = canvas.device_pixel_ratio
    at = QPointF(x / ratio, (canvas.figure.bbox.height - y) / ratio)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        at,
        canvas.mapToGlobal(at),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(canvas, move)
    return QToolTip.text() if QToolTip.isVisible() else ""


def hover_shows_nothing(qtbot, chart: Any, x: float, y: float) -> bool:
    """Whether the tooltip goes away when the mouse moves to (x, y) (Qt lets a tooltip linger
    for a moment after the mouse leaves what it names)."""
    hover(chart, x, y)
    try:
        qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2_000)
    except qtbot.TimeoutError:
        return False
    return True


def bar_heights(bars: Any) -> list[float]:
    """The heights of a chart's bars (one collection, `planner.ui.charts.bars`) as matplotlib
    holds them to draw; none when the chart shows its empty state (`bars` is None)."""
    if bars is None:
        return []
    return [float(p.vertices[2, 1] - p.vertices[0, 1]) for p in bars.get_paths()]


def row_bars(chart: Any) -> dict[str, Any]:
    """A horizontal bar chart's bars as a person reads them: each by the label of its row."""
    ax = chart.figure.axes[0]
    rows = {round(tick.get_position()[1]): tick.get_text() for tick in ax.get_yticklabels()}
    return {rows[round(bar.get_y() + bar.get_height() / 2)]: bar for bar in ax.patches}


def row_lengths(chart: Any) -> dict[str, float]:
    """The length of each of a horizontal bar chart's bars, by the label of its row."""
    return {label: bar.get_width() for label, bar in row_bars(chart).items()}
