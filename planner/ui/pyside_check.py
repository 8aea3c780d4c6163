"""PySide6's look at every module imported after it, made cheap.

Once PySide6 is imported it wraps `__import__`, and for each module imported after it decides
whether the module "uses PySide6", for PySide6's opt-in `__feature__` switches (snake_case
names, true properties), by reading the module's whole source and searching it for the word
(`shibokensupport.feature._mod_uses_pyside`, through `inspect.getsource`). On the project's
machine that reading took 9 ms of start-up before the first paint and 48 ms before the
dashboard's chart (340 modules: matplotlib, numpy, the pages), and linecache kept every source
it read (about 20 MB). This answers the same question from what the module holds once it has
run: a PySide6 module, or a class from one. The app uses no `__feature__` switch, so the answer
changes nothing else.
"""

from __future__ import annotations

import sys
from types import ModuleType


def uses_pyside(module: ModuleType) -> bool:
    """Whether `module` holds a PySide6 module or a class defined in one."""
    for value in list(vars(module).values()):
        if isinstance(value, ModuleType):
            origin = value.__name__
        elif isinstance(value, type):
            origin = value.__module__
        else:
            continue
        if isinstance(origin, str) and origin.startswith("PySide6"):
            return True
    return False


def install() -> None:
    """Use `uses_pyside` for PySide6's check, when PySide6 has that check to replace."""
    import PySide6  # noqa: F401  (installs the import wrapper and its feature module)

    feature = sys.modules.get("PySide6.support.feature")
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        feature._mod_uses_pyside = uses_pyside
