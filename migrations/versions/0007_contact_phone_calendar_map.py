"""contact phone numbers; calendar names mapped to week-hour categories

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 10:10:00.000000

vCard and LinkedIn files carry phone numbers, which imports dropped: `contact.phone` keeps them
(one or more numbers, separated by commas, as the person types them). `calendar_map` remembers
which calendar (or event category) of an .ics import counts as work, exercise, social or rest,
so the next import of the same calendar needs no mapping again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('contact') as batch:
        batch.add_column(sa.Column('phone', sa.String(length=200), nullable=False, server_default=''))
    op.create_table(
        'calendar_map',
        sa.Column('name', sa.String(length=200, collation='NOCASE'), nullable=False),
        sa.Column('category', sa.String(length=12), nullable=False),
        sa.CheckConstraint(
            "category IN ('work', 'exercise', 'social', 'rest')",
            name=op.f('ck_calendar_map_category'),
        ),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_calendar_map')),
    )


def downgrade() -> None:
    op.drop_table('calendar_map')
    with op.batch_alter_table('contact') as batch:
        batch.drop_column('phone')
