"""Automatic backups while the window is open: every 30 minutes if anything changed, and on close.

A backup is only taken when something was saved since the last one, so leaving the app open
over a weekend does not fill the rotation with identical copies. Backups go through
`Database.back_up` (SQLite's online backup API, verified, then renamed into place).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from planner.storage.errors import DataFileError
from planner.ui.context import AppContext

BACKUP_EVERY_MS = 30 * 60 * 1000


class Safekeeper(QObject):
    def __init__(self, ctx: AppContext, interval_ms: int = BACKUP_EVERY_MS) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.changed_since_backup = False
        self.last_backup: Path | None = None
        ctx.changed.connect(self._mark)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(lambda: self.back_up("auto"))
        self.timer.start()

    def _mark(self, _kinds: frozenset[str]) -> None:
        self.changed_since_backup = True

    def back_up(self, label: str) -> Path | None:
        """Back up if anything changed since the last backup; a failure is told, not raised."""
        if not self.changed_since_backup or self.ctx.read_only or self.ctx.damage is not None:
            return None
        try:
            self.last_backup = self.ctx.db.back_up(label)
        except (DataFileError, OSError) as exc:
            if isinstance(exc, DataFileError) and exc.kind == "corrupt":
                self.ctx.report_damage(exc)  # the window offers the latest good backup
            self.ctx.status.emit(f"Automatic backup failed: {exc}")
            return None
        self.changed_since_backup = False
        self.ctx.status.emit(f"Backed up to {self.last_backup.name}")
        return self.last_backup

    def close(self) -> None:
        self.timer.stop()
        self.back_up("on-close")
