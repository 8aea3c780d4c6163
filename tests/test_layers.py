"""The layering rules, enforced: imports point down and rules and data never import Qt or
matplotlib (import-linter), the first paint reads the file without SQLAlchemy, and every name is
imported from the services module that defines it."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
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


def test_the_first_paint_reads_the_file_without_sqlalchemy(demo_db) -> None:
    """The window paints the dashboard and the running timer from the file before SQLAlchemy
    loads (`planner.ui.launch`). The services it imports hold ORM writes too, which import the
    models inside themselves, and import-linter counts those imports: so a fresh interpreter
    imports what the first paint imports, runs every reader those imports registered on the
    closed file over a read-only sqlite3 connection, and SQLAlchemy must still not be loaded;
    nor OpenSSL (hashlib) for a name, nor QtNetwork, which the window listens with after it
    shows."""
    demo_db.close()
    code = textwrap.dedent(
        f"""
        import sys
        from contextlib import closing
        from pathlib import Path

        import planner.ui.launch
        import planner.ui.timer_status
        from planner.storage.probe import connect_read_only
        from planner.services.sql import READERS
        from planner.ui.main_window import page_class
        from tests.plain_sql_calls import key, run

        page_class("dashboard")
        with closing(connect_read_only(Path({str(demo_db.path)!r}))) as con:
            for reader in READERS:
                run(reader, con)
        heavy = ("sqlalchemy", "planner.storage.engine", "planner.models", "hashlib")
        heavy += ("PySide6.QtNetwork",)  # the socket later launches wake the window by
        loaded = [m for m in heavy if m in sys.modules]
        print(repr((loaded, sorted(key(reader) for reader in READERS))))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    loaded, ran = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    assert loaded == []
    assert {"dashboard.summary", "profile.needs_onboarding", "timer.running"} <= set(ran)


def _defined_in(path: Path) -> set[str]:
    """The names a module binds itself at top level (defs, classes, assignments, also under
    `if TYPE_CHECKING:`), not the ones it imports."""
    names: set[str] = set()

    def walk(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names.update(n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name))
            elif isinstance(node, ast.If):
                walk(node.body)
                walk(node.orelse)

    walk(ast.parse(path.read_text(encoding="utf-8")).body)
    return names


def test_names_are_imported_from_the_services_module_that_defines_them() -> None:
    """No services module passes on another's names: a caller importing `X` from
    `planner.services.m`, or reading `m.X`, finds `X` defined in `m`, so the module a name is
    imported from is where its rule lives."""
    services = ROOT / "planner" / "services"
    defined = {path.stem: _defined_in(path) for path in services.glob("*.py")}
    wrong = []
    sources = [*ROOT.glob("planner/**/*.py"), *ROOT.glob("tests/**/*.py")]
    for path in sorted(p for p in sources if "migrations" not in p.parts):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules: dict[str, str] = {}  # the local name of `from planner.services import m`
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or node.module is None:
                continue
            if node.module == "planner.services":
                modules.update((a.asname or a.name, a.name) for a in node.names)
            elif node.module.startswith("planner.services."):
                module = node.module.split(".")[2]
                wrong += [
                    f"{path.relative_to(ROOT)}:{node.lineno} imports {a.name} from {module}"
                    for a in node.names
                    if a.name not in defined[module]
                ]
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and modules.get(node.value.id) in defined
                and node.attr not in defined[modules[node.value.id]]
            ):
                module = modules[node.value.id]
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} reads {module}.{node.attr}")
    assert not wrong, "\n".join(wrong)
