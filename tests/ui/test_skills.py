"""The Skills page on a real data file: the table and its filters, level edits that keep history,
hours per level step, and adding catalog or custom skills (duplicates refused, nothing written)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import open_page

from planner.services import readiness, skills
from planner.ui.dialogs.skill import AddSkillDialog
from planner.ui.pages.roadmap_common import selected_row
from planner.ui.pages.skills import SkillsPage
from planner.ui.qtmodels.rows import ROW_ROLE


def shown(page: SkillsPage) -> list[skills.SkillRow]:
    model = page.table.model()
    return [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]


def mine(ctx) -> list[skills.SkillRow]:
    return ctx.read(skills.list_skills, only_mine=True)


@pytest.fixture
def page(qtbot, demo_ctx) -> SkillsPage:
    return open_page(qtbot, SkillsPage, demo_ctx)


def test_opens_on_an_empty_file_and_says_what_to_do(qtbot, ctx) -> None:
    page = open_page(qtbot, SkillsPage, ctx)
    assert page.model.rowCount() == 0
    assert "No skills yet" in page.count.text()
    assert not page.level.isEnabled()
    assert page.editor.isHidden()  # no level or hours of no skill
    assert page.category.count() == 1  # "All categories" only


def test_shows_the_demo_skills_with_levels_and_target_role(page, demo_ctx, qtmodeltester) -> None:
    rows = mine(demo_ctx)
    assert [r.name for r in shown(page)] == [r.name for r in rows]
    qtmodeltester.check(page.model)
    python = next(r for r in range(page.model.rowCount()) if page.model.row(r).name == "Python")
    assert page.model.index(python, 2).data() == "4 · advanced"
    assert page.model.index(python, 3).data() == "essential · needs 3"
    r = demo_ctx.read(readiness.readiness)
    assert f"{r.skills_met} of {r.skills_total} target-role skills" in page.count.text()


def test_filter_by_category_and_by_target_role(page, demo_ctx) -> None:
    rows = mine(demo_ctx)
    page.category.setCurrentIndex(page.category.findData("Cloud"))
    assert [r.name for r in shown(page)] == [r.name for r in rows if r.category == "Cloud"]
    page.category.setCurrentIndex(0)
    page.only_target.setChecked(True)
    in_role = [r.name for r in rows if r.importance is not None]
    assert [r.name for r in shown(page)] == in_role
    assert "Excel" not in in_role and "Excel" in [r.name for r in rows]
    page.search.setText("ops")  # search narrows within the other filters
    assert {r.name for r in shown(page)} == {n for n in in_role if "ops" in n.lower()} | {
        r.name for r in rows if r.importance and "ops" in r.category.lower()
    }


def test_sorting_by_level_sorts_numerically(page) -> None:
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    levels = [r.level for r in shown(page)]
    assert levels == sorted(levels, reverse=True)


def test_level_edit_records_history_and_shows_it(page, demo_ctx) -> None:
    assert page.select("Kubernetes")
    before = demo_ctx.read(skills.level_history, "Kubernetes")
    assert len(page.history.points) == len(before)
    page.level.setCurrentIndex(3)
    page.level.activated.emit(3)
    after = demo_ctx.read(skills.level_history, "Kubernetes")
    assert after == [*before, (demo_ctx.today(), 3)]
    assert selected_row(page.table).name == "Kubernetes"  # the selection survives the refresh
    assert selected_row(page.table).level == 3
    assert len(page.history.points) == len(after)
    assert [p.get_ydata()[0] for p in page.history.points] == [lvl for _, lvl in after]


def test_hours_per_level_step_is_saved(qtbot, page, demo_ctx) -> None:
    page.select("Docker")
    page.hours.setValue(35)
    qtbot.mouseClick(page.save_hours, Qt.MouseButton.LeftButton)
    assert next(r for r in mine(demo_ctx) if r.name == "Docker").hours_per_level == 35


def test_add_a_catalog_skill_at_a_level(page, demo_ctx) -> None:
    dialog = AddSkillDialog(demo_ctx, page)
    dialog.search.setText("segmentation")
    name = dialog.selected_catalog_skill()
    assert name is not None and "segmentation" in name.lower()
    dialog.level.setCurrentIndex(2)
    assert dialog.submit()
    assert demo_ctx.read(skills.level_history, name) == [(demo_ctx.today(), 2)]
    assert name in [r.name for r in shown(page)]


def test_add_a_custom_skill(page, demo_ctx) -> None:
    dialog = AddSkillDialog(demo_ctx, page)
    dialog.tabs.setCurrentIndex(AddSkillDialog.CUSTOM)
    dialog.name.setText("LangGraph")
    dialog.category.setCurrentText("GenAI")
    dialog.hours.setValue(15)
    dialog.level.setCurrentIndex(1)
    assert dialog.submit()
    row = next(r for r in mine(demo_ctx) if r.name == "LangGraph")
    assert (row.category, row.hours_per_level, row.level, row.source) == ("GenAI", 15.0, 1, "user")


def test_a_duplicate_custom_skill_is_refused_and_nothing_written(page, demo_ctx) -> None:
    every = demo_ctx.read(skills.list_skills)
    dialog = AddSkillDialog(demo_ctx, page)
    dialog.tabs.setCurrentIndex(AddSkillDialog.CUSTOM)
    dialog.name.setText("pytorch")
    dialog.level.setCurrentIndex(5)
    assert not dialog.submit()
    assert dialog.name_error.isVisibleTo(dialog)
    assert "already a skill called 'pytorch'" in dialog.name_error.text()
    assert demo_ctx.read(skills.list_skills) == every
    dialog.name.setText("")
    assert not dialog.submit()
    assert "Type the skill's name" in dialog.name_error.text()


def test_filled_while_hidden_the_page_shows_the_first_skill_selected(qtbot, demo_ctx) -> None:
    page = SkillsPage(demo_ctx)  # as the main window does: fill the page, then show it
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.refresh()
    page.show()
    assert page.selected() is not None
    assert page.selected().name == shown(page)[0].name
    assert page.level.isEnabled() and not page.editor.isHidden()  # edited at once
