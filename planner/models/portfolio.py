"""The person's portfolio: projects and public work (repositories, competitions, writing, open
source) that show skills. The guides ask for three to five substantial projects; a finished
project counts as evidence for the skills it shows in the gap list."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.models.base import Base, Name, one_of
from planner.models.skills import Skill
from planner.vocabulary import PORTFOLIO_STATUSES

portfolio_skill = Table(
    "portfolio_skill",
    Base.metadata,
    Column("item_id", ForeignKey("portfolio_item.id", ondelete="CASCADE"), primary_key=True),
    Column("skill_id", ForeignKey("skill.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class PortfolioItem(Base):
    __tablename__ = "portfolio_item"
    __table_args__ = (one_of("status", PORTFOLIO_STATUSES),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Name(), unique=True)
    #: One of the guides' kinds of public work ("project", "repository", "competition", ...).
    kind: Mapped[str] = mapped_column(String(40), default="project")
    link: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(20), default="idea")
    notes: Mapped[str] = mapped_column(Text, default="")

    skills: Mapped[list[Skill]] = relationship(secondary=portfolio_skill)
