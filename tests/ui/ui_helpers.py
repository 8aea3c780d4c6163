"""Helpers the page tests share (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

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
