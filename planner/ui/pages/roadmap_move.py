"""The Roadmap's "Your move" tab: the guides' advice for getting from the current role to the
target. On the left, the move (route, duration, the skills it needs with the guide's reason, what
the current role already brings) and the career stage's priorities, action items, years and pay;
on the right, certifications for the target and the gap (one click adds one to the plan) and the
interview checklist, which appears once readiness passes the threshold or on request."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner.services import advice, moves, roadmap
from planner.services.advice import CertificationSuggestion, InterviewPrep, StageView
from planner.services.moves import Move
from planner.ui.context import AppContext
from planner.ui.format import percent_text
from planner.ui.forms import edits_data, error_label, muted_label, write_or_say
from planner.ui.pages.roadmap_common import make_table, select_where, selected_row
from planner.ui.qtmodels.rows import Column, RowsModel

CERT_COLUMNS: list[Column[CertificationSuggestion]] = [
    Column("Certification", lambda c: c.name, tooltip=lambda c: c.focus),
    Column("Provider", lambda c: c.provider or "—"),
    Column("", lambda c: "✓ in your plan" if c.added else ""),
]


def move_html(m: Move) -> str:
    e = html.escape
    parts = ["<h3 style='margin-bottom:2px'>The move</h3>", f"<p>{e(m.summary)}</p>"]
    if m.steps:
        items = "".join(
            f"<li><b>{e(s.label)}</b>"
            + (f" — {e(s.note)}" if s.note else "")
            + (
                f" <span style='color:gray'>({step_months(s.months_min, s.months_max)})</span>"
                if s.months_min is not None or s.months_max is not None
                else ""
            )
            + "</li>"
            for s in m.steps
        )
        parts.append(f"<ul style='margin-top:0'>{items}</ul>")
    if m.skills:
        rows = "".join(
            f"<li>{'✓ ' if s.met else ''}{e(s.name)} — "
            + ("met" if s.met else f"your level {s.level} of {s.required_level}")
            + "</li>"
            for s in m.skills
        )
        parts.append(
            "<p><b>Skills the move needs</b> (added to your gap list with the guide's reason):"
            f"</p><ul style='margin-top:0'>{rows}</ul>"
        )
    if m.brings:
        parts.append(
            f"<p><b>What {e(m.current_title or '')} already brings:</b> {e(', '.join(m.brings))}"
            "</p>"
        )
    return "".join(parts)


def step_months(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"{low}–{high} months"
    return f"up to {high} months" if high is not None else f"at least {low} months"


def stage_html(view: StageView) -> str:
    e = html.escape
    a = view.advice
    lists = "".join(
        f"<li><b>{label}:</b> {e(', '.join(names))}</li>"
        for label, names in (
            ("Essential", a.essential),
            ("Important", a.important),
            ("Useful", a.useful),
        )
        if names
    )
    actions = "".join(f"<li>{e(x)}</li>" for x in a.actions)
    return (
        f"<h3 style='margin-bottom:2px'>Your stage: {e(a.name)}</h3>"
        f"<p style='color:gray'>Typically {view.years} in the field · pay {view.pay} a year "
        f"(US, {a.pay_year}) · focus: {e(a.focus)}</p>"
        f"<p><b>Priorities</b></p><ul style='margin-top:0'>{lists}</ul>"
        f"<p><b>How to learn:</b> {e(a.approach)}</p>"
        f"<p><b>Action items</b></p><ol style='margin-top:0'>{actions}</ol>"
    )


class MovePanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prep: InterviewPrep | None = None
        self.asked = False  # the person asked for the checklist before readiness reached it

        self.text = QTextBrowser()
        self.text.setAccessibleName("The move and your career stage")

        self.certs_model: RowsModel[CertificationSuggestion] = RowsModel(CERT_COLUMNS, self)
        self.certs, _proxy = make_table(self.certs_model, self)
        self.certs.setAccessibleName("Suggested certifications")
        self.certs.selectionModel().selectionChanged.connect(lambda *_: self._sync())
        self.add_cert = QPushButton("&Add to my plan")
        edits_data(self.add_cert)
        self.add_cert.setToolTip(
            "Add the selected certification as a learning activity (kind certification, with "
            "its provider) and as a milestone"
        )
        self.add_cert.clicked.connect(self.add_certification)
        self.certs_empty = muted_label()
        self.cert_why = muted_label()  # why the selected one is suggested, and what it covers
        self.cert_why.setTextFormat(Qt.TextFormat.RichText)
        cert_box = QGroupBox("Certifications for your target role and gap")
        cert_layout = QVBoxLayout(cert_box)
        cert_layout.addWidget(self.certs, 1)
        cert_layout.addWidget(self.certs_empty)
        cert_layout.addWidget(self.cert_why)
        row = QHBoxLayout()
        row.addWidget(self.add_cert)
        row.addStretch(1)
        cert_layout.addLayout(row)

        self.interview_status = muted_label()
        self.steps = QListWidget()
        self.steps.setAccessibleName("Interview preparation checklist")
        self.steps.setWordWrap(True)
        self.steps.itemChanged.connect(self._step_changed)
        self.show_steps = QPushButton("&Show the checklist")
        self.show_steps.setToolTip("See the interview checklist before readiness reaches it")
        self.show_steps.clicked.connect(self._ask)
        self.start = QPushButton("&Track the steps as milestones")
        edits_data(self.start)
        self.start.clicked.connect(self.start_interview_prep)
        interview_box = QGroupBox("Interview preparation")
        interview_layout = QVBoxLayout(interview_box)
        interview_layout.addWidget(self.interview_status)
        interview_layout.addWidget(self.steps, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_steps)
        buttons.addWidget(self.start)
        buttons.addStretch(1)
        interview_layout.addLayout(buttons)
        interview_layout.addStretch(0)  # takes the room the list leaves while it is hidden
        self.interview_layout = interview_layout

        self.error = error_label()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(cert_box, 1)
        right_layout.addWidget(interview_box, 1)
        right_layout.addWidget(self.error)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.text)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([480, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(split)

    # -- reading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        way = self.ctx.read(moves.move)
        stage = self.ctx.read(advice.stage_advice)
        self.text.setHtml(move_html(way) + stage_html(stage))
        chosen = selected_row(self.certs)
        found = self.ctx.read(advice.suggested_certifications)
        self.certs_model.set_rows(found)
        if chosen is not None:
            select_where(self.certs, lambda c: c.name == chosen.name, 0)
        self.certs_empty.setVisible(not found)
        self.certs_empty.setText(
            "Choose a target role to see the guides' certifications for it."
            if way.target is None
            else "The guides name no certification for this role or its gap skills."
        )
        self.prep = self.ctx.read(advice.interview_prep)
        self._show_steps()
        self._sync()

    def _show_steps(self) -> None:
        prep = self.prep
        if prep is None:
            return
        visible = prep.due or prep.started or self.asked
        threshold = percent_text(advice.INTERVIEW_READINESS)
        if prep.started:
            self.interview_status.setText(
                f"{prep.done} of {len(prep.items)} steps done — tick a step when it is ready."
            )
        elif prep.due:
            self.interview_status.setText(
                f"You are {percent_text(prep.readiness)} ready: time to prepare for interviews."
            )
        else:
            self.interview_status.setText(
                f"The checklist appears once you are {threshold} ready "
                f"(now {percent_text(prep.readiness)}), or show it now."
            )
        self.steps.setVisible(visible)
        self.interview_layout.setStretch(self.interview_layout.count() - 1, 0 if visible else 1)
        self.show_steps.setVisible(not visible)
        editable = not self.ctx.read_only  # a read-only file offers nothing to change
        self.start.setVisible(visible and not prep.started and editable)
        self.steps.blockSignals(True)
        self.steps.clear()
        for item in prep.items:
            entry = QListWidgetItem(f"{item.step.area}: {item.step.title}")
            entry.setToolTip(entry.text())
            entry.setData(Qt.ItemDataRole.UserRole, item.milestone_id)
            if prep.started and item.milestone_id is not None and editable:
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                done = item.done_on is not None
                entry.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
            self.steps.addItem(entry)
        self.steps.blockSignals(False)

    def _sync(self) -> None:
        chosen = selected_row(self.certs)
        self.add_cert.setEnabled(chosen is not None and not chosen.added)
        self.cert_why.setVisible(chosen is not None)
        if chosen is not None:
            e = html.escape
            self.cert_why.setText(
                f"<b>{e(chosen.name)}</b>: {e(chosen.why)}. {e(chosen.focus)}"
                + (" Already in your plan." if chosen.added else "")
            )

    # -- actions ----------------------------------------------------------------------------
    def _ask(self) -> None:
        self.asked = True
        self._show_steps()

    def add_certification(self) -> None:
        chosen = selected_row(self.certs)
        if chosen is None or chosen.added:
            return
        if self._write(
            f"add the certification {chosen.name}",
            advice.add_certification,
            chosen.name,
            self.ctx.today(),
        ):
            self.ctx.status.emit(f"{chosen.name}: added as a learning activity and a milestone")

    def start_interview_prep(self) -> None:
        if self._write("start interview preparation", advice.start_interview_prep):
            self.ctx.status.emit("Interview preparation: each step is now a milestone")

    def _step_changed(self, entry: QListWidgetItem) -> None:
        milestone_id = entry.data(Qt.ItemDataRole.UserRole)
        if milestone_id is None:
            return
        done = entry.checkState() == Qt.CheckState.Checked
        self._write(
            f"{'tick' if done else 'untick'} “{entry.text()}”",
            roadmap.set_done,
            milestone_id,
            self.ctx.today() if done else None,
        )

    def _write(self, label: str, fn: Callable[..., Any], *args: Any) -> bool:
        return write_or_say(self.ctx, self.error, label, fn, *args)
