"""The running timer: a learning session being timed, kept in the file from the moment it starts.

A timer held only in the window's memory was lost on quit, a crash or a power cut; stored here,
it survives them all, and the command line and the window share it. There is at most one (the
row with id 1). Its start is UTC, so a change of time zone or daylight saving time never
changes how long it ran; the activity link empties if the activity is deleted meanwhile, as a
logged session's does.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from planner.models.base import Base


class RunningTimer(Base):
    __tablename__ = "running_timer"
    __table_args__ = (CheckConstraint("id = 1", "single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    #: When it started, in UTC (naive, as SQLite's DATETIME text holds no zone).
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("learning_activity.id", ondelete="SET NULL")
    )
    note: Mapped[str] = mapped_column(Text, default="")
