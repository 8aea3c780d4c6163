"""hours per day, kept by triggers on learning_session

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 03:20:00.000000

The weekly learning streak summed 30,000 sessions by day on every refresh of the dashboard.
`learning_day` holds those day sums, filled here from the sessions and kept by the triggers
below: each recomputes the sum of a day a session was added to, changed on or removed from (a
fresh sum, not a running one, so it equals what summing the sessions gives).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

#: Replace one day's row with the sum of its sessions, or remove it when it has none.
_RESUM = """
    DELETE FROM learning_day WHERE date = {day};
    INSERT INTO learning_day (date, hours)
        SELECT date, sum(hours) FROM learning_session WHERE date = {day} GROUP BY date;
"""

TRIGGERS = {
    'learning_day_after_insert': f"""
        CREATE TRIGGER learning_day_after_insert AFTER INSERT ON learning_session BEGIN
            {_RESUM.format(day='NEW.date')}
        END""",
    'learning_day_after_delete': f"""
        CREATE TRIGGER learning_day_after_delete AFTER DELETE ON learning_session BEGIN
            {_RESUM.format(day='OLD.date')}
        END""",
    'learning_day_after_update': f"""
        CREATE TRIGGER learning_day_after_update AFTER UPDATE OF date, hours ON learning_session
        BEGIN
            {_RESUM.format(day='OLD.date')}
            {_RESUM.format(day='NEW.date')}
        END""",
}


def upgrade() -> None:
    op.create_table(
        'learning_day',
        sa.Column('date', sa.Date(), nullable=False),
        sa.Column('hours', sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint('date', name=op.f('pk_learning_day')),
    )
    op.execute(
        "INSERT INTO learning_day (date, hours)"
        " SELECT date, sum(hours) FROM learning_session GROUP BY date"
    )
    for create in TRIGGERS.values():
        op.execute(create)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table('learning_day')
