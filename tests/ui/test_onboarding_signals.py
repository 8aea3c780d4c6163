"""SIGTERM and Ctrl+C close the onboarding dialog cleanly (issue 12 §5): a real child process,
a real signal, while the dialog waits for the person. The onboarding runs before the
application's own event loop, where `QApplication.quit()` does nothing, so both were ignored."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from planner.ui.instance import claim, lock_path

#: Runs the app on a new file, saying on stdout when the onboarding dialog is up and waiting.
CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from planner.ui.dialogs import onboarding

    waiting = onboarding.OnboardingDialog.exec

    def exec_and_say(self):
        QTimer.singleShot(0, lambda: print("onboarding shown", flush=True))
        return waiting(self)

    onboarding.OnboardingDialog.exec = exec_and_say
    from planner.app import main

    sys.exit(main(["--db", sys.argv[1]]))
    """
)


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_closes_the_onboarding(tmp_path: Path, number: signal.Signals) -> None:
    path = tmp_path / "new.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    app = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert app.stdout is not None
    try:
        assert app.stdout.readline().strip() == "onboarding shown"
        app.send_signal(number)
        assert app.wait(timeout=60) == 0
    finally:
        if app.poll() is None:  # without the fix it waits for ever: fail, do not hang
            app.kill()
            app.wait()
    assert "Traceback" not in app.stderr.read()
    assert not lock_path(path).exists()  # the file's lock was released on the way out
    again = claim(path)
    assert again is not None and not again.unclean
    again.release()
