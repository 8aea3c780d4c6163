"""The Roadmap's Job postings tab on a real file: paste or open a posting, readiness and gap,
save it, compare saved postings side by side, add the gap to the plan, delete with undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from posting_samples import FOLDER, minimal_pdf
from PySide6.QtCore import Qt
from ui_helpers import open_page

from planner.services import postings, roadmap, skills
from planner.ui.pages.roadmap import POSTINGS_TAB, RoadmapPage
from planner.ui.pages.roadmap_postings import PostingsPanel
from planner.ui.qtmodels.rows import ROW_ROLE

POSTING = "Data Engineer\nRequirements:\n- Python\n- k8s\nNice to have:\n- Kafka\n"


def rows(view) -> list:
    model = view.model()
    return [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]


@pytest.fixture
def panel(qtbot, ctx) -> PostingsPanel:
    page = open_page(qtbot, RoadmapPage, ctx)
    page.tabs.setCurrentIndex(POSTINGS_TAB)
    assert page.tabs.tabText(POSTINGS_TAB) == "&Job postings"
    return page.postings


def paste(panel: PostingsPanel, text: str) -> None:
    panel.text.setPlainText(text)
    panel.analyse()  # what the pause after typing (or Ctrl+Enter) does


def test_pasting_shows_readiness_and_the_gap(panel, ctx) -> None:
    ctx.write("a change", skills.set_level, "Python", 3, ctx.today())
    paste(panel, POSTING)
    found = {s.skill: s for s in rows(panel.skill_table)}
    assert set(found) == {"Python", "Kubernetes", "Apache Kafka"}
    assert found["Kubernetes"].evidence == "k8s" and found["Apache Kafka"].need == "nice"
    # Python met (3 of 3, weight 3); Kubernetes 0 of 3 (3); Kafka 0 of 1 (1): 3 / 7.
    assert "43 %" in panel.summary.text() and panel.bar.value() == 43
    assert panel.plan_button.isEnabled() and panel.save_button.isEnabled()


def test_save_then_pick_from_the_list_and_compare(panel, ctx, qtbot) -> None:
    paste(panel, POSTING)
    panel.name.setText("Lake DE")
    panel.save()
    assert [r.name for r in rows(panel.saved_table)] == ["Lake DE"]
    assert not panel.save_button.isEnabled()  # saved: a second click would only be refused
    paste(panel, "Requirements:\n- Python\n- SQL\n")
    panel.name.setText("lake de")
    panel.save()
    assert "already a saved posting" in panel.error.text() and panel.error.isVisibleTo(panel)
    panel.name.setText("Warehouse DA")
    panel.save()
    panel.clear()
    panel.saved_table.selectRow(0)
    assert panel.current_name == "Lake DE" and "k8s" in panel.text.toPlainText()
    panel.saved_table.selectAll()
    panel.show_comparison()
    assert panel.inner.currentIndex() == 1
    headers = [
        panel.compare_table.model().headerData(c, Qt.Orientation.Horizontal)
        for c in range(panel.compare_table.model().columnCount())
    ]
    assert headers[:2] == ["Skill", "You"] and headers[2].startswith("Lake DE")
    compared = {r.skill: r.needs for r in rows(panel.compare_table)}
    assert compared["Python"] == ("required", "required")
    assert compared["SQL"] == (None, "required")
    ctx.write(
        "a change", skills.set_level, "Python", 3, ctx.today()
    )  # refreshes the comparison on screen
    model = panel.compare_table.model()
    cells = {
        model.index(r, 0).data(): [model.index(r, c).data() for c in (2, 3)]
        for r in range(model.rowCount())
    }
    assert cells["Python"] == ["required · needs 3 ✓", "required · needs 3 ✓"]
    assert cells["SQL"] == ["—", "required · needs 3"]


def test_add_gap_to_plan_then_delete_and_undo(panel, ctx) -> None:
    paste(panel, POSTING)
    panel.name.setText("Lake DE")
    panel.save()
    panel.add_to_plan()
    plan = [m for m in ctx.read(roadmap.milestones) if m.title.endswith("Lake DE")]
    assert len(plan) == 1 and set(plan[0].skills) == {"Python", "Kubernetes", "Apache Kafka"}
    mine = {r.name for r in ctx.read(skills.list_skills, only_mine=True)}
    assert {"Python", "Kubernetes", "Apache Kafka"} <= mine
    panel.saved_table.selectRow(0)
    panel.delete_selected()
    assert ctx.read(postings.saved_postings) == [] and rows(panel.saved_table) == []
    ctx.undo_stack.undo()
    assert [r.name for r in ctx.read(postings.saved_postings)] == ["Lake DE"]


def test_opening_files_a_pdf_and_a_broken_one(panel, tmp_path: Path) -> None:
    good = tmp_path / "acme_ml.pdf"
    good.write_bytes(minimal_pdf(["Requirements:", "- PyTorch and Docker"]))
    assert panel.open_file(good)
    assert {s.skill for s in rows(panel.skill_table)} == {"PyTorch", "Docker"}
    assert panel.name.text() == "acme ml" and panel.current_source == "acme_ml.pdf"
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 nothing here")
    assert not panel.open_file(broken)
    assert "broken.pdf is not a readable PDF" in panel.error.text()
    assert panel.open_file(FOLDER / "22_data_scientist_saved.html")
    assert "Data Scientist, Growth" in panel.summary.text()
