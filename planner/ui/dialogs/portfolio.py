"""Add or edit a portfolio item: title, kind of work, status, link, the skills it shows and
notes. One `ctx.write` saves it; a refused input is shown in the dialog and nothing is written."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from planner.services import portfolio, skills
from planner.services.portfolio import PORTFOLIO_KINDS, PortfolioRow
from planner.ui.context import AppContext
from planner.ui.dialogs.base import FormDialog
from planner.ui.dialogs.skill_picker import SkillPicker
from planner.vocabulary import PORTFOLIO_STATUSES

STATUS_LABELS = {"idea": "Idea", "in_progress": "In progress", "done": "Done"}


class PortfolioDialog(FormDialog):
    """A new item when `row` is None (optionally started from one of the guides' `idea`s)."""

    def __init__(
        self,
        ctx: AppContext,
        row: PortfolioRow | None = None,
        parent: QWidget | None = None,
        *,
        idea: tuple[str, str, tuple[str, ...]] | None = None,
    ) -> None:
        super().__init__(ctx, "Edit portfolio item" if row else "New portfolio item", parent)
        self.row = row
        self.saved_id: int | None = None
        title, kind, linked = (
            (row.title, row.kind, row.skills) if row else idea or ("", "project", ())
        )
        self.title = QLineEdit(title)
        self.title.setPlaceholderText("e.g. Churn prediction served behind an API")
        self.title.setAccessibleName("Title")
        self.kind = QComboBox()
        for k in PORTFOLIO_KINDS:
            self.kind.addItem(k.capitalize(), k)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.status = QComboBox()
        for s in PORTFOLIO_STATUSES:
            self.status.addItem(STATUS_LABELS[s], s)
        self.status.setCurrentIndex(max(self.status.findData(row.status if row else "idea"), 0))
        self.status.setToolTip("A finished item counts as evidence for its skills in the gap list")
        self.link = QLineEdit(row.link if row else "")
        self.link.setPlaceholderText("https://github.com/you/project (optional)")
        self.notes = QPlainTextEdit(row.notes if row else "")
        self.notes.setPlaceholderText("What it shows, what you learned (optional)")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        chosen = set(linked)
        names = sorted({s.name for s in ctx.read(skills.list_skills)} | chosen, key=str.casefold)
        self.skill_picker = SkillPicker(
            sorted(names, key=lambda n: (n not in chosen, n.casefold())),
            lambda picked: (
                f"Shows {len(picked)} skill{'s' * (len(picked) != 1)}"
                if picked
                else "No skills chosen"
            ),
            placeholder="Filter skills it shows…",
            chosen=chosen,
        )
        self.skill_picker.list.setAccessibleName("Skills it shows")
        self.skill_picker.list.setMinimumHeight(140)
        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&Kind", self.kind)
        form.addRow("St&atus", self.status)
        form.addRow("&Link", self.link)
        form.addRow("&Notes", self.notes)
        skills_label = QLabel("&Skills")
        skills_label.setBuddy(self.skill_picker.search)
        form.addRow(skills_label, self.skill_picker)
        self.lay_out(form, draft=f"portfolio/{row.id if row else 'new'}")
        self.resize(520, self.sizeHint().height())
        self.title.setFocus()

    def save(self) -> None:
        self.saved_id = self.ctx.write(
            f"save portfolio item “{self.title.text().strip()}”",
            portfolio.save_item,
            self.title.text(),
            kind=self.kind.currentData(),
            link=self.link.text(),
            status=self.status.currentData(),
            notes=self.notes.toPlainText().strip(),
            skills=tuple(self.skill_picker.chosen()),
            item_id=self.row.id if self.row else None,
        )
        self.ctx.status.emit(f"Portfolio: {self.title.text().strip()} saved")
