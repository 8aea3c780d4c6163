"""The move from the person's current role to their target, as the guides advise it.

The framework guide names career moves with how long they take and the skills they need (Data
Analyst to ML Engineer: advanced statistics, ML algorithms, software engineering, MLOps basics).
The catalog keeps them as transitions; this module finds the route from the current role to the
target through them (the direct move, or the fewest moves in between when there is none), adds up
their durations, lists the skills the moves ask for with the guide's reason, and what the current
role already brings to the target. Plain SQL (see `planner.services.sql`): readiness, which the
dashboard paints first, adds the move's skills to the gap.
"""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass

from planner.services.sql import Reader, reader, rows, value


@dataclass(frozen=True)
class MoveSkill:
    name: str
    category: str
    required_level: int
    level: int  # the person's level now
    hours_per_level: float
    reason: str  # the guide's note on the move that asks for it
    step: str  # "Data Analyst → ML Engineer"

    @property
    def met(self) -> bool:
        return self.level >= self.required_level


@dataclass(frozen=True)
class MoveStep:
    from_role: str
    from_title: str
    to_role: str
    to_title: str
    months_min: int | None
    months_max: int | None
    note: str

    @property
    def label(self) -> str:
        return f"{self.from_title} → {self.to_title}"


@dataclass(frozen=True)
class Move:
    current: str | None
    current_title: str | None
    target: str | None
    target_title: str | None
    steps: tuple[MoveStep, ...]  # empty when the guides name no route (or no roles are set)
    skills: tuple[MoveSkill, ...]  # what the moves ask for, each skill once
    brings: tuple[str, ...]  # target-role skills the current role also asks for

    @property
    def direct(self) -> bool:
        return len(self.steps) == 1

    @property
    def between(self) -> tuple[str, ...]:
        """Titles of the roles on the way, between the current role and the target."""
        return tuple(s.to_title for s in self.steps[:-1])

    @property
    def months(self) -> tuple[int | None, int | None]:
        """The route's duration (fewest, most months): a bound is None when a move on the way
        has no figure for it in the guides."""
        lows = [s.months_min for s in self.steps]
        highs = [s.months_max for s in self.steps]
        low = sum(x or 0 for x in lows) if any(x is not None for x in lows) else None
        high = sum(x for x in highs if x is not None) if highs and None not in highs else None
        return low, high

    @property
    def duration(self) -> str:
        low, high = self.months
        if not self.steps:
            return ""
        if low is not None and high is not None:
            return f"{low}–{high} months"
        if high is not None:
            return f"up to {high} months"
        if low is not None:
            return f"at least {low} months"
        return "no duration in the guides"

    @property
    def summary(self) -> str:
        """One line of advice, for the dashboard, the review and `planner gap`."""
        if self.current is None or self.target is None:
            return "Set your current and target role to see the move between them."
        if self.current == self.target:
            return f"{self.target_title} is already your current role."
        if not self.steps:
            return (
                f"The guides name no route from {self.current_title} to {self.target_title}; "
                "the gap list below is the whole plan."
            )
        way = "a direct move" if self.direct else "via " + ", ".join(self.between)
        return f"{self.current_title} → {self.target_title}: {way}, {self.duration}."


def _role(db: Reader, role_id: int | None) -> tuple[str, str] | None:
    if role_id is None:
        return None
    found = rows(db, "SELECT slug, title FROM role WHERE id = ?", (role_id,))
    return found[0] if found else None


@reader
def route(db: Reader, from_id: int, to_id: int) -> list[int] | None:
    """Transition ids of the shortest route (fewest moves) from one role to another, or None;
    ties go to the moves listed first in the catalog."""
    edges: dict[int, list[tuple[int, int]]] = {}
    for move_id, a, b in rows(
        db, "SELECT id, from_role_id, to_role_id FROM role_transition ORDER BY id"
    ):
        edges.setdefault(a, []).append((move_id, b))
    seen: dict[int, list[int]] = {from_id: []}  # role -> transition ids on the way there
    queue = deque([from_id])
    while queue:
        here = queue.popleft()
        if here == to_id:
            return seen[here]
        for move_id, there in edges.get(here, ()):
            if there not in seen:
                seen[there] = [*seen[here], move_id]
                queue.append(there)
    return None


_STEP = """
    SELECT f.slug, f.title, t.slug, t.title, m.months_min, m.months_max, m.note, m.skills
    FROM role_transition m JOIN role f ON f.id = m.from_role_id JOIN role t ON t.id = m.to_role_id
    WHERE m.id = ?
"""


@reader
def move(db: Reader, target_slug: str | None = None) -> Move:
    """The move from the profile's current role to its target (or to `target_slug`)."""
    current_id = value(db, "SELECT current_role_id FROM profile WHERE id = 1")
    if target_slug is None:
        target_id = value(db, "SELECT target_role_id FROM profile WHERE id = 1")
    else:
        target_id = value(db, "SELECT id FROM role WHERE slug = ?", (target_slug,))
    current, target = _role(db, current_id), _role(db, target_id)
    none = Move(
        current and current[0], current and current[1], target and target[0],
        target and target[1], (), (), (),
    )  # fmt: skip
    if current is None or target is None or current_id == target_id:
        return none
    brings = tuple(
        name
        for (name,) in rows(
            db,
            """SELECT s.name FROM role_skill t JOIN skill s ON s.id = t.skill_id
               WHERE t.role_id = ? AND t.skill_id IN
                   (SELECT skill_id FROM role_skill WHERE role_id = ?)
               ORDER BY CASE t.importance WHEN 'essential' THEN 0 WHEN 'important' THEN 1
                        ELSE 2 END, s.name COLLATE NOCASE""",
            (target_id, current_id),
        )
    )
    ids = route(db, current_id, target_id)
    if ids is None:
        return Move(current[0], current[1], target[0], target[1], (), (), brings)
    steps, wanted = [], []
    for move_id in ids:
        fs, ft, ts, tt, low, high, note, raw = rows(db, _STEP, (move_id,))[0]
        step = MoveStep(fs, ft, ts, tt, low, high, note)
        steps.append(step)
        wanted += [(m, note, step.label) for m in json.loads(raw or "[]")]
    skills: dict[str, MoveSkill] = {}
    for m, note, label in wanted:
        found = rows(
            db,
            """SELECT s.name, s.category, coalesce(u.level, 0), s.hours_per_level FROM skill s
               LEFT JOIN user_skill u ON u.skill_id = s.id WHERE s.name = ? COLLATE NOCASE""",
            (m["name"],),
        )
        if not found or found[0][0].casefold() in skills:
            continue
        name, category, level, hours = found[0]
        skills[name.casefold()] = MoveSkill(
            name, category, int(m.get("level", 2)), level, hours, note, label
        )
    return Move(
        current[0], current[1], target[0], target[1], tuple(steps), tuple(skills.values()), brings
    )
