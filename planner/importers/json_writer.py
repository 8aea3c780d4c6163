"""Writing a planned JSON import: rows linked by natural keys, duplicates decided afresh.

Named records (skills, activities, contacts...) are written as ORM objects, which link them and
fill in their ids. The many plain rows that only point at those (sessions, interactions,
assessments, weeks' hours) are collected and written as one multi-row insert per table: ten
years of them are tens of thousands of rows, and as ORM objects the import spent its time
building and tracking each object and loading the contact or activity collection each joined.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, overload

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from planner.importers.json_fields import nocase
from planner.importers.json_merge import Existing, Item
from planner.importers.plan import Row
from planner.models import (
    BalanceTarget,
    CalendarMap,
    Contact,
    Interaction,
    LearningActivity,
    LearningSession,
    Milestone,
    PortfolioItem,
    Profile,
    Role,
    RolePhase,
    RoleSalary,
    RoleSkill,
    SavedPosting,
    Skill,
    SkillAssessment,
    UserSkill,
    WeekHours,
    WeeklyReview,
)
from planner.services.errors import ImportFileError


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

    def _id(self, row: Any) -> int:
        """The id of a row found or added, flushing added ones to the file to get it."""
        if row.id is None:
            self.session.flush()
        return row.id

    def skill_id(self, name: str) -> int:
        return self._id(self.skill(name))

    @overload
    def role(self, slug: str) -> Role: ...
    @overload
    def role(self, slug: None) -> None: ...
    def role(self, slug: str | None) -> Role | None:
        return None if slug is None else self._get(self._roles, slug, f"role {slug!r}")

    def activity(self, title: str | None) -> LearningActivity | None:
        return None if title is None else self._get(self._activities, nocase(title), repr(title))

    def activity_id(self, title: str | None) -> int | None:
        activity = self.activity(title)
        return None if activity is None else self._id(activity)

    def contact_id(self, name: str) -> int:
        return self._id(self._get(self._contacts, nocase(name), f"contact {name!r}"))

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


#: What each writer returns (a merged row, say) goes unused.
WRITERS: dict[str, Callable[[_Target, dict[str, Any]], object]] = {
    "skills": _Target.add_skill,
    "roles": _Target.add_role,
    "profile": _Target.set_profile,
    "balance_targets": lambda t, r: t.session.merge(BalanceTarget(**r)),
    "calendar_map": lambda t, r: t.session.merge(CalendarMap(**r)),
    "required_levels": _Target.set_required_level,
    "user_skills": lambda t, r: t.session.merge(
        UserSkill(
            skill_id=t.skill_id(r["skill"]), level=r["level"], updated_on=_day(r["updated_on"])
        )
    ),
    "learning_activities": _Target.add_activity,
    "contacts": _Target.add_contact,
    "milestones": _Target.add_milestone,
    "weekly_reviews": lambda t, r: t.session.add(
        WeeklyReview(week_start=_day(r["week_start"]), reflection=r["reflection"])
    ),
    "portfolio": lambda t, r: t.session.add(
        PortfolioItem(
            **{k: v for k, v in r.items() if k != "skills"},
            skills=[t.skill(s) for s in r["skills"]],
        )
    ),
    "saved_postings": lambda t, r: t.session.add(
        SavedPosting(
            name=r["name"], text=r["text"], source=r["source"], saved_on=_day(r["saved_on"])
        )
    ),
}


#: Sections written as one insert each: section -> (model, its row's column values).
BULK: dict[str, tuple[type, Callable[[_Target, dict[str, Any]], dict[str, Any]]]] = {
    "skill_assessments": (
        SkillAssessment,
        lambda t, r: {
            "skill_id": t.skill_id(r["skill"]),
            "assessed_on": _day(r["assessed_on"]),
            "level": r["level"],
        },
    ),
    "learning_sessions": (
        LearningSession,
        lambda t, r: {
            "activity_id": t.activity_id(r["activity"]),
            "date": _day(r["date"]),
            "hours": r["hours"],
            "note": r["note"],
        },
    ),
    "week_hours": (
        WeekHours,
        lambda t, r: {
            "week_start": _day(r["week_start"]),
            "category": r["category"],
            "hours": r["hours"],
        },
    ),
    "interactions": (
        Interaction,
        lambda t, r: {
            "contact_id": t.contact_id(r["contact"]),
            "date": _day(r["date"]),
            "channel": r["channel"],
            "note": r["note"],
            "follow_up_on": _day(r["follow_up_on"]),
        },
    ),
}


def write(session: Session, rows: list[Row]) -> int:
    """Write the plan's additions in the caller's transaction, deciding duplicates afresh
    (the data file may have changed since the preview); returns how many records changed it."""
    known = Existing(session)
    target = _Target(session)
    written = 0
    plain: dict[type, list[dict[str, Any]]] = {}
    for row in rows:
        item: Item = row.data
        if not known.wanted(item):
            continue
        if item.section in BULK:
            model, values = BULK[item.section]
            plain.setdefault(model, []).append(values(target, item.record))
        else:
            WRITERS[item.section](target, item.record)
        known.note(item)
        written += 1
    session.flush()
    for model, records in plain.items():
        session.execute(insert(model), records)
    return written
