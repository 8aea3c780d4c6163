"""One window per data file: the lock, waking the running window, and launches racing."""

from __future__ import annotations

import os
import selectors
import shutil
import subprocess
import sys
from pathlib import Path

from ui_helpers import crash_holding_lock

from planner.ui.instance import claim, wake_running


def test_a_second_claim_on_the_same_file_wakes_the_first(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "planner.sqlite3"
    first = claim(path)
    assert first is not None and not first.unclean
    woken: list[bool] = []
    first.listen(lambda: woken.append(True))

    assert claim(path) is None  # the file is taken while the first window holds it
    assert wake_running(path)
    qtbot.waitUntil(lambda: woken == [True])

    first.release()
    again = claim(path)
    assert again is not None and not again.unclean  # a clean close leaves no lock behind
    again.release()


def test_a_crashed_window_leaves_no_lasting_lock_but_marks_the_next_start_unclean(
    tmp_path: Path,
) -> None:
    path = tmp_path / "planner.sqlite3"
    crash_holding_lock(path)
    instance = claim(path)
    assert instance is not None, "a dead process's lock must not keep the file locked"
    assert instance.unclean
    instance.release()


def test_twenty_launches_at_once_give_exactly_one_window(demo_template: Path, tmp_path) -> None:
    path = tmp_path / "planner.sqlite3"
    shutil.copyfile(demo_template, path)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    launches = [
        subprocess.Popen(
            [sys.executable, "-m", "planner", "--db", str(path)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(20)
    ]
    try:
        # Every launch but one finds the file taken, wakes the window and exits: wait for the
        # output pipes to close (without waiting on the one that keeps its window open).
        selector = selectors.DefaultSelector()
        for proc in launches:
            selector.register(proc.stdout, selectors.EVENT_READ, proc)
        outputs: dict[subprocess.Popen, str] = {p: "" for p in launches}
        closed = []
        while len(closed) < 19:
            events = selector.select(timeout=120)
            assert events, f"only {len(closed)} launches ended"
            for key, _ in events:
                chunk = key.fileobj.readline()
                if chunk:
                    outputs[key.data] += chunk
                else:
                    selector.unregister(key.fileobj)
                    closed.append(key.data)
        for proc in closed:
            assert proc.wait(timeout=60) == 0, proc.stderr.read()
            assert "already open" in outputs[proc]
        running = [p for p in launches if p.poll() is None]
        assert len(running) == 1
    finally:
        for proc in launches:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
