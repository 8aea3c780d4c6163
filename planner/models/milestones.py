"""Milestones on the way to the target role, and the weekly review's reflection text."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.models.base import Base, one_of
from planner.models.roles import RolePhase
from planner.models.skills import Skill
from planner.vocabulary import MILESTONE_KINDS

milestone_skill = Table(
    "milestone_skill",
    Base.metadata,
    Column("milestone_id", ForeignKey("milestone.id", ondelete="CASCADE"), primary_key=True),
    Column("skill_id", ForeignKey("skill.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Milestone(Base):
    __tablename__ = "milestone"
    __table_args__ = (one_of("kind", MILESTONE_KINDS),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="custom")
    role_phase_id: Mapped[int | None] = mapped_column(
        ForeignKey("role_phase.id", ondelete="SET NULL"), index=True
    )
    due_on: Mapped[dt.date | None] = mapped_column(index=True)
    done_on: Mapped[dt.date | None]
    notes: Mapped[str] = mapped_column(Text, default="")

    phase: Mapped[RolePhase | None] = relationship()
    skills: Mapped[list[Skill]] = relationship(secondary=milestone_skill)


class WeeklyReview(Base):
    __tablename__ = "weekly_review"

    week_start: Mapped[dt.date] = mapped_column(primary_key=True)
    reflection: Mapped[str] = mapped_column(Text, default="")
