"""The command line, `planner COMMAND ...`: the same rules and data file as the window, no Qt.

- `main`: the parser and the dispatch (`build_parser`, `run`) that `planner.app` calls, and the
  everyday commands (log, hours, targets, week, roles, role, target, skill, gap, contacts,
  import, export, demo).
- `datafile`: the commands about the file itself (backup, backups, restore, check), which run
  on its path without opening it, so a damaged file can still be restored and checked.
- `newfile`: which commands may make a new data file, and `planner init`.
- `guides`, `postings`, `profile`, `timer`: the commands of those names.

Each command imports the services it uses when it runs, so `planner --help` loads no
SQLAlchemy and no command loads Qt.
"""
