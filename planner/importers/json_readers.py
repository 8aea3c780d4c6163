"""Reading each section of a JSON backup into the canonical records the exporter writes,
checking every value against what the data file's columns and constraints accept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from planner.importers.json_fields import BadRecord, Fields, nocase
from planner.importers.json_merge import KEYS, Existing
from planner.vocabulary import (
    ACTIVITY_KINDS,
    ACTIVITY_STATUSES,
    CATEGORIES,
    CHANNELS,
    DAY_HOURS,
    DEFAULT_ANNUAL_LEARNING_HOURS,
    DEFAULT_CADENCE_DAYS,
    DEFAULT_MONTHLY_CONTACT_GOAL,
    IMPORTANCES,
    MAX_CADENCE_DAYS,
    MILESTONE_KINDS,
    MONTH_HOURS,
    PORTFOLIO_STATUSES,
    PRIORITIES,
    RELATIONSHIPS,
    SOURCES,
    STAGES,
    TRACKS,
    TYPED_CATEGORIES,
    WEEK_HOURS,
    YEAR_HOURS,
)


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
    phases: list[dict[str, Any]] = []
    for n, p in enumerate(f.records("phases"), start=1):
        try:
            earliest = p.integer("earliest_month", 0, 10000)
            phase: dict[str, Any] = {
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
            in_phase = s.optional_integer("phase", 0, 10000)
            if in_phase is not None and in_phase not in orders:
                raise BadRecord(f"phase {in_phase} is not one of this role's phases")
            skill: dict[str, Any] = {
                "skill": known.skill(s.name("skill")),
                "importance": s.choice("importance", IMPORTANCES),
                "required_level": s.integer("required_level", 1, 5),
                "level_edited": s.flag("level_edited"),
                "phase": in_phase,
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
        "annual_learning_goal": f.number(
            "annual_learning_goal", 0, YEAR_HOURS, DEFAULT_ANNUAL_LEARNING_HOURS
        ),
        "monthly_contact_goal": f.integer(
            "monthly_contact_goal", 0, 10000, DEFAULT_MONTHLY_CONTACT_GOAL
        ),
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
        "planned_hours_per_month": f.number("planned_hours_per_month", 0, MONTH_HOURS, 0.0),
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
        "hours": f.number("hours", 0, DAY_HOURS, above=True),
        "note": f.text("note"),
    }


def _week_hours(f: Fields, known: Existing) -> dict[str, Any]:
    monday = f.date("week_start")
    if dt.date.fromisoformat(monday).weekday() != 0:
        raise BadRecord(f"week_start {monday} is not a Monday")
    return {
        "week_start": monday,
        "category": f.choice("category", TYPED_CATEGORIES),
        "hours": f.number("hours", 0, WEEK_HOURS),
    }


def _contact(f: Fields, known: Existing) -> dict[str, Any]:
    return {
        "name": f.name("name"),
        "relationship": f.choice("relationship", RELATIONSHIPS, "peer"),
        "company": f.text("company"),
        "position": f.text("position"),
        "industry": f.text("industry"),
        "email": f.text("email"),
        "phone": f.text("phone"),
        "url": f.text("url"),
        "cadence_days": f.integer("cadence_days", 1, MAX_CADENCE_DAYS, DEFAULT_CADENCE_DAYS),
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


def _posting_name(f: Fields) -> str:
    name = " ".join(f.name("name").split())
    if len(name) > 200:
        raise BadRecord("name of a saved posting can be at most 200 characters")
    return name


READERS: dict[str, Callable[[Fields, Existing], dict[str, Any]]] = {
    "skills": _skill,
    "roles": _role,
    "profile": _profile,
    "balance_targets": lambda f, k: {
        "category": f.choice("category", CATEGORIES),
        "hours": f.number("hours", 0, WEEK_HOURS),
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
    "calendar_map": lambda f, k: {
        "name": f.name("name"),
        "category": f.choice("category", TYPED_CATEGORIES),
    },
    "portfolio": lambda f, k: {
        "title": f.name("title"),
        "kind": f.text("kind", "project"),
        "link": f.text("link"),
        "status": f.choice("status", PORTFOLIO_STATUSES, "idea"),
        "notes": f.text("notes"),
        "skills": k.skill_list(f.names("skills")),
    },
    "saved_postings": lambda f, k: {
        "name": _posting_name(f),
        "text": f.text("text", ..., required=True),
        "source": f.text("source", "pasted")[:300] or "pasted",
        "saved_on": f.date("saved_on"),
    },
}
