"""What to do when Qt cannot open a window at all, said in plain words.

On a fresh Linux machine Qt's xcb plugin needs a few X libraries that desktop installs have and
minimal ones lack; Qt then prints "xcb-cursor0 or libxcb-cursor0 is needed…" and aborts with a
core dump. While the application object is made, a message handler watches Qt's messages: on
the fatal one it adds the one apt line that fixes it (or says there is no display), and exits
with status 1 instead of aborting. Qt's own messages are still printed, as Qt prints them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

#: The libraries Qt's xcb plugin needs beyond a bare X client (Qt 6.5 and later).
XCB_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 "
    "libxcb-xkb1 libxkbcommon-x11-0"
)
APT_LINE = f"sudo apt install {XCB_PACKAGES}"
EXIT_NO_WINDOW = 1


def hint(qt_said: str) -> str:
    """The advice for what Qt said on its way out."""
    lines = [
        "planner: Career Planner could not open a window: Qt could not load its platform plugin.",
        "On Debian or Ubuntu, install the libraries Qt needs to draw windows, then start again:",
        f"  {APT_LINE}",
        "macOS and Windows need nothing extra.",
    ]
    if "connect to display" in qt_said or not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        lines.append(
            "There seems to be no display here (DISPLAY is unset or unreachable): run the app "
            "in a desktop session; the command line ('planner --help') works without one."
        )
    return "\n".join(lines)


@contextmanager
def explained() -> Iterator[None]:
    """Within this block (making the QApplication), a fatal Qt message ends the process with the
    hint and status 1 rather than Qt's abort."""
    said: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category if context.category not in (None, "default") else ""
        text = f"{category}: {message}" if category else message
        said.append(text)
        print(text, file=sys.stderr, flush=True)
        if kind == QtMsgType.QtFatalMsg:
            print(hint("\n".join(said)), file=sys.stderr, flush=True)
            os._exit(EXIT_NO_WINDOW)  # Qt would abort() next: no core dump for a missing library

    previous: Callable[..., None] | None = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
