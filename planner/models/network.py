"""Professional contacts, the skills they can help with, and the interactions that reset each
contact's follow-up clock."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, String, Table, Text, orm
from sqlalchemy.orm import Mapped, mapped_column

from planner.models.base import Base, Name, one_of
from planner.models.skills import Skill
from planner.vocabulary import CHANNELS, DEFAULT_CADENCE_DAYS, MAX_CADENCE_DAYS, RELATIONSHIPS

contact_skill = Table(
    "contact_skill",
    Base.metadata,
    Column("contact_id", ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True),
    Column("skill_id", ForeignKey("skill.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Contact(Base):
    # The column is named as people say it; `orm.relationship` is spelled out below so that
    # the attribute does not shadow SQLAlchemy's function.
    __tablename__ = "contact"
    __table_args__ = (
        one_of("relationship", RELATIONSHIPS),
        CheckConstraint(f"cadence_days BETWEEN 1 AND {MAX_CADENCE_DAYS}", "cadence_days"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Name(), unique=True)
    relationship: Mapped[str] = mapped_column(String(20), default="peer")
    company: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    industry: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    #: One or more numbers as the person or the imported file wrote them, comma separated.
    phone: Mapped[str] = mapped_column(String(200), default="", server_default="")
    url: Mapped[str] = mapped_column(String(500), default="")
    cadence_days: Mapped[int] = mapped_column(default=DEFAULT_CADENCE_DAYS)
    connected_on: Mapped[dt.date | None]
    notes: Mapped[str] = mapped_column(Text, default="")

    expertise: Mapped[list[Skill]] = orm.relationship(secondary=contact_skill)
    interactions: Mapped[list[Interaction]] = orm.relationship(
        back_populates="contact", cascade="all, delete-orphan", passive_deletes=True
    )


class Interaction(Base):
    __tablename__ = "interaction"
    __table_args__ = (
        one_of("channel", CHANNELS),
        Index("ix_interaction_contact_id_date", "contact_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(index=True)
    channel: Mapped[str] = mapped_column(String(20), default="meeting")
    note: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[dt.date | None]

    contact: Mapped[Contact] = orm.relationship(back_populates="interactions")
