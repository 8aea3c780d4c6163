"""The command line run in-process through `planner.app.main` against a real file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner.app import main


@pytest.fixture
def planner(fresh_template: Path, db_path: Path, capsys):
    """Run `planner --db FILE ARGS...` on a data file as `planner init` makes it; returns (exit
    code, stdout, stderr). (Commands on a path with no file: `tests/cli/test_new_file.py`.)"""
    shutil.copyfile(fresh_template, db_path)
    db_path.chmod(0o600)

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(db_path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run
