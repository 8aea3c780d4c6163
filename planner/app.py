"""The one place that wires everything: arguments -> data file path -> open/migrate -> GUI or CLI.

Start-up stays lean: the command line never imports Qt or matplotlib, and the GUI is imported
only when no subcommand is given.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from planner import cli


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = cli.build_parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error already printed on one line
        return int(stop.code or 0)
    if args.command is not None:
        return cli.run(args)
    from planner.ui.launch import launch  # Qt only when a window is wanted

    return launch(args)


if __name__ == "__main__":
    sys.exit(main())
