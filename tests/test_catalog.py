"""The role catalog: the shipped one is complete and valid; loading is idempotent, versioned,
never touches the person's data, and a malformed file fails naming file and field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from planner import catalog
from planner.catalog import CatalogError, load_catalog
from planner.models import Role, RolePhase, RoleSkill, Skill
from planner.services.profile import set_target_role
from planner.services.roles import set_required_level
from planner.services.skills import set_level

MAPPING_ROLES = {
    "data-scientist": "technical",
    "machine-learning-engineer": "technical",
    "research-scientist": "technical",
    "computer-vision-engineer": "specialized",
    "nlp-engineer": "specialized",
    "reinforcement-learning-engineer": "specialized",
    "ai-product-manager": "business",
    "ai-business-analyst": "business",
    "ai-engineering-manager": "leadership",
    "cto-ai": "leadership",
}
FURTHER_ROLES = {
    "data-analyst",
    "junior-ml-engineer",
    "ai-research-assistant",
    "ai-software-developer",
    "data-engineer",
    "mlops-engineer",
    "ai-engineer",
    "applied-scientist",
    "chief-ai-officer",
    "ai-ethics-specialist",
}


def write_catalog(folder: Path, version: int, roles: dict[str, str], index: str = "") -> Path:
    (folder / "roles").mkdir(parents=True, exist_ok=True)
    for old in (folder / "roles").glob("*.toml"):
        old.unlink()
    (folder / "catalog.toml").write_text(f"version = {version}\n{index}")
    for slug, body in roles.items():
        (folder / "roles" / f"{slug}.toml").write_text(body)
    return folder


ROLE_V1 = """
title = "Prompt Engineer"
track = "specialized"
[[phases]]
name = "Basics"
earliest_month = 0
latest_month = 3
[[phases]]
name = "Mastery"
earliest_month = 3
[[skills]]
name = "Prompt design"
category = "LLMs"
importance = "essential"
phase = "Basics"
[[skills]]
name = "Evaluation"
category = "LLMs"
importance = "useful"
"""


def count(s, model) -> int:
    return s.scalar(select(func.count()).select_from(model))


class TestShippedCatalog:
    def test_it_parses_and_cross_checks(self) -> None:
        shipped = load_catalog()
        assert shipped.version >= 1

    def test_it_has_the_ten_roles_of_the_mapping_guide_in_full(self) -> None:
        roles = {r.slug: r for r in load_catalog().roles}
        for slug, track in MAPPING_ROLES.items():
            role = roles[slug]
            assert role.track == track
            assert len(role.phases) >= 3, slug
            assert role.responsibilities, slug
            for importance in ("essential", "important", "useful"):
                assert any(s.importance == importance for s in role.skills), (slug, importance)

    def test_it_has_the_further_roles_transitions_and_certifications(self) -> None:
        shipped = load_catalog()
        assert {r.slug for r in shipped.roles} >= FURTHER_ROLES
        moves = {(t["from"], t["to"]) for t in shipped.transitions}
        assert ("data-analyst", "data-scientist") in moves
        assert any(r.salaries for r in shipped.roles)
        assert shipped.certifications
        assert shipped.industries

    def test_open_ended_phases_have_no_latest_month(self) -> None:
        research = next(r for r in load_catalog().roles if r.slug == "research-scientist")
        assert research.phases[-1].latest_month is None
        assert research.phases[-1].earliest_month == 24

    def test_every_data_file_holds_it(self, db) -> None:
        with db.session() as s:
            slugs = set(s.scalars(select(Role.slug)))
        assert set(MAPPING_ROLES) <= slugs


def test_loading_twice_writes_nothing_new(db) -> None:
    with db.session() as s:
        before = [count(s, m) for m in (Role, RolePhase, RoleSkill, Skill)]
        assert catalog.sync(s) is False
        catalog.apply(s, load_catalog())  # even a forced reload keeps one row per fact
        assert [count(s, m) for m in (Role, RolePhase, RoleSkill, Skill)] == before


def test_newer_catalog_updates_its_rows_and_leaves_the_persons_data(db, tmp_path) -> None:
    folder = write_catalog(tmp_path / "seed", 1000, {"prompt-engineer": ROLE_V1})
    with db.session() as s:
        assert catalog.sync(s, folder)
        s.add(Role(slug="my-own-role", title="My Own Role", track="business", source="user"))
        set_target_role(s, "prompt-engineer", dt.date(2026, 1, 1))
        set_level(s, "Prompt design", 2, dt.date(2026, 2, 1))
        set_required_level(s, "prompt-engineer", "Prompt design", 5)  # the person raised the bar
    v2 = ROLE_V1.replace('title = "Prompt Engineer"', 'title = "Prompt & Agent Engineer"')
    v2 = v2.replace('importance = "useful"', 'importance = "important"')
    write_catalog(folder, 1001, {"prompt-engineer": v2})
    with db.session() as s:
        assert catalog.sync(s, folder)
        role = s.scalar(select(Role).where(Role.slug == "prompt-engineer"))
        assert role.title == "Prompt & Agent Engineer"
        levels = {rs.skill.name: (rs.importance, rs.required_level) for rs in role.skills}
        assert levels == {"Prompt design": ("essential", 5), "Evaluation": ("important", 2)}
        assert s.scalar(select(Role).where(Role.slug == "my-own-role")) is not None
        assert set(s.scalars(select(Role.slug))) == {"prompt-engineer", "my-own-role"}
        from planner.services.skills import list_skills

        mine = {r.name: r.level for r in list_skills(s) if r.level}
        assert mine == {"Prompt design": 2}


def test_phase_milestones_keep_their_phase_when_the_catalog_changes(db, tmp_path) -> None:
    from planner.models import Milestone

    folder = write_catalog(tmp_path / "seed", 1000, {"prompt-engineer": ROLE_V1})
    with db.session() as s:
        catalog.sync(s, folder)
        set_target_role(s, "prompt-engineer", dt.date(2026, 1, 1))
    write_catalog(folder, 1001, {"prompt-engineer": ROLE_V1.replace("Basics", "Groundwork")})
    with db.session() as s:
        catalog.sync(s, folder)
        linked = s.scalars(select(RolePhase.name).join(Milestone)).all()
    assert sorted(linked) == ["Groundwork", "Mastery"]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (('track = "specialized"', 'track = "wizardry"'), "prompt-engineer.toml.track: 'wizardry'"),
        (('importance = "useful"', 'importance = "nice"'), "skills[1].importance"),
        (('phase = "Basics"', 'phase = "Nope"'), "skills[0].phase"),
        (("earliest_month = 3\n", 'earliest_month = "3"\n'), "phases[1].earliest_month"),
        (('title = "Prompt Engineer"', ""), "prompt-engineer.toml.title: is required"),
        (("[[phases]]", "[[phases]"), "not valid TOML"),
    ],
)
def test_malformed_file_fails_naming_file_and_field(tmp_path, edit, message) -> None:
    folder = write_catalog(tmp_path / "seed", 5, {"prompt-engineer": ROLE_V1.replace(*edit, 1)})
    with pytest.raises(CatalogError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_catalog(folder)


def test_a_skill_with_two_categories_is_refused(tmp_path) -> None:
    other = ROLE_V1.replace('title = "Prompt Engineer"', 'title = "Other"').replace(
        'category = "LLMs"', 'category = "Testing"'
    )
    folder = write_catalog(tmp_path / "seed", 5, {"prompt-engineer": ROLE_V1, "zz-other": other})
    with pytest.raises(CatalogError, match=r"zz-other.toml: skill 'Prompt design' has category"):
        load_catalog(folder)


def test_transition_to_an_unknown_role_is_refused(tmp_path) -> None:
    index = '[[transitions]]\nfrom = "prompt-engineer"\nto = "astronaut"\n'
    folder = write_catalog(tmp_path / "seed", 5, {"prompt-engineer": ROLE_V1}, index)
    with pytest.raises(CatalogError, match=r"catalog.toml.transitions\[0\].to: 'astronaut'"):
        load_catalog(folder)
