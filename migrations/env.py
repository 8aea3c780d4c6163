"""Alembic environment shared by the app and Alembic's command line.

The app passes its own connection in `config.attributes["connection"]` (one transaction, foreign
keys already off). The command line gets an engine for `$PLANNER_DB` (or the default data file)
with the same pragmas. Logging is configured only for the command line: `fileConfig()` inside the
app would silence the app's own loggers.
"""

from __future__ import annotations

from alembic import context

from planner.models import Base

config = context.config


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Offline (--sql) migrations are not supported; give PLANNER_DB a file.")

shared = config.attributes.get("connection")
if shared is not None:
    run(shared)
else:
    from logging.config import fileConfig

    from planner.storage.engine import make_engine
    from planner.storage.location import data_file

    if config.config_file_name:
        fileConfig(config.config_file_name)
    engine = make_engine(data_file())
    with engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        run(conn)
        conn.commit()
    engine.dispose()
