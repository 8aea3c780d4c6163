"""A long demo profile: someone who has logged learning every day for years.

The two-year demo (`planner.services.demo`) is hand-shaped for screenshots; this one is shaped
for volume, so the benchmark can show that ten years of data (about 30,000 sessions, 600
activities, 300 skills with their level history, 2,000 contacts with 15,000 interactions, 520
weeks of hours and 200 milestones) keep the app as quick as day one. Rows are written with bulk
INSERTs (one `executemany` per table) from a fixed seed, so a ten-year file takes a couple of
seconds and is the same shape every time.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from planner.models import (
    Contact,
    Interaction,
    LearningActivity,
    LearningSession,
    Milestone,
    Skill,
    SkillAssessment,
    UserSkill,
    WeekHours,
    WeeklyReview,
    activity_skill,
    contact_skill,
    milestone_skill,
)
from planner.services import balance, profile
from planner.services.weeks import week_start
from planner.vocabulary import ACTIVITY_KINDS, CHANNELS, PRIORITIES, RELATIONSHIPS, WEEKS_A_YEAR

#: Volume per year of history; ten years gives the issue's heavy profile.
SESSIONS_PER_DAY = (6, 11)
ACTIVITIES_PER_YEAR = 60
CONTACTS_PER_YEAR = 200
INTERACTIONS_PER_YEAR = 1500
MILESTONES_PER_YEAR = 20
SKILLS = 300
WEEKLY_LEARNING_GOAL = 25.0

FIRST_NAMES = [
    "Ada",
    "Amir",
    "Ana",
    "Ben",
    "Bruno",
    "Chen",
    "Chloe",
    "Dana",
    "David",
    "Elena",
    "Emil",
    "Farah",
    "Felix",
    "Gita",
    "Hana",
    "Hugo",
    "Ines",
    "Ivan",
    "Jana",
    "Jonas",
    "Kai",
    "Kira",
    "Lars",
    "Lea",
    "Leo",
    "Lina",
    "Luca",
    "Maya",
    "Mina",
    "Nia",
    "Noah",
    "Olga",
    "Omar",
    "Pia",
    "Raj",
    "Rosa",
    "Sami",
    "Sara",
    "Tariq",
    "Tess",
    "Uma",
    "Vera",
    "Yara",
    "Yusuf",
    "Zoe",
]
LAST_NAMES = [
    "Abe",
    "Baker",
    "Costa",
    "Diaz",
    "Eze",
    "Fischer",
    "Garcia",
    "Haas",
    "Ito",
    "Jensen",
    "Kaur",
    "Lopez",
    "Meyer",
    "Nakamura",
    "Novak",
    "Okoye",
    "Park",
    "Quinn",
    "Rossi",
    "Sato",
    "Schmidt",
    "Singh",
    "Tanaka",
    "Umar",
    "Vargas",
    "Wang",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhou",
]
COMPANIES = (
    "Northwind AI",
    "Contoso Retail",
    "Fabrikam",
    "Adatum Labs",
    "Tailspin",
    "Woodgrove Bank",
    "Litware",
    "Proseware",
    "Wide World Importers",
    "Meetup: PyData",
    "University alumni",
)
NOTES = (
    "",
    "",
    "Worked through the exercises",
    "Read a chapter",
    "Notes and flashcards",
    "Small project step",
    "Rewatched the lecture",
    "Paper reading",
)


def fill(session: Session, today: dt.date, years: int) -> str:
    """Write `years` of daily learning into an empty file (the caller checked it is empty)."""
    rng = random.Random(20261122 + years)
    start = today - dt.timedelta(days=365 * years)
    profile.update_profile(
        session,
        display_name="Sam Rivera",
        current_role="data-analyst",
        career_stage="mid",
        plan_start=start,
        annual_learning_goal=WEEKLY_LEARNING_GOAL * WEEKS_A_YEAR,
    )
    balance.set_targets(session, {"learning": WEEKLY_LEARNING_GOAL})
    profile.set_target_role(session, "machine-learning-engineer", start)
    skill_ids = list(session.scalars(select(Skill.id).order_by(Skill.id).limit(SKILLS)))
    assessed = _skills(session, rng, skill_ids, start, today)
    windows = _activities(session, rng, skill_ids, start, today, years)
    logged = _sessions(session, rng, windows, start, today)
    _weeks(session, rng, start, today)
    met = _contacts(session, rng, skill_ids, start, today, years)
    _milestones(session, rng, skill_ids, start, today, years)
    _reviews(session, rng, start, today)
    session.flush()
    return (
        f"{years}-year profile: {logged} learning sessions, {len(windows)} activities, "
        f"{assessed} skill assessments, {met} interactions"
    )


def _next_id(session: Session, model: Any) -> int:
    return (session.scalar(select(func.max(model.id))) or 0) + 1


def _bulk(session: Session, table: Any, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(table), list(rows))


def _skills(
    session: Session, rng: random.Random, skill_ids: list[int], start: dt.date, today: dt.date
) -> int:
    """Each skill starts at 0-2 and climbs a level at a time on random days."""
    span = (today - start).days
    assessments, levels = [], []
    for skill in skill_ids:
        first = rng.randint(0, 2)
        last = min(5, first + rng.randint(0, 3))
        days = sorted(rng.sample(range(1, span), last - first))
        history = [(start, first)] + [
            (start + dt.timedelta(days=d), first + i + 1) for i, d in enumerate(days)
        ]
        assessments += [
            {"skill_id": skill, "assessed_on": day, "level": level} for day, level in history
        ]
        levels.append({"skill_id": skill, "level": last, "updated_on": history[-1][0]})
    _bulk(session, SkillAssessment, assessments)
    _bulk(session, UserSkill, levels)
    return len(assessments)


def _activities(
    session: Session,
    rng: random.Random,
    skill_ids: list[int],
    start: dt.date,
    today: dt.date,
    years: int,
) -> list[tuple[int, dt.date, dt.date]]:
    """Activities taken up every few days, each running one to four months.

    Returns (id, first day, last day) of those that have started, for the sessions to link to.
    """
    count = ACTIVITIES_PER_YEAR * years
    span = (today - start).days
    first_id = _next_id(session, LearningActivity)
    rows, links, windows = [], [], []
    for i in range(count):
        activity_id = first_id + i
        kind = ACTIVITY_KINDS[i % len(ACTIVITY_KINDS)]
        begins = start + dt.timedelta(days=span * i // count)
        ends = begins + dt.timedelta(days=rng.randint(30, 120))
        if i >= count - 5:  # the newest few are still only planned
            status, began = "planned", None
        elif ends >= today:
            status, began = "in_progress", begins
        else:
            status, began = ("done" if rng.random() < 0.85 else "dropped"), begins
        per_month = rng.choice([4, 6, 8, 10, 12, 16])
        rows.append(
            {
                "id": activity_id,
                "title": f"{kind.capitalize()} {i + 1:03d}: {_topic(rng)}",
                "kind": kind,
                "provider": rng.choice(("Coursera", "O'Reilly", "fast.ai", "Udemy", "Portfolio")),
                "url": "",
                "planned_hours_per_month": per_month,
                "priority": PRIORITIES[i % len(PRIORITIES)],
                "status": status,
                "start_date": began,
                "target_date": ends if began else None,
                "estimated_hours": per_month * 3.0,
                "notes": "",
            }
        )
        links += [
            {"activity_id": activity_id, "skill_id": s}
            for s in rng.sample(skill_ids, rng.randint(1, 3))
        ]
        if began is not None:
            windows.append((activity_id, begins, min(ends, today)))
    _bulk(session, LearningActivity, rows)
    _bulk(session, activity_skill, links)
    return windows


def _topic(rng: random.Random) -> str:
    return " ".join(
        (
            rng.choice(("Applied", "Practical", "Modern", "Deep", "Scalable", "Intro to")),
            rng.choice(("ML", "MLOps", "NLP", "Vision", "Statistics", "Data Engineering")),
            rng.choice(("fundamentals", "in production", "with Python", "projects", "patterns")),
        )
    )


def _sessions(
    session: Session,
    rng: random.Random,
    windows: list[tuple[int, dt.date, dt.date]],
    start: dt.date,
    today: dt.date,
) -> int:
    """Short sessions (a pomodoro or two) most days, each on an activity running that day."""
    rows = []
    active: list[tuple[int, dt.date, dt.date]] = []
    pending = iter(sorted(windows, key=lambda w: w[1]))
    upcoming = next(pending, None)
    day = start
    while day <= today:
        while upcoming is not None and upcoming[1] <= day:
            active.append(upcoming)
            upcoming = next(pending, None)
        active = [w for w in active if w[2] >= day]
        if rng.random() < 0.97:
            for _ in range(rng.randint(*SESSIONS_PER_DAY)):
                linked = rng.choice(active)[0] if active and rng.random() < 0.9 else None
                rows.append(
                    {
                        "date": day,
                        "hours": rng.choice((0.25, 0.5, 0.5, 0.75)),
                        "activity_id": linked,
                        "note": rng.choice(NOTES),
                    }
                )
        day += dt.timedelta(days=1)
    _bulk(session, LearningSession, rows)
    return len(rows)


def _weeks(session: Session, rng: random.Random, start: dt.date, today: dt.date) -> None:
    rows = []
    monday = week_start(start) + dt.timedelta(weeks=1)
    while monday <= today:
        for category, low, high in (
            ("work", 34, 52),
            ("exercise", 1, 6),
            ("social", 2, 9),
            ("rest", 4, 11),
        ):
            rows.append(
                {
                    "week_start": monday,
                    "category": category,
                    "hours": round(rng.uniform(low, high), 1),
                }
            )
        monday += dt.timedelta(weeks=1)
    _bulk(session, WeekHours, rows)


def _contacts(
    session: Session,
    rng: random.Random,
    skill_ids: list[int],
    start: dt.date,
    today: dt.date,
    years: int,
) -> int:
    """Contacts met steadily over the years, each with interactions after they connected."""
    count = CONTACTS_PER_YEAR * years
    span = (today - start).days
    first_id = _next_id(session, Contact)
    names = [f"{f} {la}" for la in LAST_NAMES for f in FIRST_NAMES]
    rng.shuffle(names)
    rows, links, connected = [], [], []
    for i in range(count):
        contact_id = first_id + i
        name = names[i] if i < len(names) else f"{names[i % len(names)]} {i // len(names) + 1}"
        met_on = start + dt.timedelta(days=span * i // count)
        connected.append((contact_id, met_on))
        rows.append(
            {
                "id": contact_id,
                "name": name,
                "relationship": rng.choice(RELATIONSHIPS),
                "company": rng.choice(COMPANIES),
                "position": rng.choice(("ML Engineer", "Data Scientist", "Manager", "Analyst")),
                "industry": "",
                "email": f"contact{contact_id}@example.com",
                "url": "",
                "cadence_days": rng.choice((30, 45, 60, 90, 120, 180)),
                "connected_on": met_on,
                "notes": "",
            }
        )
        links += [
            {"contact_id": contact_id, "skill_id": s}
            for s in rng.sample(skill_ids, rng.randint(0, 2))
        ]
    _bulk(session, Contact, rows)
    _bulk(session, contact_skill, links)
    interactions = []
    for _ in range(INTERACTIONS_PER_YEAR * years):
        contact_id, met_on = rng.choice(connected)
        interactions.append(
            {
                "contact_id": contact_id,
                "date": met_on + dt.timedelta(days=rng.randint(0, (today - met_on).days)),
                "channel": rng.choice(CHANNELS),
                "note": rng.choice(("Coffee chat", "Career advice", "Project feedback", "")),
                "follow_up_on": None,
            }
        )
    _bulk(session, Interaction, interactions)
    return len(interactions)


def _milestones(
    session: Session,
    rng: random.Random,
    skill_ids: list[int],
    start: dt.date,
    today: dt.date,
    years: int,
) -> None:
    """Fill up to the profile's milestone count: past ones mostly done, a few ahead."""
    have = session.scalar(select(func.count()).select_from(Milestone)) or 0
    count = max(0, MILESTONES_PER_YEAR * years - have)
    span = (today - start).days + 180
    first_id = _next_id(session, Milestone)
    rows, links = [], []
    for i in range(count):
        milestone_id = first_id + i
        due = start + dt.timedelta(days=span * (i + 1) // count)
        kind = rng.choice(("skill", "certification", "networking", "custom"))
        done = due - dt.timedelta(days=rng.randint(0, 20)) if due < today else None
        if done is not None and rng.random() < 0.1:
            done = None  # a few past milestones were never reached
        rows.append(
            {
                "id": milestone_id,
                "title": f"Milestone {i + 1}: {_topic(rng)}",
                "kind": kind,
                "role_phase_id": None,
                "due_on": due,
                "done_on": done,
                "notes": "",
            }
        )
        if kind == "skill":
            links.append({"milestone_id": milestone_id, "skill_id": rng.choice(skill_ids)})
    _bulk(session, Milestone, rows)
    _bulk(session, milestone_skill, links)


def _reviews(session: Session, rng: random.Random, start: dt.date, today: dt.date) -> None:
    """A saved reflection on about one week in three."""
    rows = []
    monday = week_start(start) + dt.timedelta(weeks=1)
    while monday < week_start(today):
        if rng.random() < 0.33:
            rows.append({"week_start": monday, "reflection": f"Week of {monday}: " + _topic(rng)})
        monday += dt.timedelta(weeks=1)
    _bulk(session, WeeklyReview, rows)
