"""The data file: where it lives, what it is, opening it, backing it up, putting a backup back.

- `location`: where the file and its backups live (`--db`, `$PLANNER_DB`, the user's folder).
- `probe`: what a file is, read with the standard library alone (schema revision, the
  application_id mark, how this user may open it); the window's first paint reads it, so it
  never imports SQLAlchemy or the models.
- `engine`: the SQLAlchemy engine and its pragmas, `Database.session()` (one transaction per
  action), migrations on open (`open_database`).
- `backups`: `take_backup`, the one way a backup is taken (verified, renamed, rotated).
- `restore`: a backup put back in place of the file, whether or not the file still opens.
- `check`: `planner check`, SQLite's checks and the app's own invariants.
- `undo`: what each action in the window changed, row by row, so that Ctrl+Z and
  Ctrl+Shift+Z take it back and do it again.
- `errors`: what went wrong with the file (`DataFileError`, `SaveError`) and the way out.

Each module is imported by its own name; this package re-exports nothing, so importing one
part (the probe, at first paint) never loads another (the engine).
"""
