"""The role catalog: roles, their phased learning paths, skill requirements, salaries, and the
certifications, transitions and industries the guides name.

Rows with `source = 'catalog'` belong to the shipped catalog and are rewritten when it changes;
rows the person creates have `source = 'user'` and are never touched by a catalog update.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.models.base import Base, Name, one_of
from planner.vocabulary import IMPORTANCES, SOURCES, STAGES, TRACKS

if TYPE_CHECKING:
    from planner.models.skills import Skill


class Role(Base):
    __tablename__ = "role"
    __table_args__ = (
        one_of("track", TRACKS),
        one_of("source", SOURCES),
        one_of("stage", STAGES),  # NULL passes a CHECK: a role may have no stage
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(Name(), unique=True)
    track: Mapped[str] = mapped_column(String(20))
    stage: Mapped[str | None] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text, default="")
    responsibilities: Mapped[list[str]] = mapped_column(JSON, default=list)
    source: Mapped[str] = mapped_column(String(10), default="user")
    catalog_version: Mapped[int | None] = mapped_column(Integer)
    #: Slug of the guide role whose learning path this role's phases were derived from, when the
    #: guides give this role none of its own; None when the phases are the guides' own.
    derived_from: Mapped[str | None] = mapped_column(String(80))

    phases: Mapped[list[RolePhase]] = relationship(
        back_populates="role", cascade="all, delete-orphan", order_by="RolePhase.order"
    )
    skills: Mapped[list[RoleSkill]] = relationship(
        back_populates="role", cascade="all, delete-orphan"
    )
    salaries: Mapped[list[RoleSalary]] = relationship(cascade="all, delete-orphan")


class RolePhase(Base):
    """One step of a role's learning path, as a month window counted from the plan start."""

    __tablename__ = "role_phase"
    __table_args__ = (
        UniqueConstraint("role_id", "order"),
        CheckConstraint("earliest_month >= 0", "earliest_month"),
        CheckConstraint("latest_month IS NULL OR latest_month >= earliest_month", "latest_month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("role.id", ondelete="CASCADE"))
    order: Mapped[int]
    name: Mapped[str] = mapped_column(String(120))
    earliest_month: Mapped[int]
    #: None means open-ended ("24+ months").
    latest_month: Mapped[int | None]
    focus: Mapped[str] = mapped_column(Text, default="")

    role: Mapped[Role] = relationship(back_populates="phases")


class RoleSkill(Base):
    """A skill a role asks for, how much it matters, and the level that counts as ready."""

    __tablename__ = "role_skill"
    __table_args__ = (
        one_of("importance", IMPORTANCES),
        CheckConstraint("required_level BETWEEN 1 AND 5", "required_level"),
    )

    role_id: Mapped[int] = mapped_column(
        ForeignKey("role.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[int] = mapped_column(
        ForeignKey("skill.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    importance: Mapped[str] = mapped_column(String(12))
    required_level: Mapped[int]
    #: True once the person sets the required level; catalog updates then leave it alone.
    level_edited: Mapped[bool] = mapped_column(default=False)
    phase_id: Mapped[int | None] = mapped_column(ForeignKey("role_phase.id", ondelete="SET NULL"))

    role: Mapped[Role] = relationship(back_populates="skills")
    skill: Mapped[Skill] = relationship()


class RoleSalary(Base):
    __tablename__ = "role_salary"
    __table_args__ = (
        one_of("level", STAGES),
        CheckConstraint("min_usd >= 0 AND (max_usd IS NULL OR max_usd >= min_usd)", "range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("role.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(12))
    min_usd: Mapped[int]
    #: None when the guide gives only a floor ("$200,000+").
    max_usd: Mapped[int | None]
    source_year: Mapped[int]
    #: The guide's name for the level ("Principal", "Director/VP"); `level` is the stage it is.
    label: Mapped[str] = mapped_column(String(40), default="")
    #: True when the guide leaves the top open ("350K-500K+"): `max_usd` is where it opens.
    open_top: Mapped[bool] = mapped_column(default=False)


class RoleTransition(Base):
    """A career move the guides name, e.g. Data Analyst to Data Scientist."""

    __tablename__ = "role_transition"
    __table_args__ = (UniqueConstraint("from_role_id", "to_role_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    from_role_id: Mapped[int] = mapped_column(ForeignKey("role.id", ondelete="CASCADE"))
    to_role_id: Mapped[int] = mapped_column(ForeignKey("role.id", ondelete="CASCADE"), index=True)
    months_min: Mapped[int | None]
    months_max: Mapped[int | None]
    note: Mapped[str] = mapped_column(Text, default="")
    #: Skills the guide says the move needs, [{"name", "category", "level"}]; the note says why.
    skills: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class Certification(Base):
    __tablename__ = "certification"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Name(), unique=True)
    provider: Mapped[str] = mapped_column(String(120), default="")
    focus: Mapped[str] = mapped_column(Text, default="")
    #: Role slugs and skill names it suits, as the catalog gives them.
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)


class Industry(Base):
    __tablename__ = "industry"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Name(), unique=True)
    applications: Mapped[list[str]] = mapped_column(JSON, default=list)
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
