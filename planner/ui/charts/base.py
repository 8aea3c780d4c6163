"""The chart widget every chart builds on: a matplotlib Figure in a Qt canvas that follows the
theme, says something helpful when there is no data, shows values on hover and saves PNG/SVG
from its right-click menu."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCursor
from PySide6.QtWidgets import QFileDialog, QMenu, QToolTip, QVBoxLayout, QWidget

from planner.ui import theme


class ChartView(QWidget):
    """Subclasses implement `plot(ax, data, colors)`, returning False when there is no data."""

    title = ""
    empty_message = "Nothing to show yet."

    def __init__(self, parent: QWidget | None = None, *, height: float = 3.0) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(5.0, height), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.canvas.customContextMenuRequested.connect(self._menu)
        self.canvas.mpl_connect("motion_notify_event", self._hover)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.setMinimumHeight(int(height * 60))
        #: (artist, text) pairs whose text shows when the mouse is over the artist.
        self._hover_items: list[tuple[Any, str]] = []
        self._data: Any = None
        self.setAccessibleName(self.title)

    # -- drawing --------------------------------------------------------------------------
    def plot(self, ax: Any, data: Any, colors: theme.Colors) -> bool:  # pragma: no cover
        raise NotImplementedError

    def set_data(self, data: Any) -> None:
        self._data = data
        self.redraw()

    def redraw(self) -> None:
        c = theme.colors()
        self.figure.clear()
        self.figure.set_facecolor(c.window)
        self._hover_items.clear()
        ax = self.figure.add_subplot()
        self._style(ax, c)
        has_data = self._data is not None and self.plot(ax, self._data, c)
        if not has_data:
            ax.clear()
            ax.set_axis_off()
            ax.text(
                0.5,
                0.62,
                self.title,
                ha="center",
                va="center",
                fontsize=11,
                color=c.text,
                weight="bold",
                transform=ax.transAxes,
            )
            ax.text(
                0.5,
                0.42,
                self.empty_message,
                ha="center",
                va="center",
                fontsize=9.5,
                color=c.muted,
                wrap=True,
                transform=ax.transAxes,
            )
        elif self.title:
            ax.set_title(self.title, color=c.text, fontsize=11, loc="left", weight="bold")
        self.canvas.draw_idle()

    @staticmethod
    def _style(ax: Any, c: theme.Colors) -> None:
        ax.set_facecolor(c.window)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        for side in ("left", "bottom"):
            ax.spines[side].set_color(c.grid)
        ax.tick_params(colors=c.muted, labelsize=8.5)
        ax.xaxis.label.set_color(c.text)
        ax.yaxis.label.set_color(c.text)
        ax.grid(axis="y", color=c.grid, linewidth=0.6, alpha=0.8)
        ax.set_axisbelow(True)

    def add_hover(self, artist: Any, text: str) -> None:
        """Show `text` as a tooltip while the mouse is over `artist` (a bar, a point...)."""
        self._hover_items.append((artist, text))

    @staticmethod
    def legend(ax: Any, c: theme.Colors, **kwargs: Any) -> None:
        ax.legend(frameon=False, fontsize=8.5, labelcolor=c.text, **kwargs)

    # -- interaction ----------------------------------------------------------------------
    def _hover(self, event: Any) -> None:
        for artist, text in self._hover_items:
            inside, _ = artist.contains(event)
            if inside:
                QToolTip.showText(QCursor.pos(), text, self.canvas)
                return
        QToolTip.hideText()

    def hover_text_at(self, x: float, y: float) -> str | None:
        """The hover text at a display position (pixels from bottom-left); used by tests."""
        from matplotlib.backend_bases import MouseEvent

        self.canvas.draw()
        event = MouseEvent("motion_notify_event", self.canvas, x, y)
        for artist, text in self._hover_items:
            if artist.contains(event)[0]:
                return text
        return None

    def _menu(self, pos) -> None:
        menu = QMenu(self)
        for label, suffix in (("Save as PNG…", "png"), ("Save as SVG…", "svg")):
            action = QAction(label, menu)
            action.triggered.connect(lambda _=False, s=suffix: self._save_dialog(s))
            menu.addAction(action)
        menu.exec(self.canvas.mapToGlobal(pos))

    def _save_dialog(self, suffix: str) -> None:
        name = (self.title or "chart").lower().replace(" ", "-")
        path, _ = QFileDialog.getSaveFileName(
            self, "Save chart", f"{name}.{suffix}", f"{suffix.upper()} (*.{suffix})"
        )
        if path:
            self.save(path)

    def save(self, path: str) -> None:
        self.figure.savefig(path, facecolor=self.figure.get_facecolor())
