"""Settings that are not data (window geometry, last page, theme), in QSettings.

A table of fields with defaults and types, like BeeRef's; tests point QSettings at a temporary
folder with `QSettings.setPath` so a developer's own settings are never read or written.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

FIELDS: dict[str, tuple[Any, type]] = {
    "window/geometry": (QByteArray(), QByteArray),
    "window/state": (QByteArray(), QByteArray),
    "window/page": ("dashboard", str),
    "view/theme": ("system", str),  # system | light | dark
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

    def set(self, key: str, value: Any) -> None:
        if key not in FIELDS:
            raise KeyError(key)
        self.setValue(key, value)
