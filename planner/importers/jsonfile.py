"""`planner import json FILE`: restore the app's own backup (planner/exporters/jsonfile.py).

The backup refers to rows by natural keys, so it restores into any data file. Three kinds of
section are merged differently, and the same rules decide again at commit time, so importing a
file twice adds nothing:
- named records (skills, contacts, activities, a week's hours ...) are added unless a row with
  the same name already exists (names compare as the data file does, ignoring ASCII case);
- records without a name (sessions, interactions, assessments, milestones) are counted: when the
  file holds three identical sessions and the data file two, one is added;
- settings (profile, targets, required levels, a skill's hours per level) take the backup's value
  when it differs, and the preview lists each such change.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.exporters.records import FORMAT, SECTIONS, VERSION, collect
from planner.importers.json_fields import BadRecord, Fields, nocase
from planner.importers.plan import ImportFileError, ImportPlan, Problem, Row
from planner.models import (
    BalanceTarget,
    Contact,
    Interaction,
    LearningActivity,
    LearningSession,
    Milestone,
    Profile,
    Role,
    RolePhase,
    RoleSalary,
    RoleSkill,
    Skill,
    SkillAssessment,
    UserSkill,
    WeekHours,
    WeeklyReview,
)
from planner.models.base import (
    ACTIVITY_KINDS,
    ACTIVITY_STATUSES,
    CATEGORIES,
    CHANNELS,
    IMPORTANCES,
    MILESTONE_KINDS,
    PRIORITIES,
    RELATIONSHIPS,
    SOURCES,
    STAGES,
    TRACKS,
    TYPED_CATEGORIES,
)

SOURCE = "Career Planner backup"
#: Sections whose records have no name: identical records are counted, not merged.
COUNTED = {"skill_assessments", "learning_sessions", "interactions", "milestones"}
#: Sections whose records set a value the data file already has a place for.
SETTINGS = {"skills", "profile", "balance_targets", "required_levels"}


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


# -- reading each section's records ---------------------------------------------------------------
def _skill(f: Fields, known: Existing) -> dict[str, Any]:
    return {
        "name": f.name("name"),
        "category": f.text("category", "Other"),
        "hours_per_level": f.number("hours_per_level", 0, 10000, 20.0, above=True),
        "source": f.choice("source", SOURCES, "user"),
    }


def _role(f: Fields, known: Existing) -> dict[str, Any]:
    slug, title = f.name("slug"), f.name("title")
    if slug not in known.roles and nocase(title) in known.roles.values():
        raise BadRecord(f"another role is already called {title!r}")
    phases = []
    for n, p in enumerate(f.records("phases"), start=1):
        try:
            earliest = p.integer("earliest_month", 0, 10000)
            phase = {
                "order": p.integer("order", 0, 10000),
                "name": p.text("name", ...),
                "earliest_month": earliest,
                "latest_month": p.optional_integer("latest_month", earliest, 10000),
                "focus": p.text("focus"),
            }
        except BadRecord as exc:
            raise BadRecord(f"phases #{n}: {exc}") from None
        if any(q["order"] == phase["order"] for q in phases):
            raise BadRecord(f"phases #{n}: order {phase['order']} is used twice")
        phases.append(phase)
    orders = {p["order"] for p in phases}
    skills: list[dict[str, Any]] = []
    for n, s in enumerate(f.records("skills"), start=1):
        try:
            phase = s.optional_integer("phase", 0, 10000)
            if phase is not None and phase not in orders:
                raise BadRecord(f"phase {phase} is not one of this role's phases")
            skill = {
                "skill": known.skill(s.name("skill")),
                "importance": s.choice("importance", IMPORTANCES),
                "required_level": s.integer("required_level", 1, 5),
                "level_edited": s.flag("level_edited"),
                "phase": phase,
            }
        except BadRecord as exc:
            raise BadRecord(f"skills #{n}: {exc}") from None
        if any(nocase(k["skill"]) == nocase(skill["skill"]) for k in skills):
            raise BadRecord(f"skills #{n}: {skill['skill']!r} is listed twice")
        skills.append(skill)
    salaries = []
    for n, s in enumerate(f.records("salaries"), start=1):
        try:
            low = s.integer("min_usd", 0)
            salaries.append(
                {
                    "level": s.choice("level", STAGES),
                    "min_usd": low,
                    "max_usd": s.optional_integer("max_usd", low),
                    "source_year": s.integer("source_year", 1900, 9999),
                }
            )
        except BadRecord as exc:
            raise BadRecord(f"salaries #{n}: {exc}") from None
    return {
        "slug": slug,
        "title": title,
        "track": f.choice("track", TRACKS),
        "stage": f.optional_choice("stage", STAGES),
        "summary": f.text("summary"),
        "responsibilities": f.texts("responsibilities"),
        "catalog_version": f.optional_integer("catalog_version", 0),
        "phases": sorted(phases, key=lambda p: p["order"]),
        "skills": sorted(skills, key=lambda s: s["skill"].casefold()),
        "salaries": sorted(salaries, key=lambda s: (s["level"], s["source_year"], s["min_usd"])),
    }


def _profile(f: Fields, known: Existing) -> dict[str, Any]:
    return {
        "display_name": f.text("display_name"),
        "current_role": known.role(f.optional_name("current_role")),
        "target_role": known.role(f.optional_name("target_role")),
        "career_stage": f.choice("career_stage", STAGES, "entry"),
        "plan_start": f.optional_date("plan_start"),
        "annual_learning_goal": f.number("annual_learning_goal", 0, 8760, 200.0),
        "monthly_contact_goal": f.integer("monthly_contact_goal", 0, 10000, 2),
    }


def _required_level(f: Fields, known: Existing) -> dict[str, Any]:
    record = {
        "role": known.role(f.name("role")),
        "skill": known.skill(f.name("skill")),
        "required_level": f.integer("required_level", 1, 5),
    }
    if record["role"] in known.file_roles:
        raise BadRecord(f"role {record['role']!r} comes from this backup with its own levels")
    if KEYS["required_levels"](record) not in known.required:
        raise BadRecord(f"role {record['role']!r} does not ask for skill {record['skill']!r}")
    return record


def _activity(f: Fields, known: Existing) -> dict[str, Any]:
    start, target = f.optional_date("start_date"), f.optional_date("target_date")
    if start and target and target < start:
        raise BadRecord(f"target_date {target} is before start_date {start}")
    return {
        "title": f.name("title"),
        "kind": f.choice("kind", ACTIVITY_KINDS, "course"),
        "provider": f.text("provider"),
        "url": f.text("url"),
        "planned_hours_per_month": f.number("planned_hours_per_month", 0, 744, 0.0),
        "priority": f.choice("priority", PRIORITIES, "medium"),
        "status": f.choice("status", ACTIVITY_STATUSES, "planned"),
        "start_date": start,
        "target_date": target,
        "estimated_hours": f.optional_number("estimated_hours", 0, 1e9),
        "notes": f.text("notes"),
        "skills": known.skill_list(f.names("skills")),
    }


def _session(f: Fields, known: Existing) -> dict[str, Any]:
    activity = f.optional_name("activity")
    if activity is not None and nocase(activity) not in known.activities:
        raise BadRecord(f"activity {activity!r} is neither in this backup nor in the data file")
    return {
        "activity": activity,
        "date": f.date("date"),
        "hours": f.number("hours", 0, 24, above=True),
        "note": f.text("note"),
    }


def _week_hours(f: Fields, known: Existing) -> dict[str, Any]:
    monday = f.date("week_start")
    if dt.date.fromisoformat(monday).weekday() != 0:
        raise BadRecord(f"week_start {monday} is not a Monday")
    return {
        "week_start": monday,
        "category": f.choice("category", TYPED_CATEGORIES),
        "hours": f.number("hours", 0, 168),
    }


def _contact(f: Fields, known: Existing) -> dict[str, Any]:
    return {
        "name": f.name("name"),
        "relationship": f.choice("relationship", RELATIONSHIPS, "peer"),
        "company": f.text("company"),
        "position": f.text("position"),
        "industry": f.text("industry"),
        "email": f.text("email"),
        "url": f.text("url"),
        "cadence_days": f.integer("cadence_days", 1, 3650, 60),
        "connected_on": f.optional_date("connected_on"),
        "notes": f.text("notes"),
        "expertise": known.skill_list(f.names("expertise")),
    }


def _interaction(f: Fields, known: Existing) -> dict[str, Any]:
    contact = f.name("contact")
    if nocase(contact) not in known.contacts:
        raise BadRecord(f"contact {contact!r} is neither in this backup nor in the data file")
    return {
        "contact": contact,
        "date": f.date("date"),
        "channel": f.choice("channel", CHANNELS, "meeting"),
        "note": f.text("note"),
        "follow_up_on": f.optional_date("follow_up_on"),
    }


def _milestone(f: Fields, known: Existing) -> dict[str, Any]:
    phase = f.optional_record("phase")
    ref = None
    if phase is not None:
        ref = {"role": known.role(phase.name("role")), "order": phase.integer("order", 0, 10000)}
        if (ref["role"], ref["order"]) not in known.phases:
            raise BadRecord(f"role {ref['role']!r} has no phase {ref['order']}")
    return {
        "title": f.text("title", ...),
        "kind": f.choice("kind", MILESTONE_KINDS, "custom"),
        "phase": ref,
        "due_on": f.optional_date("due_on"),
        "done_on": f.optional_date("done_on"),
        "notes": f.text("notes"),
        "skills": known.skill_list(f.names("skills")),
    }


READERS: dict[str, Callable[[Fields, Existing], dict[str, Any]]] = {
    "skills": _skill,
    "roles": _role,
    "profile": _profile,
    "balance_targets": lambda f, k: {
        "category": f.choice("category", CATEGORIES),
        "hours": f.number("hours", 0, 168),
    },
    "required_levels": _required_level,
    "user_skills": lambda f, k: {
        "skill": k.skill(f.name("skill")),
        "level": f.integer("level", 0, 5),
        "updated_on": f.date("updated_on"),
    },
    "skill_assessments": lambda f, k: {
        "skill": k.skill(f.name("skill")),
        "assessed_on": f.date("assessed_on"),
        "level": f.integer("level", 0, 5),
    },
    "learning_activities": _activity,
    "learning_sessions": _session,
    "week_hours": _week_hours,
    "contacts": _contact,
    "interactions": _interaction,
    "milestones": _milestone,
    "weekly_reviews": lambda f, k: {
        "week_start": f.date("week_start"),
        "reflection": f.text("reflection"),
    },
}


def _label(item: Item) -> str:
    r = item.record
    named = r.get("name") or r.get("title") or r.get("slug")
    if item.section == "profile":
        return f"profile of {r['display_name']!r}" if r["display_name"] else "profile"
    if item.section == "balance_targets":
        return f"{r['category']} target {r['hours']:g} h/week"
    if item.section == "required_levels":
        return f"{r['role']}: {r['skill']} required level {r['required_level']}"
    if named:
        return repr(named)
    parts = [str(v) for v in r.values() if isinstance(v, str | int | float) and v != ""]
    return ", ".join(parts[:4])


# -- the file as a whole ------------------------------------------------------------------------
def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def load(path: Path) -> dict[str, Any]:
    """The parsed backup, or ImportFileError saying why the file cannot be one."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"{path} cannot be read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{path} is not UTF-8 text (byte {exc.start})") from exc
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(f"{path} is not valid JSON ({exc})") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFileError(
            f'{path} is not a Career Planner backup (no "format": "{FORMAT}"). '
            "Choose a file made with File > Export or 'planner export json'."
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportFileError(f"{path} has no valid format version (found {version!r})")
    if version > VERSION:
        raise ImportFileError(
            f"{path} was written by a newer Career Planner (backup format {version}; this "
            f"version reads {VERSION}). Update the app to import it; nothing was written."
        )
    for section in SECTIONS:
        value = document.get(section)
        wanted = dict if section == "profile" else list
        if value is not None and not isinstance(value, wanted):
            kind = "a record" if wanted is dict else "a list of records"
            raise ImportFileError(f"{path}: {section!r} must be {kind}; nothing was written")
    return document


def _records(document: dict[str, Any], section: str) -> Iterator[tuple[int, Any]]:
    value = document.get(section)
    if value is None:
        return
    yield from enumerate([value] if section == "profile" else value, start=1)


def plan(session: Session, path: str | Path) -> ImportPlan:
    """Read the whole backup and decide, record by record, what an import would do."""
    path = Path(path)
    document = load(path)
    result = ImportPlan(SOURCE, str(path), "records", writer=write, unit="record")
    known = Existing(session)
    number = 0
    for section in SECTIONS:
        seen: dict[Any, int] = {}
        occurrences: Counter = Counter()
        for position, raw in _records(document, section):
            number += 1
            where = f"{section} #{position}"
            try:
                record = READERS[section](Fields(raw), known)
                key = KEYS[section](record)
                if section not in COUNTED and key in seen:
                    raise BadRecord(f"repeats {section} #{seen[key]}")
            except BadRecord as exc:
                result.rejected.append(Problem(number, f"{where}: {exc}"))
                continue
            seen.setdefault(key, position)
            occurrences[key] += 1
            item = Item(section, record, key, occurrences[key])
            row = Row(number, f"{where}: {_label(item)}", item)
            (result.add if known.wanted(item) else result.duplicates).append(row)
            known.note(item)
    return result


# -- writing --------------------------------------------------------------------------------------
def _day(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


class _Target:
    """Rows of the data file by natural key, for linking what the import writes."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._skills = {nocase(s.name): s for s in session.scalars(select(Skill))}
        self._roles = {r.slug: r for r in session.scalars(select(Role))}
        self._activities = {nocase(a.title): a for a in session.scalars(select(LearningActivity))}
        self._contacts = {nocase(c.name): c for c in session.scalars(select(Contact))}

    @staticmethod
    def _get(found: dict[str, Any], key: str, what: str) -> Any:
        try:
            return found[key]
        except KeyError:
            raise ImportFileError(
                f"{what} left the data file after the preview; preview the import again"
            ) from None

    def skill(self, name: str) -> Skill:
        return self._get(self._skills, nocase(name), f"skill {name!r}")

    def skill_id(self, name: str) -> int:
        skill = self.skill(name)
        if skill.id is None:
            self.session.flush()
        return skill.id

    def role(self, slug: str | None) -> Role | None:
        return None if slug is None else self._get(self._roles, slug, f"role {slug!r}")

    def activity(self, title: str | None) -> LearningActivity | None:
        return None if title is None else self._get(self._activities, nocase(title), repr(title))

    def contact(self, name: str) -> Contact:
        return self._get(self._contacts, nocase(name), f"contact {name!r}")

    def add_skill(self, r: dict[str, Any]) -> None:
        skill = self._skills.get(nocase(r["name"]))
        if skill is None:
            skill = Skill(name=r["name"], category=r["category"], source=r["source"])
            self.session.add(skill)
            self._skills[nocase(r["name"])] = skill
        skill.hours_per_level = r["hours_per_level"]

    def add_role(self, r: dict[str, Any]) -> None:
        role = Role(
            slug=r["slug"],
            title=r["title"],
            track=r["track"],
            stage=r["stage"],
            summary=r["summary"],
            responsibilities=r["responsibilities"],
            source="user",
            catalog_version=r["catalog_version"],
        )
        role.phases = [RolePhase(**p) for p in r["phases"]]
        role.salaries = [RoleSalary(**s) for s in r["salaries"]]
        self.session.add(role)
        self.session.flush()  # phase ids, for the skills that name a phase
        phase_ids = {p.order: p.id for p in role.phases}
        role.skills = [
            RoleSkill(
                skill_id=self.skill_id(s["skill"]),
                importance=s["importance"],
                required_level=s["required_level"],
                level_edited=s["level_edited"],
                phase_id=phase_ids.get(s["phase"]),
            )
            for s in r["skills"]
        ]
        self._roles[role.slug] = role

    def set_profile(self, r: dict[str, Any]) -> None:
        profile = self.session.get(Profile, 1) or Profile(id=1)
        self.session.add(profile)
        profile.display_name, profile.career_stage = r["display_name"], r["career_stage"]
        profile.current_role = self.role(r["current_role"])
        profile.target_role = self.role(r["target_role"])
        profile.plan_start = _day(r["plan_start"])
        profile.annual_learning_goal = r["annual_learning_goal"]
        profile.monthly_contact_goal = r["monthly_contact_goal"]

    def set_required_level(self, r: dict[str, Any]) -> None:
        role = self.role(r["role"])
        skill_id = self.skill_id(r["skill"])
        row = self.session.get(RoleSkill, (role.id, skill_id))
        if row is None:
            raise ImportFileError(
                f"role {r['role']!r} no longer asks for {r['skill']!r}; preview the import again"
            )
        row.required_level, row.level_edited = r["required_level"], True

    def add_activity(self, r: dict[str, Any]) -> None:
        values = {k: v for k, v in r.items() if k != "skills"}
        values["start_date"], values["target_date"] = _day(r["start_date"]), _day(r["target_date"])
        activity = LearningActivity(**values, skills=[self.skill(s) for s in r["skills"]])
        self.session.add(activity)
        self._activities[nocase(r["title"])] = activity

    def add_contact(self, r: dict[str, Any]) -> None:
        values = {k: v for k, v in r.items() if k != "expertise"}
        values["connected_on"] = _day(r["connected_on"])
        contact = Contact(**values, expertise=[self.skill(s) for s in r["expertise"]])
        self.session.add(contact)
        self._contacts[nocase(r["name"])] = contact

    def add_milestone(self, r: dict[str, Any]) -> None:
        phase = None
        if r["phase"] is not None:
            role = self.role(r["phase"]["role"])
            phase = next((p for p in role.phases if p.order == r["phase"]["order"]), None)
            if phase is None:
                raise ImportFileError(f"a phase of {role.slug!r} left the data file; try again")
        self.session.add(
            Milestone(
                title=r["title"],
                kind=r["kind"],
                phase=phase,
                due_on=_day(r["due_on"]),
                done_on=_day(r["done_on"]),
                notes=r["notes"],
                skills=[self.skill(s) for s in r["skills"]],
            )
        )


WRITERS: dict[str, Callable[[_Target, dict[str, Any]], None]] = {
    "skills": _Target.add_skill,
    "roles": _Target.add_role,
    "profile": _Target.set_profile,
    "balance_targets": lambda t, r: t.session.merge(BalanceTarget(**r)),
    "required_levels": _Target.set_required_level,
    "user_skills": lambda t, r: t.session.merge(
        UserSkill(
            skill_id=t.skill_id(r["skill"]), level=r["level"], updated_on=_day(r["updated_on"])
        )
    ),
    "skill_assessments": lambda t, r: t.session.add(
        SkillAssessment(
            skill_id=t.skill_id(r["skill"]), assessed_on=_day(r["assessed_on"]), level=r["level"]
        )
    ),
    "learning_activities": _Target.add_activity,
    "learning_sessions": lambda t, r: t.session.add(
        LearningSession(
            activity=t.activity(r["activity"]),
            date=_day(r["date"]),
            hours=r["hours"],
            note=r["note"],
        )
    ),
    "week_hours": lambda t, r: t.session.add(
        WeekHours(week_start=_day(r["week_start"]), category=r["category"], hours=r["hours"])
    ),
    "contacts": _Target.add_contact,
    "interactions": lambda t, r: t.session.add(
        Interaction(
            contact=t.contact(r["contact"]),
            date=_day(r["date"]),
            channel=r["channel"],
            note=r["note"],
            follow_up_on=_day(r["follow_up_on"]),
        )
    ),
    "milestones": _Target.add_milestone,
    "weekly_reviews": lambda t, r: t.session.add(
        WeeklyReview(week_start=_day(r["week_start"]), reflection=r["reflection"])
    ),
}


def write(session: Session, rows: list[Row]) -> int:
    """Write the plan's additions in the caller's transaction, deciding duplicates afresh
    (the data file may have changed since the preview); returns how many records changed it."""
    known = Existing(session)
    target = _Target(session)
    written = 0
    for row in rows:
        item: Item = row.data
        if not known.wanted(item):
            continue
        WRITERS[item.section](target, item.record)
        known.note(item)
        written += 1
    session.flush()
    return written
