"""GUI fixtures: settings in a temporary folder, an app context over a real file, a window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings

from planner.storage.engine import Database
from planner.ui.context import AppContext


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Never read or write the developer's own settings."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture
def ctx(qapp, db: Database) -> AppContext:
    from planner.ui import theme

    theme.apply("light")
    return AppContext(db)


@pytest.fixture
def demo_ctx(qapp, demo_db: Database) -> AppContext:
    from planner.ui import theme

    theme.apply("light")
    return AppContext(demo_db)


@pytest.fixture
def window(qtbot, demo_ctx: AppContext) -> Iterator:
    from planner.ui.main_window import MainWindow
    from planner.ui.settings import Settings

    win = MainWindow(demo_ctx, Settings())
    qtbot.addWidget(win)
    win.show()
    yield win
