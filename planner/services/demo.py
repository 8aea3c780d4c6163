"""A realistic demo profile: about two years of a data analyst working toward ML engineer.

Generated from a fixed seed relative to today, so every newcomer sees full, plausible screens and
tests get the same shape of data on any day.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy.orm import Session

from planner.models import Interaction, LearningSession, SkillAssessment, UserSkill, WeeklyReview
from planner.services import balance, demo_heavy, learning, network, profile, roadmap
from planner.services.errors import InputError
from planner.services.learning import ActivityInput
from planner.services.network import ContactInput
from planner.services.profile import has_user_data
from planner.services.skills import find_skill
from planner.services.weeks import week_start

DAYS = 730
#: (skill, level at the start, level today): an analyst strong in SQL, growing into ML.
SKILL_ARC = [
    ("Python", 2, 4),
    ("SQL", 3, 4),
    ("Pandas", 2, 4),
    ("NumPy", 1, 3),
    ("scikit-learn", 0, 3),
    ("PyTorch", 0, 2),
    ("TensorFlow", 0, 2),
    ("Docker", 0, 3),
    ("Kubernetes", 0, 1),
    ("FastAPI", 0, 3),
    ("Git", 2, 3),
    ("Apache Spark", 0, 2),
    ("MLflow", 0, 2),
    ("AWS", 0, 2),
    ("GCP", 0, 1),
    ("Data validation", 1, 3),
    ("ETL pipelines", 1, 3),
    ("Experiment tracking", 0, 2),
    ("Model versioning", 0, 2),
    ("Model monitoring", 0, 1),
    ("CI/CD for ML", 0, 1),
    ("CI/CD pipelines", 0, 2),
    ("Software engineering best practices", 1, 3),
    ("Performance optimization", 0, 1),
    ("Feature stores", 0, 1),
    ("Excel", 3, 3),
    ("Data cleaning", 3, 4),
    ("Dashboard creation", 3, 3),
    ("Descriptive statistics", 3, 4),
    ("Data visualization", 3, 4),
    ("Tableau", 2, 2),
]
#: In the order they were taken up; the planned ones have not started yet.
ACTIVITIES = [
    (
        "Machine Learning Specialization",
        "course",
        "Coursera",
        "done",
        12,
        ["scikit-learn", "Python"],
    ),
    ("Hands-On Machine Learning (book)", "book", "O'Reilly", "done", 6, ["scikit-learn"]),
    ("Kaggle tabular competitions", "project", "Kaggle", "dropped", 5, ["Pandas"]),
    ("Churn model served with FastAPI", "project", "Portfolio", "done", 8, ["FastAPI", "Docker"]),
    ("Deep Learning with PyTorch", "course", "fast.ai", "in_progress", 10, ["PyTorch"]),
    ("Docker and Kubernetes basics", "course", "Udemy", "in_progress", 6, ["Docker", "Kubernetes"]),
    ("Designing Machine Learning Systems", "book", "O'Reilly", "in_progress", 4, []),
    ("AWS Machine Learning Specialty prep", "certification", "AWS", "planned", 8, []),
    ("MLOps Zoomcamp", "course", "DataTalks.Club", "planned", 10, ["MLflow"]),
]
STARTED = sum(1 for a in ACTIVITIES if a[3] != "planned")
CONTACTS = [
    ("Priya Raman", "mentor", "Northwind AI", "Staff ML Engineer", ["PyTorch", "Docker"], 30),
    ("Daniel Okafor", "manager", "Contoso Retail", "Analytics Manager", ["SQL"], 30),
    ("Mei Chen", "peer", "Contoso Retail", "Data Scientist", ["scikit-learn", "Pandas"], 45),
    ("Lukas Weber", "peer", "Fabrikam", "ML Engineer", ["Kubernetes", "MLflow"], 60),
    ("Sofia Alvarez", "recruiter", "TalentBridge", "Technical Recruiter", [], 90),
    ("Omar Haddad", "mentor", "Adatum Labs", "Principal Data Scientist", ["Python"], 45),
    ("Grace Kim", "peer", "Meetup: PyData", "Organiser", [], 60),
    ("Tomás Silva", "mentee", "Contoso Retail", "Junior Analyst", [], 30),
    ("Hannah Becker", "peer", "Tailspin", "Data Engineer", ["Apache Spark"], 90),
    ("Ravi Patel", "other", "University alumni", "PhD student", ["TensorFlow"], 120),
]
MAX_YEARS = 20


def check_years(text: str) -> int:
    """The demo's length in years, from the command line: a whole number from 2 to 20."""
    try:
        years = int(text)
    except ValueError:
        years = 0
    if not 2 <= years <= MAX_YEARS:
        raise InputError(f"years must be a whole number from 2 to {MAX_YEARS}, not {text!r}")
    return years


def fill(session: Session, today: dt.date, years: int = 2) -> str:
    """Write the demo profile into an empty file; refuses a file with the person's data.

    Two years is the hand-shaped profile the screenshots show; longer ones come from
    `demo_heavy`, the volume a daily learner builds up (the benchmark uses ten years).
    """
    if has_user_data(session):
        raise InputError(
            "this data file already holds your data; run the demo on a new file, "
            "e.g. planner --db demo.sqlite3 demo"
        )
    if years != DAYS // 365:
        return demo_heavy.fill(session, today, years)
    rng = random.Random(20261121)
    start = today - dt.timedelta(days=DAYS)
    profile.update_profile(
        session,
        display_name="Alex Morgan",
        current_role="data-analyst",
        career_stage="entry",
        plan_start=start,
        annual_learning_goal=320,
    )
    profile.set_target_role(session, "machine-learning-engineer", start)
    _skills(session, rng, start, today)
    ids = _activities(session, start, today)
    logged = _sessions(session, rng, start, today, ids)
    _weeks(session, rng, start, today)
    met = _contacts(session, rng, start, today)
    _milestones(session, start, today)
    session.add(
        WeeklyReview(
            week_start=week_start(today) - dt.timedelta(weeks=1),
            reflection="Finished the PyTorch chapter on CNNs. Work ran long again; "
            "protect Thursday evening for rest.",
        )
    )
    session.flush()
    return f"{logged} learning sessions, {len(ids)} activities, {met} interactions"


def _skills(session: Session, rng: random.Random, start: dt.date, today: dt.date) -> None:
    for name, first, last in SKILL_ARC:
        # Steps spread over the two years, each on a random day after the previous one.
        days = sorted(rng.sample(range(30, DAYS), last - first)) if last > first else []
        levels = [(start, first)] + [
            (start + dt.timedelta(days=d), first + i + 1) for i, d in enumerate(days)
        ]
        skill = find_skill(session, name).id
        session.add_all(
            SkillAssessment(skill_id=skill, assessed_on=d, level=lvl) for d, lvl in levels
        )
        session.add(UserSkill(skill_id=skill, level=last, updated_on=levels[-1][0]))


def _activities(session: Session, start: dt.date, today: dt.date) -> list[int]:
    ids = []
    for i, (title, kind, provider, status, per_month, skill_names) in enumerate(ACTIVITIES):
        begins = start + dt.timedelta(days=DAYS // STARTED * i)
        ids.append(
            learning.save_activity(
                session,
                ActivityInput(
                    title=title,
                    kind=kind,
                    provider=provider,
                    status=status,
                    planned_hours_per_month=per_month,
                    priority=("high", "medium", "low")[i % 3],
                    start_date=begins if status != "planned" else None,
                    target_date=begins + dt.timedelta(days=120) if status != "dropped" else None,
                    estimated_hours=per_month * 4.0,
                    skills=skill_names,
                ),
            )
        )
    return ids


def _sessions(
    session: Session, rng: random.Random, start: dt.date, today: dt.date, ids: list[int]
) -> int:
    """Three to five sessions most weeks, a few quiet weeks, linked to the activity of the time
    (never to one that is still only planned)."""
    rows = []
    for offset in range(DAYS + 1):
        day = start + dt.timedelta(days=offset)
        quiet = (offset // 7) % 11 == 5  # holidays, busy releases
        if quiet or rng.random() > (0.7 if day.weekday() >= 5 else 0.55):
            continue
        current = ids[min(offset // (DAYS // STARTED), STARTED - 1)]
        active = current if rng.random() < 0.85 else None
        hours = rng.choice([0.5, 0.75, 1.0, 1.0, 1.5, 1.5, 2.0, 2.5, 3.0])
        rows.append(LearningSession(date=day, hours=hours, activity_id=active, note=""))
    session.add_all(rows)
    return len(rows)


def _weeks(session: Session, rng: random.Random, start: dt.date, today: dt.date) -> None:
    monday = week_start(start)
    last = week_start(today)
    while monday <= last:
        recent = (last - monday).days < 21  # a crunch at work in the last three weeks
        balance.set_week_hours(
            session,
            monday,
            {
                "work": round(rng.uniform(49, 55) if recent else rng.uniform(36, 47), 1),
                "exercise": round(rng.uniform(1, 5), 1),
                "social": round(rng.uniform(2, 8), 1),
                "rest": round(rng.uniform(4 if recent else 6, 10), 1),
            },
        )
        monday += dt.timedelta(weeks=1)


def _contacts(session: Session, rng: random.Random, start: dt.date, today: dt.date) -> int:
    met = 0
    channels = ["meeting", "call", "video", "email", "message", "event"]
    for i, (name, relationship, company, position, expertise, cadence) in enumerate(CONTACTS):
        connected = start + dt.timedelta(days=25 * i)
        network.save_contact(
            session,
            ContactInput(
                name=name,
                relationship=relationship,
                company=company,
                position=position,
                email=name.split()[0].lower() + "@example.com",
                cadence_days=cadence,
                connected_on=connected,
                expertise=expertise,
            ),
        )
        contact = network.find_contact(session, name)
        day = connected + dt.timedelta(days=rng.randint(3, 20))
        while day < today - dt.timedelta(days=5 if i % 3 else cadence + 10):
            session.add(
                Interaction(
                    contact=contact,
                    date=day,
                    channel=rng.choice(channels),
                    note=rng.choice(
                        ["Coffee chat", "Career advice", "Project feedback", "Catch-up"]
                    ),
                )
            )
            met += 1
            day += dt.timedelta(days=rng.randint(cadence // 2, cadence + cadence // 2))
    return met


def _milestones(session: Session, start: dt.date, today: dt.date) -> None:
    for row in roadmap.milestones(session):
        if row.kind == "phase" and row.due_on and row.due_on < today - dt.timedelta(days=30):
            roadmap.set_done(session, row.id, row.due_on - dt.timedelta(days=12))
    roadmap.save_milestone(
        session,
        "Ship a model behind an API in a portfolio project",
        kind="skill",
        due_on=start + dt.timedelta(days=400),
        skills=("FastAPI", "Docker"),
    )
    done = roadmap.save_milestone(
        session,
        "Finish the Machine Learning Specialization",
        kind="custom",
        due_on=start + dt.timedelta(days=200),
    )
    roadmap.set_done(session, done, start + dt.timedelta(days=190))
    roadmap.save_milestone(
        session,
        "Pass the AWS ML Specialty exam",
        kind="certification",
        due_on=today + dt.timedelta(days=75),
    )
    roadmap.save_milestone(
        session,
        "Ask two ML engineers for a portfolio review",
        kind="networking",
        due_on=today + dt.timedelta(days=20),
    )
