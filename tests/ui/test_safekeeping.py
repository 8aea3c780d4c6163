"""Automatic backups while the app runs: only after a change, on a timer and on close."""

from __future__ import annotations

import datetime as dt
import sqlite3

from planner.services import learning
from planner.storage.location import backup_dir
from planner.ui.context import AppContext
from planner.ui.safekeeping import Safekeeper


def _backups(ctx: AppContext) -> list:
    folder = backup_dir(ctx.db.path)
    return sorted(folder.glob("*.sqlite3")) if folder.exists() else []


def test_nothing_changed_means_no_backup(ctx: AppContext) -> None:
    keeper = Safekeeper(ctx)
    keeper.close()
    assert _backups(ctx) == []


def test_a_change_is_backed_up_on_close_with_the_change_inside(ctx: AppContext) -> None:
    keeper = Safekeeper(ctx)
    ctx.write("a change", learning.log_session, 1.5, dt.date(2026, 11, 20), None, "attention paper")
    keeper.close()
    [backup] = _backups(ctx)
    assert "on-close" in backup.name
    with sqlite3.connect(backup) as con:
        assert con.execute("SELECT hours FROM learning_session").fetchall() == [(1.5,)]


def test_the_timer_backs_up_after_a_change_and_not_again_until_the_next(qtbot, ctx) -> None:
    keeper = Safekeeper(ctx, interval_ms=20)
    ctx.write("a change", learning.log_session, 1.0, dt.date(2026, 11, 20), None, "")
    qtbot.waitUntil(lambda: len(_backups(ctx)) == 1)
    assert "auto" in _backups(ctx)[0].name
    assert not keeper.changed_since_backup
    ctx.write("a change", learning.log_session, 2.0, dt.date(2026, 11, 21), None, "")
    qtbot.waitUntil(lambda: len(_backups(ctx)) == 2)
    keeper.close()
    assert len(_backups(ctx)) == 2  # closing after the last backup adds no identical copy
