"""The floor for start-up: a bare PySide6 main window, shown the way the app shows its own.

Prints the same line as the app's start-up trace when the window has first been painted.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

#: The app's line (planner.ui.startup_trace.TEXT_PAINTED), spelled out so that this floor
#: imports nothing but Qt.
TEXT_PAINTED = "planner-trace: dashboard painted"


class _FirstPaint(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, lambda: print(TEXT_PAINTED, file=sys.stderr, flush=True))
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1280, 820)
    spy = _FirstPaint()
    window.installEventFilter(spy)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
