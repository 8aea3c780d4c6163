"""Start-up paints the dashboard's figures read straight from the file, before it loads
matplotlib for the chart or SQLAlchemy for the database, then draws the chart, then opens the
database: what the benchmark's start-up figures measure. And a stop signal closes the window the
normal way, so the next start is not treated as one after a crash."""

from __future__ import annotations

import ast
import os
import signal
import subprocess
import sys
import textwrap

from planner.ui.instance import claim, lock_path


def _env(tmp_path) -> dict[str, str]:
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PLANNER_TRACE_STARTUP="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )


def test_the_figures_are_painted_before_matplotlib_and_sqlalchemy_load_then_the_chart(
    demo_db, tmp_path
) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        from planner.ui import startup_trace

        said = []

        def say(line):
            said.append((line, "matplotlib" in sys.modules, "sqlalchemy" in sys.modules))
            if line == startup_trace.CHARTS_DRAWN:
                from PySide6.QtWidgets import QApplication

                QApplication.instance().quit()

        startup_trace._say = say
        from planner.app import main

        main(["--db", {str(demo_db.path)!r}])
        print(said)
        """
    )
    demo_db.close()
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    said = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    assert said == [
        ("planner-trace: dashboard painted", False, False),
        ("planner-trace: charts drawn", True, False),
    ]
    assert not lock_path(demo_db.path).exists()  # closed before the database ever opened


def test_a_stop_signal_closes_the_window_normally(qapp, demo_db, tmp_path) -> None:
    """SIGTERM (a session ending, `kill`): the window closes the normal way, so the lock is
    gone and the next start is a clean one, not one after a crash."""
    demo_db.close()
    env = _env(tmp_path)
    app = subprocess.Popen(
        [sys.executable, "-m", "planner", "--db", str(demo_db.path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert app.stderr is not None
    for line in app.stderr:  # the window is up and about to open the database
        if "charts drawn" in line:
            break
    app.send_signal(signal.SIGTERM)
    assert app.wait(timeout=60) == 0
    assert not lock_path(demo_db.path).exists()
    again = claim(demo_db.path)
    assert again is not None and not again.unclean
    again.release()
