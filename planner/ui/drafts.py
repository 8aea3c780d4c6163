"""What a person typed and has not saved yet, kept so that a crash or a killed process loses at
most the last moment of typing.

The weekly reflection and the Balance grid's hours are saved when the person saves, changes
week or leaves the page, a form dialog's text when its Save goes through, the dashboard's
quick-log note when it is logged and a pasted job posting when it is saved; until then they live
only in their widgets, and a crash, a power cut or a `kill -9` would take them. A `Draft` copies
them into the settings (per data file, per thing typed, per week or per thing a dialog edits) a
moment after each pause in typing, and the page (or the dialog, opened again on the same thing:
`dialogs.base.FormDialog`) puts a draft that differs from what the file holds back in its
widgets, marked unsaved, with a way to discard it. A draft goes once what it holds is saved or
discarded.

Drafts live in the settings, not in the data file: they are not data yet (no undo step, no
backup, no write to a file the person has not asked to change), and QSettings writes its file
whole and atomically, so a kill mid-write leaves the previous drafts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer

from planner.storage.location import path_key
from planner.ui.settings import Settings

#: The property that keeps a text field out of its dialog's draft (a list's search box: what
#: it filtered is not something typed to keep).
NOT_DRAFTED = "notDrafted"

#: How long typing must pause before the draft is written (each write rewrites the settings
#: file): what a crash can lose at most.
KEEP_AFTER_MS = 400


class Draft(QObject):
    """The unsaved input of one kind (`kind`, e.g. "reflection") of the file at `path`, one per
    `key` (a week, what a dialog edits): a text, or anything JSON holds."""

    def __init__(self, parent: QObject, path: Path, kind: str) -> None:
        super().__init__(parent)
        self.settings = Settings()
        self.group = f"drafts/{path_key(path)}/{kind}"
        #: (key, value as JSON) typed but not written yet.
        self.pending: tuple[str, str] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(KEEP_AFTER_MS)
        self._timer.timeout.connect(self.write)

    def keep(self, key: str, value: Any) -> None:
        """Remember `value` as typed for `key`, written once typing pauses."""
        self.pending = (key, json.dumps(value))
        self._timer.start()

    def write(self) -> None:
        """Write what is pending now (also before the window closes)."""
        self._timer.stop()
        if self.pending is not None:
            key, text = self.pending
            self.pending = None
            self.settings.setValue(f"{self.group}/{key}", text)
            self.settings.sync()

    def get(self, key: str) -> Any:
        """The draft kept for `key`, None if there is none or it does not read (the settings
        file is the person's to edit); the caller checks it has the shape it keeps."""
        if self.pending is not None and self.pending[0] == key:
            return json.loads(self.pending[1])
        kept = self.settings.value(f"{self.group}/{key}")
        try:
            return json.loads(kept) if isinstance(kept, str) else None
        except ValueError:
            return None

    def drop(self, key: str) -> None:
        """Forget the draft for `key` (saved, or discarded)."""
        if self.pending is not None and self.pending[0] == key:
            self._timer.stop()
            self.pending = None
        if self.settings.contains(f"{self.group}/{key}"):
            self.settings.remove(f"{self.group}/{key}")
            self.settings.sync()
