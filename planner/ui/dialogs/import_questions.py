"""The questions a file can raise in File › Import…, answered beside its preview.

Some files can be read more than one way and only the person knows which (`ChoiceNeeded`):
whether 05/06/2024 is day first or month first (both readings are shown, with their dates),
whose entries of a team report are theirs. A calendar asks what each of its names (calendars,
event categories) counts as. Each answer previews the file again at once, so the person sees
what it changes before importing; the answers are forgotten when the file or its kind changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from planner.vocabulary import TYPED_CATEGORIES

if TYPE_CHECKING:
    from planner.importers.plan import ImportPlan
    from planner.services.errors import ChoiceNeeded

#: How each question is labelled in the form.
TITLES = {"day_first": "Dates &are:", "user": "&Whose time:"}
NOT_MAPPED = "— not counted —"
#: Up to this many choices are radio buttons, every reading in sight; more become a list.
RADIO_LIMIT = 4


class Choice(QWidget):
    """One question's choices: radio buttons side by side in sight, or a list when many."""

    changed = Signal()

    def __init__(self, question: ChoiceNeeded) -> None:
        super().__init__()
        self.values = [value for value, _ in question.choices]
        self.texts = [text for _, text in question.choices]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.setToolTip(str(question))
        title = TITLES.get(question.option, question.option).replace("&", "")
        self.group: QButtonGroup | None = None
        self.box: QComboBox | None = None
        if len(self.values) <= RADIO_LIMIT:
            self.group = QButtonGroup(self)
            for index, text in enumerate(self.texts):
                button = QRadioButton(text)
                button.setAccessibleName(f"{title} {text}")
                self.group.addButton(button, index)
                layout.addWidget(button)
            self.group.idToggled.connect(self._toggled)
        else:
            self.box = QComboBox()
            self.box.setAccessibleName(title)
            self.box.addItem("Choose…", None)
            for value, text in zip(self.values, self.texts, strict=True):
                self.box.addItem(text, value)
            self.box.currentIndexChanged.connect(lambda _i: self.changed.emit())
            layout.addWidget(self.box)

    def _toggled(self, _id: int, on: bool) -> None:
        if on:  # the button turned off is not a change of its own
            self.changed.emit()

    def field(self) -> QWidget:
        """What the question's label points at: its first button, or its list."""
        if self.group is not None:
            return self.group.buttons()[0]
        assert self.box is not None
        return self.box

    def value(self) -> object:
        if self.group is not None:
            index = self.group.checkedId()
            return self.values[index] if index >= 0 else None
        assert self.box is not None
        return self.box.currentData()

    def choose(self, value: object) -> None:
        index = self.values.index(value)
        if self.group is not None:
            self.group.button(index).setChecked(True)
        elif self.box is not None:
            self.box.setCurrentIndex(index + 1)


class ImportQuestions(QWidget):
    """The answers so far (`answers()`), and the widgets that ask; `changed` when one moves."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.choices: dict[str, Choice] = {}
        self.mapping: dict[str, str] = {}
        self.map_boxes: dict[str, QComboBox] = {}
        self.hide()

    def reset(self) -> None:
        """Forget every answer (another file, or another kind of file)."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.choices.clear()
        self.map_boxes.clear()
        self.mapping.clear()
        self.hide()

    def answers(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            option: choice.value()
            for option, choice in self.choices.items()
            if choice.value() is not None
        }
        if self.mapping:
            found["mapping"] = dict(self.mapping)
        return found

    def ask(self, question: ChoiceNeeded) -> None:
        """Offer the question's choices (none chosen yet) under its title."""
        if question.option in self.choices:
            return
        choice = Choice(question)
        choice.changed.connect(self.changed)
        label = QLabel(TITLES.get(question.option, f"{question.option}:"))
        label.setBuddy(choice.field())
        self.form.addRow(label, choice)
        self.choices[question.option] = choice
        self.show()

    def show_mapping(self, plan: ImportPlan) -> None:
        """One category picker per name the plan found (a calendar's, an event category's)."""
        for name, category in plan.mappable.items():
            box = self.map_boxes.get(name)
            if box is None:
                box = QComboBox()
                box.addItem(NOT_MAPPED, "")
                for value in TYPED_CATEGORIES:
                    box.addItem(value.capitalize(), value)
                box.setAccessibleName(f"{name} counts as")
                box.currentIndexChanged.connect(lambda _i, n=name, b=box: self._mapped(n, b))
                self.form.addRow(QLabel(f"“{name}” counts as:"), box)
                self.map_boxes[name] = box
            box.blockSignals(True)
            box.setCurrentIndex(max(box.findData(self.mapping.get(name, category)), 0))
            box.blockSignals(False)
        if self.map_boxes:
            self.show()

    def _mapped(self, name: str, box: QComboBox) -> None:
        self.mapping[name] = box.currentData()
        self.changed.emit()
