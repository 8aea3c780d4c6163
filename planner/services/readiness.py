"""How ready the person is for their target role, what is missing, and when they will be ready.

Readiness weights each required skill by importance (essential 3, important 2, useful 1) and
counts min(level / required level, 1) of it. The forecast turns the gap into hours (level steps
missing x the skill's hours per level step) and divides by the recent weekly learning pace.
Plain SQL (see `planner.services.sql`): the dashboard shows readiness on its first paint.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from planner.services.errors import InputError
from planner.services.sql import Reader, rows, value

WEIGHTS = {"essential": 3, "important": 2, "useful": 1}
IMPORTANCE_ORDER = {"essential": 0, "important": 1, "useful": 2}
PACE_WEEKS = 8


@dataclass(frozen=True)
class GapItem:
    skill: str
    category: str
    importance: str
    level: int
    required_level: int
    hours_per_level: float

    @property
    def remaining_hours(self) -> float:
        return max(self.required_level - self.level, 0) * self.hours_per_level


@dataclass(frozen=True)
class Readiness:
    role: str | None
    role_title: str | None
    score: float  # 0..1
    skills_total: int
    skills_met: int
    gaps: tuple[GapItem, ...]  # only skills below their required level, most important first

    @property
    def remaining_hours(self) -> float:
        return sum(g.remaining_hours for g in self.gaps)


@dataclass(frozen=True)
class Forecast:
    remaining_hours: float
    weekly_hours: float  # the pace used: recent average, or the what-if pace
    recent_weekly_hours: float
    weeks_needed: float | None
    ready_on: dt.date | None
    message: str


def readiness(db: Reader, role_slug: str | None = None) -> Readiness:
    """Readiness for `role_slug`, or for the profile's target role."""
    if role_slug is None:
        query = "SELECT r.id, r.slug, r.title FROM role r JOIN profile p ON p.target_role_id = r.id"
        role = rows(db, query)
    else:
        role = rows(db, "SELECT id, slug, title FROM role WHERE slug = ?", (role_slug,))
    if not role:
        return Readiness(None, None, 0.0, 0, 0, ())
    role_id, slug, title = role[0]
    items = _items(db, role_id)
    score = weighted_score(items)
    gaps = sorted(
        (i for i in items if i.level < i.required_level),
        key=lambda i: (IMPORTANCE_ORDER[i.importance], -i.remaining_hours, i.skill.casefold()),
    )
    return Readiness(
        role=slug,
        role_title=title,
        score=score,
        skills_total=len(items),
        skills_met=len(items) - len(gaps),
        gaps=tuple(gaps),
    )


def weighted_score(items: Iterable[GapItem]) -> float:
    """The readiness rule (0..1): each skill weighs by importance (essential 3, important 2,
    useful 1) and counts min(level / required level, 1) of its weight. Job postings use it too."""
    listed = list(items)
    total = sum(WEIGHTS[i.importance] for i in listed)
    earned = sum(WEIGHTS[i.importance] * min(i.level / i.required_level, 1.0) for i in listed)
    return earned / total if total else 0.0


_ITEMS = """
    SELECT s.name, s.category, rs.importance, coalesce(us.level, 0), rs.required_level,
           s.hours_per_level
    FROM role_skill rs
    JOIN skill s ON s.id = rs.skill_id
    LEFT JOIN user_skill us ON us.skill_id = s.id
    WHERE rs.role_id = ?
"""


def _items(db: Reader, role_id: int) -> list[GapItem]:
    return [GapItem(*row) for row in rows(db, _ITEMS, (role_id,))]


def skill_levels(db: Reader, role_slug: str | None = None) -> list[GapItem]:
    """Every skill the role (default: the target role) asks for, met or not, with the person's
    level beside the required one: most important first, then by category and name."""
    if role_slug is None:
        role_id = value(db, "SELECT target_role_id FROM profile WHERE id = 1")
    else:
        role_id = value(db, "SELECT id FROM role WHERE slug = ?", (role_slug,))
    if role_id is None:
        return []
    return sorted(
        _items(db, role_id),
        key=lambda i: (IMPORTANCE_ORDER[i.importance], i.category, i.skill.casefold()),
    )


def recent_weekly_hours(db: Reader, today: dt.date, weeks: int = PACE_WEEKS) -> float:
    """Average learning hours per week over the last `weeks` weeks up to today."""
    since = today - dt.timedelta(weeks=weeks) + dt.timedelta(days=1)
    total = value(
        db,
        "SELECT coalesce(sum(hours), 0.0) FROM learning_session WHERE date BETWEEN ? AND ?",
        (since.isoformat(), today.isoformat()),
    )
    return float(total) / weeks


def forecast(
    db: Reader,
    today: dt.date,
    weekly_hours: float | None = None,
    *,
    gap: Readiness | None = None,
) -> Forecast:
    """Projected ready date at the recent pace, or at a what-if `weekly_hours` pace."""
    gap = gap or readiness(db)
    recent = recent_weekly_hours(db, today)
    if weekly_hours is not None and not 0 < weekly_hours <= 168:
        raise InputError("a weekly pace must be more than 0 and at most 168 hours")
    pace = weekly_hours if weekly_hours is not None else recent
    remaining = gap.remaining_hours
    if gap.role is None:
        return Forecast(remaining, pace, recent, None, None, "Choose a target role first.")
    if remaining == 0:
        return Forecast(0.0, pace, recent, 0.0, today, "Every required skill is at its level.")
    if pace <= 0:
        return Forecast(
            remaining,
            pace,
            recent,
            None,
            None,
            f"Not enough data: no learning logged in the last {PACE_WEEKS} weeks.",
        )
    weeks = remaining / pace
    ready = today + dt.timedelta(days=math.ceil(weeks * 7))
    return Forecast(
        remaining,
        pace,
        recent,
        weeks,
        ready,
        f"{remaining:g} h to go at {pace:.1f} h/week: ready around {ready.isoformat()}.",
    )
