"""How a backup merges into a data file: each record's natural key, and what the data file
already holds, decided the same way when previewing and again when writing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.exporters.records import SECTIONS, collect
from planner.importers.json_fields import BadRecord, nocase
from planner.models import (
    Role,
    RolePhase,
    RoleSkill,
    Skill,
)

#: Sections whose records have no name: identical records are counted, not merged.
COUNTED = {"skill_assessments", "learning_sessions", "interactions", "milestones"}
#: Sections whose records set a value the data file already has a place for.
SETTINGS = {"skills", "profile", "balance_targets", "required_levels", "calendar_map"}


def _opt(text: str | None) -> str | None:
    return None if text is None else nocase(text)


def _milestone_key(r: dict[str, Any]) -> tuple:
    phase = r["phase"] and (r["phase"]["role"], r["phase"]["order"])
    skills = tuple(nocase(s) for s in r["skills"])
    return (r["title"], r["kind"], phase, r["due_on"], r["done_on"], r["notes"], skills)


#: The natural key of a record, computed alike for the file's records and the data file's.
KEYS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "skills": lambda r: nocase(r["name"]),
    "roles": lambda r: r["slug"],
    "profile": lambda r: "profile",
    "balance_targets": lambda r: r["category"],
    "required_levels": lambda r: (r["role"], nocase(r["skill"])),
    "user_skills": lambda r: nocase(r["skill"]),
    "skill_assessments": lambda r: (nocase(r["skill"]), r["assessed_on"], r["level"]),
    "learning_activities": lambda r: nocase(r["title"]),
    "learning_sessions": lambda r: (_opt(r["activity"]), r["date"], r["hours"], r["note"]),
    "week_hours": lambda r: (r["week_start"], r["category"]),
    "contacts": lambda r: nocase(r["name"]),
    "interactions": lambda r: (
        nocase(r["contact"]),
        r["date"],
        r["channel"],
        r["note"],
        r["follow_up_on"],
    ),
    "milestones": _milestone_key,
    "weekly_reviews": lambda r: r["week_start"],
    "calendar_map": lambda r: nocase(r["name"]),
    "portfolio": lambda r: nocase(r["title"]),
    "saved_postings": lambda r: nocase(r["name"]),
}


@dataclass(frozen=True)
class Item:
    """One checked record: its section, canonical form, key and (counted sections) which
    occurrence of that key in the file it is."""

    section: str
    record: dict[str, Any]
    key: Any
    occurrence: int = 0


class Existing:
    """What the data file already holds, by natural key, and the names that will exist."""

    def __init__(self, session: Session) -> None:
        current = collect(session)
        self.values: dict[str, dict[Any, Any]] = {}
        self.counts: dict[str, Counter] = {}
        for section in SECTIONS:
            records = current[section]
            records = [] if records is None else records if isinstance(records, list) else [records]
            keyed = {KEYS[section](r): r for r in records}
            if section in COUNTED:
                self.counts[section] = Counter(KEYS[section](r) for r in records)
            else:
                self.values[section] = keyed
        self.skills = {
            nocase(n): h for n, h in session.execute(select(Skill.name, Skill.hours_per_level))
        }
        self.roles = {
            slug: nocase(title) for slug, title in session.execute(select(Role.slug, Role.title))
        }
        self.phases = {
            (slug, order)
            for slug, order in session.execute(
                select(Role.slug, RolePhase.order).join(RolePhase, RolePhase.role_id == Role.id)
            )
        }
        self.required = {
            (slug, nocase(skill)): (level, edited)
            for slug, skill, level, edited in session.execute(
                select(Role.slug, Skill.name, RoleSkill.required_level, RoleSkill.level_edited)
                .join(RoleSkill, RoleSkill.role_id == Role.id)
                .join(Skill, Skill.id == RoleSkill.skill_id)
            )
        }
        self.activities = set(self.values["learning_activities"])
        self.contacts = set(self.values["contacts"])
        self.file_roles: set[str] = set()

    def wanted(self, item: Item) -> bool:
        """Whether writing the item would change the data file."""
        section, r = item.section, item.record
        if section in COUNTED:
            return item.occurrence > self.counts[section][item.key]
        if section == "skills":
            return item.key not in self.skills or self.skills[item.key] != r["hours_per_level"]
        if section == "roles":
            return item.key not in self.roles
        if section == "required_levels":
            return self.required.get(item.key) != (r["required_level"], True)
        if section in SETTINGS:
            return self.values[section].get(item.key) != r
        return item.key not in self.values[section]

    def note(self, item: Item) -> None:
        """Record that the item is (or will be) in the data file."""
        section, r = item.section, item.record
        if section in COUNTED:
            return
        self.values[section][item.key] = r
        if section == "skills":
            self.skills[item.key] = r["hours_per_level"]
        elif section == "roles" and item.key not in self.roles:
            self.roles[item.key] = nocase(r["title"])
            self.file_roles.add(item.key)
            self.phases.update((item.key, p["order"]) for p in r["phases"])
            for s in r["skills"]:
                self.required[(item.key, nocase(s["skill"]))] = (s["required_level"], True)
        elif section == "required_levels":
            self.required[item.key] = (r["required_level"], True)
        elif section == "learning_activities":
            self.activities.add(item.key)
        elif section == "contacts":
            self.contacts.add(item.key)

    # -- references ---------------------------------------------------------------------------
    def skill(self, name: str) -> str:
        if nocase(name) not in self.skills:
            raise BadRecord(f"skill {name!r} is neither in this backup nor in the data file")
        return name

    def skill_list(self, names: list[str]) -> list[str]:
        return [self.skill(n) for n in names]

    def role(self, slug: str | None) -> str | None:
        if slug is not None and slug not in self.roles:
            raise BadRecord(f"role {slug!r} is neither in this backup nor in the data file")
        return slug
