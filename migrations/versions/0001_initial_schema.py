"""initial schema: profile, role catalog, skills, learning, network, balance, milestones

Revision ID: 0001
Revises:
Create Date: 2026-11-21 21:31:12.615124
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_meta',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_meta'))
    )
    op.create_table('balance_target',
    sa.Column('category', sa.String(length=12), nullable=False),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.CheckConstraint("category IN ('work', 'learning', 'exercise', 'social', 'rest')", name=op.f('ck_balance_target_category')),
    sa.CheckConstraint('hours >= 0 AND hours <= 168', name=op.f('ck_balance_target_hours')),
    sa.PrimaryKeyConstraint('category', name=op.f('pk_balance_target'))
    )
    op.create_table('certification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200, collation='NOCASE'), nullable=False),
    sa.Column('provider', sa.String(length=120), nullable=False),
    sa.Column('focus', sa.Text(), nullable=False),
    sa.Column('roles', sa.JSON(), nullable=False),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certification')),
    sa.UniqueConstraint('name', name=op.f('uq_certification_name'))
    )
    op.create_table('contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200, collation='NOCASE'), nullable=False),
    sa.Column('relationship', sa.String(length=20), nullable=False),
    sa.Column('company', sa.String(length=200), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('industry', sa.String(length=120), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('cadence_days', sa.Integer(), nullable=False),
    sa.Column('connected_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.CheckConstraint("relationship IN ('mentor', 'mentee', 'peer', 'manager', 'recruiter', 'other')", name=op.f('ck_contact_relationship')),
    sa.CheckConstraint('cadence_days BETWEEN 1 AND 3650', name=op.f('ck_contact_cadence_days')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact')),
    sa.UniqueConstraint('name', name=op.f('uq_contact_name'))
    )
    op.create_table('industry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200, collation='NOCASE'), nullable=False),
    sa.Column('applications', sa.JSON(), nullable=False),
    sa.Column('roles', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_industry')),
    sa.UniqueConstraint('name', name=op.f('uq_industry_name'))
    )
    op.create_table('learning_activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200, collation='NOCASE'), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('provider', sa.String(length=200), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('planned_hours_per_month', sa.Float(), nullable=False),
    sa.Column('priority', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('target_date', sa.Date(), nullable=True),
    sa.Column('estimated_hours', sa.Float(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.CheckConstraint("kind IN ('course', 'book', 'project', 'certification', 'article', 'mentoring', 'other')", name=op.f('ck_learning_activity_kind')),
    sa.CheckConstraint("priority IN ('high', 'medium', 'low')", name=op.f('ck_learning_activity_priority')),
    sa.CheckConstraint("status IN ('planned', 'in_progress', 'done', 'dropped')", name=op.f('ck_learning_activity_status')),
    sa.CheckConstraint('estimated_hours IS NULL OR estimated_hours >= 0', name=op.f('ck_learning_activity_estimated_hours')),
    sa.CheckConstraint('planned_hours_per_month >= 0 AND planned_hours_per_month <= 744', name=op.f('ck_learning_activity_planned_hours')),
    sa.CheckConstraint('target_date IS NULL OR start_date IS NULL OR target_date >= start_date', name=op.f('ck_learning_activity_dates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_activity')),
    sa.UniqueConstraint('title', name=op.f('uq_learning_activity_title'))
    )
    with op.batch_alter_table('learning_activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learning_activity_status'), ['status'], unique=False)

    op.create_table('role',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('title', sa.String(length=200, collation='NOCASE'), nullable=False),
    sa.Column('track', sa.String(length=20), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('responsibilities', sa.JSON(), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('catalog_version', sa.Integer(), nullable=True),
    sa.CheckConstraint("source IN ('catalog', 'user')", name=op.f('ck_role_source')),
    sa.CheckConstraint("stage IN ('entry', 'mid', 'senior', 'executive')", name=op.f('ck_role_stage')),
    sa.CheckConstraint("track IN ('technical', 'specialized', 'business', 'leadership')", name=op.f('ck_role_track')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role')),
    sa.UniqueConstraint('slug', name=op.f('uq_role_slug')),
    sa.UniqueConstraint('title', name=op.f('uq_role_title'))
    )
    op.create_table('skill',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200, collation='NOCASE'), nullable=False),
    sa.Column('category', sa.String(length=80), nullable=False),
    sa.Column('hours_per_level', sa.Float(), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.CheckConstraint("source IN ('catalog', 'user')", name=op.f('ck_skill_source')),
    sa.CheckConstraint('hours_per_level > 0 AND hours_per_level <= 10000', name=op.f('ck_skill_hours_per_level')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_skill')),
    sa.UniqueConstraint('name', name=op.f('uq_skill_name'))
    )
    op.create_table('week_hours',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('week_start', sa.Date(), nullable=False),
    sa.Column('category', sa.String(length=12), nullable=False),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.CheckConstraint("category IN ('work', 'exercise', 'social', 'rest')", name=op.f('ck_week_hours_category')),
    sa.CheckConstraint("strftime('%w', week_start) = '1'", name=op.f('ck_week_hours_monday')),
    sa.CheckConstraint('hours >= 0 AND hours <= 168', name=op.f('ck_week_hours_hours')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_week_hours')),
    sa.UniqueConstraint('week_start', 'category', name=op.f('uq_week_hours_week_start_category'))
    )
    op.create_table('weekly_review',
    sa.Column('week_start', sa.Date(), nullable=False),
    sa.Column('reflection', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('week_start', name=op.f('pk_weekly_review'))
    )
    op.create_table('activity_skill',
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('skill_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['learning_activity.id'], name=op.f('fk_activity_skill_activity_id_learning_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['skill_id'], ['skill.id'], name=op.f('fk_activity_skill_skill_id_skill'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('activity_id', 'skill_id', name=op.f('pk_activity_skill'))
    )
    with op.batch_alter_table('activity_skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_skill_skill_id'), ['skill_id'], unique=False)

    op.create_table('contact_skill',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('skill_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_contact_skill_contact_id_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['skill_id'], ['skill.id'], name=op.f('fk_contact_skill_skill_id_skill'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('contact_id', 'skill_id', name=op.f('pk_contact_skill'))
    )
    with op.batch_alter_table('contact_skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_skill_skill_id'), ['skill_id'], unique=False)

    op.create_table('interaction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.CheckConstraint("channel IN ('meeting', 'call', 'video', 'email', 'message', 'event', 'other')", name=op.f('ck_interaction_channel')),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_interaction_contact_id_contact'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interaction'))
    )
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interaction_date'), ['date'], unique=False)

    op.create_table('learning_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.CheckConstraint('hours > 0 AND hours <= 24', name=op.f('ck_learning_session_hours')),
    sa.ForeignKeyConstraint(['activity_id'], ['learning_activity.id'], name=op.f('fk_learning_session_activity_id_learning_activity'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_session'))
    )
    with op.batch_alter_table('learning_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learning_session_date'), ['date'], unique=False)

    op.create_table('profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('current_role_id', sa.Integer(), nullable=True),
    sa.Column('target_role_id', sa.Integer(), nullable=True),
    sa.Column('career_stage', sa.String(length=12), nullable=False),
    sa.Column('plan_start', sa.Date(), nullable=True),
    sa.Column('annual_learning_goal', sa.Float(), nullable=False),
    sa.Column('monthly_contact_goal', sa.Integer(), nullable=False),
    sa.CheckConstraint("career_stage IN ('entry', 'mid', 'senior', 'executive')", name=op.f('ck_profile_career_stage')),
    sa.CheckConstraint('annual_learning_goal >= 0', name=op.f('ck_profile_annual_goal')),
    sa.CheckConstraint('id = 1', name=op.f('ck_profile_single_row')),
    sa.CheckConstraint('monthly_contact_goal >= 0', name=op.f('ck_profile_contact_goal')),
    sa.ForeignKeyConstraint(['current_role_id'], ['role.id'], name=op.f('fk_profile_current_role_id_role'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['target_role_id'], ['role.id'], name=op.f('fk_profile_target_role_id_role'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_profile'))
    )
    op.create_table('role_phase',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('role_id', sa.Integer(), nullable=False),
    sa.Column('order', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('earliest_month', sa.Integer(), nullable=False),
    sa.Column('latest_month', sa.Integer(), nullable=True),
    sa.Column('focus', sa.Text(), nullable=False),
    sa.CheckConstraint('earliest_month >= 0', name=op.f('ck_role_phase_earliest_month')),
    sa.CheckConstraint('latest_month IS NULL OR latest_month >= earliest_month', name=op.f('ck_role_phase_latest_month')),
    sa.ForeignKeyConstraint(['role_id'], ['role.id'], name=op.f('fk_role_phase_role_id_role'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role_phase')),
    sa.UniqueConstraint('role_id', 'order', name=op.f('uq_role_phase_role_id_order'))
    )
    op.create_table('role_salary',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('role_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=12), nullable=False),
    sa.Column('min_usd', sa.Integer(), nullable=False),
    sa.Column('max_usd', sa.Integer(), nullable=True),
    sa.Column('source_year', sa.Integer(), nullable=False),
    sa.CheckConstraint("level IN ('entry', 'mid', 'senior', 'executive')", name=op.f('ck_role_salary_level')),
    sa.CheckConstraint('min_usd >= 0 AND (max_usd IS NULL OR max_usd >= min_usd)', name=op.f('ck_role_salary_range')),
    sa.ForeignKeyConstraint(['role_id'], ['role.id'], name=op.f('fk_role_salary_role_id_role'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role_salary'))
    )
    with op.batch_alter_table('role_salary', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_role_salary_role_id'), ['role_id'], unique=False)

    op.create_table('role_transition',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('from_role_id', sa.Integer(), nullable=False),
    sa.Column('to_role_id', sa.Integer(), nullable=False),
    sa.Column('months_min', sa.Integer(), nullable=True),
    sa.Column('months_max', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['from_role_id'], ['role.id'], name=op.f('fk_role_transition_from_role_id_role'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['to_role_id'], ['role.id'], name=op.f('fk_role_transition_to_role_id_role'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role_transition')),
    sa.UniqueConstraint('from_role_id', 'to_role_id', name=op.f('uq_role_transition_from_role_id_to_role_id'))
    )
    with op.batch_alter_table('role_transition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_role_transition_to_role_id'), ['to_role_id'], unique=False)

    op.create_table('skill_assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('skill_id', sa.Integer(), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.CheckConstraint('level BETWEEN 0 AND 5', name=op.f('ck_skill_assessment_level')),
    sa.ForeignKeyConstraint(['skill_id'], ['skill.id'], name=op.f('fk_skill_assessment_skill_id_skill'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_skill_assessment'))
    )
    with op.batch_alter_table('skill_assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_skill_assessment_assessed_on'), ['assessed_on'], unique=False)

    op.create_table('user_skill',
    sa.Column('skill_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('updated_on', sa.Date(), nullable=False),
    sa.CheckConstraint('level BETWEEN 0 AND 5', name=op.f('ck_user_skill_level')),
    sa.ForeignKeyConstraint(['skill_id'], ['skill.id'], name=op.f('fk_user_skill_skill_id_skill'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('skill_id', name=op.f('pk_user_skill'))
    )
    op.create_table('milestone',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('role_phase_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.CheckConstraint("kind IN ('phase', 'skill', 'certification', 'networking', 'custom')", name=op.f('ck_milestone_kind')),
    sa.ForeignKeyConstraint(['role_phase_id'], ['role_phase.id'], name=op.f('fk_milestone_role_phase_id_role_phase'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_milestone'))
    )
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milestone_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_milestone_role_phase_id'), ['role_phase_id'], unique=False)

    op.create_table('role_skill',
    sa.Column('role_id', sa.Integer(), nullable=False),
    sa.Column('skill_id', sa.Integer(), nullable=False),
    sa.Column('importance', sa.String(length=12), nullable=False),
    sa.Column('required_level', sa.Integer(), nullable=False),
    sa.Column('level_edited', sa.Boolean(), nullable=False),
    sa.Column('phase_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("importance IN ('essential', 'important', 'useful')", name=op.f('ck_role_skill_importance')),
    sa.CheckConstraint('required_level BETWEEN 1 AND 5', name=op.f('ck_role_skill_required_level')),
    sa.ForeignKeyConstraint(['phase_id'], ['role_phase.id'], name=op.f('fk_role_skill_phase_id_role_phase'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['role_id'], ['role.id'], name=op.f('fk_role_skill_role_id_role'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['skill_id'], ['skill.id'], name=op.f('fk_role_skill_skill_id_skill'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('role_id', 'skill_id', name=op.f('pk_role_skill'))
    )
    with op.batch_alter_table('role_skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_role_skill_skill_id'), ['skill_id'], unique=False)

    op.create_table('milestone_skill',
    sa.Column('milestone_id', sa.Integer(), nullable=False),
    sa.Column('skill_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['milestone_id'], ['milestone.id'], name=op.f('fk_milestone_skill_milestone_id_milestone'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['skill_id'], ['skill.id'], name=op.f('fk_milestone_skill_skill_id_skill'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('milestone_id', 'skill_id', name=op.f('pk_milestone_skill'))
    )
    with op.batch_alter_table('milestone_skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milestone_skill_skill_id'), ['skill_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('milestone_skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_milestone_skill_skill_id'))

    op.drop_table('milestone_skill')
    with op.batch_alter_table('role_skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_role_skill_skill_id'))

    op.drop_table('role_skill')
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_milestone_role_phase_id'))
        batch_op.drop_index(batch_op.f('ix_milestone_due_on'))

    op.drop_table('milestone')
    op.drop_table('user_skill')
    with op.batch_alter_table('skill_assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_skill_assessment_assessed_on'))

    op.drop_table('skill_assessment')
    with op.batch_alter_table('role_transition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_role_transition_to_role_id'))

    op.drop_table('role_transition')
    with op.batch_alter_table('role_salary', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_role_salary_role_id'))

    op.drop_table('role_salary')
    op.drop_table('role_phase')
    op.drop_table('profile')
    with op.batch_alter_table('learning_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_session_date'))

    op.drop_table('learning_session')
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interaction_date'))

    op.drop_table('interaction')
    with op.batch_alter_table('contact_skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_skill_skill_id'))

    op.drop_table('contact_skill')
    with op.batch_alter_table('activity_skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_skill_skill_id'))

    op.drop_table('activity_skill')
    op.drop_table('weekly_review')
    op.drop_table('week_hours')
    op.drop_table('skill')
    op.drop_table('role')
    with op.batch_alter_table('learning_activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_activity_status'))

    op.drop_table('learning_activity')
    op.drop_table('industry')
    op.drop_table('contact')
    op.drop_table('certification')
    op.drop_table('balance_target')
    op.drop_table('app_meta')
