"""Skills (shared by roles, activities, contacts and milestones), the person's level in each, and
the history of level changes that the review and the readiness chart draw from."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.models.base import Base, Name, one_of
from planner.vocabulary import DEFAULT_HOURS_PER_LEVEL, SOURCES

LEVELS = ("none", "aware", "beginner", "working", "advanced", "expert")


class Skill(Base):
    __tablename__ = "skill"
    __table_args__ = (
        one_of("source", SOURCES),
        CheckConstraint("hours_per_level > 0 AND hours_per_level <= 10000", "hours_per_level"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Name(), unique=True)
    category: Mapped[str] = mapped_column(String(80), default="Other")
    #: Learning hours one level step takes; drives the readiness forecast.
    hours_per_level: Mapped[float] = mapped_column(Float, default=DEFAULT_HOURS_PER_LEVEL)
    source: Mapped[str] = mapped_column(String(10), default="user")

    user_skill: Mapped[UserSkill | None] = relationship(
        back_populates="skill", cascade="all, delete-orphan", passive_deletes=True
    )


class UserSkill(Base):
    """The person's current level in a skill (0 none .. 5 expert)."""

    __tablename__ = "user_skill"
    __table_args__ = (CheckConstraint("level BETWEEN 0 AND 5", "level"),)

    skill_id: Mapped[int] = mapped_column(
        ForeignKey("skill.id", ondelete="CASCADE"), primary_key=True
    )
    level: Mapped[int]
    updated_on: Mapped[dt.date]

    skill: Mapped[Skill] = relationship(back_populates="user_skill")


class SkillAssessment(Base):
    """One recorded level change, kept so progress can be charted over time."""

    __tablename__ = "skill_assessment"
    __table_args__ = (CheckConstraint("level BETWEEN 0 AND 5", "level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    skill_id: Mapped[int] = mapped_column(ForeignKey("skill.id", ondelete="CASCADE"))
    assessed_on: Mapped[dt.date] = mapped_column(index=True)
    level: Mapped[int]
