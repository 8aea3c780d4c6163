"""The layering rule of DESIGN.md, enforced: rules and data never import Qt or matplotlib."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold(capsys) -> None:
    from importlinter.cli import lint_imports

    status = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    assert status == 0, capsys.readouterr().out


def test_command_line_starts_without_qt_or_matplotlib() -> None:
    code = (
        "import sys, planner.app, planner.cli.main;"
        "bad = [m for m in ('PySide6', 'matplotlib', 'alembic') if m in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_window_and_pages_import_without_matplotlib_or_alembic() -> None:
    """Charts and migrations load only when needed, so the window paints sooner."""
    code = (
        "import sys; import planner.ui.main_window as m;"
        "[m.page_class(n) for n in m.PAGE_NAMES];"
        "bad = [x for x in ('matplotlib', 'alembic') if x in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
