"""Light and dark palettes for widgets and charts, or whatever the system uses."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget


@dataclass(frozen=True)
class Colors:
    """Colours a chart or a status chip needs, in one place per theme."""

    dark: bool
    window: str
    text: str
    muted: str
    grid: str
    accent: str
    over: str
    under: str
    balanced: str
    series: tuple[str, ...]


LIGHT = Colors(
    dark=False,
    window="#ffffff",
    text="#1f2328",
    muted="#656d76",
    grid="#d0d7de",
    accent="#0969da",
    over="#cf222e",
    under="#bf8700",
    balanced="#1a7f37",
    series=("#0969da", "#8250df", "#1a7f37", "#bf8700", "#cf222e", "#57606a"),
)
DARK = Colors(
    dark=True,
    window="#1e2228",
    text="#e6edf3",
    muted="#9aa4ae",
    grid="#3d444d",
    accent="#4493f8",
    over="#f85149",
    under="#d29922",
    balanced="#3fb950",
    series=("#4493f8", "#ab7df8", "#3fb950", "#d29922", "#f85149", "#8b949e"),
)
STATUS_LABEL = {"over": "Over", "under": "Under", "balanced": "Balanced"}


def tone_color(tone: str, c: Colors) -> str:
    """The colour of what a status means (`balance.TONE`): good, worth a look, or bad."""
    return {"good": c.balanced, "caution": c.under, "bad": c.over}[tone]


#: The dynamic property holding a widget's style sheet template (see `themed_style`).
_TEMPLATE = "themedStyle"


class _Notifier(QObject):
    changed = Signal()


_notifier: _Notifier | None = None


def notifier() -> _Notifier:
    """The object whose `changed` signal fires after every theme switch, for widgets that draw
    with theme colours themselves (charts)."""
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def themed_style(widget: QWidget, template: str) -> None:
    """Give `widget` a style sheet with theme colours, kept in step with the theme.

    `template` names colours as `{over}`, `{muted}`, ... (the fields of `Colors`); `apply`
    fills it in again after each switch. A colour written into a style sheet directly would
    stay that of the theme in force when it was set."""
    widget.setProperty(_TEMPLATE, template)
    widget.setStyleSheet(template.format(**asdict(colors())))


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def colors() -> Colors:
    """The colours of the theme in force (read from the application's palette)."""
    if QApplication.instance() is None:
        return LIGHT
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightness() < 128 else LIGHT


def apply(theme: str) -> None:
    """Switch the application to 'light', 'dark' or the 'system' theme."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    dark = theme == "dark" or (theme == "system" and system_is_dark())
    c = DARK if dark else LIGHT
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#24292f" if dark else "#f6f8fa",
        QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.window,
        QPalette.ColorRole.AlternateBase: "#2a3038" if dark else "#f6f8fa",
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.Button: "#2d333b" if dark else "#ffffff",
        QPalette.ColorRole.ButtonText: c.text,
        QPalette.ColorRole.Highlight: c.accent,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: c.window,
        QPalette.ColorRole.ToolTipText: c.text,
        QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.Link: c.accent,
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(c.muted))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(c.muted))
    app.setPalette(palette)
    _restyle(app, c)
    notifier().changed.emit()


def _restyle(app: QApplication, c: Colors) -> None:
    """Bring style sheets up to the new palette. Qt resolves `palette(base)` and the like when
    it polishes a widget and keeps the result, so a card set on a light palette stays white on
    a dark one (with the dark theme's white text on it) until its style sheet is set again."""
    values = asdict(c)
    for widget in app.allWidgets():
        template = widget.property(_TEMPLATE)
        if isinstance(template, str):
            widget.setStyleSheet(template.format(**values))
        elif widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())
