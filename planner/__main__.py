"""`python -m planner` runs the same entry point as the `planner` command."""

from planner.app import main

raise SystemExit(main())
