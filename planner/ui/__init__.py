"""The desktop app (PySide6 Widgets). Screens call `planner.services`; they never build SQL."""

from planner.ui.pyside_check import install

install()  # before the app's modules import: PySide6 looks at each of them
