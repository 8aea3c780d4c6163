"""Start tracking a skill: pick one from the catalog (searchable) or create a custom one (name,
category, hours per level step), at a starting level. One `ctx.write` either way; a duplicate
name is refused at the name field and nothing is written."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.services import skills
from planner.services.errors import InputError
from planner.services.skills import SkillRow
from planner.ui.context import AppContext
from planner.ui.dialogs.base import FormDialog
from planner.ui.forms import error_label
from planner.vocabulary import DEFAULT_HOURS_PER_LEVEL
from planner.wording import hours_text

LEVEL_ITEMS = [f"{i} · {skills.level_name(i)}" for i in range(6)]


def level_combo(level: int = 1) -> QComboBox:
    """A 0..5 level picker that shows each level's name."""
    combo = QComboBox()
    combo.addItems(LEVEL_ITEMS)
    combo.setCurrentIndex(level)
    combo.setToolTip("0 none · 1 aware · 2 beginner · 3 working · 4 advanced · 5 expert")
    return combo


class AddSkillDialog(FormDialog):
    CATALOG, CUSTOM = 0, 1
    refused_verb = "Not added"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "Add a skill", parent)
        self.added: str | None = None
        every = ctx.read(skills.list_skills)
        #: Catalog skills the person does not track yet (neither assessed nor in the target role).
        self.offered: list[SkillRow] = [
            r for r in every if r.updated_on is None and r.importance is None
        ]
        categories = sorted({r.category for r in every}, key=str.casefold)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._catalog_tab(), "From the &catalog")
        self.tabs.addTab(self._custom_tab(categories), "C&ustom skill")
        self.level = level_combo(1)
        self.level.setAccessibleName("Starting level")
        level_form = QFormLayout()
        level_form.addRow("Your &level now", self.level)
        self.lay_out(level_form, above=self.tabs, save_text="Add skill")
        self.resize(520, 520)
        self.search.setFocus()

    def _catalog_tab(self) -> QWidget:
        tab = QWidget()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search the catalog, e.g. docker or cloud…")
        self.search.setClearButtonEnabled(True)
        self.catalog = QListWidget()
        self.catalog.setAccessibleName("Catalog skills")
        for row in self.offered:
            item = QListWidgetItem(f"{row.name}  —  {row.category}")
            item.setData(Qt.ItemDataRole.UserRole, row.name)
            item.setToolTip(f"{hours_text(row.hours_per_level)} per level step")
            self.catalog.addItem(item)
        self.catalog_hint = QLabel()
        self.catalog_hint.setWordWrap(True)
        self.search.textChanged.connect(self._filter)
        self.catalog.itemDoubleClicked.connect(lambda _item: self.submit())
        self._filter("")
        layout = QVBoxLayout(tab)
        layout.addWidget(self.search)
        layout.addWidget(self.catalog, 1)
        layout.addWidget(self.catalog_hint)
        return tab

    def _custom_tab(self, categories: list[str]) -> QWidget:
        tab = QWidget()
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. LangChain")
        self.name.setAccessibleName("Skill name")
        self.name_error = error_label()
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(categories)
        self.category.setCurrentText("Other")
        self.category.setToolTip("Pick a category or type a new one")
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.5, 10000)
        self.hours.setDecimals(1)
        self.hours.setValue(DEFAULT_HOURS_PER_LEVEL)
        self.hours.setSuffix(" h")
        self.hours.setToolTip("Learning hours one level step takes; the readiness forecast uses it")
        form = QFormLayout(tab)
        form.addRow("&Name", self.name)
        form.addRow("", self.name_error)
        form.addRow("Ca&tegory", self.category)
        form.addRow("&Hours per level step", self.hours)
        return tab

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        shown = 0
        for i in range(self.catalog.count()):
            item = self.catalog.item(i)
            hidden = bool(needle) and needle not in item.text().casefold()
            item.setHidden(hidden)
            shown += not hidden
            if not hidden and (
                self.catalog.currentItem() is None or self.catalog.currentItem().isHidden()
            ):
                self.catalog.setCurrentItem(item)
        if not self.offered:
            self.catalog_hint.setText("You already track every catalog skill — add a custom one.")
        elif shown == 0:
            self.catalog_hint.setText(
                "No catalog skill matches — try the Custom skill tab to create it."
            )
        else:
            self.catalog_hint.setText(f"{shown} of {len(self.offered)} catalog skills")

    def selected_catalog_skill(self) -> str | None:
        item = self.catalog.currentItem()
        if item is None or item.isHidden():
            return None
        return item.data(Qt.ItemDataRole.UserRole)

    def custom(self) -> bool:
        return self.tabs.currentIndex() == self.CUSTOM

    def check(self) -> bool:
        if not self.custom() and self.selected_catalog_skill() is None:
            return self.complain(
                self.error, "Pick a skill in the list (search to narrow it down).", self.search
            )
        if self.custom() and not self.name.text().strip():
            return self._name_refused("Type the skill's name.")
        return True

    def save(self) -> None:
        level = self.level.currentIndex()
        if self.custom():
            name = self.name.text().strip()
            call = {
                "custom": True,
                "category": self.category.currentText().strip() or "Other",
                "hours_per_level": self.hours.value(),
            }
        else:
            name = self.selected_catalog_skill() or ""
            call = {"custom": False}
        self.ctx.write(
            f"add skill {name}", skills.add_my_skill, name, level, self.ctx.today(), **call
        )
        self.added = name
        self.ctx.status.emit(f"Now tracking {name} at level {level} ({skills.level_name(level)})")

    def refused(self, exc: InputError) -> None:
        """A custom skill is refused for its name (taken, too long): said at the name."""
        if self.custom():
            self._name_refused(
                f"Not added: {exc}. Use another name, or pick the existing skill "
                "in the catalog tab if you do not track it yet."
            )
        else:
            super().refused(exc)

    def _name_refused(self, message: str) -> bool:
        self.complain(self.name_error, message, self.name)
        self.name.selectAll()
        return False
