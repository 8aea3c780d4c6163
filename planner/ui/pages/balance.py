"""Balance: one ISO week's hours against the targets, what to do about it, and the trend.

Work, exercise, social and rest are typed per week; learning is never typed, it is the sum of the
week's logged sessions. Save writes the four typed categories in one transaction, or nothing if
any value is refused. Statuses, recommendations and charts always come from the service. Hours
typed and not saved are kept as a draft (`planner.ui.drafts`) and come back, unsaved, after a
crash or a killed process.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planner.services import balance
from planner.services.balance import WeekBalance
from planner.services.errors import InputError
from planner.services.weeks import week_heading, week_start
from planner.ui import theme
from planner.ui.charts.balance import (
    LABEL,
    BalanceHistoryChart,
    BalanceWeekChart,
    WorkLearningChart,
    status_color,
)
from planner.ui.dialogs.date_confirm import confirm_date
from planner.ui.drafts import Draft
from planner.ui.forms import bold_label, edits_data, error_label, show_error, week_buttons
from planner.ui.pages.base import Page
from planner.ui.responsive import stack_when_narrow
from planner.vocabulary import CATEGORIES, WEEK_HOURS
from planner.vocabulary import TYPED_CATEGORIES as TYPED
from planner.wording import counted, hours_text

HOURS_IN_WEEK = WEEK_HOURS  # one home: planner.vocabulary
HISTORY_CHOICES = (8, 12, 26)
#: The page width from which the week's form and the charts sit side by side, and the least
#: height the charts get (stacked under the form, the page scrolls to them).
SIDE_BY_SIDE = 1000
CHARTS_HEIGHT = 620


def hours_box(tip: str) -> QDoubleSpinBox:
    """Hours a week. The box accepts more than 168 so a typo is explained at the field (a spin
    box that silently swallows keystrokes teaches nothing); saving refuses it."""
    box = QDoubleSpinBox()
    box.setRange(0.0, 999.0)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setSuffix(" h")
    box.setToolTip(tip)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


def chip(label: QLabel, category: str, status: str | None) -> None:
    """Colour a status label as a small rounded chip by what the status means for `category`
    (grey when there is nothing to judge)."""
    c = theme.colors()
    text = theme.STATUS_LABEL.get(status or "", "Not entered")
    color = status_color(category, status, c) if status else c.muted
    label.setText(text)
    label.setProperty("status", status or "none")
    label.setStyleSheet(
        f"background: {color}; color: white; border-radius: 8px; padding: 1px 8px;"
        "font-weight: bold;"
    )


def check_hours(boxes: dict[str, QDoubleSpinBox], errors: QLabel, what: str) -> bool:
    """Refuse any box above the hours in a week, naming each and saying how to fix it."""
    bad = [c for c, box in boxes.items() if box.value() > HOURS_IN_WEEK]
    show_error(
        errors,
        "; ".join(
            f"{LABEL[c]} {what} {hours_text(boxes[c].value())} is more than the "
            f"{WEEK_HOURS:g} hours in a week"
            for c in bad
        )
        + (f" — enter 0 to {hours_text(WEEK_HOURS)}. Nothing was saved." if bad else ""),
    )
    if bad:
        boxes[bad[0]].setFocus()
        boxes[bad[0]].selectAll()
    return not bad


class BalancePage(Page):
    name = "balance"
    concerns = frozenset({"balance", "learning"})

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.monday = week_start(ctx.today())
        self.week: WeekBalance | None = None
        self._shown_week: dt.date | None = None
        #: Hours typed and not saved, kept outside the file until saved or reverted.
        self.draft = Draft(self, ctx.path, "hours")
        layout = QVBoxLayout(self)
        self.heading("Balance", layout)
        self.burnout = QLabel()
        self.burnout.setWordWrap(True)
        self.burnout.setObjectName("burnoutBanner")
        self.burnout.hide()
        layout.addWidget(self.burnout)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 6, 0)
        column.addWidget(self._build_week())
        column.addWidget(self._build_advice())
        column.addWidget(self._build_targets())
        column.addStretch(1)
        left.setMinimumWidth(390)
        charts = self._build_charts()
        charts.setMinimumHeight(CHARTS_HEIGHT)
        # The form beside the charts when there is room for both, the charts under it when
        # not; either way the page scrolls up and down, never sideways.
        content = QWidget()
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight, content)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(left)
        row.addWidget(charts, 1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        stack_when_narrow(scroll, row, SIDE_BY_SIDE)

    # -- building -------------------------------------------------------------------------
    def _build_week(self) -> QWidget:
        box = QGroupBox("Week")
        self.prev_button, self.this_button, self.next_button = week_buttons(self, self.go_week)
        nav = QHBoxLayout()
        for button in (self.prev_button, self.this_button, self.next_button):
            nav.addWidget(button)
        nav.addStretch(1)
        self.week_label = bold_label()

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for col, text in enumerate(("", "Hours", "Target", "Status")):
            header = QLabel(f"<b>{text}</b>")
            grid.addWidget(header, 0, col, Qt.AlignmentFlag.AlignLeft)
        self.hours: dict[str, QDoubleSpinBox] = {}
        self.target_labels: dict[str, QLabel] = {}
        self.chips: dict[str, QLabel] = {}
        for row, category in enumerate(CATEGORIES, start=1):
            name = QLabel(f"&{LABEL[category]}" if category != "learning" else LABEL[category])
            spin = hours_box(f"{LABEL[category]} hours this week (0 to {WEEK_HOURS:g})")
            spin.setAccessibleName(f"{LABEL[category]} hours")
            if category == "learning":
                spin.setDecimals(2)
                spin.setReadOnly(True)
                spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
                spin.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                spin.setToolTip("From your logged sessions; log hours with Ctrl+L")
            else:
                name.setBuddy(spin)
                spin.valueChanged.connect(self._on_edit)
            self.hours[category] = spin
            self.target_labels[category] = QLabel()
            self.chips[category] = QLabel()
            grid.addWidget(name, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(self.target_labels[category], row, 2)
            grid.addWidget(self.chips[category], row, 3, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(3, 1)
        #: The hours box typed in last, where the focus returns after Save week or Revert.
        self._last_edited = self.hours["work"]
        self.learning_note = QLabel()
        self.learning_note.setWordWrap(True)
        theme.themed_style(self.learning_note, "color: {muted};")
        self.restored_note = QLabel(
            "Brought back the hours typed before the app closed; they are not saved yet: "
            "Save week keeps them, Revert goes back."
        )
        self.restored_note.setWordWrap(True)
        theme.themed_style(self.restored_note, "color: {muted};")
        self.restored_note.hide()
        self.week_error = error_label()
        self.save_button = QPushButton("&Save week")
        edits_data(self.save_button)
        self.save_button.setToolTip("Save work, exercise, social and rest for this week")
        self.save_button.clicked.connect(self.save_week)
        self.revert_button = QPushButton("Re&vert")
        edits_data(self.revert_button)
        self.revert_button.setToolTip("Undo the changes typed since the last save")
        self.revert_button.clicked.connect(self._revert)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        column = QVBoxLayout(box)
        column.addLayout(nav)
        column.addWidget(self.week_label)
        column.addLayout(grid)
        column.addWidget(self.learning_note)
        column.addWidget(self.restored_note)
        column.addWidget(self.week_error)
        column.addLayout(buttons)
        return box

    def _build_advice(self) -> QWidget:
        box = QGroupBox("What to do about it")
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        QVBoxLayout(box).addWidget(self.advice)
        return box

    def _build_targets(self) -> QWidget:
        box = QGroupBox("Weekly targets")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.targets: dict[str, QDoubleSpinBox] = {}
        for category in CATEGORIES:
            spin = hours_box(f"Target {LABEL[category].lower()} hours a week (0 to {WEEK_HOURS:g})")
            spin.setAccessibleName(f"{LABEL[category]} target")
            self.targets[category] = spin
            form.addRow(f"{LABEL[category]}:", spin)
        self.targets_error = error_label()
        self.targets_button = QPushButton("Save tar&gets")
        edits_data(self.targets_button)
        self.targets_button.setToolTip(
            "Over is more than 120 % of a target, under is less than 80 %; the learning "
            "target is also your weekly learning goal."
        )
        self.targets_button.clicked.connect(self.save_targets)
        form.addRow(self.targets_error)
        form.addRow("", self.targets_button)
        return box

    def _build_charts(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(6, 0, 0, 0)
        self.span = QComboBox()
        for weeks in HISTORY_CHOICES:
            self.span.addItem(f"Last {weeks} weeks", weeks)
        self.span.setCurrentIndex(HISTORY_CHOICES.index(12))
        self.span.setToolTip("How many weeks the history charts show, ending with this week")
        self.span.currentIndexChanged.connect(self._draw_history)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("History:"))
        bar.addWidget(self.span)
        bar.addStretch(1)
        self.history_chart = BalanceHistoryChart(height=3.2)
        self.week_chart = BalanceWeekChart(height=2.8)
        self.trend_chart = WorkLearningChart(height=2.8)
        row = QSplitter(Qt.Orientation.Horizontal)
        row.addWidget(self.week_chart)
        row.addWidget(self.trend_chart)
        charts = QSplitter(Qt.Orientation.Vertical)
        charts.addWidget(self.history_chart)
        charts.addWidget(row)
        column.addLayout(bar)
        column.addWidget(charts, 1)
        return panel

    # -- refreshing -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the week, targets and charts; typed but unsaved hours of the same week stay."""
        keep_typed = self._shown_week == self.monday and self.save_button.isEnabled()
        week = self.week = self.ctx.read(balance.week_balance, self.monday, self.ctx.today())
        self.week_label.setText(week_heading(self.monday))
        self.this_button.setEnabled(self.monday != week_start(self.ctx.today()))
        for category in CATEGORIES:
            cat = week.category(category)
            box = self.hours[category]
            if category == "learning" or not keep_typed:
                box.blockSignals(True)
                box.setValue(cat.hours)
                box.blockSignals(False)
            self.target_labels[category].setText(hours_text(cat.target))
            chip(self.chips[category], category, cat.status if cat.entered else None)
            self.targets[category].setValue(cat.target)
        n = week.learning_sessions
        self.learning_note.setText(
            f"Learning is the sum of this week's {counted(n, 'logged session')}; it cannot "
            "be typed here. Log hours with Ctrl+L."
        )
        if keep_typed:
            self._show_typed_statuses()
        else:
            show_error(self.week_error, "")
            self._set_dirty(False)
            self._bring_back(week)
        self._shown_week = self.monday
        self._show_advice(week)
        self.week_chart.set_data(week)
        self._draw_history()

    def _show_advice(self, week: WeekBalance) -> None:
        c = theme.colors()
        self.burnout.setVisible(week.burnout_risk)
        self.burnout.setText(f"<b>⚠ Burnout risk.</b> {week.burnout_advice or ''}")
        self.burnout.setStyleSheet(
            f"background: {c.over}; color: white; border-radius: 6px; padding: 8px;"
        )
        if not week.entered:
            self.advice.setText(
                "No hours entered for this week yet. Type work, exercise, social and rest "
                "above and press Save week to see how the week balanced."
            )
            return
        tips = list(week.advice)
        if not tips:
            self.advice.setText(week.no_advice)
            return
        items = "".join(
            f"<li style='margin-bottom:4px'>{'<b>' if 'recovery' in t else ''}{t}"
            f"{'</b>' if 'recovery' in t else ''}</li>"
            for t in tips
        )
        self.advice.setText(f"<ul style='margin-left:-20px'>{items}</ul>")

    def _draw_history(self) -> None:
        weeks = self.span.currentData() or 12
        history = self.ctx.read(balance.history, self.monday, weeks)
        self.history_chart.set_data(history)
        self.trend_chart.set_data(history)

    # -- editing --------------------------------------------------------------------------
    def _on_edit(self) -> None:
        box = self.sender()
        if isinstance(box, QDoubleSpinBox):
            self._last_edited = box
        self._set_dirty(True)
        self.draft.keep(self.monday.isoformat(), self.typed_values())

    def _bring_back(self, week: WeekBalance) -> None:
        """Put the hours typed for this week and never saved (the app stopped first) back in
        the grid, unsaved; a draft that says what the file holds goes."""
        key = self.monday.isoformat()
        draft = _typed_hours(self.draft.get(key))
        if draft is None or all(
            round(draft[c], 2) == round(week.category(c).hours, 2) for c in TYPED
        ):
            self.draft.drop(key)  # none, or what the file holds
            return
        for category, hours in draft.items():
            box = self.hours[category]
            box.blockSignals(True)
            box.setValue(hours)
            box.blockSignals(False)
        self._set_dirty(True)
        self.restored_note.show()

    def _set_dirty(self, dirty: bool) -> None:
        if not dirty and self.focusWidget() in (self.save_button, self.revert_button):
            # Disabled, the button would pass the focus on down the page (to the first target
            # box, where the cursor then blinked): it goes back to the hours being typed.
            self._last_edited.setFocus()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self._show_typed_statuses()
        else:
            self.restored_note.hide()

    def _show_typed_statuses(self) -> None:
        """Each typed category's status for the hours in its box, as saving would make it:
        a chip beside 38 h that still said the saved 51 h were over read as a verdict on the
        38. The advice and the charts follow on Save."""
        if self.week is None:
            return
        for category in TYPED:
            target = self.week.category(category).target
            status = balance.status(self.hours[category].value(), target)
            chip(self.chips[category], category, status)

    def _revert(self) -> None:
        self.draft.drop(self.monday.isoformat())
        self._set_dirty(False)
        self.refresh()

    def typed_values(self) -> dict[str, float]:
        return {c: self.hours[c].value() for c in TYPED}

    def save_week(self) -> bool:
        """Write the four typed categories in one transaction; refuse (writing none) if any is
        over 168 h."""
        if not check_hours({c: self.hours[c] for c in TYPED}, self.week_error, "hours"):
            return False
        typed = sum(self.typed_values().values())
        if not confirm_date(self, self.monday, self.ctx.today(), typed, week=True):
            return False  # a week in the future or over a year back, not the one meant
        self._set_dirty(False)  # the refresh that follows the write shows what was saved
        try:
            self.ctx.write(
                f"save the hours of {week_heading(self.monday)}",
                balance.set_week_hours,
                self.monday,
                self.typed_values(),
            )
        except InputError as exc:
            self._set_dirty(True)
            show_error(self.week_error, f"Not saved: {exc}.")
            return False
        self.draft.drop(self.monday.isoformat())
        self.ctx.status.emit(f"Saved the hours of {week_heading(self.monday)}")
        return True

    def save_targets(self) -> bool:
        if not check_hours(self.targets, self.targets_error, "target"):
            return False
        values = {c: box.value() for c, box in self.targets.items()}
        try:
            self.ctx.write("save the weekly targets", balance.set_targets, values)
        except InputError as exc:
            show_error(self.targets_error, f"Not saved: {exc}.")
            return False
        show_error(self.targets_error, "")
        self.ctx.status.emit("Saved the weekly targets")
        return True

    def go_week(self, step: int) -> None:
        """Move by `step` ISO weeks (0 = this week), asking first if typed hours are unsaved."""
        if self.save_button.isEnabled() and not self._settle_unsaved():
            return
        if step == 0:
            self.monday = week_start(self.ctx.today())
        else:
            self.monday += dt.timedelta(weeks=step)
        self._set_dirty(False)
        self.refresh()

    def may_leave(self) -> bool:
        if not self.save_button.isEnabled() or self._settle_unsaved():
            self._set_dirty(False)  # saved or discarded: asked once
            return True
        return False

    def _settle_unsaved(self) -> bool:
        """Save, discard or stay: True when the page may move on."""
        answer = QMessageBox.question(
            self,
            "Unsaved hours",
            f"Save the hours typed for {week_heading(self.monday)} before moving on?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save_week()
        if answer == QMessageBox.StandardButton.Discard:
            self.draft.drop(self.monday.isoformat())
            return True
        return False


def _typed_hours(hours: Any) -> dict[str, float] | None:
    """A draft's hours per typed category, None for no draft or one of another shape."""
    if not isinstance(hours, dict) or set(hours) != set(TYPED):
        return None
    if not all(isinstance(h, int | float) for h in hours.values()):
        return None
    return {c: float(h) for c, h in hours.items()}
