"""Weekly hours per category and the targets they are measured against.

Weeks are stored by their Monday (`week_start`), so a week's learning hours (the sum of its
sessions) are a plain date-range aggregate and ISO week labels are derived, never stored twice.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Float, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planner.models.base import Base, Name, one_of
from planner.vocabulary import CATEGORIES, TYPED_CATEGORIES, WEEK_HOURS


class WeekHours(Base):
    __tablename__ = "week_hours"
    __table_args__ = (
        UniqueConstraint("week_start", "category"),
        one_of("category", TYPED_CATEGORIES),
        CheckConstraint(f"hours >= 0 AND hours <= {WEEK_HOURS:g}", "hours"),
        CheckConstraint("strftime('%w', week_start) = '1'", "monday"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    week_start: Mapped[dt.date]
    category: Mapped[str] = mapped_column(String(12))
    hours: Mapped[float] = mapped_column(Float)


class BalanceTarget(Base):
    __tablename__ = "balance_target"
    __table_args__ = (
        one_of("category", CATEGORIES),
        CheckConstraint(f"hours >= 0 AND hours <= {WEEK_HOURS:g}", "hours"),
    )

    category: Mapped[str] = mapped_column(String(12), primary_key=True)
    hours: Mapped[float] = mapped_column(Float)


class CalendarMap(Base):
    """Which week-hour category a calendar (or an event category) of an .ics import counts as,
    remembered so the next import of the same calendar needs no mapping."""

    __tablename__ = "calendar_map"
    __table_args__ = (one_of("category", TYPED_CATEGORIES),)

    name: Mapped[str] = mapped_column(Name(), primary_key=True)
    category: Mapped[str] = mapped_column(String(12))
