"""Alembic migrations, shipped inside the package as planner.migrations."""
