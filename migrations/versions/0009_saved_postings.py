"""saved job postings

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 10:05:00.000000

A job posting the person keeps beside their target role (issue 15, part 4): its name, text and
where it came from. The skills it asks for are found from the text on every read.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'saved_posting',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200, collation='NOCASE'), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('source', sa.String(length=300), nullable=False),
        sa.Column('saved_on', sa.Date(), nullable=False),
        sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_saved_posting_name')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_posting')),
        sa.UniqueConstraint('name', name=op.f('uq_saved_posting_name')),
    )


def downgrade() -> None:
    op.drop_table('saved_posting')
