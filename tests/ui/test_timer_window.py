"""The running timer in the window: shown on every page (status bar, title), stopped from the
status bar or the Learning page, shared with `planner timer`, asked about on close, kept to the
minute, and asked about when it was left running. Time comes from a settable clock."""

from __future__ import annotations

import ast
import datetime as dt
import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from ui_helpers import answer_boxes

from planner.app import main
from planner.services import learning, timer
from planner.storage.engine import open_database
from planner.ui.instance import claim
from planner.ui.launch import _Windows
from planner.ui.main_window import PAGE_NAMES, MainWindow
from planner.ui.settings import Settings
from planner.ui.timer_status import LeftRunningDialog

ACTIVITY = "Deep Learning with PyTorch"


class Clock:
    """Now, as the window's timer sees it; a test sets it instead of waiting."""

    def __init__(self) -> None:
        self.now = dt.datetime.now(dt.UTC).replace(microsecond=0)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def window(qtbot, demo_ctx) -> MainWindow:
    """The main window on the demo file, closed at teardown without the question a running
    timer asks (pytest-qt closes it before fixtures are torn down)."""
    win = MainWindow(demo_ctx, Settings())
    qtbot.addWidget(win, before_close_func=lambda w: setattr(w, "ask_before_closing", False))
    win.show()
    return win


@pytest.fixture
def clock(window) -> Clock:
    fake = Clock()
    window.timer_status.controller.clock = fake
    return fake


def sessions(ctx) -> list[learning.SessionRow]:
    return ctx.read(learning.sessions)


def stored(ctx) -> timer.TimerState | None:
    return ctx.read(timer.running)


def cli(ctx, *args: str) -> int:
    return main(["--db", str(ctx.path), "timer", *args])


def come_back(qtbot, window: MainWindow) -> None:
    """The person goes to a terminal and comes back: the window is activated again."""
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def start_in_learning_page(window: MainWindow, activity: str = ACTIVITY, note: str = ""):
    page = window.show_page("learning")
    page.timer.activity.setCurrentText(activity)
    page.timer.note.setText(note)
    page.timer.toggle.click()
    return page


def test_a_running_timer_shows_in_the_status_bar_and_title_on_every_page(window, clock) -> None:
    start_in_learning_page(window)
    clock.now += dt.timedelta(minutes=12, seconds=5)
    window.timer_status.controller.tick.emit()  # a second of the window's ticker
    for name in PAGE_NAMES:
        window.show_page(name)
        button = window.timer_status.button
        assert button.isVisible(), name
        assert button.text() == f"Timing 0:12:05 · {ACTIVITY} · Stop"
        assert window.windowTitle().startswith(f"0:12 {ACTIVITY} — Career Planner")


def test_the_status_bar_button_stops_and_logs_to_the_minute(window, clock) -> None:
    page = start_in_learning_page(window, note="ch 5")
    window.show_page("network")
    before = len(sessions(window.ctx))
    clock.now += dt.timedelta(minutes=44, seconds=31)
    window.timer_status.button.click()
    rows = sessions(window.ctx)
    assert len(rows) == before + 1
    new = max(rows, key=lambda r: r.id)
    assert (new.hours, new.activity, new.note) == (0.75, ACTIVITY, "ch 5")
    assert not window.timer_status.button.isVisible()
    assert window.windowTitle() == f"Career Planner — {window.ctx.path.name}"
    assert stored(window.ctx) is None
    assert page.timer.toggle.text() == "Start" and page.timer.activity.isEnabled()


def test_under_a_minute_says_so_and_logs_nothing(window, clock) -> None:
    page = start_in_learning_page(window)
    before = sessions(window.ctx)
    clock.now += dt.timedelta(seconds=45)
    page.timer.toggle.click()
    assert sessions(window.ctx) == before
    assert "45 s: under a minute, so nothing was logged" in page.timer.message.text()
    assert stored(window.ctx) is None


def test_the_timer_is_stored_when_it_starts_and_a_new_window_continues_it(
    qtbot, window, clock
) -> None:
    start_in_learning_page(window, note="kept")
    state = stored(window.ctx)
    assert state == timer.TimerState(clock.now, ACTIVITY, "kept")
    # A window on the same file, as after a relaunch: still running, from the stored start.
    again = MainWindow(window.ctx, Settings())
    qtbot.addWidget(again, before_close_func=lambda w: setattr(w, "ask_before_closing", False))
    again.show()
    assert again.timer_status.controller.state == state
    page = again.show_page("learning")
    assert page.timer.running and page.timer.toggle.text() == "Stop and log"
    assert page.timer.activity.currentText() == ACTIVITY and page.timer.note.text() == "kept"


def test_started_in_the_cli_and_stopped_in_the_window(qtbot, window, clock) -> None:
    page = window.show_page("learning")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert cli(window.ctx, "start", "--activity", ACTIVITY, "--note", "from the terminal") == 0
    come_back(qtbot, window)
    state = window.timer_status.controller.state
    assert state is not None and state.note == "from the terminal"
    assert window.timer_status.button.isVisible()
    assert page.timer.running and page.timer.activity.currentText() == ACTIVITY
    clock.now = state.started_at + dt.timedelta(minutes=20, seconds=40)
    window.timer_status.button.click()
    new = max(sessions(window.ctx), key=lambda r: r.id)
    assert (new.hours, new.note) == (pytest.approx(21 / 60), "from the terminal")


def test_started_in_the_window_and_stopped_in_the_cli(qtbot, window, clock, capsys) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    clock.now = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=30, seconds=10)
    page = start_in_learning_page(window)
    if stored(window.ctx).left_running(dt.datetime.now(dt.UTC)):
        pytest.skip("started before midnight: the left-running tests cover that")
    assert cli(window.ctx, "stop") == 0
    assert "Logged 30 min" in capsys.readouterr().out
    come_back(qtbot, window)
    assert not window.timer_status.button.isVisible()
    assert not page.timer.running and page.timer.toggle.text() == "Start"
    assert max(sessions(window.ctx), key=lambda r: r.id).hours == 0.5


@pytest.mark.parametrize(
    ("answer", "closes", "logged", "still_running"),
    [
        ("Stop and log", True, 0.5, False),
        ("Keep running", True, None, True),
        ("Discard", True, None, False),
        ("Cancel", False, None, True),
    ],
)
def test_closing_with_a_timer_running_asks(
    window, clock, answer, closes, logged, still_running
) -> None:
    start_in_learning_page(window)
    clock.now += dt.timedelta(minutes=30)
    before = len(sessions(window.ctx))
    seen = answer_boxes(answer)
    window.close()
    assert seen and "has run 30 min" in seen[0]
    assert window.isVisible() is not closes
    rows = sessions(window.ctx)
    if logged is None:
        assert len(rows) == before
    else:
        assert max(rows, key=lambda r: r.id).hours == logged
    assert (stored(window.ctx) is not None) is still_running


def test_closing_without_a_timer_asks_nothing(window) -> None:
    seen = answer_boxes("Cancel")
    window.close()
    QApplication.processEvents()
    assert not window.isVisible()
    assert seen == []


def answer_left_running(choice: str, hours: float | None = None) -> list[str]:
    """Answer the "timer left running" dialog when it opens; returns its text."""
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LeftRunningDialog):
            QTimer.singleShot(10, answer)
            return
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        if hours is not None:
            dialog.hours.setValue(hours)
        next(b for b in dialog.findChildren(QPushButton) if b.text() == choice).click()

    QTimer.singleShot(0, answer)
    return seen


def test_a_timer_left_running_past_midnight_asks_what_to_log(window, clock) -> None:
    yesterday = dt.date.today() - dt.timedelta(days=1)
    start = dt.datetime.combine(yesterday, dt.time(21, 10)).astimezone()
    with window.ctx.db.session() as s:
        timer.start(s, start, ACTIVITY)
    window.timer_status.controller.refresh()
    clock.now = dt.datetime.combine(dt.date.today(), dt.time(8, 0)).astimezone()
    before = len(sessions(window.ctx))

    seen = answer_left_running("Keep running")  # the default is never the whole night
    window.timer_status.button.click()
    assert "ran past midnight" in seen[0] and "probably left running" in seen[0]
    assert len(sessions(window.ctx)) == before and stored(window.ctx) is not None

    seen = answer_left_running("Log", hours=1.5)
    window.timer_status.button.click()
    new = max(sessions(window.ctx), key=lambda r: r.id)
    assert (new.hours, new.date, new.activity) == (1.5, yesterday, ACTIVITY)
    assert stored(window.ctx) is None


def test_a_timer_of_more_than_12_hours_can_be_discarded(window, clock) -> None:
    page = start_in_learning_page(window)
    clock.now += dt.timedelta(hours=30)
    before = len(sessions(window.ctx))
    seen = answer_left_running("Discard")
    page.timer.toggle.click()
    assert seen and "Discard" not in seen[0]
    assert len(sessions(window.ctx)) == before
    assert stored(window.ctx) is None


def test_the_left_running_dialog_keeps_hours_and_end_time_together(qtbot) -> None:
    start = dt.datetime(2026, 3, 2, 21, 10).astimezone()
    state = timer.TimerState(start.astimezone(dt.UTC), None, "")
    dialog = LeftRunningDialog(state, start + dt.timedelta(hours=14), None)
    qtbot.addWidget(dialog)
    assert dialog.hours.value() == 1.0  # a guess to change, never the 14 hours
    dialog.hours.setValue(2.5)
    assert dialog.until.dateTime().toPython() == dt.datetime(2026, 3, 2, 23, 40)
    dialog.until.setDateTime(dialog.until.dateTime().addSecs(-30 * 60))
    assert dialog.hours.value() == 2.0
    assert dialog.hours.maximum() == 14.0


def test_a_stop_can_be_undone_and_redone(window, clock) -> None:
    start_in_learning_page(window)
    state = stored(window.ctx)
    before = len(sessions(window.ctx))
    clock.now += dt.timedelta(minutes=40)
    window.timer_status.button.click()
    assert len(sessions(window.ctx)) == before + 1
    window.ctx.undo_stack.undo()
    assert stored(window.ctx) == state  # running again, from its first start
    assert len(sessions(window.ctx)) == before
    assert window.timer_status.button.isVisible()
    window.ctx.undo_stack.redo()
    assert stored(window.ctx) is None
    assert max(sessions(window.ctx), key=lambda r: r.id).hours == pytest.approx(40 / 60)


def test_the_first_paint_shows_a_running_timer_before_sqlalchemy_loads(demo_db, tmp_path) -> None:
    """A relaunch paints the dashboard straight from the file (planner.ui.launch): the timer
    stored by an earlier session is in the status bar and title on that first paint."""
    with demo_db.session() as s:
        timer.start(s, dt.datetime.now(dt.UTC) - dt.timedelta(minutes=20), ACTIVITY)
    demo_db.close()
    code = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtWidgets import QApplication
        from planner.ui import startup_trace

        def say(line):
            if line == startup_trace.TEXT_PAINTED:
                window = next(w for w in QApplication.topLevelWidgets() if w.isVisible())
                window.ask_before_closing = False
                print(repr(("sqlalchemy" in sys.modules, window.windowTitle(),
                            window.timer_status.button.text())), flush=True)
                QApplication.instance().quit()

        startup_trace._say = say
        from planner.app import main

        main(["--db", {str(demo_db.path)!r}])
        """
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PLANNER_TRACE_STARTUP="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    loaded, title, status = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    assert not loaded
    assert title.startswith(f"0:20 {ACTIVITY} — Career Planner")
    assert status.startswith("Timing 0:20:") and ACTIVITY in status


@pytest.mark.parametrize(
    ("answer", "opened", "still_running"),
    [("Keep running", True, True), ("Stop and log", True, False), ("Cancel", False, True)],
)
def test_opening_another_file_with_a_timer_running_asks_as_quitting_does(
    qtbot, demo_db, demo_template, tmp_path, answer, opened, still_running
) -> None:
    """File › Open leaves the file as quitting does: the timer is stopped and logged, left
    running in its file, or the file stays open."""
    here, other = demo_db.path, tmp_path / "other.sqlite3"
    shutil.copyfile(demo_template, other)
    with demo_db.session() as s:
        timer.start(s, timer.utc_now() - dt.timedelta(minutes=30))
        before = len(learning.sessions(s))
    demo_db.close()
    windows = _Windows(Settings(), prepare_pages=False)
    windows.show_then_open(here, False, claim(here))
    qtbot.waitUntil(lambda: windows.ctx is not None and windows.ctx.is_open, timeout=20_000)
    seen = answer_boxes(answer)
    windows.switch(str(other))
    assert seen and "has run 30 min" in seen[0]
    assert windows.ctx is not None and (windows.ctx.path == other) is opened
    if opened:
        left = open_database(here)
        with left.session() as s:
            assert (timer.running(s) is not None) is still_running
            assert len(learning.sessions(s)) == before + (0 if still_running else 1)
        left.close()
    assert windows.window is not None
    windows.window.ask_before_closing = False
    windows.close_current()
