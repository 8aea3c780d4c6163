"""The one person this file belongs to, and the catalog version the file was last seeded with."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.models.base import Base, one_of
from planner.models.roles import Role
from planner.vocabulary import (
    DEFAULT_ANNUAL_LEARNING_HOURS,
    DEFAULT_MONTHLY_CONTACT_GOAL,
    STAGES,
)


class Profile(Base):
    """A single row (id 1). The weekly learning goal is the `learning` balance target."""

    __tablename__ = "profile"
    __table_args__ = (
        CheckConstraint("id = 1", "single_row"),
        one_of("career_stage", STAGES),
        CheckConstraint("annual_learning_goal >= 0", "annual_goal"),
        CheckConstraint("monthly_contact_goal >= 0", "contact_goal"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    current_role_id: Mapped[int | None] = mapped_column(ForeignKey("role.id", ondelete="SET NULL"))
    target_role_id: Mapped[int | None] = mapped_column(ForeignKey("role.id", ondelete="SET NULL"))
    career_stage: Mapped[str] = mapped_column(String(12), default="entry")
    plan_start: Mapped[dt.date | None]
    annual_learning_goal: Mapped[float] = mapped_column(
        Float, default=DEFAULT_ANNUAL_LEARNING_HOURS
    )
    monthly_contact_goal: Mapped[int] = mapped_column(default=DEFAULT_MONTHLY_CONTACT_GOAL)

    current_role: Mapped[Role | None] = relationship(foreign_keys=[current_role_id])
    target_role: Mapped[Role | None] = relationship(foreign_keys=[target_role_id])


class AppMeta(Base):
    """Small facts about the file itself, such as the catalog version it holds."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
