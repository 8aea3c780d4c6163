"""The Network page's optional networking goals: the framework's habits beyond reaching two
people a month (a meetup a month, an online community, a conference a year, writing). Taking
one on makes this period's goal a networking milestone; ticking it marks that milestone done."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QPushButton, QWidget

from planner.services import advice, roadmap
from planner.services.advice import HabitStatus
from planner.ui.context import AppContext
from planner.ui.forms import edits_data, error_label, muted_label, write_or_say

PERIOD_WORDS = {"month": "this month", "year": "this year", "once": ""}


class HabitsBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Networking habits", parent)
        self.ctx = ctx
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(0, 1)
        self.note = muted_label("Optional goals beside two people a month.")
        self.grid.addWidget(self.note, 0, 0, 1, 2)
        self.rows: list[tuple[QCheckBox, QPushButton]] = []
        self.error = error_label()

    def refresh(self) -> None:
        found = self.ctx.read(advice.habits, self.ctx.today())
        while len(self.rows) < len(found):
            index = len(self.rows)
            done = QCheckBox()
            done.toggled.connect(lambda on, i=index: self._done(i, on))
            take = QPushButton("Take on")
            edits_data(take)
            take.clicked.connect(lambda _c=False, i=index: self._take(i))
            row = index + 1
            self.grid.addWidget(done, row, 0)
            self.grid.addWidget(take, row, 1)
            self.rows.append((done, take))
        self.grid.addWidget(self.error, len(self.rows) + 1, 0, 1, 2)
        self.grid.setRowStretch(len(self.rows) + 2, 1)
        self.found = found
        for (done, take), status in zip(self.rows, found, strict=False):
            self._show(done, take, status)

    def _show(self, done: QCheckBox, take: QPushButton, status: HabitStatus) -> None:
        when = PERIOD_WORDS[status.habit.period]
        label = status.habit.title + (f" {when}" if when else "")
        done.blockSignals(True)
        done.setText(label)
        done.setChecked(status.done_on is not None)
        editable = not self.ctx.read_only  # a read-only file offers nothing to change
        done.setEnabled(status.milestone_id is not None and editable)
        done.blockSignals(False)
        done.setToolTip(
            f"Your goal: {html.escape(label)} — tick it when done"
            if status.milestone_id is not None
            else "Take it on first: it becomes a networking milestone"
        )
        take.setVisible(status.milestone_id is None and editable)
        take.setToolTip(f"Make “{label}” a networking milestone")

    def _take(self, index: int) -> None:
        habit = self.found[index].habit
        self._write(f"take on “{habit.title}”", advice.take_on_habit, habit.key, self.ctx.today())

    def _done(self, index: int, on: bool) -> None:
        status = self.found[index]
        if status.milestone_id is not None:
            self._write(
                f"{'tick' if on else 'untick'} “{status.habit.title}”",
                roadmap.set_done,
                status.milestone_id,
                self.ctx.today() if on else None,
            )

    def _write(self, label: str, fn: Callable[..., Any], *args: Any) -> bool:
        return write_or_say(self.ctx, self.error, label, fn, *args)
