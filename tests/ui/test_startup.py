"""Start-up paints the dashboard's figures before it loads matplotlib for the chart, and then
draws the chart: what the benchmark's start-up figures measure."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap


def test_the_figures_are_painted_before_matplotlib_loads_then_the_chart_is_drawn(
    demo_db, tmp_path
) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        from planner.ui import startup_trace

        said = []

        def say(line):
            said.append((line, "matplotlib" in sys.modules))
            if line == startup_trace.CHARTS_DRAWN:
                from PySide6.QtWidgets import QApplication

                QApplication.instance().quit()

        startup_trace._say = say
        from planner.app import main

        main(["--db", {str(demo_db.path)!r}])
        print(said)
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
    said = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    assert said == [
        ("planner-trace: dashboard painted", False),
        ("planner-trace: charts drawn", True),
    ]
