"""The installed app must contain every package of the source tree: `pip install .` builds a
wheel from pyproject's explicit package list, and a package missing there crashes on start."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_source_package_ships_in_the_wheel() -> None:
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(setup["packages"])
    mapped = {name: ROOT / folder for name, folder in setup["package-dir"].items()}
    on_disk = set()
    for init in (ROOT / "planner").rglob("__init__.py"):
        parts = init.parent.relative_to(ROOT).parts
        on_disk.add(".".join(parts))
    for name, folder in mapped.items():
        for init in folder.rglob("__init__.py"):
            rest = init.parent.relative_to(folder).parts
            on_disk.add(".".join((name, *rest)))
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert listed - on_disk == set(), "these listed packages do not exist"
