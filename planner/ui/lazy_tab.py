"""A tab whose panel is built the first time it is needed: when its tab shows, or when code
asks for the panel.

A page with many tabs shows one of them on a visit; building every panel (and importing its
module) before the page can show made a first visit pay for tabs the person may never open.
The page keeps a `LazyTab` in the tab widget in place of each panel it can leave for later,
and reaches the panel through `panel`, which builds it then. Idle-time preparation builds the
rest (`planner.ui.prepare`), so after it a tab opens as quickly as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

from planner.ui.forms import hide_editing

P = TypeVar("P", bound=QWidget)


class LazyTab(QWidget, Generic[P]):
    """The place of a panel in a tab widget; `build` makes the panel on first need."""

    def __init__(self, build: Callable[[], P], *, read_only: bool) -> None:
        super().__init__()
        self._build = build
        #: A file open read-only offers no controls that change data, in a late panel too.
        self._read_only = read_only
        self._panel: P | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._panel is not None

    @property
    def panel(self) -> P:
        if self._panel is None:
            panel = self._build()
            if self._read_only:
                hide_editing(panel)
            layout = self.layout()
            assert layout is not None  # made in __init__
            layout.addWidget(panel)
            if self.isVisible():
                panel.show()  # now, not on a later turn as a child added to a shown widget
            self._panel = panel
        return self._panel

    def showEvent(self, event: Any) -> None:
        self.panel  # noqa: B018  built before the tab paints: the person opened it
        super().showEvent(event)
