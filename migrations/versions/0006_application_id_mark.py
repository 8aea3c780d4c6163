"""mark the file as Career Planner's own with PRAGMA application_id

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 10:10:00.000000

A file is recognised as Career Planner's by this mark in its header (`planner.storage.probe`), not by
an `alembic_version` table, which any program using Alembic has (often with a revision named
0001 too). New files get the mark as they are created; files written at 0001-0004 had none, are
recognised once by their revision and tables, and are marked here, in the same transaction as
the rest of their upgrade. The header is page 1, so a rollback takes the mark back with it.
"""

from __future__ import annotations

from alembic import op

from planner.storage.probe import APPLICATION_ID

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    op.execute("PRAGMA application_id = 0")
