"""The one place that wires everything: arguments -> data file path -> open/migrate -> GUI or CLI.

Start-up stays lean: the command line never imports Qt or matplotlib, and the GUI is imported
only when no subcommand is given.

What start-up loads (SQLAlchemy, the models, Qt) lives as long as the process, so the garbage
collector is paused while it loads and then told to leave it alone (`gc.freeze`): every full
collection would walk those hundreds of thousands of objects for nothing, and so would the one
Python runs on exit, a large share of a short command such as `planner week`.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager


@contextmanager
def _loading() -> Iterator[None]:
    """No garbage collection while modules load: nothing they create is garbage yet."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app or a command. Without `argv` this is the process's own command line, and the
    process ends when this returns; callers in the same process (tests) pass `argv`, and their
    objects are never frozen."""
    whole_process = argv is None
    with _loading():
        from planner.cli import main as cli
    try:
        args = cli.build_parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error already printed on one line
        return int(stop.code or 0)
    if args.command is not None:
        code = cli.run(args)
        if whole_process:
            gc.freeze()  # exiting next: the last collection would only find what exit frees
        return code
    with _loading():
        from planner.ui.launch import launch  # Qt only when a window is wanted
    if whole_process:
        gc.freeze()
    return launch(args)


if __name__ == "__main__":
    sys.exit(main())
