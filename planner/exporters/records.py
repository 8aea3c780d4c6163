"""Everything a person owns in a data file, as plain records keyed by names instead of ids.

The JSON backup, the CSV folder and the JSON importer share this one description, so a backup
restores into any data file: rows refer to each other by natural keys (a skill's name, an
activity's title, a role's slug, a phase by role and position), never by row ids that differ
between files.

What is left out on purpose: the shipped catalog itself (catalog roles, their phases, skills
and salaries, transitions, certifications, industries), because every copy of the app carries
it and rewrites it on each catalog update; and `app_meta`, which records the catalog version of
this particular file. The person's edits to the catalog are kept: required levels they set on a
catalog role, hours per level they set on a catalog skill, and any role they created.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import or_, select, union
from sqlalchemy.orm import Session, selectinload

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
    RoleSkill,
    SavedPosting,
    Skill,
    SkillAssessment,
    UserSkill,
    WeekHours,
    WeeklyReview,
    activity_skill,
    contact_skill,
    milestone_skill,
    portfolio_skill,
)
from planner.vocabulary import DEFAULT_HOURS_PER_LEVEL

FORMAT = "career-planner"
VERSION = 1

Record = dict[str, Any]

#: The sections of a backup in the order an import writes them (references point backwards).
SECTIONS = (
    "skills",
    "roles",
    "profile",
    "balance_targets",
    "required_levels",
    "user_skills",
    "skill_assessments",
    "learning_activities",
    "learning_sessions",
    "week_hours",
    "contacts",
    "interactions",
    "milestones",
    "weekly_reviews",
    "calendar_map",
    "portfolio",
    "saved_postings",
)


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _names(skills: list[Skill]) -> list[str]:
    return sorted((s.name for s in skills), key=str.casefold)


def _phase_ref(milestone: Milestone) -> Record | None:
    phase = milestone.phase
    return None if phase is None else {"role": phase.role.slug, "order": phase.order}


def _skills(session: Session) -> list[Record]:
    """The person's own skills, catalog skills whose hours per level they changed, and every
    catalog skill their data points at (so a file with an older catalog can still link it)."""
    referenced = union(
        select(UserSkill.skill_id),
        select(SkillAssessment.skill_id),
        select(activity_skill.c.skill_id),
        select(contact_skill.c.skill_id),
        select(milestone_skill.c.skill_id),
        select(portfolio_skill.c.skill_id),
        select(RoleSkill.skill_id).where(RoleSkill.level_edited),
        select(RoleSkill.skill_id).join(Role).where(Role.source == "user"),
    ).subquery()
    rows = session.scalars(
        select(Skill)
        .where(
            or_(
                Skill.source == "user",
                Skill.hours_per_level != DEFAULT_HOURS_PER_LEVEL,
                Skill.id.in_(select(referenced.c[0])),
            )
        )
        .order_by(Skill.name)
    )
    return [
        {
            "name": s.name,
            "category": s.category,
            "hours_per_level": s.hours_per_level,
            "source": s.source,
        }
        for s in rows
    ]


def _roles(session: Session) -> list[Record]:
    """Roles the person created, with their phases, skills and salaries."""
    rows = session.scalars(
        select(Role)
        .where(Role.source == "user")
        .options(selectinload(Role.phases), selectinload(Role.skills), selectinload(Role.salaries))
        .order_by(Role.slug)
    )
    result = []
    for r in rows:
        orders = {p.id: p.order for p in r.phases}
        result.append(
            {
                "slug": r.slug,
                "title": r.title,
                "track": r.track,
                "stage": r.stage,
                "summary": r.summary,
                "responsibilities": list(r.responsibilities),
                "catalog_version": r.catalog_version,
                "phases": [
                    {
                        "order": p.order,
                        "name": p.name,
                        "earliest_month": p.earliest_month,
                        "latest_month": p.latest_month,
                        "focus": p.focus,
                    }
                    for p in r.phases
                ],
                "skills": [
                    {
                        "skill": rs.skill.name,
                        "importance": rs.importance,
                        "required_level": rs.required_level,
                        "level_edited": rs.level_edited,
                        "phase": orders.get(rs.phase_id) if rs.phase_id else None,
                    }
                    for rs in sorted(r.skills, key=lambda rs: rs.skill.name.casefold())
                ],
                "salaries": [
                    {
                        "level": s.level,
                        "min_usd": s.min_usd,
                        "max_usd": s.max_usd,
                        "source_year": s.source_year,
                    }
                    for s in sorted(r.salaries, key=lambda s: (s.level, s.source_year, s.min_usd))
                ],
            }
        )
    return result


def _profile(session: Session) -> Record | None:
    p = session.get(Profile, 1)
    if p is None:
        return None
    return {
        "display_name": p.display_name,
        "current_role": p.current_role.slug if p.current_role else None,
        "target_role": p.target_role.slug if p.target_role else None,
        "career_stage": p.career_stage,
        "plan_start": _day(p.plan_start),
        "annual_learning_goal": p.annual_learning_goal,
        "monthly_contact_goal": p.monthly_contact_goal,
    }


def _required_levels(session: Session) -> list[Record]:
    """Required levels the person set on catalog roles (their own roles carry theirs)."""
    rows = session.execute(
        select(Role.slug, Skill.name, RoleSkill.required_level)
        .join(RoleSkill, RoleSkill.role_id == Role.id)
        .join(Skill, Skill.id == RoleSkill.skill_id)
        .where(RoleSkill.level_edited, Role.source == "catalog")
        .order_by(Role.slug, Skill.name)
    )
    return [{"role": slug, "skill": skill, "required_level": level} for slug, skill, level in rows]


def _activities(session: Session) -> list[Record]:
    rows = session.scalars(
        select(LearningActivity)
        .options(selectinload(LearningActivity.skills))
        .order_by(LearningActivity.title)
    )
    return [
        {
            "title": a.title,
            "kind": a.kind,
            "provider": a.provider,
            "url": a.url,
            "planned_hours_per_month": a.planned_hours_per_month,
            "priority": a.priority,
            "status": a.status,
            "start_date": _day(a.start_date),
            "target_date": _day(a.target_date),
            "estimated_hours": a.estimated_hours,
            "notes": a.notes,
            "skills": _names(a.skills),
        }
        for a in rows
    ]


def contact_records(session: Session) -> list[Record]:
    """Every contact, A to Z, with its expertise: the backup's section and the vCard export's."""
    rows = session.scalars(
        select(Contact).options(selectinload(Contact.expertise)).order_by(Contact.name)
    )
    return [
        {
            "name": c.name,
            "relationship": c.relationship,
            "company": c.company,
            "position": c.position,
            "industry": c.industry,
            "email": c.email,
            "phone": c.phone,
            "url": c.url,
            "cadence_days": c.cadence_days,
            "connected_on": _day(c.connected_on),
            "notes": c.notes,
            "expertise": _names(c.expertise),
        }
        for c in rows
    ]


def _milestones(session: Session) -> list[Record]:
    rows = session.scalars(
        select(Milestone)
        .options(selectinload(Milestone.skills), selectinload(Milestone.phase))
        .order_by(Milestone.due_on, Milestone.title, Milestone.id)
    )
    return [
        {
            "title": m.title,
            "kind": m.kind,
            "phase": _phase_ref(m),
            "due_on": _day(m.due_on),
            "done_on": _day(m.done_on),
            "notes": m.notes,
            "skills": _names(m.skills),
        }
        for m in rows
    ]


def _portfolio(session: Session) -> list[Record]:
    rows = session.scalars(
        select(PortfolioItem)
        .options(selectinload(PortfolioItem.skills))
        .order_by(PortfolioItem.title)
    )
    return [
        {
            "title": p.title,
            "kind": p.kind,
            "link": p.link,
            "status": p.status,
            "notes": p.notes,
            "skills": _names(p.skills),
        }
        for p in rows
    ]


def collect(session: Session) -> dict[str, Any]:
    """Every section of a backup, read in the caller's one transaction (a consistent copy)."""
    return {
        "skills": _skills(session),
        "roles": _roles(session),
        "profile": _profile(session),
        "balance_targets": [
            {"category": c, "hours": h}
            for c, h in session.execute(
                select(BalanceTarget.category, BalanceTarget.hours).order_by(BalanceTarget.category)
            )
        ],
        "required_levels": _required_levels(session),
        "user_skills": [
            {"skill": name, "level": level, "updated_on": _day(on)}
            for name, level, on in session.execute(
                select(Skill.name, UserSkill.level, UserSkill.updated_on)
                .join(UserSkill, UserSkill.skill_id == Skill.id)
                .order_by(Skill.name)
            )
        ],
        "skill_assessments": [
            {"skill": name, "assessed_on": _day(on), "level": level}
            for name, on, level in session.execute(
                select(Skill.name, SkillAssessment.assessed_on, SkillAssessment.level)
                .join(SkillAssessment, SkillAssessment.skill_id == Skill.id)
                .order_by(SkillAssessment.assessed_on, Skill.name, SkillAssessment.id)
            )
        ],
        "learning_activities": _activities(session),
        "learning_sessions": [
            {"activity": title, "date": _day(day), "hours": hours, "note": note}
            for title, day, hours, note in session.execute(
                select(
                    LearningActivity.title,
                    LearningSession.date,
                    LearningSession.hours,
                    LearningSession.note,
                )
                .outerjoin(LearningActivity, LearningActivity.id == LearningSession.activity_id)
                .order_by(LearningSession.date, LearningSession.id)
            )
        ],
        "week_hours": [
            {"week_start": _day(w.week_start), "category": w.category, "hours": w.hours}
            for w in session.scalars(
                select(WeekHours).order_by(WeekHours.week_start, WeekHours.category)
            )
        ],
        "contacts": contact_records(session),
        "interactions": [
            {
                "contact": name,
                "date": _day(i.date),
                "channel": i.channel,
                "note": i.note,
                "follow_up_on": _day(i.follow_up_on),
            }
            for name, i in session.execute(
                select(Contact.name, Interaction)
                .join(Interaction, Interaction.contact_id == Contact.id)
                .order_by(Interaction.date, Contact.name, Interaction.id)
            )
        ],
        "milestones": _milestones(session),
        "weekly_reviews": [
            {"week_start": _day(r.week_start), "reflection": r.reflection}
            for r in session.scalars(select(WeeklyReview).order_by(WeeklyReview.week_start))
        ],
        "calendar_map": [
            {"name": m.name, "category": m.category}
            for m in session.scalars(select(CalendarMap).order_by(CalendarMap.name))
        ],
        "portfolio": _portfolio(session),
        "saved_postings": [
            {"name": p.name, "text": p.text, "source": p.source, "saved_on": _day(p.saved_on)}
            for p in session.scalars(select(SavedPosting).order_by(SavedPosting.name))
        ],
    }


def counts(document: dict[str, Any]) -> dict[str, int]:
    """How many records each section holds (the profile counts as one when present)."""
    return {
        name: (len(value) if isinstance(value, list) else int(value is not None))
        for name in SECTIONS
        if (value := document.get(name)) is not None
    }
