"""How ready the person is for one job posting, and the postings they keep as targets.

A posting's skills are found offline (`posting_match`: the file's skills by name and by the
aliases in `seed/aliases.toml`, required vs nice to have from the posting's own headings), then
scored with the readiness rule of the target role (`readiness.weighted_score`):

- a skill the posting **requires** (under "Requirements", "Qualifications", "You have"...,
  or in text with no headings) counts as **essential**: weight 3, required level 3;
- a skill named only in its **duties** ("What you'll do", "Responsibilities") counts as
  **important**: weight 2, required level 2;
- a **nice-to-have** skill ("Nice to have", "Preferred", "Bonus", "... is a plus") counts as
  **useful**: weight 1, required level 1.

Readiness is then the sum of weight x min(your level / required level, 1) over the sum of
weights, and the gap is every skill below its level, with its hours (level steps x the skill's
hours per step), as in the target role's gap list. Saved postings keep only their text and are
read again each time, so catalog and alias updates reach them.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.catalog import DEFAULT_REQUIRED_LEVEL, CatalogError, catalog_dir
from planner.models import Milestone, Role, SavedPosting, Skill, UserSkill
from planner.services import roadmap, skills
from planner.services.errors import InputError, unknown
from planner.services.posting_match import (
    DUTIES,
    NICE,
    REQUIRED,
    Term,
    Vocabulary,
    find_skills,
)
from planner.services.posting_match import vocabulary as build_vocabulary
from planner.services.readiness import IMPORTANCE_ORDER, GapItem, weighted_score

#: How a posting's wording maps onto the readiness rule's importances.
IMPORTANCE_OF_NEED = {REQUIRED: "essential", DUTIES: "important", NICE: "useful"}
ALIASES_FILE = "aliases.toml"
MAX_NAME = 200
#: The milestone that holds a posting's gap skills in the plan.
MILESTONE_PREFIX = "Ready for posting: "


@dataclass(frozen=True)
class PostingSkill:
    """One skill a posting asks for, with the person's level against the level it needs."""

    item: GapItem
    need: str  # "required" or "nice" (duties count as required)
    evidence: str  # the words in the posting that named it

    @property
    def skill(self) -> str:
        return self.item.skill

    @property
    def met(self) -> bool:
        return self.item.level >= self.item.required_level


@dataclass(frozen=True)
class PostingReport:
    name: str | None  # the saved name, None for a posting not saved
    title: str  # the posting's first line, as a reminder of what it is
    source: str
    score: float  # 0..1, the readiness rule over the posting's skills
    skills: tuple[PostingSkill, ...]  # most important first, then by gap
    saved_on: dt.date | None = None

    @property
    def gaps(self) -> tuple[PostingSkill, ...]:
        return tuple(s for s in self.skills if not s.met)

    @property
    def required(self) -> tuple[PostingSkill, ...]:
        return tuple(s for s in self.skills if s.need == REQUIRED)

    @property
    def nice(self) -> tuple[PostingSkill, ...]:
        return tuple(s for s in self.skills if s.need == NICE)

    @property
    def remaining_hours(self) -> float:
        return sum(s.item.remaining_hours for s in self.skills)

    @property
    def label(self) -> str:
        return self.name or self.title


@dataclass(frozen=True)
class CompareRow:
    skill: str
    category: str
    level: int
    #: Per posting, in the order compared: "required", "nice" or None (not asked for).
    needs: tuple[str | None, ...]
    #: Per posting: the level it needs, or None.
    required_levels: tuple[int | None, ...]


@dataclass(frozen=True)
class Comparison:
    postings: tuple[PostingReport, ...]
    rows: tuple[CompareRow, ...]  # skills asked by the most postings first


@dataclass(frozen=True)
class PlanChange:
    milestone_id: int
    milestone: str
    tracked: tuple[str, ...]  # skills newly added to the person's list (at level 0)
    gap: tuple[str, ...]  # every gap skill linked to the milestone


# -- the vocabulary ------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def alias_entries() -> tuple[dict[str, Any], tuple[str, ...]]:
    """The alias file: (skill entries, phrases that are not skills); CatalogError if malformed."""
    where = f"seed/{ALIASES_FILE}"
    try:
        doc = tomllib.loads((catalog_dir() / ALIASES_FILE).read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{where}: not valid TOML ({exc})") from exc
    entries: dict[str, Any] = {}
    for i, entry in enumerate(doc.get("skills", [])):
        name = entry.get("name")
        aliases = entry.get("aliases", [])
        if not isinstance(name, str) or not name.strip():
            raise CatalogError(f"{where}.skills[{i}].name: is required")
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise CatalogError(f"{where}.skills[{i}].aliases: should be a list of strings")
        if name.casefold() in entries:
            raise CatalogError(f"{where}.skills[{i}].name: {name!r} is listed twice")
        entries[name.casefold()] = entry
    phrases = doc.get("not_skills", {}).get("phrases", [])
    return entries, tuple(phrases)


def vocabulary(session: Session) -> Vocabulary:
    """Every way of writing each skill in the file (catalog and the person's own), plus the
    phrases that are not skills: the alias file's and every role title."""
    names = tuple(session.scalars(select(Skill.name).order_by(Skill.id)))
    titles = tuple(session.scalars(select(Role.title).order_by(Role.id)))
    return _vocabulary(names, titles)


@lru_cache(maxsize=4)
def _vocabulary(names: tuple[str, ...], titles: tuple[str, ...]) -> Vocabulary:
    """Built once per set of skill names and role titles (a thousand-odd terms)."""
    entries, phrases = alias_entries()
    found: list[Term] = []
    for name in names:
        entry = entries.get(name.casefold(), {})
        case, listed = bool(entry.get("case_sensitive")), bool(entry.get("listed"))
        words = list(entry.get("aliases", []))
        if entry.get("name_matches", True):
            words.append(name)
        found.extend(Term(name, w, case, listed) for w in words)
    found.extend(Term("", p) for p in (*phrases, *titles))
    return build_vocabulary(tuple(found))


# -- one posting ---------------------------------------------------------------------------------
def posting_title(text: str) -> str:
    """The posting's first line with letters, shortened: what the person will recognise it by."""
    for line in text.splitlines():
        line = " ".join(line.split()).strip("#*-: ")
        if any(c.isalpha() for c in line):
            return line if len(line) <= 80 else line[:79].rstrip() + "…"
    return "Untitled posting"


def check_text(text: str) -> str:
    if not text or not text.strip():
        raise InputError("the posting is empty: paste its text or open a .txt, .html or .pdf file")
    return text


def analyse(
    session: Session,
    text: str,
    *,
    name: str | None = None,
    source: str = "pasted",
    saved_on: dt.date | None = None,
) -> PostingReport:
    """The skills the posting asks for, the person's level in each, and readiness for it."""
    check_text(text)
    findings = find_skills(text, vocabulary(session))
    info = {
        row.name.casefold(): row
        for row in session.execute(
            select(Skill.name, Skill.category, Skill.hours_per_level, UserSkill.level)
            .outerjoin(UserSkill, UserSkill.skill_id == Skill.id)
            .where(Skill.name.in_([f.skill for f in findings]))
        )
    }
    found = []
    for f in findings:
        row = info[f.skill.casefold()]
        importance = IMPORTANCE_OF_NEED[f.need]
        item = GapItem(
            skill=row.name,
            category=row.category,
            importance=importance,
            level=row.level or 0,
            required_level=DEFAULT_REQUIRED_LEVEL[importance],
            hours_per_level=row.hours_per_level,
        )
        found.append(PostingSkill(item, NICE if f.need == NICE else REQUIRED, f.evidence))
    found.sort(
        key=lambda s: (
            IMPORTANCE_ORDER[s.item.importance],
            s.met,
            -s.item.remaining_hours,
            s.skill.casefold(),
        )
    )
    return PostingReport(
        name=name,
        title=posting_title(text),
        source=source,
        score=weighted_score(s.item for s in found),
        skills=tuple(found),
        saved_on=saved_on,
    )


# -- saved postings ------------------------------------------------------------------------------
def check_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise InputError("a saved posting needs a name, e.g. 'Acme ML Engineer'")
    if len(name) > MAX_NAME:
        raise InputError(f"a posting's name can be at most {MAX_NAME} characters")
    return name


def save_posting(
    session: Session, name: str, text: str, on: dt.date, source: str = "pasted"
) -> PostingReport:
    """Keep a posting under a name (refused when the name is taken, so none is overwritten)."""
    name = check_name(name)
    check_text(text)
    if session.scalar(select(SavedPosting).where(SavedPosting.name == name)) is not None:
        raise InputError(
            f"there is already a saved posting called {name!r}: choose another name, or delete "
            "that one first"
        )
    session.add(SavedPosting(name=name, text=text, source=source[:300] or "pasted", saved_on=on))
    session.flush()
    return analyse(session, text, name=name, source=source, saved_on=on)


def _find(session: Session, name: str) -> SavedPosting:
    row = session.scalar(select(SavedPosting).where(SavedPosting.name == name.strip()))
    if row is None:
        names = session.scalars(select(SavedPosting.name).order_by(SavedPosting.name))
        raise unknown("saved posting", name, names)
    return row


def saved_posting(session: Session, name: str) -> PostingReport:
    row = _find(session, name)
    return analyse(session, row.text, name=row.name, source=row.source, saved_on=row.saved_on)


def saved_text(session: Session, name: str) -> tuple[str, str, str]:
    """(name as saved, text, source) of a saved posting, for editing it again."""
    row = _find(session, name)
    return row.name, row.text, row.source


def saved_postings(session: Session) -> list[PostingReport]:
    """Every saved posting, read again against today's skills and levels, by name."""
    found = session.execute(
        select(SavedPosting.name, SavedPosting.text, SavedPosting.source, SavedPosting.saved_on)
    ).all()
    reports = [
        analyse(session, text, name=name, source=source, saved_on=on)
        for name, text, source, on in found
    ]
    return sorted(reports, key=lambda r: r.label.casefold())


def delete_postings(session: Session, names: list[str]) -> list[str]:
    """Delete saved postings by name (any case); the names as they were saved."""
    rows = [_find(session, name) for name in names]
    for row in rows:
        session.delete(row)
    session.flush()
    return [row.name for row in rows]


def compare(session: Session, names: list[str]) -> Comparison:
    """Saved postings side by side: every skill any of them asks for, and what each asks."""
    unique = list(dict.fromkeys(n.strip().casefold() for n in names if n.strip()))
    if len(unique) < 2:
        raise InputError("compare needs at least two different saved postings")
    reports = tuple(saved_posting(session, n) for n in unique)
    levels: dict[str, PostingSkill] = {}
    for report in reports:
        for s in report.skills:
            levels.setdefault(s.skill, s)
    rows = []
    for skill, first in levels.items():
        asked = [next((s for s in r.skills if s.skill == skill), None) for r in reports]
        rows.append(
            CompareRow(
                skill=skill,
                category=first.item.category,
                level=first.item.level,
                needs=tuple(a.need if a else None for a in asked),
                required_levels=tuple(a.item.required_level if a else None for a in asked),
            )
        )
    rows.sort(
        key=lambda r: (
            -sum(n == REQUIRED for n in r.needs),
            -sum(n is not None for n in r.needs),
            r.skill.casefold(),
        )
    )
    return Comparison(reports, tuple(rows))


# -- into the plan -------------------------------------------------------------------------------
def add_gaps_to_plan(session: Session, report: PostingReport, on: dt.date) -> PlanChange:
    """Put the posting's gap skills into the plan, in one transaction: each one the person does
    not track yet joins their skills list at level 0 (so it shows on the Skills page and can be
    learned and levelled), and one milestone per posting, "Ready for posting: NAME", links them
    all (kept up to date when the posting's gap is added again)."""
    gap = tuple(s.skill for s in report.gaps)
    if not gap:
        raise InputError("this posting has no gap: every skill it asks for is at its level")
    tracked = []
    for name in gap:
        skill = skills.find_skill(session, name)
        if session.get(UserSkill, skill.id) is None:
            skills.set_level(session, name, 0, on)
            tracked.append(skill.name)
    title = (MILESTONE_PREFIX + report.label)[:200]
    existing = session.scalar(
        select(Milestone).where(Milestone.title == title, Milestone.done_on.is_(None))
    )
    linked = tuple(dict.fromkeys((*gap, *(s.name for s in existing.skills)) if existing else gap))
    notes = (
        f"Skills the posting “{report.label}” asks for that are below their level: "
        + ", ".join(gap)
        + "."
    )
    milestone_id = roadmap.save_milestone(
        session,
        title,
        kind="skill",
        due_on=existing.due_on if existing else None,
        notes=notes,
        skills=linked,
        milestone_id=existing.id if existing else None,
    )
    return PlanChange(milestone_id, title, tuple(tracked), gap)


def report_json(report: PostingReport) -> dict[str, Any]:
    """The posting's readiness as JSON (the CLI's --json)."""
    return {
        "name": report.name,
        "title": report.title,
        "source": report.source,
        "saved_on": report.saved_on.isoformat() if report.saved_on else None,
        "readiness": round(report.score, 4),
        "skills_total": len(report.skills),
        "skills_met": len(report.skills) - len(report.gaps),
        "remaining_hours": report.remaining_hours,
        "required": [s.skill for s in report.required],
        "nice": [s.skill for s in report.nice],
        "skills": [
            {
                "skill": s.skill,
                "category": s.item.category,
                "need": s.need,
                "importance": s.item.importance,
                "level": s.item.level,
                "required_level": s.item.required_level,
                "met": s.met,
                "remaining_hours": s.item.remaining_hours,
                "evidence": s.evidence,
            }
            for s in report.skills
        ],
        "gaps": [s.skill for s in report.gaps],
    }
