"""The declarative base and shared column helpers (the vocabularies live in planner.vocabulary).

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


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def Name(length: int = 200) -> String:
    """A human name compared without regard to case, so 'PyTorch' and 'pytorch' are one."""
    return String(length, collation="NOCASE")


def one_of(column: str, values: Iterable[str], name: str | None = None) -> CheckConstraint:
    """A CHECK that keeps a text column inside its vocabulary."""
    quoted = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({quoted})", name=name or column)
