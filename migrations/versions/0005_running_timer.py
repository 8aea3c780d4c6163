"""the running timer, stored from the moment it starts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 10:00:00.000000

The timer lived in the window's memory, so File > Quit, a crash or a power cut lost the time
being timed. `running_timer` holds the one running timer (id 1): its start in UTC, its activity
and note, written when it starts and removed when it is stopped or discarded.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'running_timer',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('started_at', sa.DateTime(), nullable=False),
        sa.Column('activity_id', sa.Integer(), nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        sa.CheckConstraint('id = 1', name=op.f('ck_running_timer_single_row')),
        sa.ForeignKeyConstraint(
            ['activity_id'],
            ['learning_activity.id'],
            name=op.f('fk_running_timer_activity_id_learning_activity'),
            ondelete='SET NULL',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_running_timer')),
    )


def downgrade() -> None:
    op.drop_table('running_timer')
