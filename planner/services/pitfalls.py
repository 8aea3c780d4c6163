"""The roadmap guide's pitfalls, as the person's data shows them: the dashboard points out one.

Plain SQL and the standard library only (see `planner.services.sql`): the dashboard's first paint
reads it before SQLAlchemy has loaded. The wording lives in `seed/catalog.toml` ([[pitfalls]]),
read only when a check fires.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from planner.services.sql import Reader, reader, value
from planner.vocabulary import PITFALL_KEYS

NO_LEARNING_DAYS = 21
NO_CONTACT_DAYS = 30


@dataclass(frozen=True)
class Pitfall:
    key: str
    title: str
    advice: str


@cache
def _wording() -> dict[str, Pitfall]:
    text = (files("planner.seed") / "catalog.toml").read_text(encoding="utf-8")
    found = tomllib.loads(text).get("pitfalls", [])
    return {p["key"]: Pitfall(p["key"], p["title"], p["advice"]) for p in found}


def _fires(db: Reader, key: str, today: dt.date) -> bool:
    if key == "no_learning":  # someone who logged learning before, but not for three weeks
        since = (today - dt.timedelta(days=NO_LEARNING_DAYS)).isoformat()
        return (
            value(db, "SELECT 1 FROM learning_session LIMIT 1") is not None
            and value(db, "SELECT 1 FROM learning_session WHERE date > ? LIMIT 1", (since,)) is None
        )
    if key == "no_contacts":  # contacts kept, none touched for a month
        since = (today - dt.timedelta(days=NO_CONTACT_DAYS)).isoformat()
        return (
            value(db, "SELECT 1 FROM contact LIMIT 1") is not None
            and value(db, "SELECT 1 FROM interaction WHERE date > ? LIMIT 1", (since,)) is None
        )
    # no portfolio, once there is a target role to show skills for
    return (
        value(db, "SELECT target_role_id FROM profile WHERE id = 1") is not None
        and value(db, "SELECT 1 FROM portfolio_item LIMIT 1") is None
    )


@reader
def pitfall(db: Reader, today: dt.date) -> Pitfall | None:
    """The first pitfall the data shows (no learning for three weeks, no contact touched for a
    month, no portfolio project), or None."""
    for key in PITFALL_KEYS:
        if _fires(db, key, today):
            return _wording().get(key)
    return None
