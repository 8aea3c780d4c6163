"""Browsing the role catalog: summaries, full detail, and finding a role by slug or title."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVarTuple

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from planner.models import Role, RolePhase, RoleSalary, RoleSkill, RoleTransition, Skill
from planner.services.errors import InputError, unknown

Columns = TypeVarTuple("Columns")


@dataclass(frozen=True)
class PhaseInfo:
    order: int
    name: str
    earliest_month: int
    latest_month: int | None
    focus: str


@dataclass(frozen=True)
class RoleSkillInfo:
    name: str
    category: str
    importance: str
    required_level: int
    phase: str | None


@dataclass(frozen=True)
class SalaryInfo:
    level: str
    min_usd: int
    max_usd: int | None
    source_year: int
    label: str = ""  # the guide's name for the level ("Principal", "Director/VP")
    open_top: bool = False  # the guide leaves the top open: "$350K–$500K+"

    @property
    def name(self) -> str:
        return self.label or self.level.capitalize()

    @property
    def text(self) -> str:
        return pay_range(self.min_usd, self.max_usd, self.open_top)


def _thousands(usd: int) -> str:
    return f"${usd / 1000:,.0f}K" if usd % 1000 == 0 else f"${usd:,}"


def pay_range(low: int, high: int | None, open_top: bool = False) -> str:
    """A guide's pay range as it reads: "$120K–$170K", "$350K–$500K+", "$200K+" (no top)."""
    if high is None:
        return f"{_thousands(low)}+"
    return f"{_thousands(low)}–{_thousands(high)}{'+' if open_top else ''}"


@dataclass(frozen=True)
class RoleInfo:
    slug: str
    title: str
    track: str
    stage: str | None
    summary: str
    source: str
    responsibilities: tuple[str, ...]
    phases: tuple[PhaseInfo, ...]
    skills: tuple[RoleSkillInfo, ...]
    salaries: tuple[SalaryInfo, ...]
    leads_to: tuple[str, ...]
    comes_from: tuple[str, ...]
    #: The guide role this role's phases were derived from; None when the guides give its own.
    derived_from: str | None = None


IMPORTANCE_ORDER = {"essential": 0, "important": 1, "useful": 2}


def find_role(session: Session, key: str) -> Role:
    """A role by slug or title (any case); InputError with close matches otherwise."""
    role = session.scalar(
        select(Role).where(or_(Role.slug == key.strip().lower(), Role.title == key.strip()))
    )
    if role is None:
        raise unknown("role", key, session.scalars(select(Role.slug).order_by(Role.slug)))
    return role


def _infos(session: Session, role_id: int | None = None) -> list[RoleInfo]:
    """Every role (or only `role_id`) as plain data, by track and title, in five column queries:
    loading ORM roles with their phases, skills and salaries was most of the roadmap's reading
    time on the catalog, and plain rows cost little."""

    def where(stmt: Select[*Columns], column: InstrumentedAttribute[int]) -> Select[*Columns]:
        return stmt if role_id is None else stmt.where(column == role_id)

    phases: dict[int, list[tuple[int, PhaseInfo]]] = {}
    for owner, key, order, name, earliest, latest, focus in session.execute(
        where(
            select(
                RolePhase.role_id,
                RolePhase.id,
                RolePhase.order,
                RolePhase.name,
                RolePhase.earliest_month,
                RolePhase.latest_month,
                RolePhase.focus,
            ),
            RolePhase.role_id,
        ).order_by(RolePhase.role_id, RolePhase.order, RolePhase.id)
    ):
        phases.setdefault(owner, []).append((key, PhaseInfo(order, name, earliest, latest, focus)))
    phase_names = {i: p.name for found in phases.values() for i, p in found}
    skills: dict[int, list[RoleSkillInfo]] = {}
    for owner, name, category, importance, required, phase_id in session.execute(
        where(
            select(
                RoleSkill.role_id,
                Skill.name,
                Skill.category,
                RoleSkill.importance,
                RoleSkill.required_level,
                RoleSkill.phase_id,
            ).join(Skill, Skill.id == RoleSkill.skill_id),
            RoleSkill.role_id,
        )
    ):
        phase = phase_names.get(phase_id) if phase_id else None
        skills.setdefault(owner, []).append(
            RoleSkillInfo(name, category, importance, required, phase)
        )
    salaries: dict[int, list[SalaryInfo]] = {}
    for owner, level, low, high, year, label, open_top in session.execute(
        where(
            select(
                RoleSalary.role_id,
                RoleSalary.level,
                RoleSalary.min_usd,
                RoleSalary.max_usd,
                RoleSalary.source_year,
                RoleSalary.label,
                RoleSalary.open_top,
            ),
            RoleSalary.role_id,
        ).order_by(RoleSalary.id)
    ):
        salaries.setdefault(owner, []).append(SalaryInfo(level, low, high, year, label, open_top))
    moves = _moves(session, role_id)
    slugs = _slugs(session, moves)
    roles = session.execute(
        where(
            select(
                Role.id,
                Role.slug,
                Role.title,
                Role.track,
                Role.stage,
                Role.summary,
                Role.source,
                Role.responsibilities,
                Role.derived_from,
            ),
            Role.id,
        ).order_by(Role.track, Role.title)
    )
    return [
        RoleInfo(
            slug=slug,
            title=title,
            track=track,
            stage=stage,
            summary=summary,
            source=source,
            responsibilities=tuple(responsibilities or ()),
            phases=tuple(p for _, p in phases.get(i, ())),
            skills=tuple(
                sorted(
                    skills.get(i, ()),
                    key=lambda s: (IMPORTANCE_ORDER[s.importance], s.category, s.name.casefold()),
                )
            ),
            # In the guide's order (the catalog writes them so), not by level name.
            salaries=tuple(salaries.get(i, ())),
            leads_to=tuple(slugs[t] for t in sorted(t for f, t in moves if f == i)),
            comes_from=tuple(slugs[f] for f, t in moves if t == i),
            derived_from=derived_from,
        )
        for i, slug, title, track, stage, summary, source, responsibilities, derived_from in roles
    ]


def _moves(session: Session, role_id: int | None = None) -> list[tuple[int, int]]:
    """Career moves (from, to) touching `role_id`, or all of them, in the order they were added:
    one query for any number of roles, not one per role (the roadmap reads them all at once)."""
    stmt = select(RoleTransition.from_role_id, RoleTransition.to_role_id).order_by(
        RoleTransition.id
    )
    if role_id is not None:
        stmt = stmt.where(
            or_(RoleTransition.from_role_id == role_id, RoleTransition.to_role_id == role_id)
        )
    return [(f, t) for f, t in session.execute(stmt)]


def _slugs(session: Session, moves: list[tuple[int, int]]) -> dict[int, str]:
    return dict(session.execute(select(Role.id, Role.slug)).all()) if moves else {}


def list_roles(session: Session) -> list[RoleInfo]:
    return _infos(session)


@dataclass(frozen=True)
class RoleName:
    slug: str
    title: str
    track: str


def role_names(session: Session) -> list[RoleName]:
    """Every role's slug, title and track, by title: what a role picker lists, without the
    skills, phases and salaries `list_roles` loads."""
    stmt = select(Role.slug, Role.title, Role.track).order_by(Role.track, Role.title)
    rows = session.execute(stmt).all()
    return sorted((RoleName(*row) for row in rows), key=lambda r: r.title.casefold())


def role_detail(session: Session, key: str) -> RoleInfo:
    return _infos(session, find_role(session, key).id)[0]


def set_required_level(session: Session, role_key: str, skill: str, level: int) -> None:
    """Change the level a role asks for in a skill; catalog updates keep the person's choice."""
    if not isinstance(level, int) or not 1 <= level <= 5:
        raise InputError(f"a required level must be 1..5, not {level!r}")
    role = find_role(session, role_key)
    row = next(
        (rs for rs in role.skills if rs.skill.name.casefold() == skill.strip().casefold()), None
    )
    if row is None:
        raise unknown(f"skill of {role.title}", skill, (rs.skill.name for rs in role.skills))
    row.required_level, row.level_edited = level, True
    session.flush()


#: How many roles the comparison shows side by side.
MAX_COMPARED = 3


@dataclass(frozen=True)
class CompareRow:
    """One skill across the compared roles: its importance in each (None where not asked)."""

    skill: str
    category: str
    importance: tuple[str | None, ...]
    required_level: tuple[int | None, ...]

    @property
    def shared(self) -> int:
        """In how many of the compared roles the skill appears."""
        return sum(i is not None for i in self.importance)


@dataclass(frozen=True)
class Comparison:
    roles: tuple[RoleInfo, ...]
    skills: tuple[CompareRow, ...]  # most important (in any role) first, then most shared


def compare_roles(session: Session, keys: list[str] | tuple[str, ...]) -> Comparison:
    """Up to three roles side by side: the union of their skills, each with its importance per
    role, so skills several roles share (a good first bet) stand out."""
    if not 1 <= len(keys) <= MAX_COMPARED:
        raise InputError(f"compare 1 to {MAX_COMPARED} roles, not {len(keys)}")
    infos = tuple(role_detail(session, key) for key in keys)
    if len({r.slug for r in infos}) != len(infos):
        raise InputError("pick different roles to compare; the same role was chosen twice")
    names: dict[str, str] = {}
    wanted: dict[str, list[RoleSkillInfo | None]] = {}
    for i, role in enumerate(infos):
        for skill in role.skills:
            names.setdefault(skill.name, skill.category)
            wanted.setdefault(skill.name, [None] * len(infos))[i] = skill
    rows = [
        CompareRow(
            name,
            names[name],
            tuple(s.importance if s else None for s in per_role),
            tuple(s.required_level if s else None for s in per_role),
        )
        for name, per_role in wanted.items()
    ]
    rows.sort(
        key=lambda r: (
            min(IMPORTANCE_ORDER[i] for i in r.importance if i is not None),
            -r.shared,
            r.category,
            r.skill.casefold(),
        )
    )
    return Comparison(infos, tuple(rows))
