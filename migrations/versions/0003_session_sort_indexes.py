"""indexes for the session log's orders by hours and by note

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 23:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('learning_session', schema=None) as batch_op:
        batch_op.create_index('ix_learning_session_hours_date', ['hours', 'date'], unique=False)
        batch_op.create_index(
            'ix_learning_session_note_date', [sa.text('note COLLATE NOCASE'), 'date'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('learning_session', schema=None) as batch_op:
        batch_op.drop_index('ix_learning_session_note_date')
        batch_op.drop_index('ix_learning_session_hours_date')
