"""Readiness for a job posting: the skills found in a posting's text (names, aliases, the
posting's own headings for required vs nice to have), measured on the postings kept in
tests/postings against what a careful reader lists; the readiness rule; saved postings,
comparison and adding a posting's gap to the plan; reading .txt, .html and .pdf files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from posting_samples import minimal_pdf, samples, score

from planner.catalog import load_catalog
from planner.services import postings, roadmap, skills
from planner.services.errors import InputError
from planner.services.posting_text import read_posting

TODAY = dt.date(2026, 3, 11)
#: Floors the finder must keep over the whole set (measured: precision 0.95, recall 0.91,
#: required/nice agreement 0.99; the six postings written after the aliases were frozen scored
#: precision 0.93, recall 0.72 before any alias was added for them).
PRECISION_FLOOR, RECALL_FLOOR, NEED_FLOOR = 0.90, 0.85, 0.95
GUIDE_ROLES = {
    "machine-learning-engineer",
    "data-scientist",
    "ai-engineer",
    "mlops-engineer",
    "data-engineer",
    "nlp-engineer",
    "computer-vision-engineer",
    "research-scientist",
    "ai-product-manager",
    "data-analyst",
}


def found(db, text: str) -> dict[str, str]:
    with db.session() as s:
        return {x.skill: x.need for x in postings.analyse(s, text).skills}


# -- measured on the kept postings ---------------------------------------------------------------
def test_the_kept_postings_cover_the_guide_roles_aliases_and_nice_to_have_sections() -> None:
    kept = samples()
    assert len(kept) >= 20
    assert {k.role for k in kept} >= GUIDE_ROLES
    texts = [k.path.read_text(encoding="utf-8").casefold() for k in kept]
    for heading in ("nice to have", "preferred", "bonus", "plus", "desirable"):
        assert any(heading in t for t in texts), heading
    for alias in ("k8s", "torch", "sklearn", "tf", "gcp"):
        assert any(f" {alias}" in t for t in texts), alias
    assert any(k.path.suffix == ".html" for k in kept)
    known = {s.name for r in load_catalog().roles for s in r.skills}
    for k in kept:  # every answer is a catalog skill, and none is both required and nice
        assert (k.required | k.nice) <= known, k.path.name
        assert not k.required & k.nice, k.path.name


def test_precision_and_recall_over_every_kept_posting_meet_the_floor(db) -> None:
    pairs = []
    with db.session() as s:
        for k in samples():
            report = postings.analyse(s, read_posting(k.path))
            pairs.append((k.wanted, {x.skill: x.need for x in report.skills}))
    total = score(pairs)
    assert total.precision >= PRECISION_FLOOR, total
    assert total.recall >= RECALL_FLOOR, total
    assert total.need_agreement >= NEED_FLOOR, total


# -- how a posting is read -----------------------------------------------------------------------
def test_aliases_and_abbreviations_find_the_catalog_skill(db) -> None:
    got = found(db, "Stack: torch, sklearn, k8s, Golang, BQ, TF Serving, HF, W&B.")
    for skill in (
        "PyTorch",
        "scikit-learn",
        "Kubernetes",
        "Go",
        "Cloud data warehouses",
        "TensorFlow",
        "Hugging Face Transformers",
        "Experiment tracking",
    ):
        assert got.get(skill) == "required", skill


def test_whole_words_only_and_the_longest_phrase_wins(db) -> None:
    got = found(
        db,
        "We are hiring a Computer Vision Engineer to join our R&D group. Go beyond the usual: "
        "experience with NoSQL stores, Apache Spark and JavaScript.",
    )
    assert "Computer vision" not in got  # the role's title, not the skill
    assert "R" not in got and "Go" not in got  # R&D, and "Go" that is no language
    assert "SQL" not in got and "Java" not in got
    assert got["NoSQL databases"] == "required" and got["Apache Spark"] == "required"
    listed = found(db, "Requirements: Python, Go or R; 3+ years.")
    assert {"Python", "Go", "R"} <= listed.keys()
    false_friends = found(
        db,
        "Send your CV to Ray Patel. You will be embedded in the product team, with a gym "
        "on site. Attention to detail matters.",
    )
    assert false_friends == {}


def test_the_postings_headings_decide_required_nice_and_ignored(db) -> None:
    text = (
        "About Acme\nWe use Kafka everywhere.\n\n"
        "What you'll do\n- Ship models with Docker\n\n"
        "Requirements\n- Python\n- Kubernetes experience is a plus\n- A PhD is not required\n\n"
        "Preferred qualifications\n- Scala\n- Python again\n\n"
        "Benefits\n- A yearly AWS conference ticket\n"
    )
    with db.session() as s:
        report = postings.analyse(s, text)
    by_name = {x.skill: x for x in report.skills}
    assert set(by_name) == {"Docker", "Python", "Kubernetes", "Scala"}
    assert by_name["Python"].need == "required"  # the strongest reading wins
    assert by_name["Python"].item.importance == "essential"
    assert by_name["Docker"].need == "required"
    assert by_name["Docker"].item.importance == "important"  # named only in the duties
    assert by_name["Kubernetes"].need == "nice"  # "is a plus" inside the requirements
    assert by_name["Scala"].item.importance == "useful"


def test_a_pasted_posting_without_headings_still_reads_nice_to_have_clauses(db) -> None:
    got = found(
        db,
        "We need Python and SQL. Docker is nice to have but not required. "
        "A degree is not required.",
    )
    assert got == {"Python": "required", "SQL": "required", "Docker": "nice"}


def test_the_persons_own_skills_are_found_too(db) -> None:
    with db.session() as s:
        skills.add_skill(s, "Rust", "Programming")
    assert found(db, "Requirements:\n- Rust or C++")["Rust"] == "required"


# -- readiness -----------------------------------------------------------------------------------
def test_readiness_uses_the_target_roles_rule_with_posting_weights(db) -> None:
    text = "What you'll do:\n- Docker\nRequirements:\n- Python\nNice to have:\n- Apache Kafka\n"
    with db.session() as s:
        skills.set_level(s, "Python", 4, TODAY)  # above the required 3: counts as 1
        skills.set_level(s, "Docker", 1, TODAY)  # 1 of the 2 an important skill needs
        report = postings.analyse(s, text)
    levels = {x.skill: (x.item.importance, x.item.required_level) for x in report.skills}
    assert levels == {
        "Python": ("essential", 3),
        "Docker": ("important", 2),
        "Apache Kafka": ("useful", 1),
    }
    assert report.score == pytest.approx((3 * 1 + 2 * 0.5 + 1 * 0) / 6)
    assert [g.skill for g in report.gaps] == ["Docker", "Apache Kafka"]
    assert report.remaining_hours == 20 + 20


def test_an_empty_posting_is_refused(db) -> None:
    with db.session() as s, pytest.raises(InputError, match="empty"):
        postings.analyse(s, "  \n ")


# -- saved postings, comparing, the plan ---------------------------------------------------------
def test_save_compare_delete_and_restore(db) -> None:
    a = "Requirements:\n- Python\n- SQL\nNice to have:\n- Docker"
    b = "Requirements:\n- Python\n- Kubernetes"
    with db.session() as s:
        postings.save_posting(s, "Acme DS", a, TODAY, "acme.txt")
        postings.save_posting(s, "Beta MLE", b, TODAY)
    with db.session() as s, pytest.raises(InputError, match="already a saved posting"):
        postings.save_posting(s, "acme ds", b, TODAY)
    with db.session() as s:
        listed = postings.saved_postings(s)
        table = postings.compare(s, ["Acme DS", "beta mle"])
    assert [r.name for r in listed] == ["Acme DS", "Beta MLE"]
    assert listed[0].source == "acme.txt" and listed[0].saved_on == TODAY
    rows = {r.skill: r.needs for r in table.rows}
    assert rows == {
        "Python": ("required", "required"),
        "SQL": ("required", None),
        "Kubernetes": (None, "required"),
        "Docker": ("nice", None),
    }
    assert table.rows[0].skill == "Python"  # asked by both first
    with db.session() as s:
        assert postings.delete_postings(s, ["acme ds"]) == ["Acme DS"]
    with db.session() as s:
        assert [r.name for r in postings.saved_postings(s)] == ["Beta MLE"]
    with db.session() as s, pytest.raises(InputError, match="at least two"):
        postings.compare(s, ["Acme DS", "ACME DS"])
    with db.session() as s, pytest.raises(InputError, match="unknown saved posting"):
        postings.saved_posting(s, "Gamma")


def test_adding_the_gap_to_the_plan_tracks_the_skills_and_keeps_one_milestone(db) -> None:
    text = "Requirements:\n- Python\n- SQL\n- Docker\n"
    with db.session() as s:
        skills.set_level(s, "Python", 3, TODAY)  # met: not part of the gap
        skills.set_level(s, "SQL", 1, TODAY)  # tracked already, below the level
        report = postings.save_posting(s, "Acme", text, TODAY)
        change = postings.add_gaps_to_plan(s, report, TODAY)
    assert set(change.gap) == {"SQL", "Docker"} and change.tracked == ("Docker",)
    with db.session() as s:
        mine = {r.name: r.level for r in skills.list_skills(s, only_mine=True)}
        rows = [m for m in roadmap.milestones(s) if m.title == "Ready for posting: Acme"]
    assert mine["Docker"] == 0 and mine["SQL"] == 1
    assert len(rows) == 1 and set(rows[0].skills) == {"SQL", "Docker"}
    with db.session() as s:  # again: still one milestone, nothing tracked twice
        again = postings.add_gaps_to_plan(s, postings.saved_posting(s, "Acme"), TODAY)
        assert again.tracked == ()
        assert sum(m.title == again.milestone for m in roadmap.milestones(s)) == 1
    with db.session() as s:
        for name in ("SQL", "Docker"):
            skills.set_level(s, name, 3, TODAY)
        with pytest.raises(InputError, match="no gap"):
            postings.add_gaps_to_plan(s, postings.saved_posting(s, "Acme"), TODAY)


# -- files ---------------------------------------------------------------------------------------
def test_html_keeps_the_headings_and_drops_scripts_and_navigation(tmp_path: Path, db) -> None:
    page = tmp_path / "job.html"
    page.write_text(
        "<html><head><title>Job</title><script>var k8s = 'Kubernetes';</script></head><body>"
        "<nav>Python jobs</nav><h2>Requirements</h2><ul><li>SQL &amp; Excel</li></ul>"
        "<h3>Nice to have</h3><p>Tableau</p><footer>Scala</footer></body></html>",
        encoding="utf-8",
    )
    text = read_posting(page)
    assert "Kubernetes" not in text and "Python" not in text and "Scala" not in text
    assert found(db, text) == {"SQL": "required", "Excel": "required", "Tableau": "nice"}


def test_a_pdf_posting_is_read_and_a_broken_one_refused_with_a_message(tmp_path: Path) -> None:
    good = tmp_path / "posting.pdf"
    good.write_bytes(minimal_pdf(["Requirements:", "- Python and k8s"]))
    assert "Python and k8s" in read_posting(good)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not really a PDF\n")
    with pytest.raises(InputError, match=r"broken\.pdf .*paste its text"):
        read_posting(broken)
    blank = tmp_path / "scan.pdf"
    blank.write_bytes(minimal_pdf([]))
    with pytest.raises(InputError, match="no text to read"):
        read_posting(blank)
    with pytest.raises(InputError, match=r"\.docx"):
        read_posting(tmp_path / "posting.docx")


def test_every_alias_names_a_catalog_skill() -> None:
    """A renamed catalog skill would otherwise lose its aliases without a word."""
    entries, phrases = postings.alias_entries()
    known = {s.name.casefold() for r in load_catalog().roles for s in r.skills}
    assert set(entries) - known == set()
    assert phrases
