"""The Roadmap's "Job postings" tab: how ready you are for one job ad, not just a role.

Paste a posting or open the .txt/.html/.pdf the browser saved: the skills it asks for are found
offline (`services.postings`), shown with your level against the level each needs (required →
essential, duties → important, nice to have → useful, as the target role's readiness counts
them), and the posting can be kept under a name beside the target role. Saved postings are
listed on the left; pick two or more to see them side by side; "Add gap skills to plan" puts
the gap on your skills list and in a milestone. A posting pasted or opened and not saved yet is
kept as a draft (`planner.ui.drafts`): after a quit, a crash or a kill it is back on the tab.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.services import postings
from planner.services.errors import InputError
from planner.services.postings import CompareRow, Comparison, PostingReport, PostingSkill
from planner.services.readiness import IMPORTANCE_ORDER
from planner.ui.context import AppContext
from planner.ui.drafts import Draft
from planner.ui.format import percent_text
from planner.ui.forms import edits_data, error_label, muted_label
from planner.ui.master_detail import MasterDetail
from planner.ui.pages.roadmap_common import (
    level_text,
    make_table,
    readiness_widgets,
    select_where,
)
from planner.ui.qtmodels.rows import ROW_ROLE, Column, RowsModel
from planner.wording import hours_text

FILE_FILTER = "Job postings (*.txt *.html *.htm *.pdf *.md);;All files (*)"
#: Wait this long after the last keystroke before reading the pasted text again.
TYPING_PAUSE_MS = 400
#: The tab's one draft: the posting on screen while it is not saved.
DRAFT_KEY = "unsaved"
DRAFT_FIELDS = ("text", "name", "source")

SKILL_COLUMNS: list[Column[PostingSkill]] = [
    Column("Skill", lambda s: s.skill, tooltip=lambda s: s.item.category),
    Column(
        "Asked as",
        lambda s: (IMPORTANCE_ORDER[s.item.importance], s.item.importance),
        text=lambda v: ("required", "required (duties)", "nice to have")[v[0]],
        tooltip=lambda s: f"Counts as {s.item.importance} in readiness",
    ),
    Column("Your level", lambda s: s.item.level, text=level_text),
    Column("Needs", lambda s: s.item.required_level, text=level_text),
    Column(
        "Remaining",
        lambda s: s.item.remaining_hours,
        text=lambda h: "met" if h == 0 else hours_text(h),
        align_right=True,
    ),
    Column("Found as", lambda s: s.evidence, tooltip=lambda s: s.evidence),
]

SAVED_COLUMNS: list[Column[PostingReport]] = [
    Column("Posting", lambda r: r.label, tooltip=lambda r: f"{r.title}\nfrom {r.source}"),
    Column("Ready", lambda r: r.score, text=percent_text, align_right=True),
    Column("Gaps", lambda r: len(r.gaps), align_right=True),
]


def need_text(need: str | None, level: int | None, met: bool = False) -> str:
    """ "required · needs 3", with a ✓ when your level is there already."""
    if need is None:
        return "—"
    return f"{'required' if need == 'required' else 'nice'} · needs {level}" + " ✓" * met


def compare_columns(c: Comparison) -> list[Column[CompareRow]]:
    cols: list[Column[CompareRow]] = [
        Column("Skill", lambda r: r.skill, tooltip=lambda r: r.category),
        Column("You", lambda r: r.level, text=level_text),
    ]
    for i, report in enumerate(c.postings):
        cols.append(posting_column(i, f"{report.label} ({percent_text(report.score)})"))
    return cols


def posting_column(i: int, header: str) -> Column[CompareRow]:
    """The column of the `i`th posting compared: what it asks of each skill."""
    return Column(
        header,
        lambda r: (
            {"required": 0, "nice": 1}.get(r.needs[i] or "", 2),
            r.needs[i] or "",
            r.required_levels[i],
            r.level >= (r.required_levels[i] or 6),
        ),
        text=lambda v: need_text(v[1] or None, v[2], v[3]),
        tooltip=lambda r: (
            "not asked"
            if r.needs[i] is None
            else "met"
            if r.level >= (r.required_levels[i] or 6)
            else "a gap"
        ),
    )


class PostingsPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: The posting on screen: its saved name (None while pasted, not saved) and source.
        self.current_name: str | None = None
        self.current_source = "pasted"
        self.report: PostingReport | None = None
        self.comparison: Comparison | None = None

        saved_buttons = self._saved_list()
        self.inner = QTabWidget()
        self.inner.setDocumentMode(True)
        self.inner.addTab(self._posting_tab(), "Posting")
        self.inner.addTab(self._compare_tab(), "Side by side")
        split = MasterDetail(
            self.saved_table,
            self.inner,
            title="Saved postings",
            below=[self.saved_empty, saved_buttons],
            shares=(1, 3),
            sizes=(330, 950),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(split)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.analyse)
        self.draft = Draft(self, ctx.path, "posting")
        #: What the draft holds now (None: nothing), so a refresh does not write it again.
        self._kept: dict[str, str] | None = None
        kept = self.draft.get(DRAFT_KEY)
        if isinstance(kept, dict) and all(isinstance(kept.get(k), str) for k in DRAFT_FIELDS):
            self._show_text(kept["text"], name=None, source=kept["source"])
            self.name.setText(kept["name"])
            self._keep_draft()  # as it was: the name, which showing the text had cleared
        self.name.textChanged.connect(self._keep_draft)
        self._sync_buttons()

    # -- building -------------------------------------------------------------------------------
    def _saved_list(self) -> QHBoxLayout:
        """The saved postings' table and what goes under it; returns the row of buttons."""
        self.saved_model: RowsModel[PostingReport] = RowsModel(SAVED_COLUMNS, self)
        self.saved_table, _ = make_table(self.saved_model, self)
        self.saved_table.setAccessibleName("Saved postings")
        self.saved_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.saved_table.selectionModel().selectionChanged.connect(lambda *_: self._picked())
        self.saved_empty = muted_label(
            "None yet. Paste or open a posting, name it and press Save to keep it beside your "
            "target role."
        )
        self.compare_button = QPushButton("Compare side by side")
        self.compare_button.setToolTip("Select two or more saved postings (Ctrl+click)")
        self.compare_button.clicked.connect(self.show_comparison)
        self.delete_button = QPushButton("Delete")
        edits_data(self.delete_button)
        self.delete_button.setToolTip("Delete the selected saved postings (Ctrl+Z brings back)")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        return buttons

    def _posting_tab(self) -> QWidget:
        self.open_button = QPushButton("Open posting fi&le…")
        self.open_button.setToolTip("A .txt, .html or .pdf page saved from the browser")
        self.open_button.clicked.connect(self.choose_file)
        self.new_button = QPushButton("New")
        self.new_button.setToolTip("Clear the text to paste another posting")
        self.new_button.clicked.connect(self.clear)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Job posting text")
        self.text.setPlaceholderText(
            "Paste a job posting here (its headings, e.g. Requirements and Nice to have, tell "
            "required skills from nice-to-have ones). Nothing leaves your computer."
        )
        self.text.textChanged.connect(self._typed)
        self.summary, self.bar = readiness_widgets(220)
        self.skill_model: RowsModel[PostingSkill] = RowsModel(SKILL_COLUMNS, self)
        self.skill_table, _ = make_table(self.skill_model, self)
        self.skill_table.setAccessibleName("Skills the posting asks for")
        self.name = QLineEdit()
        self.name.setPlaceholderText("Name to save it under, e.g. Acme ML Engineer")
        self.name.setAccessibleName("Posting name")
        self.name.returnPressed.connect(self.save)
        self.save_button = QPushButton("Sa&ve posting")
        edits_data(self.save_button)
        self.save_button.clicked.connect(self.save)
        self.plan_button = QPushButton("A&dd gap skills to plan")
        edits_data(self.plan_button)
        self.plan_button.setToolTip(
            "Track each gap skill on your skills list and link them to a milestone "
            "“Ready for posting: …” on the Plan tab"
        )
        self.plan_button.clicked.connect(self.add_to_plan)
        self.error = error_label()
        QShortcut(
            QKeySequence("Ctrl+Return"),
            self.text,
            self.analyse,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.new_button)
        top.addStretch(1)
        result = QHBoxLayout()
        result.addWidget(self.summary, 1)
        result.addWidget(self.bar)
        actions = QHBoxLayout()
        actions.addWidget(self.name, 1)
        actions.addWidget(self.save_button)
        actions.addSpacing(12)
        actions.addWidget(self.plan_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(result)
        lower_layout.addWidget(self.skill_table, 1)
        lower_layout.addLayout(actions)
        lower_layout.addWidget(self.error)
        split = QSplitter(Qt.Orientation.Vertical)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.text, 1)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(split)
        return tab

    def _compare_tab(self) -> QWidget:
        self.compare_hint = muted_label()
        self.compare_model: RowsModel[CompareRow] = RowsModel([], self)
        self.compare_table, self.compare_proxy = make_table(self.compare_model, self)
        self.compare_table.setAccessibleName("Saved postings side by side")
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.compare_hint)
        layout.addWidget(self.compare_table, 1)
        return tab

    # -- reading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Saved postings and the posting on screen, read again (levels may have changed)."""
        chosen = set(self.selected_names())
        saved = self.ctx.read(postings.saved_postings)
        self.saved_table.selectionModel().blockSignals(True)
        self.saved_model.set_rows(saved)
        for row in range(self.saved_table.model().rowCount()):
            index = self.saved_table.model().index(row, 0)
            if index.data(ROW_ROLE).name in chosen:
                self.saved_table.selectionModel().select(
                    index,
                    self.saved_table.selectionModel().SelectionFlag.Select
                    | self.saved_table.selectionModel().SelectionFlag.Rows,
                )
        self.saved_table.selectionModel().blockSignals(False)
        self.saved_empty.setVisible(not saved)
        if self.current_name is not None and self.current_name not in {r.name for r in saved}:
            self.current_name = None  # deleted meanwhile: what is on screen is now unsaved
        self.analyse()
        self._keep_draft()
        if self.inner.currentIndex() == 1:
            self.show_comparison()
        self._sync_buttons()

    def selected_names(self) -> list[str]:
        rows = self.saved_table.selectionModel().selectedRows()
        return [i.data(ROW_ROLE).name for i in sorted(rows, key=lambda i: i.row())]

    def _picked(self) -> None:
        names = self.selected_names()
        if len(names) == 1:
            self.load_saved(names[0])
        elif len(names) > 1 and self.inner.currentIndex() == 1:
            self.show_comparison()
        self._sync_buttons()

    def load_saved(self, name: str) -> None:
        saved_name, text, source = self.ctx.read(postings.saved_text, name)
        self._show_text(text, name=saved_name, source=source)
        self.inner.setCurrentIndex(0)

    def _show_text(self, text: str, *, name: str | None, source: str) -> None:
        self.text.blockSignals(True)
        self.text.setPlainText(text)
        self.text.blockSignals(False)
        self.current_name, self.current_source = name, source
        self.name.setText(name or "")
        self.analyse()
        self._keep_draft()

    def _typed(self) -> None:
        # An edited posting is a new one: it is saved under a name of its own.
        self.current_name = None
        self._typing.start()
        self._keep_draft()

    def _keep_draft(self) -> None:
        """Keep the posting on screen as a draft while it is not saved; let it go once it is
        saved, cleared or a saved one is shown."""
        text = self.text.toPlainText()
        kept = None
        if self.current_name is None and text.strip():
            kept = {"text": text, "name": self.name.text(), "source": self.current_source}
        if kept == self._kept:
            return
        if kept is None:
            self.draft.drop(DRAFT_KEY)
        else:
            self.draft.keep(DRAFT_KEY, kept)
        self._kept = kept

    def analyse(self) -> None:
        """Find the skills in the text on screen and show readiness for it."""
        self._typing.stop()
        text = self.text.toPlainText()
        self.error.hide()
        if not text.strip():
            self.report = None
            self.skill_model.set_rows([])
            self.summary.setText(
                "Paste a posting above or open one saved from the browser to see how ready "
                "you are for it."
            )
            self.bar.hide()
            self._sync_buttons()
            return
        self.report = r = self.ctx.read(
            postings.analyse, text, name=self.current_name, source=self.current_source
        )
        self.skill_model.set_rows(list(r.skills))
        if not r.skills:
            self.summary.setText(
                "No catalog skills found in this text. Is it the posting's full text?"
            )
        else:
            met = len(r.skills) - len(r.gaps)
            self.summary.setText(
                f"<b>{html.escape(r.label)}</b> — <b>{percent_text(r.score)}</b> ready · "
                f"{len(r.required)} required and {len(r.nice)} nice-to-have skills found · "
                f"{met} met · about {hours_text(r.remaining_hours)} of learning to go"
            )
        self.bar.setValue(round(r.score * 100))
        self.bar.show()
        if not self.name.text().strip() and self.current_name is None:
            self.name.setPlaceholderText(f"Name to save it under, e.g. {r.title[:40]}")
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        has_text = bool(self.text.toPlainText().strip())
        self.save_button.setEnabled(has_text and self.current_name is None)
        self.save_button.setToolTip(
            "Already saved" if self.current_name else "Keep this posting as a target"
        )
        self.plan_button.setEnabled(self.report is not None and bool(self.report.gaps))
        self.delete_button.setEnabled(bool(self.selected_names()))
        self.compare_button.setEnabled(self.saved_model.rowCount() >= 2)

    # -- actions --------------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open a job posting", str(Path.home()), FILE_FILTER
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> bool:
        from planner.services.posting_text import read_posting

        try:
            text = read_posting(path)
        except InputError as exc:
            self._fail(f"Could not open it: {exc}.")
            return False
        self._show_text(text, name=None, source=path.name)
        self.name.setText(path.stem.replace("_", " ").replace("-", " "))
        self.inner.setCurrentIndex(0)
        return True

    def clear(self) -> None:
        self.saved_table.clearSelection()
        self._show_text("", name=None, source="pasted")
        self.text.setFocus()

    def save(self) -> None:
        text = self.text.toPlainText()
        name = self.name.text()
        try:
            report = self.ctx.write(
                f"save the posting “{name.strip() or 'Untitled'}”",
                postings.save_posting,
                name,
                text,
                self.ctx.today(),
                self.current_source,
            )
        except InputError as exc:
            self._fail(f"Not saved: {exc}.")
            return
        self.current_name = report.name
        self.analyse()  # the refresh the save set off ran before it had its name
        self._keep_draft()
        select_where(self.saved_table, lambda r: r.name == report.name)
        self.ctx.status.emit(f"Saved the posting “{report.name}”")

    def add_to_plan(self) -> None:
        if self.report is None:
            return
        try:
            change = self.ctx.write(
                f"add the gap of “{self.report.label}” to the plan",
                postings.add_gaps_to_plan,
                self.report,
                self.ctx.today(),
            )
        except InputError as exc:
            self._fail(f"Not added: {exc}.")
            return
        tracked = f", {len(change.tracked)} newly on your skills list" if change.tracked else ""
        self.ctx.status.emit(
            f"{len(change.gap)} gap skills linked to the milestone “{change.milestone}”{tracked}"
        )

    def delete_selected(self) -> None:
        names = self.selected_names()
        if not names:
            return
        label = f"“{names[0]}”" if len(names) == 1 else f"{len(names)} postings"
        self.ctx.write(f"delete saved posting {label}", postings.delete_postings, names)

    def show_comparison(self) -> None:
        names = self.selected_names()
        if len(names) < 2:
            names = [r.name for r in self.saved_model.rows() if r.name is not None][:3]
        self.inner.setCurrentIndex(1)
        self.comparison = None
        if len(names) >= 2:
            try:
                self.comparison = self.ctx.read(postings.compare, names)
            except InputError as exc:
                self.compare_hint.setText(f"Cannot compare: {exc}.")
        if self.comparison is None:
            if len(names) < 2:
                self.compare_hint.setText("Save two or more postings to compare them.")
            self._set_compare_model(RowsModel([], self))
            return
        c = self.comparison
        shared = sum(1 for r in c.rows if sum(n is not None for n in r.needs) > 1)
        self.compare_hint.setText(
            f"{len(c.postings)} postings, {len(c.rows)} skills in all; {shared} asked for by "
            "more than one; ✓ where your level is already enough. Select postings on the left "
            "(Ctrl+click) to choose which."
        )
        model: RowsModel[CompareRow] = RowsModel(compare_columns(c), self)
        model.set_rows(list(c.rows))
        self._set_compare_model(model)

    def _set_compare_model(self, model: RowsModel[CompareRow]) -> None:
        """Columns follow the postings compared, so each comparison gets a model of its own."""
        old, self.compare_model = self.compare_model, model
        self.compare_proxy.setSourceModel(model)
        old.deleteLater()
        header = self.compare_table.horizontalHeader()
        for column in range(model.columnCount()):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == 0
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
