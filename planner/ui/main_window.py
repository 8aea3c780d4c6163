"""The main window: a sidebar of pages (Ctrl+1..7), menus, a status bar and remembered geometry.

Pages are built the first time they are shown, so start-up pays only for the dashboard: the
sidebar's titles and icons are listed here, so that no other page's module is even imported. A
page refreshes when data changes while it is visible, when it is shown after a change, and when
the window regains focus after losing it (data may have been logged from the command line
meanwhile).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QEvent, QRect, QSize, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner import __version__
from planner.storage.errors import DataFileError
from planner.ui import theme
from planner.ui.context import AppContext
from planner.ui.drafts import Draft
from planner.ui.forms import hide_editing
from planner.ui.pages.base import Page
from planner.ui.responsive import fit_to_screen
from planner.ui.settings import THEMES, Settings
from planner.ui.sidebar import SidePanel
from planner.ui.timer_status import TimerStatus


class PageEntry(NamedTuple):
    """A page as the sidebar lists it; its class is `planner.ui.pages.<name>.<Name>Page`, its
    icon `planner.ui.icons.SHAPES[name]`."""

    name: str
    title: str


#: The sidebar's order is the Ctrl+number order.
PAGES = [
    PageEntry("dashboard", "Dashboard"),
    PageEntry("roadmap", "Roadmap"),
    PageEntry("skills", "Skills"),
    PageEntry("learning", "Learning"),
    PageEntry("network", "Network"),
    PageEntry("balance", "Balance"),
    PageEntry("review", "Weekly review"),
]
PAGE_NAMES = [p.name for p in PAGES]

SHORTCUTS = [
    ("Ctrl+1 … Ctrl+7", "Go to a page (Dashboard … Weekly review)"),
    ("Ctrl+L", "Quick log learning hours, from anywhere"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo the last changes"),
    ("Ctrl+N / Ctrl+O", "New / open a data file"),
    ("Ctrl+F", "Search the current table"),
    ("Enter", "Log the hours typed in the quick-log box"),
    ("Ctrl+Q", "Quit"),
]


def page_class(name: str) -> type[Page]:
    module = importlib.import_module(f"planner.ui.pages.{name}")
    return getattr(module, f"{name.capitalize()}Page")


class MainWindow(QMainWindow):
    #: Emitted with a path when the person asks to open or create another data file.
    open_file = Signal(str)
    #: Emitted with a backup's path when the person asks to restore it in place of this file.
    restore_backup = Signal(str)

    def __init__(self, ctx: AppContext, settings: Settings) -> None:
        super().__init__()
        self.ctx, self.settings = ctx, settings
        self.setWindowTitle(f"Career Planner — {ctx.path.name}")
        self.setMinimumSize(QSize(960, 640))
        self._pages: dict[str, Page] = {}
        self._stale: set[str] = set()
        #: Closing asks about unsaved input; not when the process is told to stop.
        self.ask_before_closing = True
        #: The window lost focus since the pages were last reloaded, so data may have changed.
        self._was_away = False

        self.side = SidePanel(PAGES, folded=bool(settings.get("view/sidebar_folded")))
        self.side.fold_button.clicked.connect(self._remember_fold)
        self.sidebar = self.side.list
        self.stack = QStackedWidget()
        for entry in PAGES:
            placeholder = QWidget()
            placeholder.setObjectName(f"slot-{entry.name}")
            self.stack.addWidget(placeholder)
        self.sidebar.currentRowChanged.connect(self._on_row)

        pages = QWidget()
        row = QHBoxLayout(pages)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.side)
        row.addWidget(self.stack, 1)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        if ctx.read_only:
            column.addWidget(read_only_banner(ctx.path))
        column.addWidget(pages, 1)
        self.setCentralWidget(body)

        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.timer_status = TimerStatus(self, ctx)  # the running timer, on every page
        ctx.status.connect(lambda text: self.statusBar().showMessage(text, 6000))
        ctx.changed.connect(self._on_changed)
        ctx.not_replayed.connect(lambda text: QMessageBox.warning(self, "Undo", text))
        self._build_menus()
        self._restore()

    # -- pages ----------------------------------------------------------------------------
    def page(self, name: str) -> Page:
        """The page called `name`, built (and filled) on first use."""
        if name not in self._pages:
            index = PAGE_NAMES.index(name)
            page = page_class(name)(self.ctx)
            old = self.stack.widget(index)
            assert old is not None  # every page has a slot, a placeholder until built
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(index, page)
            self._pages[name] = page
            if self.ctx.read_only:
                hide_editing(page)
            self._refresh(page)
        return self._pages[name]

    def _refresh(self, page: Page) -> None:
        """Refresh a page; a damaged file stops it half-way, and the context has already told
        the person (a dialog offering the latest good backup), so the window goes on."""
        try:
            page.refresh()
        except DataFileError as exc:
            if exc.kind != "corrupt":
                raise

    def import_page(self, name: str) -> None:
        """Import the module of the page called `name`, and what it imports, without building
        the page: the first step of preparing it in idle time (`planner.ui.prepare`)."""
        page_class(name)

    def has_page(self, name: str) -> bool:
        """Whether the page called `name` is built (it is once shown, or once prepared)."""
        return name in self._pages

    def page_place(self) -> QRect:
        """Where a page shows, in the page stack: the place a hidden page is laid out at."""
        return self.stack.contentsRect()

    def show_page(self, name: str) -> Page:
        self.sidebar.setCurrentRow(PAGE_NAMES.index(name))
        return self.page(name)

    def current_page(self) -> Page:
        return self.page(PAGE_NAMES[max(self.sidebar.currentRow(), 0)])

    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        name = PAGE_NAMES[row]
        page = self.page(name)
        self.stack.setCurrentIndex(row)
        if name in self._stale:
            self._stale.discard(name)
            self._refresh(page)
        self.settings.set_last_page(self.ctx.path, name)

    def _on_changed(self, kinds: frozenset[str]) -> None:
        """Refresh the visible page now, and mark the others stale (refreshed when next shown),
        each only if it shows data of the kinds that changed."""
        current = PAGE_NAMES[self.sidebar.currentRow()]
        concerned = {name for name, page in self._pages.items() if page.concerns & kinds}
        self._stale.update(concerned - {current})
        if current in concerned:
            self._refresh(self._pages[current])

    def reload_all(self) -> None:
        self._stale.update(self._pages)
        self._on_row(self.sidebar.currentRow())

    def changeEvent(self, event: QEvent) -> None:
        """Reload when the window comes back after losing focus; not when it first gets it, just
        after start-up filled the page."""
        if event.type() == QEvent.Type.ActivationChange:
            if self.isActiveWindow() and self._was_away:
                self.reload_all()
            self._was_away = not self.isActiveWindow()
        super().changeEvent(event)

    # -- menus ----------------------------------------------------------------------------
    def _action(
        self, menu, text: str, slot: Callable, shortcut: str | QKeySequence | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._action(
            file, "&New data file…", self._new_file, QKeySequence(QKeySequence.StandardKey.New)
        )
        self._action(
            file, "&Open data file…", self._open_file, QKeySequence(QKeySequence.StandardKey.Open)
        )
        file.addSeparator()
        self.import_action = self._action(file, "&Import…", self._import)
        self.import_action.setEnabled(not self.ctx.read_only)
        self._action(file, "&Export…", self._export)
        restore = self._action(file, "&Restore from backup…", self._restore_backup)
        restore.setEnabled(not self.ctx.read_only)
        file.addSeparator()
        self._action(file, "&Quit", self.close, QKeySequence(QKeySequence.StandardKey.Quit))

        edit = bar.addMenu("&Edit")
        undo = self.ctx.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.ctx.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")]
        )
        edit.addActions([undo, redo])
        edit.addSeparator()
        log = self._action(edit, "Quick &log learning…", self.quick_log, "Ctrl+L")
        profile = self._action(edit, "&Profile…", self.edit_profile)
        for action in (undo, redo, log, profile):
            action.setEnabled(action.isEnabled() and not self.ctx.read_only)

        view = bar.addMenu("&View")
        for i, entry in enumerate(PAGES):
            self._action(
                view, entry.title, lambda _=False, n=entry.name: self.show_page(n), f"Ctrl+{i + 1}"
            )
        view.addSeparator()
        self.fold_action = self._action(view, "&Icons-only sidebar", self._toggle_fold)
        self.fold_action.setCheckable(True)
        self.fold_action.setChecked(self.side.folded)
        themes = view.addMenu("&Theme")
        group = QActionGroup(self)
        current = self.settings.get("view/theme")
        for key in THEMES:
            label = {"system": "Follow &system", "light": "&Light", "dark": "&Dark"}[key]
            action = self._action(themes, label, lambda _=False, k=key: self.set_theme(k))
            action.setCheckable(True)
            action.setChecked(key == current)
            group.addAction(action)

        help_menu = bar.addMenu("&Help")
        self._action(
            help_menu,
            "&Keyboard shortcuts",
            self._shortcuts,
            QKeySequence(QKeySequence.StandardKey.HelpContents),
        )
        self._action(help_menu, "&About Career Planner", self._about)

    def _toggle_fold(self) -> None:
        self.side.set_folded(self.fold_action.isChecked())
        self._remember_fold()

    def _remember_fold(self) -> None:
        self.fold_action.setChecked(self.side.folded)
        self.settings.set("view/sidebar_folded", int(self.side.folded))

    def set_theme(self, key: str) -> None:
        self.settings.set("view/theme", key)
        theme.apply(key)
        self.reload_all()

    def edit_profile(self) -> None:
        """Name, roles, plan start and goals: everything chosen at onboarding."""
        from planner.ui.dialogs.profile import open_profile

        open_profile(self.ctx, self)

    def quick_log(self) -> None:
        from planner.ui.dialogs.quick_log import QuickLogDialog

        QuickLogDialog(self.ctx, self).exec()

    def _new_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "New data file",
            str(self.ctx.path.parent / "planner.sqlite3"),
            "Career Planner data (*.sqlite3)",
        )
        if path:
            self.open_file.emit(path)

    def _open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open data file",
            str(self.ctx.path.parent),
            "Career Planner data (*.sqlite3);;All files (*)",
        )
        if path:
            self.open_file.emit(path)

    def _import(self) -> None:
        from planner.ui.dialogs.import_dialog import ImportDialog

        ImportDialog(self.ctx, self).exec()

    def _export(self) -> None:
        from planner.ui.dialogs.export_dialog import ExportDialog

        ExportDialog(self.ctx, self).exec()

    def _restore_backup(self) -> None:
        from planner.ui.dialogs.restore import RestoreDialog

        dialog = RestoreDialog(self.ctx, self)
        if dialog.exec() and dialog.chosen is not None:
            self.restore_backup.emit(str(dialog.chosen))

    def _shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in SHORTCUTS
        )
        QMessageBox.information(self, "Keyboard shortcuts", f"<table>{rows}</table>")

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Career Planner",
            f"<b>Career Planner {__version__}</b><p>Your AI/ML career, planned in one private file:"
            f"<br>{self.ctx.path}</p><p>Nothing leaves your machine.</p>",
        )

    # -- geometry -------------------------------------------------------------------------
    def bring_to_front(self) -> None:
        """Another launch asked for this file: show this window instead of a second one."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        self.reload_all()

    def _restore(self) -> None:
        geometry = self.settings.get("window/geometry")
        if geometry.isEmpty():
            fit_to_screen(self, 1280, 820)
        else:
            self.restoreGeometry(geometry)
        page = self.settings.last_page(self.ctx.path)
        self.show_page(page if page in PAGE_NAMES else "dashboard")

    def may_close(self) -> bool:
        """Ask every page holding unsaved input (Balance's typed hours) to settle it first."""
        return all(page.may_leave() for page in self._pages.values())

    def may_leave_file(self) -> bool:
        """Whether the window may leave its file (quit, or open another one): unsaved input
        settled first, then a running timer stopped, kept running or discarded, as asked."""
        return self.may_close() and self.timer_status.may_close()

    def closeEvent(self, event) -> None:
        if self.ask_before_closing and not self.may_leave_file():
            event.ignore()
            return
        for draft in self.findChildren(Draft):
            draft.write()  # closed without asking (told to stop): what was typed is kept
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)


def read_only_banner(path: Path) -> QLabel:
    """The strip that says why nothing can be changed, and how to change that."""
    banner = QLabel(
        f"<b>Read-only:</b> {path.name} cannot be changed here, because the file or its folder "
        "is not writable. You can look through everything; to edit, make the file and its "
        "folder writable (or copy the file somewhere you can write) and open it again."
    )
    banner.setObjectName("readOnlyBanner")
    banner.setWordWrap(True)
    banner.setContentsMargins(12, 8, 12, 8)
    banner.setStyleSheet("background: #fff8c5; color: #3b2300; border-bottom: 1px solid #d4a72c;")
    return banner


def app_instance() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([])
    assert isinstance(app, QApplication)
    return app
