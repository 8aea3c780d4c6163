"""When Qt cannot load its platform plugin (a fresh Linux machine without the xcb libraries, no
display, a missing plugin), the app says what to install and exits with status 1, instead of
Qt's message alone and an abort (issue 12 §6). Real child processes, as a person starts it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.ui.platform_hint import XCB_PACKAGES


@pytest.mark.parametrize("platform", ["xcb", "no-such-plugin"])
def test_no_platform_plugin_prints_the_apt_line_and_exits_1(tmp_path: Path, platform: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM=platform, XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    path = tmp_path / "x.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "planner", "--db", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1  # not Qt's abort (-6, and a core dump)
    assert f"sudo apt install {XCB_PACKAGES}" in result.stderr
    assert "macOS and Windows need nothing extra" in result.stderr
    assert "platform plugin" in result.stderr  # Qt's own words are still there
    assert "Traceback" not in result.stderr
    assert not path.exists()  # no window, no file
