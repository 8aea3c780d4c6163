"""Opening a data file for a window: one window per file, and a way out of every failure.

A file that cannot be opened (damaged, not ours, written by a newer version, unreadable) gets a
message saying what is wrong and the choices that make sense for it: restore the latest good
backup (damaged files only; the damaged file is set aside, never deleted), open another file,
or quit. Nothing here ever overwrites the file it could not open.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from planner.db import Database, DataFileError, open_database
from planner.ui.instance import Instance, claim, wake_running


@dataclass
class Opened:
    db: Database
    instance: Instance

    def close(self) -> None:
        self.db.close()
        self.instance.release()


class ShownElsewhere(Exception):
    """The file is open in another window, which was brought to the front instead."""


def open_for_window(path: Path, parent: QWidget | None = None) -> Opened | None:
    """Lock and open `path`, asking the person what to do when it fails; None if they quit.

    Raises ShownElsewhere when another window already has the file (and was woken).
    """
    while True:
        instance = claim(path)
        if instance is None:
            if wake_running(path):
                raise ShownElsewhere(str(path))
            QMessageBox.warning(
                parent,
                "The data file is in use",
                f"{path} is open in another Career Planner window that does not answer.\n\n"
                "Close that window (or end its process) and try again.",
            )
            return None
        try:
            db = open_database(path)
        except DataFileError as exc:
            instance.release()
            path = _recover(path, exc, parent)
            if path is None:
                return None
            continue
        return Opened(db, instance)


def _recover(path: Path, exc: DataFileError, parent: QWidget | None) -> Path | None:
    """Tell the person what went wrong; the path to try next, or None to quit."""
    box = QMessageBox(QMessageBox.Icon.Critical, "Cannot open the data file", str(exc))
    box.setInformativeText("Nothing was changed in the file.")
    other = box.addButton("Open another file…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is other:
        chosen, _ = QFileDialog.getOpenFileName(
            parent,
            "Open data file",
            str(path.parent),
            "Career Planner data (*.sqlite3 *.db);;All files (*)",
        )
        return Path(chosen) if chosen else None
    print(f"planner: {exc}", file=sys.stderr)
    return None
