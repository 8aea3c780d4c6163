"""Whether a data file has been set up yet, in plain SQL (see `planner.services.sql`): the window
asks this before SQLAlchemy has loaded, to go straight to the dashboard or to the first-run
questions."""

from __future__ import annotations

from planner.services.sql import Reader, reader, value

#: The tables holding what a person enters; the catalog (roles, skills) is not theirs.
USER_TABLES = (
    "learning_session",
    "learning_activity",
    "contact",
    "user_skill",
    "week_hours",
    "milestone",
)


@reader
def has_user_data(db: Reader) -> bool:
    """Whether the person has entered anything (the demo refuses such a file)."""
    return any(value(db, f"SELECT EXISTS (SELECT 1 FROM {table})") for table in USER_TABLES)


@reader
def needs_onboarding(db: Reader) -> bool:
    """A file with no target role and nothing entered yet has not been set up."""
    target = value(db, "SELECT target_role_id FROM profile WHERE id = 1")
    return target is None and not has_user_data(db)
