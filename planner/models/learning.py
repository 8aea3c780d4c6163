"""Learning activities (courses, books, projects ...) and the sessions that log hours.

A session is the unit of "logging learning hours". Deleting an activity keeps its sessions' hours
(the link becomes empty), because the hours were really spent.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Column, Float, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.models.base import Base, Name, one_of
from planner.models.skills import Skill
from planner.vocabulary import (
    ACTIVITY_KINDS,
    ACTIVITY_STATUSES,
    DAY_HOURS,
    MONTH_HOURS,
    PRIORITIES,
)

activity_skill = Table(
    "activity_skill",
    Base.metadata,
    Column("activity_id", ForeignKey("learning_activity.id", ondelete="CASCADE"), primary_key=True),
    Column("skill_id", ForeignKey("skill.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class LearningActivity(Base):
    __tablename__ = "learning_activity"
    __table_args__ = (
        one_of("kind", ACTIVITY_KINDS),
        one_of("status", ACTIVITY_STATUSES),
        one_of("priority", PRIORITIES),
        CheckConstraint(
            f"planned_hours_per_month >= 0 AND planned_hours_per_month <= {MONTH_HOURS:g}",
            "planned_hours",
        ),
        CheckConstraint("estimated_hours IS NULL OR estimated_hours >= 0", "estimated_hours"),
        CheckConstraint(
            "target_date IS NULL OR start_date IS NULL OR target_date >= start_date", "dates"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Name(), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="course")
    provider: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str] = mapped_column(String(500), default="")
    planned_hours_per_month: Mapped[float] = mapped_column(Float, default=0.0)
    priority: Mapped[str] = mapped_column(String(10), default="medium")
    status: Mapped[str] = mapped_column(String(20), default="planned", index=True)
    start_date: Mapped[dt.date | None]
    target_date: Mapped[dt.date | None]
    estimated_hours: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="")

    skills: Mapped[list[Skill]] = relationship(secondary=activity_skill)


class LearningSession(Base):
    __tablename__ = "learning_session"
    __table_args__ = (
        CheckConstraint(f"hours > 0 AND hours <= {DAY_HOURS:g}", "hours"),
        Index("ix_learning_session_activity_id_date", "activity_id", "date"),
        # The session log's orders by hours and by note, read along an index a window at a time
        # instead of sorting 30,000 rows for each window. Migration 0003 indexes `note COLLATE
        # NOCASE` (the log sorts notes without regard to case); SQLAlchemy cannot reflect a
        # per-column collation or an expression in a SQLite index, so the model names the columns.
        Index("ix_learning_session_hours_date", "hours", "date"),
        Index("ix_learning_session_note_date", "note", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("learning_activity.id", ondelete="SET NULL")
    )
    date: Mapped[dt.date] = mapped_column(index=True)
    hours: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")

    activity: Mapped[LearningActivity | None] = relationship()


class LearningDay(Base):
    """The hours logged on each day, kept by triggers on `learning_session` (migration 0004),
    which recompute a day's sum whenever one of its sessions is added, changed or removed: the
    weekly streak reads about 3,650 days instead of 30,000 sessions on every refresh of the
    dashboard. Nothing in the app writes it; it is never exported (it follows the sessions)."""

    __tablename__ = "learning_day"

    date: Mapped[dt.date] = mapped_column(primary_key=True)
    hours: Mapped[float] = mapped_column(Float)
