"""PySide6's look at each imported module reads nothing from disk (`ui/pyside_check.py`), and
still tells the modules that hold PySide6 from those that do not."""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

from PySide6 import QtCore
from PySide6.QtWidgets import QWidget

import planner.ui  # noqa: F401  (installs the check)
from planner.ui.pyside_check import uses_pyside


def module_with(**names: object) -> ModuleType:
    module = ModuleType("sample")
    vars(module).update(names)
    return module


def test_a_module_holding_a_pyside_class_or_module_uses_pyside() -> None:
    assert uses_pyside(module_with(QWidget=QWidget))
    assert uses_pyside(module_with(QtCore=QtCore))
    assert not uses_pyside(module_with(sys=sys, text="PySide6", number=1))


def test_importing_a_module_no_longer_reads_its_source(tmp_path, monkeypatch) -> None:
    source = tmp_path / "freshly_imported_sample.py"
    source.write_text("from PySide6.QtCore import QObject\nvalue = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    feature = sys.modules["PySide6.support.feature"]
    assert feature._mod_uses_pyside is uses_pyside
    module = __import__("freshly_imported_sample")  # through PySide6's wrapper, as `import` does
    try:
        assert module.value == 1
        assert str(source) not in linecache.cache  # PySide6 used to read and keep it
    finally:
        del sys.modules["freshly_imported_sample"]
