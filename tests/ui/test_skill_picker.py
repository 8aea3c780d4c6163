"""The shared skill picker on its own: search hides what does not match, ticks come back in list
order, set_chosen matches any case, `changed` fires on a tick, and the summary uses the
caller's wording."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner.ui.dialogs.skill_picker import SkillPicker

NAMES = ["Docker", "MLflow", "Pandas", "PyTorch", "scikit-learn"]


def summary(names: list[str]) -> str:
    return f"Picked: {', '.join(names)}" if names else "Nothing picked."


@pytest.fixture
def picker(qtbot) -> SkillPicker:
    widget = SkillPicker(NAMES, summary, placeholder="Find a skill…")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def visible(picker: SkillPicker) -> list[str]:
    items = (picker.list.item(i) for i in range(picker.list.count()))
    return [item.text() for item in items if not item.isHidden()]


def item(picker: SkillPicker, name: str):
    return picker.list.findItems(name, Qt.MatchFlag.MatchExactly)[0]


def test_it_lists_the_names_in_the_given_order_unticked(picker) -> None:
    assert visible(picker) == NAMES
    assert all(item(picker, n).flags() & Qt.ItemFlag.ItemIsUserCheckable for n in NAMES)
    assert picker.chosen() == []
    assert picker.search.placeholderText() == "Find a skill…"
    assert picker.summary.text() == "Nothing picked."


def test_the_search_hides_names_that_do_not_match_in_any_case(picker) -> None:
    picker.search.setText("  PY ")
    assert visible(picker) == ["PyTorch"]
    picker.search.setText("a")
    assert visible(picker) == ["Pandas", "scikit-learn"]
    picker.search.setText("nothing like it")
    assert visible(picker) == []
    picker.search.clear()
    assert visible(picker) == NAMES


def test_set_chosen_matches_any_case_and_unticks_the_rest(picker) -> None:
    picker.set_chosen(["pytorch", "DOCKER", "Not a skill"])
    assert picker.chosen() == ["Docker", "PyTorch"]
    picker.set_chosen(("Pandas",))
    assert picker.chosen() == ["Pandas"]


def test_chosen_follows_the_list_order_not_the_tick_order(picker) -> None:
    for name in ("scikit-learn", "Docker", "Pandas"):
        item(picker, name).setCheckState(Qt.CheckState.Checked)
    assert picker.chosen() == ["Docker", "Pandas", "scikit-learn"]


def test_a_hidden_ticked_skill_is_still_chosen(picker) -> None:
    picker.set_chosen(["MLflow"])
    picker.search.setText("torch")
    assert picker.chosen() == ["MLflow"]


def test_changed_fires_on_a_tick_and_once_for_set_chosen(qtbot, picker) -> None:
    with qtbot.waitSignal(picker.changed, timeout=1000):
        item(picker, "MLflow").setCheckState(Qt.CheckState.Checked)
    fired: list[list[str]] = []
    picker.changed.connect(lambda: fired.append(picker.chosen()))
    picker.set_chosen(["Docker", "Pandas", "PyTorch"])
    assert fired == [["Docker", "Pandas", "PyTorch"]]
    picker.set_chosen(["docker", "pandas", "pytorch"])  # nothing changes: no signal
    assert len(fired) == 1


def test_the_summary_says_what_is_ticked_in_the_callers_words(picker) -> None:
    item(picker, "PyTorch").setCheckState(Qt.CheckState.Checked)
    assert picker.summary.text() == "Picked: PyTorch"
    picker.set_chosen(["pandas", "docker"])
    assert picker.summary.text() == "Picked: Docker, Pandas"
    picker.set_chosen([])
    assert picker.summary.text() == "Nothing picked."


def test_initial_choice_tips_and_default_placeholder(qtbot) -> None:
    widget = SkillPicker(
        NAMES,
        lambda names: f"{len(names)} linked",
        chosen={"mlflow", "Pandas"},
        tips={"Docker": "Engineering"},
    )
    qtbot.addWidget(widget)
    assert widget.chosen() == ["MLflow", "Pandas"]
    assert widget.summary.text() == "2 linked"
    assert widget.search.placeholderText() == "Search skills…"
    assert item(widget, "Docker").toolTip() == "Engineering"
    assert item(widget, "Pandas").toolTip() == ""


def test_each_dialog_keeps_its_own_wording(qtbot, demo_ctx) -> None:
    from planner.ui.dialogs.activity import ActivityDialog
    from planner.ui.dialogs.contact import ContactDialog
    from planner.ui.dialogs.milestone import MilestoneDialog

    activity, contact, milestone = (
        ActivityDialog(demo_ctx),
        ContactDialog(demo_ctx),
        MilestoneDialog(demo_ctx),
    )
    for dialog in (activity, contact, milestone):
        qtbot.addWidget(dialog)
    assert activity.skill_picker.summary.text() == "No skills linked yet."
    assert contact.skill_picker.summary.text() == "No expertise ticked yet."
    assert milestone.skill_picker.summary.text() == "No skills linked"
    assert activity.skill_picker.search.placeholderText() == "Search skills…"
    assert contact.skill_picker.search.placeholderText() == "Filter skills…"
    assert milestone.skill_picker.search.placeholderText() == "Filter skills to link…"
    activity.set_skills(["pytorch", "docker"])
    contact.set_skills(["Docker", "PyTorch"])
    milestone.skill_picker.set_chosen(["Docker"])
    assert activity.skill_picker.summary.text() == "2 linked: Docker, PyTorch"
    assert contact.skill_picker.summary.text() == "Can help with: Docker, PyTorch"
    assert milestone.skill_picker.summary.text() == "1 skill linked"
    milestone.skill_picker.set_chosen(["Docker", "PyTorch"])
    assert milestone.skill_picker.summary.text() == "2 skills linked"
    assert milestone.linked_skills() == ("Docker", "PyTorch")
