"""What a page of the main window is: a widget with a name and a `refresh()` that reloads
everything it shows from the data file (never from its own memory of what was saved). Its title
and icon are listed in `main_window.PAGES`, so the sidebar needs no page's module."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from planner.ui.context import AppContext
from planner.ui.prepare import plot_and_draw, shown_unpainted
from planner.vocabulary import CHANGE_KINDS

if TYPE_CHECKING:
    pass


class Page(QWidget):
    #: Stable id used by settings, `--page` and tests.
    name = ""
    #: The kinds of change (`vocabulary.CHANGE_KINDS`) that alter what the page shows: an
    #: action of another kind neither refreshes it nor marks it stale.
    concerns: ClassVar[frozenset[str]] = frozenset(CHANGE_KINDS)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"page-{self.name}")

    def refresh(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def warm_up(self, place: QRect) -> Iterator[None]:
        """Make the hidden page ready for its first visit, one step per `next()`: idle-time
        preparation (`planner.ui.prepare`) runs a step per turn of the event loop. Lay the page
        out at `place`, where it will show, then plot and draw each chart it shows. A page with
        slow parts that a first visit does not show (a tab of charts) lays those out too."""
        with shown_unpainted(self, place) as charts:
            pass
        yield
        yield from plot_and_draw(charts)

    def may_leave(self) -> bool:
        """Whether the window may close (or open another file) now; a page holding typed,
        unsaved input asks the person to save or discard it first, and False means stay."""
        return True

    def heading(self, text: str, layout: QVBoxLayout) -> QLabel:
        """The page's title at the top, in the style every page shares."""
        label = QLabel(text)
        label.setObjectName("pageHeading")
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        label.setFont(font)
        layout.addWidget(label)
        return label
