"""The declarative base, shared column helpers and the vocabularies the data file enforces.

The naming convention gives every constraint a stable name, so Alembic's batch mode can drop and
rebuild them on SQLite, and `alembic check` compares like with like.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import CheckConstraint, MetaData, String
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

TRACKS = ("technical", "specialized", "business", "leadership")
STAGES = ("entry", "mid", "senior", "executive")
IMPORTANCES = ("essential", "important", "useful")
ACTIVITY_KINDS = ("course", "book", "project", "certification", "article", "mentoring", "other")
ACTIVITY_STATUSES = ("planned", "in_progress", "done", "dropped")
PRIORITIES = ("high", "medium", "low")
RELATIONSHIPS = ("mentor", "mentee", "peer", "manager", "recruiter", "other")
CHANNELS = ("meeting", "call", "video", "email", "message", "event", "other")
MILESTONE_KINDS = ("phase", "skill", "certification", "networking", "custom")
#: Categories typed by the person each week; learning is derived from sessions.
TYPED_CATEGORIES = ("work", "exercise", "social", "rest")
CATEGORIES = ("work", "learning", "exercise", "social", "rest")
SOURCES = ("catalog", "user")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def Name(length: int = 200) -> String:
    """A human name compared without regard to case, so 'PyTorch' and 'pytorch' are one."""
    return String(length, collation="NOCASE")


def one_of(column: str, values: Iterable[str], name: str | None = None) -> CheckConstraint:
    """A CHECK that keeps a text column inside its vocabulary."""
    quoted = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({quoted})", name=name or column)
