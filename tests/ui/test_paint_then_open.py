"""The window shown before its database opens (see planner.ui.launch): the dashboard painted
from the file with sqlite3, then the database opened once the chart has drawn, and every way
that open can go."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from ui_helpers import answer_boxes

from planner.services import dashboard, learning
from planner.storage.engine import open_database
from planner.ui.context import AppContext
from planner.ui.instance import claim, lock_path
from planner.ui.launch import _paintable, _Windows
from planner.ui.settings import Settings


def _figures(page) -> list[str]:
    cards = (page.readiness, page.learning, page.balance, page.milestones, page.contacts)
    return [page.week_label.text()] + [
        text
        for card in cards
        for text in (card.title.text(), card.figure.text(), card.detail.text())
    ]


def test_the_dashboard_is_painted_from_the_file_then_the_database_opens(qtbot, demo_db) -> None:
    path = demo_db.path
    expected = AppContext(demo_db).read(dashboard.summary, dt.date.today())
    total = AppContext(demo_db).read(learning.session_totals).hours
    demo_db.close()
    instance = claim(path)
    assert instance is not None and _paintable(path, instance, Settings()) is False
    windows = _Windows(Settings())
    windows.show_then_open(path, False, instance)
    assert windows.window is not None and windows.ctx is not None
    qtbot.addWidget(windows.window)
    page = windows.window.page("dashboard")
    assert not windows.ctx.is_open  # painted from the file: the database is not open yet
    assert page.summary == expected
    painted = _figures(page)
    assert page.quick_log.activity.count() == 1  # "(no activity)" until the database opens

    qtbot.waitUntil(lambda: windows.ctx is not None and windows.ctx.is_open, timeout=20_000)
    assert _figures(page) == painted  # the database reads the same figures
    assert windows.keeper is not None  # automatic backups start with the open database
    assert page.quick_log.activity.count() > 1  # the active activities are offered now

    page.quick_log.hours.setValue(1.5)
    qtbot.keyClick(page.quick_log.hours, Qt.Key.Key_Return)
    assert windows.ctx.read(learning.session_totals).hours == round(total + 1.5, 2)
    assert page.summary.learning_hours == expected.learning_hours + 1.5
    windows.close_current()
    assert not lock_path(path).exists()


def test_a_file_that_fails_to_open_after_the_paint_offers_the_ways_out(qtbot, demo_db) -> None:
    """Damage between the paint and the open (another program wrote over the file): the
    person gets the message with its choices, and quitting leaves the file as it is."""
    path = demo_db.path
    demo_db.close()
    instance = claim(path)
    windows = _Windows(Settings())
    windows.show_then_open(path, False, instance)
    qtbot.addWidget(windows.window)
    ruined = b"\x00" * 8192
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.write_bytes(ruined)

    seen = answer_boxes("Quit")
    qtbot.waitUntil(lambda: windows.window is None, timeout=20_000)
    assert seen and ("damaged" in seen[0] or "not a Career Planner" in seen[0])
    assert path.read_bytes() == ruined
    assert not lock_path(path).exists()


def test_files_needing_more_than_a_read_take_the_ordinary_way(qapp, demo_db) -> None:
    """Older files need migrating, files last shown on another page need the database for that
    page: those are opened (with every check) before the window shows."""
    path = demo_db.path
    demo_db.close()
    instance = claim(path)
    assert instance is not None
    settings = Settings()
    settings.set_last_page(path, "skills")
    assert _paintable(path, instance, settings) is None
    settings.set_last_page(path, "dashboard")
    assert _paintable(path, instance, settings) is False
    instance.release()
    database = open_database(path)
    with database.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0002'")
    database.close()
    instance = claim(path)
    assert instance is not None
    assert _paintable(path, instance, settings) is None
    instance.release()
