"""the guides' advice: derived paths, pay levels, move skills, interview steps, portfolio

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 10:20:00.000000

Catalog columns the guides' facts need: the guide role a derived learning path comes from, the
guide's own salary level name and whether its top is open ("500K+"), and the skills a career
move asks for. Interview preparation steps are milestones of a new kind, and the portfolio
(projects with the skills they show) is the person's own data.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_KINDS_BEFORE = "kind IN ('phase', 'skill', 'certification', 'networking', 'custom')"
_KINDS_AFTER = (
    "kind IN ('phase', 'skill', 'certification', 'networking', 'interview', 'custom')"
)


def upgrade() -> None:
    with op.batch_alter_table('role', schema=None) as batch_op:
        batch_op.add_column(sa.Column('derived_from', sa.String(length=80), nullable=True))
    with op.batch_alter_table('role_salary', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('label', sa.String(length=40), nullable=False, server_default='')
        )
        batch_op.add_column(
            sa.Column('open_top', sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table('role_transition', schema=None) as batch_op:
        batch_op.add_column(sa.Column('skills', sa.JSON(), nullable=False, server_default='[]'))
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.drop_constraint('kind', type_='check')
        batch_op.create_check_constraint('kind', _KINDS_AFTER)
    op.create_table(
        'portfolio_item',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=200, collation='NOCASE'), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('link', sa.String(length=500), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.CheckConstraint(
            "status IN ('idea', 'in_progress', 'done')", name=op.f('ck_portfolio_item_status')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_portfolio_item')),
        sa.UniqueConstraint('title', name=op.f('uq_portfolio_item_title')),
    )
    op.create_table(
        'portfolio_skill',
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('skill_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['item_id'],
            ['portfolio_item.id'],
            name=op.f('fk_portfolio_skill_item_id_portfolio_item'),
            ondelete='CASCADE',
        ),
        sa.ForeignKeyConstraint(
            ['skill_id'],
            ['skill.id'],
            name=op.f('fk_portfolio_skill_skill_id_skill'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('item_id', 'skill_id', name=op.f('pk_portfolio_skill')),
    )
    with op.batch_alter_table('portfolio_skill', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_portfolio_skill_skill_id'), ['skill_id'], unique=False
        )
    # The catalog rows gain facts these columns hold: have the next open reload them.
    op.execute("UPDATE app_meta SET value = '0' WHERE key = 'catalog_version'")


def downgrade() -> None:
    with op.batch_alter_table('portfolio_skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_portfolio_skill_skill_id'))
    op.drop_table('portfolio_skill')
    op.drop_table('portfolio_item')
    op.execute("DELETE FROM milestone WHERE kind = 'interview'")
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.drop_constraint('kind', type_='check')
        batch_op.create_check_constraint('kind', _KINDS_BEFORE)
    with op.batch_alter_table('role_transition', schema=None) as batch_op:
        batch_op.drop_column('skills')
    with op.batch_alter_table('role_salary', schema=None) as batch_op:
        batch_op.drop_column('open_top')
        batch_op.drop_column('label')
    with op.batch_alter_table('role', schema=None) as batch_op:
        batch_op.drop_column('derived_from')
