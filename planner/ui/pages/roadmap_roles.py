"""The Roadmap's role browser: the catalog as a searchable list filtered by track, the selected
role in full (summary, phases, skills by importance, salaries, responsibilities, career moves)
and the buttons to choose it as the target role or put it in the comparison."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner.services import advice, profile, roles, skills
from planner.services.errors import InputError
from planner.services.roles import RoleInfo
from planner.ui.context import AppContext
from planner.ui.forms import edits_data, error_label
from planner.ui.master_detail import MasterDetail, column
from planner.ui.pages.roadmap_common import make_table, select_where, selected_row
from planner.ui.qtmodels.rows import Column, RowsModel
from planner.vocabulary import STAGES, TRACKS

ALL_TRACKS = "All tracks"


def months(low: int, high: int | None) -> str:
    return f"month {low}+" if high is None else f"months {low}–{high}"


def stage_order(level: str) -> int:
    return STAGES.index(level) if level in STAGES else len(STAGES)


class RoleBrowser(QWidget):
    #: The slug of a role the person wants to compare.
    compare_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.roles: dict[str, RoleInfo] = {}
        self.marks: dict[str, str] = {}
        self.target: str | None = None
        self.levels: dict[str, int] = {}

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search roles (Ctrl+F)…")
        self.search.setClearButtonEnabled(True)
        self.track = QComboBox()
        self.track.addItem(ALL_TRACKS, None)
        for track in TRACKS:
            self.track.addItem(track.capitalize(), track)
        self.track.setToolTip("Show one track of roles")
        columns: list[Column[RoleInfo]] = [
            Column("Role", lambda r: r.title),
            Column("Track", lambda r: r.track.capitalize()),
            Column(
                "Stage",
                lambda r: stage_order(r.stage or ""),
                text=lambda v: (*STAGES, "")[v].capitalize(),
            ),
            Column("Skills", lambda r: len(r.skills), align_right=True),
            Column("", lambda r: self.marks.get(r.slug, "")),
        ]
        self.model: RowsModel[RoleInfo] = RowsModel(columns, self)
        self.table, self.proxy = make_table(self.model, self)
        self.table.setAccessibleName("Roles")
        self.search.textChanged.connect(self.proxy.set_search)
        self.track.currentIndexChanged.connect(self._track_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())

        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._link)
        self.detail.setAccessibleName("Role details")
        self.choose = QPushButton("Choose as &target role")
        edits_data(self.choose)
        self.choose.setToolTip(
            "Plan toward this role: its phases become milestones from your plan start"
        )
        self.choose.clicked.connect(self.choose_target)
        self.compare = QPushButton("Add to &comparison")
        self.compare.setToolTip("Compare this role side by side with up to two others")
        self.compare.clicked.connect(self._compare)
        self.error = error_label()

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.track)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.compare)
        buttons.addStretch(1)
        right = column(self.detail, buttons, self.error, stretch=self.detail)
        split = MasterDetail(self.table, right, above=[filters], shares=(1, 1), sizes=(480, 520))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(split)
        QShortcut(
            QKeySequence.StandardKey.Find,
            self,
            self.search.setFocus,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    def _track_changed(self) -> None:
        track = self.track.currentData()
        self.proxy.set_predicate(lambda r: track is None or r.track == track)

    def refresh(self) -> None:
        chosen = selected_row(self.table)
        info = self.ctx.read(profile.profile_info)
        self.target = info.target_role
        self.marks = {}
        if info.current_role:
            self.marks[info.current_role] = "Current"
        if info.target_role:
            self.marks[info.target_role] = "★ Target"
        self.roles = {r.slug: r for r in self.ctx.read(roles.list_roles)}
        self.model.set_rows(list(self.roles.values()))
        self.levels = {r.name: r.level for r in self.ctx.read(skills.list_skills, only_mine=True)}
        wanted = chosen.slug if chosen else (info.target_role or info.current_role)
        if not select_where(self.table, lambda r: r.slug == wanted, 0):
            self._show_selected()

    def select(self, slug: str) -> None:
        """Show `slug` (clearing filters that would hide it)."""
        self.search.clear()
        self.track.setCurrentIndex(0)
        select_where(self.table, lambda r: r.slug == slug)

    def selected_slug(self) -> str | None:
        role = selected_row(self.table)
        return role.slug if role else None

    def _link(self, url: QUrl) -> None:
        if url.scheme() == "role":
            self.select(url.path() or url.host())

    def _compare(self) -> None:
        slug = self.selected_slug()
        if slug:
            self.compare_requested.emit(slug)

    def choose_target(self) -> None:
        slug = self.selected_slug()
        if slug is None:
            return
        self.error.hide()
        again = slug == self.target
        try:
            change = self.ctx.write(
                "change the target role", profile.set_target_role, slug, self.ctx.today()
            )
        except InputError as exc:
            self.error.setText(f"Not changed: {exc}.")
            self.error.show()
            return
        if again:
            self.ctx.status.emit(f"{change.title} is already your target role; no milestones added")
        else:
            self.ctx.status.emit(
                f"Target role: {change.title} — {change.milestones_added} phase milestones added, "
                f"{change.milestones_removed} open ones of the previous role removed"
            )

    # -- the detail pane ------------------------------------------------------------------------
    def _show_selected(self) -> None:
        role = selected_row(self.table)
        self.choose.setEnabled(role is not None)
        self.compare.setEnabled(role is not None)
        if role is None:
            self.detail.setHtml(
                "<p>Select a role on the left to see its phases, skills and salaries.</p>"
            )
            return
        self.detail.setHtml(self.role_html(role))

    def role_html(self, r: RoleInfo) -> str:
        e = html.escape
        meta = " · ".join(
            x
            for x in (
                r.track.capitalize() + " track",
                (r.stage or "").capitalize() + " level" if r.stage else "",
                "your catalog edit" if r.source == "user" else "",
            )
            if x
        )
        mark = (
            " <span style='color:gray'>★ your target role</span>" if r.slug == self.target else ""
        )
        parts = [
            f"<h2 style='margin-bottom:2px'>{e(r.title)}{mark}</h2>"
            f"<p style='color:gray'>{e(meta)}</p>"
        ]
        if r.summary:
            parts.append(f"<p>{e(r.summary)}</p>")
        if r.phases:
            rows = "".join(
                f"<tr><td><b>{p.order}. {e(p.name)}</b></td>"
                f"<td>&nbsp;{months(p.earliest_month, p.latest_month)}&nbsp;</td>"
                f"<td>{e(p.focus)}</td></tr>"
                for p in r.phases
            )
            parts.append(
                f"<h3>Learning path (from your plan start)</h3><table cellspacing=2>{rows}</table>"
            )
            if r.derived_from:
                source = self.roles.get(r.derived_from)
                parts.append(
                    "<p style='color:gray'>The guides give no month windows for this role's "
                    f"path: derived from <a href='role:{r.derived_from}'>"
                    f"{e(source.title if source else r.derived_from)}</a>.</p>"
                )
        else:
            parts.append(
                "<h3>Learning path</h3><p>The guides give no phased path for this role.</p>"
            )
        if r.skills:
            parts.append(f"<h3>Skills ({len(r.skills)}) — ✓ where you have the required level</h3>")
            for importance in ("essential", "important", "useful"):
                names = [
                    ("✓ " if self.levels.get(s.name, 0) >= s.required_level else "") + e(s.name)
                    for s in r.skills
                    if s.importance == importance
                ]
                if names:
                    parts.append(
                        f"<p><b>{importance.capitalize()}</b> ({len(names)}): "
                        f"{', '.join(names)}</p>"
                    )
        if r.salaries:
            rows = "".join(
                f"<tr><td>{e(s.name)}&nbsp;</td>"
                f"<td>{s.text}&nbsp;</td>"
                f"<td style='color:gray'>source {s.source_year}</td></tr>"
                for s in r.salaries
            )
            parts.append(f"<h3>Salary ranges (USD a year)</h3><table cellspacing=2>{rows}</table>")
        if r.responsibilities:
            items = "".join(f"<li>{e(x)}</li>" for x in r.responsibilities)
            parts.append(f"<h3>Responsibilities</h3><ul>{items}</ul>")
        industries = self.ctx.read(advice.industries_for, r.slug)
        if industries:  # where the role works, from the mapping guide's industry applications
            items = "".join(
                f"<li><b>{e(i.name)}</b>: {e(', '.join(i.applications))}</li>" for i in industries
            )
            parts.append(f"<h3>Where it works</h3><ul>{items}</ul>")
        moves = []
        for label, slugs in (("Comes from", r.comes_from), ("Leads to", r.leads_to)):
            if slugs:
                links = ", ".join(
                    f"<a href='role:{s}'>{e(self.roles[s].title if s in self.roles else s)}</a>"
                    for s in slugs
                )
                moves.append(f"<p><b>{label}:</b> {links}</p>")
        if moves:
            parts.append("<h3>Career moves</h3>" + "".join(moves))
        return "".join(parts)
