"""The command line run in-process through `planner.app.main` against a real file."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.app import main


@pytest.fixture
def planner(db_path: Path, capsys):
    """Run `planner --db FILE ARGS...`; returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(db_path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run
