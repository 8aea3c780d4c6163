"""Settings that are not data (window geometry, each file's last page, theme, sidebar, and the
drafts of what was typed and not saved yet: `planner.ui.drafts`).

A table of fields with defaults and types, like BeeRef's; tests point QSettings at a temporary
folder with `QSettings.setPath` so a developer's own settings are never read or written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from planner.storage.location import path_key

FIELDS: dict[str, tuple[Any, type]] = {
    "window/geometry": (QByteArray(), QByteArray),
    "window/state": (QByteArray(), QByteArray),
    "view/theme": ("system", str),  # system | light | dark
    "view/sidebar_folded": (0, int),  # 1: icons only
    "data/last_file": ("", str),
}
THEMES = ("system", "light", "dark")


class Settings(QSettings):
    def __init__(self) -> None:
        super().__init__(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "career-planner", "planner"
        )

    def get(self, key: str) -> Any:
        default, kind = FIELDS[key]
        value = self.value(key, default)
        try:
            return value if isinstance(value, kind) else kind(value)
        except (TypeError, ValueError):
            return default

    def last_page(self, path: Path) -> str:
        """The page last shown with the data file at `path` (each file its own: a new file
        starts on the dashboard, not on the page another file was left at)."""
        value = self.value(_page_key(path), "dashboard")
        return value if isinstance(value, str) else "dashboard"

    def set_last_page(self, path: Path, name: str) -> None:
        self.setValue(_page_key(path), name)

    def set(self, key: str, value: Any) -> None:
        if key not in FIELDS:
            raise KeyError(key)
        self.setValue(key, value)


def _page_key(path: Path) -> str:
    """A settings key per data file (a path has slashes, which QSettings reads as groups)."""
    return f"pages/{path_key(path)}"
