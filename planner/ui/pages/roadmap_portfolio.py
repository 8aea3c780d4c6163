"""The Roadmap's portfolio tab: the person's projects and public work (title, kind, status, the
skills each shows, link) and the guides' project ideas for the target role. The guides ask for
three to five substantial projects; a finished one is evidence in the gap list."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.catalog import PortfolioIdea
from planner.services import advice, portfolio, profile
from planner.services.portfolio import PORTFOLIO_GOAL, PortfolioRow
from planner.ui.context import AppContext
from planner.ui.dialogs.portfolio import STATUS_LABELS, PortfolioDialog
from planner.ui.forms import edits_data, error_label, muted_label
from planner.ui.master_detail import MasterDetail, column
from planner.ui.pages.roadmap_common import (
    make_table,
    run_dialog,
    select_where,
    selected_row,
)
from planner.ui.qtmodels.rows import Column, RowsModel

ITEM_COLUMNS: list[Column[PortfolioRow]] = [
    Column("Title", lambda p: p.title, tooltip=lambda p: p.notes or p.title),
    Column("Kind", lambda p: p.kind.capitalize()),
    Column("Status", lambda p: STATUS_LABELS[p.status]),
    Column("Skills it shows", lambda p: ", ".join(p.skills)),
    Column("Link", lambda p: p.link),
]
IDEA_COLUMNS: list[Column[PortfolioIdea]] = [
    Column(
        "Idea from the guides",
        lambda i: i.title,
        tooltip=lambda i: f"{i.title}\nShows: {', '.join(i.skills) or 'what you choose'}",
    ),
    Column("Kind", lambda i: i.kind.capitalize()),
]


class PortfolioPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: RowsModel[PortfolioRow] = RowsModel(ITEM_COLUMNS, self)
        self.table, _proxy = make_table(self.model, self)
        self.table.setAccessibleName("Portfolio")
        self.table.doubleClicked.connect(lambda _i: self.edit_item())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._sync())
        self.count = muted_label()
        self.new = QPushButton("&New item…")
        self.edit = QPushButton("&Edit…")
        self.delete = QPushButton("&Delete")
        for button in (self.new, self.edit, self.delete):
            edits_data(button)
        self.new.clicked.connect(lambda: self.new_item())
        self.edit.clicked.connect(self.edit_item)
        self.delete.clicked.connect(self.delete_item)
        buttons = QHBoxLayout()
        for button in (self.new, self.edit, self.delete):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.ideas_model: RowsModel[PortfolioIdea] = RowsModel(IDEA_COLUMNS, self)
        self.ideas, _ideas_proxy = make_table(self.ideas_model, self)
        self.ideas.setAccessibleName("Project ideas from the guides")
        self.ideas.selectionModel().selectionChanged.connect(lambda *_: self._sync())
        self.ideas.doubleClicked.connect(lambda _i: self.use_idea())
        self.use = QPushButton("&Start from this idea…")
        edits_data(self.use)
        self.use.clicked.connect(self.use_idea)
        self.ideas_note = muted_label(
            "The guides: build three to five substantial projects, keep clean code on GitHub, "
            "write about your approach, and take part in competitions and open source."
        )
        self.idea_skills = muted_label()  # what the selected idea shows
        row = QHBoxLayout()
        row.addWidget(self.use)
        row.addStretch(1)
        ideas_box = column(
            self.ideas_note,
            self.ideas,
            self.idea_skills,
            row,
            stretch=self.ideas,
            title="Ideas for your target role",
        )
        self.error = error_label()

        split = MasterDetail(
            self.table,
            ideas_box,
            title="Your portfolio",
            above=[self.count],
            below=[buttons],
            shares=(3, 2),
            sizes=(600, 400),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(split, 1)
        layout.addWidget(self.error)

    def refresh(self) -> None:
        chosen = selected_row(self.table)
        rows = self.ctx.read(portfolio.portfolio)
        self.model.set_rows(rows)
        if chosen is not None:
            select_where(self.table, lambda p: p.id == chosen.id, 0)
        done = sum(1 for p in rows if p.status == "done")
        low, high = PORTFOLIO_GOAL
        self.count.setText(
            f"{len(rows)} item{'s' * (len(rows) != 1)}, {done} finished · the guides suggest "
            f"{low} to {high} substantial projects; finished ones count as evidence in your "
            "skill gap."
        )
        target = self.ctx.read(profile.profile_info).target_role
        self.ideas_model.set_rows(advice.portfolio_ideas(target))
        self._sync()

    def _sync(self) -> None:
        has = selected_row(self.table) is not None
        self.edit.setEnabled(has)
        self.delete.setEnabled(has)
        idea = selected_row(self.ideas)
        self.use.setEnabled(idea is not None)
        self.idea_skills.setVisible(idea is not None)
        if idea is not None:
            self.idea_skills.setText(f"Shows: {', '.join(idea.skills) or 'what you choose'}")

    def new_item(self, idea: PortfolioIdea | None = None) -> None:
        seed = (idea.title, idea.kind, idea.skills) if idea else None
        run_dialog(PortfolioDialog(self.ctx, None, self, idea=seed))

    def use_idea(self) -> None:
        idea = selected_row(self.ideas)
        if idea is not None:
            self.new_item(idea)

    def edit_item(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            run_dialog(PortfolioDialog(self.ctx, row, self))

    def delete_item(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        self.ctx.write(f"delete portfolio item “{row.title}”", portfolio.delete_item, row.id)
