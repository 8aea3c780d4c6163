"""The desktop app (PySide6 Widgets). Screens call `planner.services`; they never build SQL."""
