"""The Roadmap's skill-gap tab: what the target role asks for that you do not have yet, with
one-click level edits (+1, or pick your level / the required level for the selected skill) and a
chart of your level against the required level per skill, grouped by importance."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.services import readiness, roles, skills
from planner.services.readiness import IMPORTANCE_ORDER, GapItem
from planner.ui.charts.roadmap import SkillLevelsChart
from planner.ui.context import AppContext
from planner.ui.dialogs.skill import level_combo
from planner.ui.forms import edits_data, error_label, muted_label, write_or_say
from planner.ui.master_detail import MasterDetail, column
from planner.ui.pages.roadmap_common import (
    level_text,
    make_table,
    select_where,
    selected_row,
)
from planner.ui.qtmodels.rows import Column, RowsModel
from planner.wording import counted, hours_text

GAP_COLUMNS: list[Column[GapItem]] = [
    Column("Skill", lambda g: g.skill),
    Column("Category", lambda g: g.category),
    Column(
        "Importance",
        lambda g: IMPORTANCE_ORDER[g.importance],
        text=lambda v: ("essential", "important", "useful")[v],
    ),
    Column("Your level", lambda g: g.level, text=level_text),
    Column("Required", lambda g: g.required_level, text=level_text),
    Column(
        "Remaining",
        lambda g: g.remaining_hours,
        text=hours_text,
        align_right=True,
        tooltip=lambda g: (
            f"{max(g.required_level - g.level, 0)} level steps × {hours_text(g.hours_per_level)}"
        ),
    ),
    Column("Notes", lambda g: gap_note(g), tooltip=lambda g: gap_note_tip(g)),
]


def gap_note(g: GapItem) -> str:
    """Short marks: the move from the current role asks for the skill; finished portfolio work
    shows it (the tooltip says which and why)."""
    return " · ".join(x for x in ("move" if g.reason else "", "✓ shown" if g.evidence else "") if x)


def gap_note_tip(g: GapItem) -> str:
    lines = [f"For the move — {g.reason}" if g.reason else "", ""]
    if g.evidence:
        lines[1] = f"Shown in your portfolio: {g.evidence}"
    return "\n".join(x for x in lines if x)


def gap_order(item: GapItem) -> tuple:
    """Most important first, then the biggest gap, as the readiness gap list orders them."""
    return (IMPORTANCE_ORDER[item.importance], -item.remaining_hours, item.skill.casefold())


class GapPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.role: str | None = None
        self.items: list[GapItem] = []

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search skills (Ctrl+F)…")
        self.search.setClearButtonEnabled(True)
        self.show_met = QCheckBox("Show skills already &met")
        self.show_met.setToolTip(
            "Also list the role's skills you already have at the required level"
        )
        self.model: RowsModel[GapItem] = RowsModel(GAP_COLUMNS, self)
        self.table, self.proxy = make_table(self.model, self)
        self.table.setAccessibleName("Skill gap")
        self.proxy.set_predicate(self._keep)
        self.search.textChanged.connect(self.proxy.set_search)
        self.show_met.toggled.connect(lambda _on: self.proxy.set_predicate(self._keep))
        self.empty = muted_label()

        self.plus = QPushButton("Level +1")
        edits_data(self.plus)
        self.plus.setToolTip("Raise your level in the selected skill by one step (Ctrl+Up)")
        self.plus.clicked.connect(self.raise_level)
        QShortcut(
            QKeySequence("Ctrl+Up"),
            self,
            self.raise_level,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.level = level_combo(0)
        self.level.setAccessibleName("Your level in the selected skill")
        self.level.activated.connect(self.set_level)
        self.required = QComboBox()
        self.required.addItems([level_text(i) for i in range(1, 6)])
        self.required.setAccessibleName("Required level of the selected skill")
        self.required.setToolTip(
            "The level this role asks for; your choice survives catalog updates"
        )
        self.required.activated.connect(lambda i: self.set_required(i + 1))
        self.error = error_label()
        tools = QHBoxLayout()
        tools.addWidget(self.plus)
        tools.addSpacing(12)
        tools.addWidget(QLabel("Your level:"))
        tools.addWidget(self.level)
        tools.addSpacing(12)
        tools.addWidget(QLabel("Required:"))
        tools.addWidget(self.required)
        tools.addStretch(1)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.show_met)
        self.chart = SkillLevelsChart()
        self.include_useful = QCheckBox("Include &useful skills in the chart")
        self.include_useful.toggled.connect(lambda _on: self._draw_chart())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        right = column(
            self.include_useful,
            muted_label("Pale bar: the level the role requires · green: met · blue: below it."),
            scroll,
            stretch=scroll,
        )
        right.setMinimumWidth(380)  # the chart's skill names and bars; the table scrolls
        split = MasterDetail(
            self.table,
            right,
            above=[filters],
            below=[self.empty, tools, self.error],
            shares=(2, 1),
            sizes=(620, 380),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(split)
        QShortcut(
            QKeySequence.StandardKey.Find,
            self,
            self.search.setFocus,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._sync_tools())
        self._sync_tools()

    def _keep(self, item: GapItem) -> bool:
        return self.show_met.isChecked() or item.level < item.required_level

    def refresh(self) -> None:
        selected = selected_row(self.table)
        index = self.table.currentIndex().row()
        self.role = self.ctx.read(readiness.readiness).role
        self.items = sorted(self.ctx.read(readiness.skill_levels), key=gap_order)
        self.model.set_rows(self.items)
        wanted = selected.skill if selected is not None else None
        select_where(self.table, lambda g: g.skill == wanted, index if selected else 0)
        gaps = sum(1 for g in self.items if g.level < g.required_level)
        if self.role is None:
            self.empty.setText(
                "No target role yet — choose one in the Explore roles tab to see your skill gap."
            )
        elif not gaps:
            self.empty.setText(
                "No gap left: every skill the role asks for is at its required level."
            )
        else:
            total = sum(g.remaining_hours for g in self.items)
            self.empty.setText(
                f"{counted(gaps, 'skill')} below the required level · "
                f"about {hours_text(total)} of learning to go."
            )
        self._draw_chart()
        self._sync_tools()

    def _draw_chart(self) -> None:
        shown = [
            g for g in self.items if self.include_useful.isChecked() or g.importance != "useful"
        ]
        self.chart.fit_height(len(shown) + 3)
        self.chart.set_data(shown)

    def _sync_tools(self) -> None:
        item = selected_row(self.table)
        for widget in (self.plus, self.level, self.required):
            widget.setEnabled(item is not None)
        if item is not None:
            self.level.setCurrentIndex(item.level)
            self.required.setCurrentIndex(item.required_level - 1)
            self.plus.setEnabled(item.level < 5)

    # -- edits ----------------------------------------------------------------------------------
    def raise_level(self) -> None:
        item = selected_row(self.table)
        if item is not None and item.level < 5:
            self.set_level(item.level + 1)

    def set_level(self, level: int) -> None:
        item = selected_row(self.table)
        if item is None:
            return
        if self._write(
            f"set {item.skill} to {level_text(level)}",
            skills.set_level,
            item.skill,
            level,
            self.ctx.today(),
        ):
            self.ctx.status.emit(f"{item.skill}: level {level_text(level)}")

    def set_required(self, level: int) -> None:
        item = selected_row(self.table)
        if item is None or self.role is None:
            return
        if self._write(
            f"ask for {item.skill} at {level_text(level)}",
            roles.set_required_level,
            self.role,
            item.skill,
            level,
        ):
            self.ctx.status.emit(f"{item.skill}: the role now asks for {level_text(level)}")

    def _write(self, label: str, fn: Callable[..., Any], *args: Any) -> bool:
        return write_or_say(self.ctx, self.error, label, fn, *args)
