"""Opening a data file for a window: one window per file, and a way out of every failure.

A file that cannot be opened (damaged, not ours, written by a newer version, unreadable) gets a
message saying what is wrong and the choices that make sense for it: restore the latest good
backup (damaged files only; the damaged file is set aside, never deleted), open another file,
or quit. A missing file whose backups or set-aside copies remain offers restore, start a new
file, or quit; a full disk offers to try again (never a restore: the file is sound). Nothing
here ever overwrites the file it could not open. A file whose last session ended unexpectedly
(its lock was left behind) gets a full integrity check before it is used.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from planner.storage.backups import latest_good_backup
from planner.storage.errors import DataFileError
from planner.ui.format import moment_text
from planner.ui.instance import Instance, claim, wake_running

if TYPE_CHECKING:
    from planner.storage.engine import Database


@dataclass
class Opened:
    db: Database
    instance: Instance

    def close(self) -> None:
        self.db.close()
        self.instance.release()


class ShownElsewhere(Exception):
    """The file is open in another window, which was brought to the front instead."""


def claim_for_window(path: Path, parent: QWidget | None = None) -> Instance | None:
    """This process's claim on `path`; None (after telling the person) when another window
    holds it and does not answer. Raises ShownElsewhere when that window was brought forward."""
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
    return instance


@dataclass(frozen=True)
class Choice:
    """What to open next: a path, and whether the person chose to start it afresh."""

    path: Path
    start_new: bool = False


def open_for_window(
    path: Path,
    parent: QWidget | None = None,
    instance: Instance | None = None,
    *,
    start_new: bool = False,
) -> Opened | None:
    """Lock (unless `instance` already holds the lock) and open `path`, asking the person what
    to do when it fails; None if they quit.

    Raises ShownElsewhere when another window already has the file (and was woken).
    """
    from planner.storage.engine import (
        open_database,  # SQLAlchemy: loaded here, after the first paint
    )

    while True:
        instance = instance or claim_for_window(path, parent)
        if instance is None:
            return None
        try:
            db = open_database(path, start_new=start_new)
            if instance.unclean:  # the last session was killed: check every page, not a sample
                _check_after_crash(db)
        except DataFileError as exc:
            instance.release()
            instance = None
            chosen = _recover(path, exc, parent)
            if chosen is None:
                return None
            path, start_new = chosen.path, chosen.start_new
            continue
        return Opened(db, instance)


def recover_from(path: Path, exc: DataFileError, parent: QWidget | None = None) -> Opened | None:
    """`path` failed to open after its window was shown (and its lock released): offer the
    ways out, and open what the person chooses; None if they quit."""
    chosen = _recover(path, exc, parent)
    if chosen is None:
        return None
    return open_for_window(chosen.path, parent, start_new=chosen.start_new)


def _check_after_crash(db: Database) -> None:
    problems = db.check(full=True)
    if problems:
        db.close()
        raise DataFileError(
            f"{db.path} is damaged: the last session ended unexpectedly and the file now fails "
            f"SQLite's integrity check ({problems[0]}).",
            kind="corrupt",
            path=db.path,
        )


def restore_and_report(path: Path, backup: Path, parent: QWidget | None) -> bool:
    """Put `backup` in place of `path` (the file must be closed); tell the person what happened."""
    try:
        from planner.storage.restore import restore  # loaded for a restore, not at start-up

        done = restore(path, backup)
    except DataFileError as exc:
        QMessageBox.critical(parent, "The backup was not restored", str(exc))
        return False
    if done.set_aside:  # the file's own new name comes first
        kept = f"The damaged file was kept as {done.set_aside[0].name}, beside it."
    else:
        kept = "Your data from before the restore was backed up first."
    QMessageBox.information(
        parent, "Backup restored", f"{path.name} now holds the backup of {backup.name}.\n\n{kept}"
    )
    return True


def _recover(path: Path, exc: DataFileError, parent: QWidget | None) -> Choice | None:
    """Tell the person what went wrong; what to open next, or None to quit."""
    titles = {
        "missing": "The data file is missing",
        "disk-full": "The disk is full",
        "corrupt": "The data file is damaged",
    }
    box = QMessageBox(
        QMessageBox.Icon.Critical, titles.get(exc.kind, "Cannot open the data file"), str(exc)
    )
    box.setInformativeText("Nothing was changed in the file.")
    # A restore only for a file that was ours and is damaged or gone: never over another
    # program's file, and never for a full disk, where the file itself is sound.
    backup = latest_good_backup(path) if exc.kind in ("corrupt", "missing") else None
    restore_button = new_button = retry_button = None
    if backup is not None:
        box.setInformativeText(
            "You can restore the latest good backup; the damaged file is set aside beside it, "
            "never deleted."
            if exc.kind == "corrupt"
            else "You can restore the latest good backup, or start a new, empty file."
        )
        restore_button = box.addButton(
            f"Restore the backup of {moment_text(backup.taken_at)}",
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.setDefaultButton(restore_button)
    if exc.kind == "missing":
        new_button = box.addButton("Start a new file", QMessageBox.ButtonRole.DestructiveRole)
    if exc.kind == "disk-full":
        box.setInformativeText("Free some space on that disk, then try again.")
        retry_button = box.addButton("Try again", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(retry_button)
    other = box.addButton("Open another file…", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if backup is not None and clicked is restore_button:
        restored = restore_and_report(path, backup.path, parent)
        return Choice(path) if restored else _recover(path, exc, parent)
    if new_button is not None and clicked is new_button:
        return Choice(path, start_new=True)
    if retry_button is not None and clicked is retry_button:
        return Choice(path)
    if clicked is other:
        chosen, _ = QFileDialog.getOpenFileName(
            parent,
            "Open data file",
            str(path.parent),
            "Career Planner data (*.sqlite3 *.db);;All files (*)",
        )
        return Choice(Path(chosen)) if chosen else None
    print(f"planner: {exc}", file=sys.stderr)
    return None
