"""Job postings the person keeps as targets beside their target role.

Only the text is kept: the skills a posting asks for are found again on every read, so a newer
catalog or alias list improves saved postings too, and nothing found can fall out of step with
the text it came from.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from planner.models.base import Base, Name


class SavedPosting(Base):
    __tablename__ = "saved_posting"
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Name(), unique=True)
    text: Mapped[str] = mapped_column(Text)
    #: Where the text came from: a file name, or "pasted".
    source: Mapped[str] = mapped_column(String(300), default="pasted")
    saved_on: Mapped[dt.date]
