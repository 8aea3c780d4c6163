"""The window refuses what `planner check` would report (issue 12 §4): a day holds 24 hours and
a week 168, in the log dialogs, the dashboard's quick log, the session editor and the Balance
grid, each saying which day or week, what it holds and the most that fits; and a day in the
future or over a year back is asked about before it is logged. Ctrl+L's dialog picks the day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDateEdit
from ui_helpers import answer_boxes, open_page

from planner.services import balance, learning
from planner.services.weeks import week_label, week_start
from planner.ui.dialogs.quick_log import QuickLogDialog, QuickLogForm
from planner.ui.dialogs.session import SessionDialog
from planner.ui.forms import to_qdate
from planner.ui.pages.balance import BalancePage


def sessions(ctx) -> list[tuple[dt.date, float]]:
    return sorted((r.date, r.hours) for r in ctx.read(learning.sessions))


def test_the_log_dialog_refuses_a_day_past_24_hours(qtbot, ctx) -> None:
    today = ctx.today()
    ctx.write("a change", learning.log_session, 2.5, today)
    dialog = SessionDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.hours.setValue(23)
    assert dialog.submit() is False
    assert dialog.error.isVisibleTo(dialog)
    text = dialog.error.text()
    assert f"{today.day} {today:%b %Y}" in text
    assert "already holds 2.5 h" in text and "at most 21.5 h more fits" in text
    assert sessions(ctx) == [(today, 2.5)]


def test_editing_a_session_counts_the_day_without_its_old_hours(qtbot, ctx) -> None:
    today = ctx.today()
    ctx.write("a change", learning.log_session, 20, today)
    row = ctx.read(learning.sessions)[0]
    dialog = SessionDialog(ctx, row)
    qtbot.addWidget(dialog)
    dialog.hours.setValue(24)
    assert dialog.submit() is True
    assert sessions(ctx) == [(today, 24.0)]


def test_the_dashboards_quick_log_refuses_a_full_day(qtbot, ctx) -> None:
    ctx.write("a change", learning.log_session, 20, ctx.today())
    form = QuickLogForm(ctx)
    qtbot.addWidget(form)
    form.hours.setValue(20)
    assert form.submit() is False
    assert "already holds 20 h" in form.error.text() and "at most 4 h" in form.error.text()
    assert form.date is None  # the dashboard's row logs today; Ctrl+L's dialog picks the day


def test_ctrl_l_logs_any_day_it_is_given(qtbot, ctx) -> None:
    dialog = QuickLogDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.form.date is not None
    assert dialog.form.date.date().toPython() == ctx.today()
    day = ctx.today() - dt.timedelta(days=3)
    dialog.form.date.setDate(to_qdate(day))
    dialog.form.hours.setValue(1.5)
    assert dialog.form.submit() is True
    assert sessions(ctx) == [(day, 1.5)]


def test_a_future_day_is_asked_about_and_can_be_changed(qtbot, ctx) -> None:
    dialog = QuickLogDialog(ctx)
    qtbot.addWidget(dialog)
    future = ctx.today() + dt.timedelta(days=2)
    dialog.form.date.setDate(to_qdate(future))
    seen = answer_boxes("&Change")
    assert dialog.form.submit() is False
    assert len(seen) == 1 and f"{future.day} {future:%b %Y}" in seen[0]
    assert sessions(ctx) == []
    answer_boxes("&Log")
    assert dialog.form.submit() is True
    assert sessions(ctx) == [(future, 1.0)]


def test_a_day_over_a_year_back_is_asked_about_in_the_session_dialog(qtbot, ctx) -> None:
    old = ctx.today() - dt.timedelta(days=500)
    dialog = SessionDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.date.setDate(to_qdate(old))
    answer_boxes("&Change")
    assert dialog.submit() is False
    assert sessions(ctx) == []
    answer_boxes("&Log")
    assert dialog.submit() is True
    assert sessions(ctx) == [(old, 1.0)]


def test_a_dialog_offers_only_the_dates_the_app_accepts(qtbot, ctx) -> None:
    dialog = QuickLogDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.form.date.maximumDate().year() == 2199
    assert dialog.form.date.minimumDate().year() == 1900


def test_the_balance_grid_refuses_a_week_past_168_hours(qtbot, ctx) -> None:
    monday = week_start(ctx.today())
    ctx.write("a change", learning.log_session, 8, monday)
    page = open_page(qtbot, BalancePage, ctx)
    page.hours["work"].setValue(160)
    page.hours["exercise"].setValue(99)
    assert page.save_week() is False
    text = page.week_error.text()
    assert week_label(monday) in text
    assert "already holds 8 h (learning 8 h)" in text
    assert "at most 160 h together, not 259 h" in text
    assert ctx.read(balance.typed_by_week, monday, monday) == {}
    assert page.save_button.isEnabled()  # still there to correct


def test_every_date_field_offers_only_the_years_the_app_accepts(qtbot, ctx) -> None:
    """A milestone due in 9999 or an interaction dated there crashed the pages that add a week
    or a month to it: the fields stop at the app's bounds."""
    from planner.ui.dialogs.activity import ActivityDialog
    from planner.ui.dialogs.interaction import InteractionDialog
    from planner.ui.dialogs.milestone import MilestoneDialog
    from planner.ui.forms import date_edit

    bare = date_edit(ctx.today())
    qtbot.addWidget(bare)
    dialogs = [ActivityDialog(ctx), MilestoneDialog(ctx), InteractionDialog(ctx, "Ada")]
    seen = 0
    for widget in (bare, *dialogs):
        qtbot.addWidget(widget)
        for field in [widget] if widget is bare else widget.findChildren(QDateEdit):
            assert (field.minimumDate().year(), field.maximumDate().year()) == (1900, 2199)
            seen += 1
    assert seen > 4


def test_ctrl_l_grows_to_show_a_long_refusal_whole(qtbot, ctx) -> None:
    monday = week_start(ctx.today())
    ctx.write(
        "a change", balance.set_week_hours, monday, {"work": 100, "exercise": 30, "social": 30}
    )
    dialog = QuickLogDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.hours.setValue(10)
    assert dialog.form.submit() is False
    label = dialog.form.error
    assert "(work 100 h, exercise 30 h, social 30 h)" in label.text()  # long: it wraps
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    bottom = label.mapTo(dialog, label.rect().bottomLeft()).y()
    assert bottom <= dialog.height()
    assert dialog.width() <= 800, dialog.width()  # wrapped, not one line across the screen


def test_undoing_a_delete_says_why_when_the_day_filled_up_since(qtbot, ctx) -> None:
    from planner.ui.pages.learning import LearningPage

    today = ctx.today()
    ctx.write("a change", learning.log_session, 20, today)
    ctx.write("a change", learning.log_session, 1, today - dt.timedelta(days=1))
    page = open_page(qtbot, LearningPage, ctx)
    page.tabs.setCurrentIndex(1)
    page.log.view.selectRow(0)  # today's 20 h, newest first
    page.log.delete_selected()
    with ctx.db.session() as s:  # `planner log 10` from the command line meanwhile
        learning.log_session(s, 10, today)
    said: list[str] = []
    ctx.not_replayed.connect(said.append)
    ctx.undo_stack.undo()
    assert len(said) == 1 and "already" not in said[0]
    assert "would give" in said[0] and "24 hours" in said[0]
    assert (today, 10.0) in sessions(ctx) and (today, 20.0) not in sessions(ctx)
    qtbot.waitUntil(lambda: ctx.undo_stack.count() == 0)  # the steps below no longer hold


def test_the_balance_grid_asks_before_saving_a_week_in_the_future(qtbot, ctx) -> None:
    page = open_page(qtbot, BalancePage, ctx)
    page.go_week(3)  # three weeks ahead: a slip, or a plan typed on purpose
    monday = page.monday
    assert monday > ctx.today()
    page.hours["work"].setValue(40)
    seen = answer_boxes("&Change")
    assert page.save_week() is False
    assert len(seen) == 1 and week_label(monday) in seen[0]  # asked about that very week
    assert ctx.read(balance.typed_by_week, monday, monday) == {}
    assert page.save_button.isEnabled()  # the typed hours wait
    answer_boxes("&Save")
    assert page.save_week() is True
    assert ctx.read(balance.typed_by_week, monday, monday)[monday]["work"] == 40.0
