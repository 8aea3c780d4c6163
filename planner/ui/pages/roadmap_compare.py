"""The Roadmap's comparison tab: up to three roles side by side. The skills table marks skills
several of the roles ask for (learning those keeps more doors open); below, each role's phases
and salary ranges in a column of its own."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planner.services import profile, roles
from planner.services.errors import InputError
from planner.services.roles import MAX_COMPARED, CompareRow, Comparison
from planner.ui.context import AppContext
from planner.ui.forms import muted_label
from planner.ui.pages.roadmap_common import make_table
from planner.ui.pages.roadmap_roles import months
from planner.ui.qtmodels.rows import Column, RowsModel

NONE = "(none)"
RANK = {"essential": 0, "important": 1, "useful": 2}


def importance_text(importance: str | None, required: int | None) -> str:
    return "—" if importance is None else f"{importance} · needs {required}"


def columns_for(comparison: Comparison) -> list[Column[CompareRow]]:
    n = len(comparison.roles)
    cols: list[Column[CompareRow]] = [
        Column("Skill", lambda r: r.skill),
        Column("Category", lambda r: r.category),
        Column(
            "Shared",
            lambda r: r.shared,
            text=lambda v: f"◆ {v} of {n}" if v > 1 else f"{v} of {n}",
            tooltip=lambda r: f"Asked for by {r.shared} of the {n} roles compared",
        ),
    ]
    for i, role in enumerate(comparison.roles):
        cols.append(role_column(i, role.title))
    return cols


def role_column(i: int, header: str) -> Column[CompareRow]:
    """The column of the `i`th role compared: how much it needs each skill."""
    return Column(
        header,
        lambda r: (RANK.get(r.importance[i] or "", 9), r.importance[i] or "", r.required_level[i]),
        text=lambda v: importance_text(v[1] or None, v[2]),
    )


class ComparePanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.comparison: Comparison | None = None
        self._seeded = False
        self.pickers: list[QComboBox] = []
        picks = QHBoxLayout()
        for i in range(MAX_COMPARED):
            combo = QComboBox()
            combo.setAccessibleName(f"Role {i + 1} to compare")
            combo.setMinimumContentsLength(22)
            combo.activated.connect(lambda _i: self.update_comparison())
            picks.addWidget(QLabel(f"Role {i + 1}:"))
            picks.addWidget(combo, 1)
            self.pickers.append(combo)
        self.hint = muted_label()
        self.model: RowsModel[CompareRow] = RowsModel([], self)
        self.table, self.proxy = make_table(self.model, self)
        self.table.setAccessibleName("Skills compared")
        self.cards = QHBoxLayout()
        cards = QWidget()
        cards.setLayout(self.cards)
        self.card_boxes: list[tuple[QGroupBox, QLabel]] = []
        for _ in range(MAX_COMPARED):
            box = QGroupBox()
            label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            QVBoxLayout(box).addWidget(label)
            self.cards.addWidget(box, 1)
            self.card_boxes.append((box, label))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(cards)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(picks)
        layout.addWidget(self.hint)
        layout.addWidget(split, 1)

    def refresh(self) -> None:
        chosen = self.chosen()
        options = self.ctx.read(roles.role_names)
        if not self._seeded:  # first look: what you are now against what you aim for
            info = self.ctx.read(profile.profile_info)
            chosen = [s for s in (info.current_role, info.target_role) if s]
            self._seeded = True
        for i, combo in enumerate(self.pickers):
            combo.clear()
            combo.addItem(NONE, None)
            for role in options:
                combo.addItem(f"{role.title} ({role.track})", role.slug)
            want = chosen[i] if i < len(chosen) else None
            combo.setCurrentIndex(max(combo.findData(want), 0) if want else 0)
        self.update_comparison()

    def chosen(self) -> list[str]:
        """The picked slugs in picker order, without blanks."""
        return [c.currentData() for c in self.pickers if c.currentData()]

    def add_role(self, slug: str) -> None:
        """Put `slug` in the first free picker (or the last one when all are taken)."""
        if slug in self.chosen():
            return
        free = next((c for c in self.pickers if not c.currentData()), self.pickers[-1])
        free.setCurrentIndex(max(free.findData(slug), 0))
        self.update_comparison()

    def update_comparison(self) -> None:
        slugs = self.chosen()
        self.comparison = None
        if slugs:
            try:
                self.comparison = self.ctx.read(roles.compare_roles, slugs)
            except InputError as exc:
                self.hint.setText(f"Cannot compare: {exc}.")
        if self.comparison is None:
            if not slugs:
                self.hint.setText(
                    "Pick up to three roles above (or use Add to comparison in Explore roles)."
                )
            self._set_model(RowsModel([], self))
            for box, _ in self.card_boxes:
                box.hide()
            return
        c = self.comparison
        shared = sum(1 for r in c.skills if r.shared > 1)
        self.hint.setText(
            f"{len(c.skills)} skills in all; ◆ {shared} asked for by more than one of these roles."
            if len(c.roles) > 1
            else "Add one or two more roles to see which skills they share."
        )
        model: RowsModel[CompareRow] = RowsModel(columns_for(c), self)
        model.set_rows(c.skills)
        self._set_model(model)
        for i, (box, label) in enumerate(self.card_boxes):
            box.setVisible(i < len(c.roles))
            if i < len(c.roles):
                box.setTitle(c.roles[i].title)
                label.setText(self.card_html(c, i))

    def _set_model(self, model: RowsModel[CompareRow]) -> None:
        """Columns follow the roles picked, so each comparison gets a model of its own."""
        old, self.model = self.model, model
        self.proxy.setSourceModel(model)
        old.deleteLater()

    @staticmethod
    def card_html(c: Comparison, i: int) -> str:
        role = c.roles[i]
        e = html.escape
        phases = (
            "".join(
                f"<li>{e(p.name)} — {months(p.earliest_month, p.latest_month)}</li>"
                for p in role.phases
            )
            or "<li>No phased path in the guides</li>"
        )
        if role.derived_from:
            phases += f"<li style='color:gray'>derived from {e(role.derived_from)}</li>"
        salaries = (
            "".join(
                f"<li>{e(s.name)}: {s.text} <span style='color:gray'>({s.source_year})</span></li>"
                for s in role.salaries
            )
            or "<li>No salary figures in the guides</li>"
        )
        counts = {k: sum(1 for s in role.skills if s.importance == k) for k in RANK}
        skills = ", ".join(f"{n} {k}" for k, n in counts.items() if n) or "no skills listed"
        return (
            f"<b>Skills:</b> {skills}<br><b>Phases</b><ul style='margin:0'>{phases}</ul>"
            f"<b>Salary (USD a year)</b><ul style='margin:0'>{salaries}</ul>"
        )
