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


# -- issue 15: every role leads somewhere, pay as the guides give it ----------------------------

#: The four guides live beside the repository (`../shared/seeds/` from a checkout or worktree).
GUIDES = next(
    (p / "shared" / "seeds" for p in Path(__file__).resolve().parents if (p / "shared").is_dir()),
    Path("shared/seeds"),
)
#: 002's level paths (years per level) as month windows, for the roles at each level.
ML_PATH = [(0, 24), (24, 60), (60, 96), (96, None)]
LEVEL_PATHS = {
    "junior-ml-engineer": ML_PATH[:1],
    "senior-ml-engineer": ML_PATH[:3],
    "ml-architect": ML_PATH[:3],
    "ai-ml-director": ML_PATH,
    "junior-ai-engineer": ML_PATH[:1],
    "ai-engineer": ML_PATH[:2],
    "chief-ai-officer": ML_PATH,
}
#: The mapping guide's own windows for its ten roles (months, cumulative).
MAPPING_WINDOWS = {
    "data-scientist": [(3, 6), (6, 12), (12, 18)],
    "machine-learning-engineer": [(6, 9), (9, 15), (15, 24)],
    "research-scientist": [(12, 18), (18, 24), (24, None)],
    "computer-vision-engineer": [(3, 6), (6, 12), (12, 18)],
    "nlp-engineer": [(3, 6), (6, 12), (12, 18)],
    "reinforcement-learning-engineer": [(6, 9), (9, 15), (15, 24)],
    "ai-product-manager": [(3, 6), (6, 12), (12, 18)],
    "ai-business-analyst": [(3, 6), (6, 12), (12, 18)],
    "ai-engineering-manager": [(6, 12), (12, 24), (24, None)],
    "cto-ai": [(60, None), (60, 120), (120, None)],
}
#: Roles the guides name that were missing: (guide, track, stage).
ADDED_ROLES = {
    "ml-platform-engineer": ("technical", "senior"),  # 002's map of roles, senior level
    "team-lead": ("leadership", "entry"),  # 000's career-path matrix, leadership row
    "head-of-ai": ("leadership", "executive"),
    "principal-ml-engineer": ("technical", "senior"),  # 000's matrix, technical row
    "technical-fellow": ("specialized", "senior"),  # 000's matrix, specialized row
}


def windows(role) -> list[tuple[int, int | None]]:
    return [(p.earliest_month, p.latest_month) for p in role.phases]


def guide_text() -> str:
    if not GUIDES.is_dir():
        pytest.skip("the career guides (../shared/seeds) are not beside this checkout")
    return " ".join(p.read_text(encoding="utf-8") for p in sorted(GUIDES.glob("0*.txt")))


class TestEveryRoleLeadsSomewhere:
    def test_every_role_has_phases_with_month_windows(self) -> None:
        for role in load_catalog().roles:
            assert role.phases, role.slug
            ends = [p.earliest_month for p in role.phases]
            assert ends == sorted(ends), role.slug

    def test_the_mapping_guides_windows_are_kept(self) -> None:
        roles = {r.slug: r for r in load_catalog().roles}
        for slug, expected in MAPPING_WINDOWS.items():
            assert windows(roles[slug]) == expected, slug
            assert roles[slug].derived_from is None, slug

    def test_roles_on_the_frameworks_level_paths_get_those_levels(self) -> None:
        roles = {r.slug: r for r in load_catalog().roles}
        for slug, expected in LEVEL_PATHS.items():
            assert windows(roles[slug]) == expected, slug
            assert roles[slug].derived_from is None, slug
        text = guide_text()
        for years in ("Entry Level (0-2 years)", "Mid Level (2-5 years)", "(5-8 years)"):
            assert years in text

    def test_other_roles_are_derived_openly_from_a_guide_role(self) -> None:
        roles = {r.slug: r for r in load_catalog().roles}
        given = set(MAPPING_WINDOWS) | set(LEVEL_PATHS) | {"ai-architect", "ai-product-director"}
        for slug, role in roles.items():
            if slug in given:
                continue
            assert role.derived_from in MAPPING_WINDOWS, slug
            source = roles[role.derived_from]
            assert windows(role) == windows(source)[: len(role.phases)], slug

    def test_the_missing_roles_are_there(self) -> None:
        roles = {r.slug: r for r in load_catalog().roles}
        text = guide_text()
        for slug, (track, stage) in ADDED_ROLES.items():
            role = roles[slug]
            assert (role.track, role.stage) == (track, stage), slug
            assert role.title in text, slug
            assert len(role.skills) >= 8 and role.responsibilities, slug

    def test_applied_scientist_is_filled(self) -> None:
        shipped = load_catalog()
        role = next(r for r in shipped.roles if r.slug == "applied-scientist")
        assert len(role.skills) >= 12 and role.salaries and role.phases
        moves = {(t["from"], t["to"]) for t in shipped.transitions}
        assert ("applied-scientist", "research-scientist") in moves
        assert ("ai-research-assistant", "applied-scientist") in moves

    def test_a_derived_path_must_name_a_guide_role(self, tmp_path) -> None:
        body = ROLE_V1.replace(
            'track = "specialized"', 'track = "specialized"\nderived_from = "astronaut"'
        )
        folder = write_catalog(tmp_path / "seed", 5, {"prompt-engineer": body})
        with pytest.raises(CatalogError, match=r"prompt-engineer.toml.derived_from: 'astronaut'"):
            load_catalog(folder)


class TestPayAsTheGuidesGiveIt:
    def test_the_five_guide_roles_without_pay_have_it(self) -> None:
        roles = {r.slug: r for r in load_catalog().roles}
        for slug in (
            "computer-vision-engineer",
            "nlp-engineer",
            "reinforcement-learning-engineer",
            "ai-business-analyst",
            "ai-engineering-manager",
        ):
            assert roles[slug].salaries, slug

    def test_levels_keep_the_guides_names_order_and_open_tops(self) -> None:
        roles = {r.slug: r for r in load_catalog().roles}
        research = roles["research-scientist"].salaries
        assert [s.label for s in research[:5]] == [
            "Entry",
            "Mid",
            "Senior",
            "Principal",
            "Director/VP",
        ]
        principal = research[3]
        assert (principal.level, principal.min_usd, principal.max_usd) == ("senior", 350000, 500000)
        assert principal.open_top and research[4].open_top and not research[2].open_top
        director = roles["ai-ml-director"].salaries[0]
        assert (director.label, director.level) == ("Director/VP", "executive")
        assert director.open_top

    def test_every_figure_is_in_the_guides(self) -> None:
        text = guide_text().replace("–", "-")
        for role in load_catalog().roles:
            for s in role.salaries:
                for usd in (s.min_usd, s.max_usd):
                    if usd is None:
                        continue
                    k = usd // 1000
                    assert f"{k}K" in text or f"${k},000" in text, (role.slug, usd)
                if s.open_top:
                    k = s.max_usd // 1000
                    assert f"{k}K+" in text or f"${k},000+" in text, (role.slug, s.max_usd)

    def test_the_moves_the_framework_names_carry_their_skills(self) -> None:
        moves = {(t["from"], t["to"]): t for t in load_catalog().transitions}
        analyst = moves["data-analyst", "machine-learning-engineer"]
        assert [m["name"] for m in analyst["skills"]] == [
            "Advanced statistics",
            "ML algorithms",
            "Software engineering best practices",
            "CI/CD for ML",
        ]
        assert (analyst["months_min"], analyst["months_max"]) == (6, 12)
        engineer = moves["software-engineer", "ai-engineer"]
        assert [m["name"] for m in engineer["skills"]] == [
            "ML fundamentals",
            "LLM APIs",
            "Prompt engineering",
            "AI evaluation",
        ]
        text = guide_text()
        for key in ("advanced_statistics", "ml_algorithms", "llm_apis", '"6-12 months"'):
            assert key in text

    def test_a_data_file_keeps_labels_open_tops_and_derived_paths(self, db) -> None:
        from planner.services.roles import role_detail

        with db.session() as s:
            research = role_detail(s, "research-scientist")
            lead = role_detail(s, "team-lead")
        assert [x.text for x in research.salaries[3:5]] == ["$350K–$500K+", "$500K–$800K+"]
        assert lead.derived_from == "ai-engineering-manager" and lead.phases


class TestTheGuidesAdvice:
    def test_stages_carry_the_frameworks_years_and_pay(self) -> None:
        text = guide_text().replace("–", "-")
        stages = {s.stage: s for s in load_catalog().guidance.stages}
        assert list(stages) == ["entry", "mid", "senior", "executive"]
        rows = {
            "entry": "| **Entry Level** | 0-2 years |",
            "mid": "| **Mid Level** | 2-5 years |",
            "senior": "| **Senior Level** | 5-8 years |",
            "executive": "| **Leadership** | 8+ years |",
        }
        for key, row in rows.items():
            s = stages[key]
            assert row in text, key
            pay = f"${s.pay_min_usd // 1000}K-${s.pay_max_usd // 1000}K" + "+" * s.pay_open
            assert pay in text, key
        assert stages["entry"].essential == (
            "Programming fundamentals", "Basic ML concepts", "Data manipulation"
        )  # fmt: skip
        assert len(stages["mid"].actions) == len(stages["senior"].actions) == 5

    def test_habits_interview_steps_and_portfolio_ideas_come_from_the_guides(self) -> None:
        text = guide_text()
        g = load_catalog().guidance
        for phrase in (
            "Attend monthly AI meetup",
            "Join online AI community",
            "Participate in conference",
            "Share knowledge through blog/technical writing",
            "3-5 substantial projects",
            "LeetCode, HackerRank",
        ):
            assert phrase in text, phrase
        assert {h.key: h.period for h in g.habits} == {
            "meetup": "month",
            "community": "once",
            "conference": "year",
            "writing": "month",
        }
        assert {s.area for s in g.interview} >= {"Technical", "Coding", "Portfolio", "Behavioural"}
        kinds = {i.kind for i in g.portfolio}
        assert kinds == {"project", "repository", "competition", "writing", "open source"}
        assert {p.key for p in g.pitfalls} == {"no_learning", "no_contacts", "no_portfolio"}

    def test_industries_are_the_mapping_guides(self) -> None:
        text = guide_text().casefold()
        for industry in load_catalog().industries[:5]:  # the mapping guide's five
            assert industry["name"].split()[0].casefold() in text, industry["name"]
            for application in industry["applications"]:
                assert application.split()[0].casefold() in text, application
