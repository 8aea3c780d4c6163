"""indexes for per-activity and per-contact aggregates

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 21:33:51.627360
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.create_index('ix_interaction_contact_id_date', ['contact_id', 'date'], unique=False)

    with op.batch_alter_table('learning_session', schema=None) as batch_op:
        batch_op.create_index('ix_learning_session_activity_id_date', ['activity_id', 'date'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('learning_session', schema=None) as batch_op:
        batch_op.drop_index('ix_learning_session_activity_id_date')

    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.drop_index('ix_interaction_contact_id_date')

