"""The chart widget every chart builds on: a matplotlib Figure in a Qt canvas that follows the
theme, says something helpful when there is no data, shows values on hover and saves PNG/SVG
from its right-click menu.

Pages give a chart new data only when a change of a kind they show was made (`Page.concerns`),
so a chart does not compare new data with what it shows: it plots what it is given. Plotting
stays cheap: a chart whose `update_plot` can move the artists it drew last time does that
instead of rebuilding the figure; a chart on a hidden page or tab waits until it is shown (and
showing it again with the very data it drew changes nothing); and drawing is left to the canvas
(`canvas.Canvas`: once, when visible; after a move, only the `moving_parts` over the frame it
kept) and its layout engine (`layout.CachedConstrainedLayout`: margins recomputed only when they
could change).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCursor
from PySide6.QtWidgets import QFileDialog, QMenu, QToolTip, QVBoxLayout, QWidget

from planner.ui import theme


class ChartView(QWidget):
    """Subclasses implement `plot(ax, data, colors)`, returning False when there is no data, and
    may implement `update_plot` to change what `plot` drew in place."""

    title = ""
    empty_message = "Nothing to show yet."

    def __init__(self, parent: QWidget | None = None, *, height: float = 3.0) -> None:
        super().__init__(parent)
        from matplotlib.figure import Figure  # matplotlib loads with the first chart

        from planner.ui.charts.canvas import Canvas
        from planner.ui.charts.layout import CachedConstrainedLayout

        self.layout_engine = CachedConstrainedLayout()
        self.figure = Figure(figsize=(5.0, height), layout=self.layout_engine)
        self.canvas = Canvas(self.figure)
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
        #: (data, colours) the figure shows; None before the first plot.
        self._shown: tuple[Any, theme.Colors] | None = None
        #: The axes `plot` drew on, None while the figure shows the empty state.
        self._ax: Any = None
        #: Whether showing the chart, or giving it data while shown, plots it at once. Idle-time
        #: preparation (`planner.ui.prepare.shown_unpainted`) turns it off while it lays the
        #: hidden page out, then plots each chart in a step of its own.
        self.plots_when_shown = True
        self.setAccessibleName(self.title)
        # A theme switch redraws the charts in sight at once (the others when next shown),
        # whether or not their page reloads its data.
        theme.notifier().changed.connect(self._theme_changed)

    def _theme_changed(self) -> None:
        if self.isVisible():
            self.show_data()

    # -- drawing --------------------------------------------------------------------------
    def plot(self, ax: Any, data: Any, colors: theme.Colors) -> bool:  # pragma: no cover
        raise NotImplementedError

    def update_plot(self, ax: Any, data: Any, colors: theme.Colors) -> bool:
        """Change the artists the last `plot` drew on `ax` to show `data`, re-adding their hover
        texts, and return True; return False (having changed nothing) when the data no longer
        fits them, e.g. a different number of bars or no data, and the figure is rebuilt.
        A chart that implements it names those artists in `moving_parts`."""
        return False

    def moving_parts(self) -> list[Any]:
        """The artists `update_plot` changes (bars, lines, a legend whose text it sets), once
        `plot` has drawn them: after new data the canvas draws only these and what lies over
        them on the frame it saved (`canvas.Canvas.set_moving`). Nothing else on the figure may
        change in `update_plot` but the axes' limits, which the canvas watches."""
        return []

    def set_data(self, data: Any) -> None:
        self._data = data
        if self.isVisible() and self.plots_when_shown:
            self.show_data()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.plots_when_shown:
            self.show_data()

    def show_data(self) -> None:
        """Bring the figure up to date with the data and theme, the cheapest way that works."""
        if self._data is None and self._shown is None:
            return
        colors = theme.colors()
        if self._shown is not None:
            data, shown_colors = self._shown
            if shown_colors == colors and data is self._data:
                return  # shown again (a tab, a page) with what it drew
            if self._ax is not None and shown_colors == colors and self._data is not None:
                self._hover_items.clear()
                if self.update_plot(self._ax, self._data, colors):
                    self._shown = (self._data, colors)
                    self.canvas.draw_idle()
                    return
        self.redraw()

    def redraw(self) -> None:
        """Rebuild the figure from scratch: the plot, or the empty state when there is no data."""
        c = theme.colors()
        self.figure.clear()
        self.layout_engine.forget()
        self.figure.set_facecolor(c.window)
        self._hover_items.clear()
        ax = self.figure.add_subplot()
        self._style(ax, c)
        has_data = self._data is not None and self.plot(ax, self._data, c)
        self._ax = ax if has_data else None
        self._shown = (self._data, c)
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
            # An explicit height keeps matplotlib from measuring every axis (twice a draw) to
            # lift the title over top tick labels or an offset text, which these charts never
            # have: at y=1 the title sits where that search puts it.
            # Axes with their ticks on top (the skill levels) leave the height to matplotlib,
            # which lifts the title over those tick labels and the axis label.
            top = ax.xaxis.get_ticks_position() == "top"
            ax.set_title(
                self.title,
                color=c.text,
                fontsize=11,
                loc="left",
                weight="bold",
                y=None if top else 1.0,
            )
        self.canvas.set_moving(ax, self.moving_parts() if has_data else [])
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
    def hover_text(self, event: Any) -> str | None:
        """The text to show for a mouse event, None when it is over nothing with a text."""
        for artist, text in self._hover_items:
            if artist.contains(event)[0]:
                return text
        return None

    def _hover(self, event: Any) -> None:
        text = self.hover_text(event)
        if text is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(QCursor.pos(), text, self.canvas)

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
