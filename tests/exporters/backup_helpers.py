"""Test helpers for backups: fill every table a person can write, and read a whole data file
as content keyed by natural keys (row ids differ between files and must not matter)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from planner.models import Base, CalendarMap, Contact, Role, RolePhase, RoleSalary, RoleSkill
from planner.services import balance, postings, roadmap, roles, skills
from planner.services.skills import find_skill
from planner.storage.engine import Database


def fill_extras(session: Session) -> None:
    """Rows for the tables and edits the demo profile leaves empty: the person's own role with
    phases, skills and salaries, a required level set on a catalog role, weekly targets, a
    custom skill and a catalog skill's hours per level, and awkward text."""
    custom = skills.add_skill(session, 'Prompt évaluation, "quoted"', "LLM", 35.0)
    skills.set_hours_per_level(session, "PyTorch", 42.5)
    balance.set_targets(session, {"work": 38.0, "learning": 7.5, "rest": 9.0})
    roles.set_required_level(session, "machine-learning-engineer", "Python", 5)
    role = Role(
        slug="my-llm-role",
        title="LLM Application Engineer",
        track="technical",
        stage="mid",
        summary="Ships LLM features.\nLine two; with, punctuation",
        responsibilities=["evals", "retrieval"],
        source="user",
    )
    role.phases = [
        RolePhase(order=1, name="Basics", earliest_month=0, latest_month=3, focus="APIs"),
        RolePhase(order=2, name="Depth", earliest_month=3, latest_month=None, focus=""),
    ]
    role.salaries = [RoleSalary(level="mid", min_usd=120000, max_usd=None, source_year=2024)]
    session.add(role)
    session.flush()
    role.skills = [
        RoleSkill(
            skill_id=custom.id,
            importance="essential",
            required_level=4,
            level_edited=True,
            phase_id=role.phases[1].id,
        ),
        RoleSkill(skill_id=find_skill(session, "Python").id, importance="useful", required_level=2),
    ]
    from planner.services.portfolio import save_item

    save_item(
        session,
        'Eval harness, "open"',
        kind="repository",
        link="https://example.org/evals",
        status="done",
        skills=(custom.name, "Python"),
    )
    roadmap.save_milestone(
        session,
        "Ship an eval harness",
        kind="skill",
        due_on=dt.date(2031, 1, 6),
        notes='=HYPERLINK("x")',
        skills=(custom.name,),
    )
    session.add(CalendarMap(name="Gym", category="exercise"))
    contact = session.scalars(select(Contact).order_by(Contact.name)).first()
    contact.phone = "+44 20 7946 0958, +44 7700 900123"
    postings.save_posting(
        session, 'Acme, "LLM" engineer', "Requirements:\n- k8s\n- =SUM(A1)", dt.date(2026, 5, 4)
    )
    session.flush()


def content(database: Database) -> dict[str, list[str]]:
    """Every table of the schema as a sorted list of rows, each row with its surrogate id
    dropped and every foreign key replaced by the content of the row it points at."""
    tables = Base.metadata.sorted_tables
    with database.session() as session:
        raw = {t.name: [dict(r._mapping) for r in session.execute(select(t))] for t in tables}
    cache: dict[tuple[str, Any], Any] = {}

    def natural(table: Table, row: dict[str, Any]) -> tuple:
        values = []
        for column in table.columns:
            value = row[column.name]
            if column.primary_key and column.name == "id" and not column.foreign_keys:
                continue
            for fk in column.foreign_keys:
                if value is not None:
                    value = resolve(fk.column.table, fk.column.name, value)
            values.append((column.name, value))
        return tuple(values)

    def resolve(table: Table, column: str, value: Any) -> Any:
        key = (table.name, value)
        if key not in cache:
            row = next(r for r in raw[table.name] if r[column] == value)
            cache[key] = natural(table, row)
        return cache[key]

    return {t.name: sorted(repr(natural(t, r)) for r in raw[t.name]) for t in tables}
