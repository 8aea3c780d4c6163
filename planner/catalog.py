"""The role catalog: parse and validate `seed/*.toml`, and load it into a data file.

Loading is idempotent and versioned. The file remembers the catalog version it holds
(`app_meta.catalog_version`); a newer shipped catalog rewrites the catalog's own rows and leaves
user data alone: the person's skill levels, their roles (`source = 'user'`), their milestones,
and the required levels they edited on a catalog role (`RoleSkill.level_edited`). A malformed
catalog file raises `CatalogError` naming the file and the field, so a bad edit fails loudly.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from planner.models import (
    AppMeta,
    Certification,
    Industry,
    Profile,
    Role,
    RolePhase,
    RoleSalary,
    RoleSkill,
    RoleTransition,
    Skill,
)
from planner.vocabulary import IMPORTANCES, PITFALL_KEYS, STAGES, TRACKS

SOURCES = ("mapping", "pathways", "framework", "roadmap")
#: Required level by importance when a catalog file does not give one (DESIGN.md).
DEFAULT_REQUIRED_LEVEL = {"essential": 3, "important": 2, "useful": 1}
VERSION_KEY = "catalog_version"


class CatalogError(ValueError):
    """A catalog file that does not follow seed/README.md."""


@dataclass(frozen=True)
class PhaseSpec:
    name: str
    earliest_month: int
    latest_month: int | None
    focus: str


@dataclass(frozen=True)
class SkillSpec:
    name: str
    category: str
    importance: str
    phase: str | None
    required_level: int


@dataclass(frozen=True)
class SalarySpec:
    level: str
    min_usd: int
    max_usd: int | None
    source_year: int
    #: The guide's own name for the level ("Principal", "Director/VP"); `level` is the stage.
    label: str = ""
    #: The guide gives the top as open ("500K+"): `max_usd` is where the open top starts.
    open_top: bool = False


@dataclass(frozen=True)
class RoleSpec:
    slug: str
    title: str
    track: str
    stage: str | None
    summary: str
    responsibilities: tuple[str, ...]
    phases: tuple[PhaseSpec, ...]
    skills: tuple[SkillSpec, ...]
    salaries: tuple[SalarySpec, ...]
    #: The guide role whose learning path this role's phases were derived from, when the guides
    #: give this role no path of its own (shown as "derived from ..." wherever phases are).
    derived_from: str | None = None


@dataclass(frozen=True)
class StageAdvice:
    """What the guides advise for one career stage (the profile's `career_stage`)."""

    stage: str
    name: str
    years_min: int
    years_max: int | None
    pay_min_usd: int
    pay_max_usd: int | None
    pay_open: bool
    pay_year: int
    focus: str
    essential: tuple[str, ...]
    important: tuple[str, ...]
    useful: tuple[str, ...]
    approach: str
    actions: tuple[str, ...]


@dataclass(frozen=True)
class InterviewStep:
    key: str
    area: str
    title: str


@dataclass(frozen=True)
class PortfolioIdea:
    title: str
    kind: str
    skills: tuple[str, ...]
    roles: tuple[str, ...]  # empty: suits any role


@dataclass(frozen=True)
class Habit:
    key: str
    title: str
    period: str  # month | year | once


@dataclass(frozen=True)
class Pitfall:
    key: str
    title: str
    advice: str


#: The habits' periods.
HABIT_PERIODS = ("month", "year", "once")


@dataclass(frozen=True)
class Guidance:
    """The guides' advice that is not a row of the data file: read from the shipped catalog."""

    stages: tuple[StageAdvice, ...] = ()
    interview: tuple[InterviewStep, ...] = ()
    portfolio: tuple[PortfolioIdea, ...] = ()
    habits: tuple[Habit, ...] = ()
    pitfalls: tuple[Pitfall, ...] = ()


@dataclass(frozen=True)
class Catalog:
    version: int
    roles: tuple[RoleSpec, ...]
    transitions: tuple[dict[str, Any], ...]
    certifications: tuple[dict[str, Any], ...]
    industries: tuple[dict[str, Any], ...]
    guidance: Guidance = Guidance()


class _Reader:
    """Typed access to one TOML table that names the file and field in every error."""

    def __init__(self, where: str, table: dict[str, Any]) -> None:
        self.where, self.table = where, table

    def fail(self, key: str, problem: str) -> CatalogError:
        return CatalogError(f"{self.where}.{key}: {problem}" if key else f"{self.where}: {problem}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = ..., choices=()) -> Any:
        if key not in self.table:
            if default is ...:
                raise self.fail(key, "is required")
            return default
        value = self.table[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            expected = (
                kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            )
            raise self.fail(key, f"should be {expected}, not {value!r}")
        if choices and value not in choices:
            raise self.fail(key, f"{value!r} is not one of {', '.join(choices)}")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list, [])
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise self.fail(key, "should be a list of non-empty strings")
        return tuple(values)

    def role_slugs(self, key: str, known: set[str]) -> list[str]:
        values = self.strings(key)
        unknown = [s for s in values if s not in known]
        if unknown:
            raise self.fail(key, f"unknown role slugs {unknown}")
        return list(values)

    def tables(self, key: str) -> list[_Reader]:
        values = self.get(key, list, [])
        if not all(isinstance(v, dict) for v in values):
            raise self.fail(key, "should be a list of tables ([[...]])")
        return [_Reader(f"{self.where}.{key}[{i}]", v) for i, v in enumerate(values)]


def _parse_toml(entry: Traversable, where: str) -> _Reader:
    try:
        return _Reader(where, tomllib.loads(entry.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{where}: not valid TOML ({exc})") from exc


def _parse_role(slug: str, doc: _Reader) -> RoleSpec:
    phases = tuple(
        PhaseSpec(
            name=p.get("name", str),
            earliest_month=p.get("earliest_month", int),
            latest_month=p.get("latest_month", int, None),
            focus=p.get("focus", str, ""),
        )
        for p in doc.tables("phases")
    )
    for reader, phase in zip(doc.tables("phases"), phases, strict=True):
        if phase.earliest_month < 0:
            raise reader.fail("earliest_month", "cannot be negative")
        if phase.latest_month is not None and phase.latest_month < phase.earliest_month:
            raise reader.fail("latest_month", "is before earliest_month")
    phase_names = {p.name for p in phases}
    skills = []
    for s in doc.tables("skills"):
        importance = s.get("importance", str, choices=IMPORTANCES)
        phase = s.get("phase", str, None)
        if phase is not None and phase not in phase_names:
            raise s.fail("phase", f"{phase!r} is not a phase of this role")
        level = s.get("required_level", int, DEFAULT_REQUIRED_LEVEL[importance])
        if not 1 <= level <= 5:
            raise s.fail("required_level", "should be between 1 and 5")
        skills.append(
            SkillSpec(s.get("name", str), s.get("category", str), importance, phase, level)
        )
    seen: set[str] = set()
    for reader, skill in zip(doc.tables("skills"), skills, strict=True):
        if skill.name.casefold() in seen:
            raise reader.fail("name", f"{skill.name!r} is listed twice")
        seen.add(skill.name.casefold())
    salaries = tuple(
        SalarySpec(
            s.get("level", str, choices=STAGES),
            s.get("min_usd", int),
            s.get("max_usd", int, None),
            s.get("source_year", int),
            s.get("label", str, "") or s.get("level", str).capitalize(),
            s.get("open", bool, False),
        )
        for s in doc.tables("salaries")
    )
    for reader, salary in zip(doc.tables("salaries"), salaries, strict=True):
        if salary.open_top and salary.max_usd is None:
            raise reader.fail("open", "needs max_usd: the figure the open top starts from")
    return RoleSpec(
        slug=slug,
        title=doc.get("title", str),
        track=doc.get("track", str, choices=TRACKS),
        stage=doc.get("stage", str, None, choices=STAGES),
        summary=doc.get("summary", str, ""),
        responsibilities=doc.strings("responsibilities"),
        phases=phases,
        skills=tuple(skills),
        salaries=salaries,
        derived_from=doc.get("derived_from", str, None),
    )


def _derive_phases(roles: tuple[RoleSpec, ...], docs: dict[str, _Reader]) -> tuple[RoleSpec, ...]:
    """Give a role marked `derived_from` with no phases of its own the first `derived_phases`
    phases (default: all) of the guide role it names; that role must have a path of its own."""
    by_slug = {r.slug: r for r in roles}
    out = []
    for role in roles:
        if role.derived_from is None:
            out.append(role)
            continue
        doc = docs[role.slug]
        source = by_slug.get(role.derived_from)
        if source is None:
            raise doc.fail("derived_from", f"{role.derived_from!r} is not a role in seed/roles/")
        if not source.phases or source.derived_from is not None:
            raise doc.fail("derived_from", f"{role.derived_from!r} has no learning path of its own")
        if role.phases:
            out.append(role)
            continue
        count = doc.get("derived_phases", int, len(source.phases))
        if not 1 <= count <= len(source.phases):
            raise doc.fail("derived_phases", f"should be 1..{len(source.phases)}")
        out.append(replace(role, phases=source.phases[:count]))
    return tuple(out)


def catalog_dir() -> Traversable:
    return files("planner.seed")


def shipped_version(folder: Traversable | None = None) -> int:
    folder = folder or catalog_dir()
    return _parse_toml(folder / "catalog.toml", "seed/catalog.toml").get("version", int)


def load_catalog(folder: Traversable | None = None) -> Catalog:
    """Parse and cross-check every catalog file; raises CatalogError on the first problem."""
    folder = folder or catalog_dir()
    index = _parse_toml(folder / "catalog.toml", "seed/catalog.toml")
    docs = {
        entry.name.removesuffix(".toml"): _parse_toml(entry, f"seed/roles/{entry.name}")
        for entry in sorted((folder / "roles").iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".toml")
    }
    roles = _derive_phases(tuple(_parse_role(slug, doc) for slug, doc in docs.items()), docs)
    slugs = {r.slug for r in roles}
    categories: dict[str, tuple[str, str]] = {}
    for role in roles:
        for skill in role.skills:
            first = categories.setdefault(skill.name.casefold(), (skill.category, role.slug))
            if first[0] != skill.category:
                raise CatalogError(
                    f"seed/roles/{role.slug}.toml: skill {skill.name!r} has category "
                    f"{skill.category!r} but {first[0]!r} in seed/roles/{first[1]}.toml"
                )
    transitions = []
    for t in index.tables("transitions"):
        for key in ("from", "to"):
            if t.get(key, str) not in slugs:
                raise t.fail(key, f"{t.table[key]!r} is not a role in seed/roles/")
        move_skills = []
        for m in t.tables("skills"):
            name = m.get("name", str)
            known = categories.get(name.casefold())
            category = m.get("category", str, known[0] if known else "")
            if not category:
                raise m.fail("category", f"is required for {name!r}, which no role lists")
            if known and known[0] != category:
                raise m.fail("category", f"{category!r} but {known[0]!r} in seed/roles/{known[1]}")
            categories.setdefault(name.casefold(), (category, "catalog.toml"))
            level = m.get("level", int, DEFAULT_REQUIRED_LEVEL["important"])
            if not 1 <= level <= 5:
                raise m.fail("level", "should be between 1 and 5")
            move_skills.append({"name": name, "category": category, "level": level})
        transitions.append(
            {
                "from": t.get("from", str),
                "to": t.get("to", str),
                "months_min": t.get("months_min", int, None),
                "months_max": t.get("months_max", int, None),
                "note": t.get("note", str, ""),
                "skills": move_skills,
            }
        )
    certifications = [
        {
            "name": c.get("name", str),
            "provider": c.get("provider", str, ""),
            "focus": c.get("focus", str, ""),
            "roles": c.role_slugs("roles", slugs),
            "skills": list(c.strings("skills")),
        }
        for c in index.tables("certifications")
    ]
    industries = [
        {
            "name": i.get("name", str),
            "applications": list(i.strings("applications")),
            "roles": i.role_slugs("roles", slugs),
        }
        for i in index.tables("industries")
    ]
    return Catalog(
        version=index.get("version", int),
        roles=roles,
        transitions=tuple(transitions),
        certifications=tuple(certifications),
        industries=tuple(industries),
        guidance=_parse_guidance(index, slugs, set(categories)),
    )


def _unique(readers: list[_Reader], items: list[Any], key: str) -> None:
    seen: set[str] = set()
    for reader, item in zip(readers, items, strict=True):
        value = getattr(item, key)
        if value in seen:
            raise reader.fail(key, f"{value!r} is listed twice")
        seen.add(value)


def _parse_guidance(index: _Reader, slugs: set[str] | None, skills: set[str] | None) -> Guidance:
    """The advice tables of catalog.toml; role slugs and skill names are cross-checked when
    `slugs` and `skills` are given (by `load_catalog`, which the catalog tests run)."""
    stages = [
        StageAdvice(
            stage=r.get("stage", str, choices=STAGES),
            name=r.get("name", str),
            years_min=r.get("years_min", int),
            years_max=r.get("years_max", int, None),
            pay_min_usd=r.get("pay_min_usd", int),
            pay_max_usd=r.get("pay_max_usd", int, None),
            pay_open=r.get("pay_open", bool, False),
            pay_year=r.get("pay_year", int),
            focus=r.get("focus", str, ""),
            essential=r.strings("essential"),
            important=r.strings("important"),
            useful=r.strings("useful"),
            approach=r.get("approach", str, ""),
            actions=r.strings("actions"),
        )
        for r in index.tables("stages")
    ]
    _unique(index.tables("stages"), stages, "stage")
    interview = [
        InterviewStep(r.get("key", str), r.get("area", str), r.get("title", str))
        for r in index.tables("interview")
    ]
    _unique(index.tables("interview"), interview, "key")
    portfolio = []
    for r in index.tables("portfolio"):
        if skills is not None:
            unknown = [x for x in r.strings("skills") if x.casefold() not in skills]
            if unknown:
                raise r.fail("skills", f"unknown skills {unknown}")
        roles = r.strings("roles") if slugs is None else tuple(r.role_slugs("roles", slugs))
        portfolio.append(
            PortfolioIdea(r.get("title", str), r.get("kind", str), r.strings("skills"), roles)
        )
    habits = [
        Habit(r.get("key", str), r.get("title", str), r.get("period", str, choices=HABIT_PERIODS))
        for r in index.tables("habits")
    ]
    _unique(index.tables("habits"), habits, "key")
    pitfalls = [
        Pitfall(r.get("key", str, choices=PITFALL_KEYS), r.get("title", str), r.get("advice", str))
        for r in index.tables("pitfalls")
    ]
    return Guidance(
        tuple(stages), tuple(interview), tuple(portfolio), tuple(habits), tuple(pitfalls)
    )


@cache
def guidance() -> Guidance:
    """The shipped catalog's advice, parsed once per process from catalog.toml alone (cheap: the
    role files, which `load_catalog` cross-checks it against, are not read)."""
    return _parse_guidance(
        _parse_toml(catalog_dir() / "catalog.toml", "seed/catalog.toml"), None, None
    )


def stored_version(session: Session) -> int:
    value = session.get(AppMeta, VERSION_KEY)
    return int(value.value) if value else 0


def sync(session: Session, folder: Traversable | None = None) -> bool:
    """Bring the file's catalog up to the shipped one; returns whether anything was written."""
    if stored_version(session) >= shipped_version(folder):
        return False
    apply(session, load_catalog(folder))
    return True


def apply(session: Session, catalog: Catalog) -> None:
    """Write the catalog's rows, updating in place so links from user data stay valid."""
    skills = _upsert_skills(session, catalog)
    roles = {r.slug: r for r in session.scalars(select(Role).where(Role.source == "catalog"))}
    for spec in catalog.roles:
        role = roles.get(spec.slug)
        if role is None:
            role = Role(slug=spec.slug, source="catalog")
            session.add(role)
            roles[spec.slug] = role
        _write_role(session, role, spec, skills, catalog.version)
    # A role the catalog dropped goes too, unless the person has it as current or target role.
    keep = {r.slug for r in catalog.roles}
    profile = session.get(Profile, 1)
    in_use = {profile.current_role_id, profile.target_role_id} if profile else set()
    for slug, role in roles.items():
        if slug not in keep and role.id not in in_use:
            session.delete(role)
    session.flush()
    session.execute(delete(RoleTransition))
    session.add_all(
        RoleTransition(
            from_role_id=roles[t["from"]].id,
            to_role_id=roles[t["to"]].id,
            months_min=t["months_min"],
            months_max=t["months_max"],
            note=t["note"],
            skills=t["skills"],
        )
        for t in catalog.transitions
    )
    session.execute(delete(Certification))
    session.execute(delete(Industry))
    session.flush()
    session.add_all(Certification(**c) for c in catalog.certifications)
    session.add_all(Industry(**i) for i in catalog.industries)
    meta = session.get(AppMeta, VERSION_KEY) or AppMeta(key=VERSION_KEY)
    meta.value = str(catalog.version)
    session.add(meta)
    session.flush()


def _upsert_skills(session: Session, catalog: Catalog) -> dict[str, Skill]:
    existing = {s.name.casefold(): s for s in session.scalars(select(Skill))}
    named = [(spec.name, spec.category) for role in catalog.roles for spec in role.skills]
    # Skills a career move asks for that no role lists (e.g. "Advanced statistics").
    named += [(m["name"], m["category"]) for t in catalog.transitions for m in t["skills"]]
    for name, category in named:
        skill = existing.get(name.casefold())
        if skill is None:
            skill = Skill(name=name, category=category, source="catalog")
            session.add(skill)
            existing[name.casefold()] = skill
        elif skill.source == "catalog":
            skill.category = category
    session.flush()
    return existing


def _write_role(
    session: Session, role: Role, spec: RoleSpec, skills: dict[str, Skill], version: int
) -> None:
    role.title, role.track, role.stage = spec.title, spec.track, spec.stage
    role.summary, role.responsibilities = spec.summary, list(spec.responsibilities)
    role.catalog_version, role.derived_from = version, spec.derived_from
    # Phases are matched by position so milestones that point at them keep their link.
    for order, phase_spec in enumerate(spec.phases, start=1):
        if order <= len(role.phases):
            phase = role.phases[order - 1]
        else:
            phase = RolePhase(order=order)
            role.phases.append(phase)
        phase.name, phase.focus = phase_spec.name, phase_spec.focus
        phase.earliest_month, phase.latest_month = (
            phase_spec.earliest_month,
            phase_spec.latest_month,
        )
    del role.phases[len(spec.phases) :]
    session.flush()
    phase_ids = {p.name: p.id for p in role.phases}
    current = {rs.skill_id: rs for rs in role.skills}
    wanted = set()
    for skill_spec in spec.skills:
        skill = skills[skill_spec.name.casefold()]
        wanted.add(skill.id)
        row = current.get(skill.id)
        if row is None:
            row = RoleSkill(skill_id=skill.id)
            role.skills.append(row)
        if not row.level_edited:
            row.required_level = skill_spec.required_level
        row.importance = skill_spec.importance
        row.phase_id = phase_ids.get(skill_spec.phase) if skill_spec.phase else None
    role.skills[:] = [rs for rs in role.skills if rs.skill_id in wanted]
    role.salaries[:] = [
        RoleSalary(
            level=s.level,
            min_usd=s.min_usd,
            max_usd=s.max_usd,
            source_year=s.source_year,
            label=s.label,
            open_top=s.open_top,
        )
        for s in spec.salaries
    ]
