"""Typed, unsaved input comes back after the window was killed: the weekly reflection, the
Balance grid's hours and the text of a form dialog, kept as drafts in the settings (never in the
data file) until saved, reverted or cancelled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from ui_helpers import answer_boxes, open_page

from planner.services import balance, network, review
from planner.ui.dialogs.contact import ContactDialog
from planner.ui.pages.balance import BalancePage
from planner.ui.pages.network import NetworkPage
from planner.ui.pages.review import ReviewPage
from planner.ui.settings import Settings

REFLECTION = "Shipped the feature store demo.\nNext week: fewer meetings, more practice."


def settings_folder() -> Path:
    """The folder this test's settings live in (`private_settings`), for a window process."""
    return Path(Settings().fileName()).parent.parent


def killed_while_typing(db_path: Path, page: str, typing: str) -> None:
    """Run a window process on `db_path` that shows `page`, types as `typing` says (Python
    statements on `page`), waits until its drafts are written, then is killed (SIGKILL)."""
    code = textwrap.dedent(
        f"""
        import os, sys
        from pathlib import Path
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QEventLoop, QSettings
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                          {str(settings_folder())!r})
        from planner.storage.engine import open_database
        from planner.ui.context import AppContext
        from planner.ui.main_window import MainWindow
        from planner.ui.settings import Settings
        window = MainWindow(AppContext(open_database(Path({str(db_path)!r}))), Settings())
        window.show()
        page = window.show_page({page!r})
        app.processEvents()
        {typing}
        from planner.ui.drafts import Draft
        while any(d.pending for d in window.findChildren(Draft)):
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        print("typed", flush=True)
        sys.stdin.read()
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "typed"
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL
    Settings().sync()  # read what the other process wrote, as a new start would


def test_a_reflection_typed_in_a_killed_window_comes_back_unsaved(qtbot, ctx, db_path) -> None:
    killed_while_typing(
        db_path, "review", f"QTest.keyClicks(page.reflection, {REFLECTION.replace(chr(10), ' ')!r})"
    )
    page = open_page(qtbot, ReviewPage, ctx)
    assert ctx.read(review.reflection, page.monday) == ""  # the file was never written
    assert page.reflection.toPlainText() == REFLECTION.replace("\n", " ")
    assert page.reflection.document().isModified() and page.save_button.isEnabled()
    assert "not saved yet" in page.saved_state.text()
    page.save_button.click()
    assert ctx.read(review.reflection, page.monday) == REFLECTION.replace("\n", " ")
    again = open_page(qtbot, ReviewPage, ctx)  # saved: nothing left to bring back
    assert not again.reflection.document().isModified()
    assert again.draft.get(again.monday.isoformat()) is None


def type_reflection(page: ReviewPage, text: str) -> None:
    page.reflection.selectAll()
    page.reflection.insertPlainText(text)


def test_a_brought_back_reflection_can_be_reverted_to_the_saved_one(qtbot, ctx) -> None:
    first = open_page(qtbot, ReviewPage, ctx)
    type_reflection(first, "Saved words.")
    first.save_reflection()
    type_reflection(first, REFLECTION)
    qtbot.waitUntil(lambda: first.draft.pending is None)  # written after a pause in typing

    page = open_page(qtbot, ReviewPage, ctx)  # as the next start shows it
    assert page.reflection.toPlainText() == REFLECTION
    assert page.revert_button.isEnabled()
    page.revert_button.click()
    assert page.reflection.toPlainText() == "Saved words."
    assert not page.reflection.document().isModified() and not page.save_button.isEnabled()
    assert open_page(qtbot, ReviewPage, ctx).reflection.toPlainText() == "Saved words."


def test_a_brought_back_reflection_is_saved_only_when_the_person_says_so(qtbot, ctx) -> None:
    """Hiding the page (leaving it, or idle-time preparation showing and hiding it before
    anyone looked) saves typed text but leaves a brought-back draft a draft; typing into it
    makes it the person's text, saved on leaving like any other."""
    first = open_page(qtbot, ReviewPage, ctx)
    type_reflection(first, REFLECTION)
    first.draft.write()
    page = open_page(qtbot, ReviewPage, ctx)
    page.hide()
    page.show()
    assert ctx.read(review.reflection, page.monday) == ""
    assert (
        page.reflection.toPlainText() == REFLECTION and "not saved yet" in page.saved_state.text()
    )
    page.reflection.moveCursor(QTextCursor.MoveOperation.End)
    page.reflection.insertPlainText(" Done.")
    assert page.saved_state.text() == "Unsaved changes"
    page.hide()
    assert ctx.read(review.reflection, page.monday) == REFLECTION + " Done."


def test_a_draft_equal_to_the_saved_reflection_is_not_called_unsaved(qtbot, ctx) -> None:
    first = open_page(qtbot, ReviewPage, ctx)
    type_reflection(first, REFLECTION)
    first.draft.write()
    ctx.write("save", review.save_reflection, first.monday, REFLECTION)  # saved elsewhere
    page = open_page(qtbot, ReviewPage, ctx)
    assert page.reflection.toPlainText() == REFLECTION
    assert not page.reflection.document().isModified()
    assert page.draft.get(page.monday.isoformat()) is None


# --- the Balance grid's hours ---------------------------------------------------------------


def stored_hours(ctx, page: BalancePage) -> dict[str, float]:
    return ctx.read(balance.typed_by_week, page.monday, page.monday).get(page.monday, {})


def test_hours_typed_in_a_killed_window_come_back_unsaved(qtbot, ctx, db_path) -> None:
    killed_while_typing(
        db_path,
        "balance",
        "box = page.hours['work']; box.setFocus(); box.selectAll(); "
        "QTest.keyClicks(box, '37.5'); "
        "box = page.hours['rest']; box.setFocus(); box.selectAll(); QTest.keyClicks(box, '9')",
    )
    page = open_page(qtbot, BalancePage, ctx)
    assert stored_hours(ctx, page) == {}  # the file was never written
    assert page.hours["work"].value() == 37.5 and page.hours["rest"].value() == 9
    assert page.save_button.isEnabled() and page.restored_note.isVisible()
    page.save_button.click()
    assert stored_hours(ctx, page) == {"work": 37.5, "exercise": 0, "social": 0, "rest": 9}
    assert not page.restored_note.isVisible()
    assert not open_page(qtbot, BalancePage, ctx).save_button.isEnabled()  # nothing left


def test_brought_back_hours_can_be_reverted_to_the_saved_ones(qtbot, ctx) -> None:
    first = open_page(qtbot, BalancePage, ctx)
    first.hours["social"].setValue(6)
    first.save_week()
    first.hours["social"].setValue(14)
    qtbot.waitUntil(lambda: first.draft.pending is None)

    page = open_page(qtbot, BalancePage, ctx)
    assert page.hours["social"].value() == 14 and page.revert_button.isEnabled()
    page.revert_button.click()
    assert page.hours["social"].value() == 6 and not page.save_button.isEnabled()
    assert open_page(qtbot, BalancePage, ctx).hours["social"].value() == 6


@pytest.mark.parametrize(("button", "kept"), [("Save", 8.0), ("Discard", 0.0)])
def test_hours_saved_or_discarded_on_leaving_the_week_leave_no_draft(
    qtbot, ctx, button, kept
) -> None:
    page = open_page(qtbot, BalancePage, ctx)
    monday = page.monday
    page.hours["exercise"].setValue(8)
    answer_boxes(button)
    page.prev_button.click()
    assert page.draft.get(monday.isoformat()) is None
    page.next_button.click()
    assert page.hours["exercise"].value() == kept and not page.save_button.isEnabled()


def test_a_window_told_to_stop_keeps_what_was_being_typed(qtbot, window, demo_ctx) -> None:
    """Closed without asking (SIGTERM, a logout), the window writes the drafts still waiting
    for a pause in typing; the next start brings them back."""
    page = window.show_page("balance")
    page.hours["rest"].setValue(13.5)
    assert page.draft.pending is not None
    window.ask_before_closing = False
    assert window.close()
    again = open_page(qtbot, BalancePage, demo_ctx)
    assert again.hours["rest"].value() == 13.5 and again.save_button.isEnabled()


# --- form dialogs --------------------------------------------------------------------------

NOTES = "Met at the MLOps meetup.\nAsk about the platform team's opening in March."


def contact_names(ctx) -> list[str]:
    return [c.name for c in ctx.read(network.contacts, ctx.today())]


def test_a_dialog_typed_in_a_killed_window_comes_back_when_opened_again(
    qtbot, ctx, db_path
) -> None:
    killed_while_typing(
        db_path,
        "network",
        "from planner.ui.dialogs.contact import ContactDialog; "
        "dialog = ContactDialog(window.ctx, None, page); dialog.show(); app.processEvents(); "
        f"QTest.keyClicks(dialog.name, 'Zoe Park'); dialog.notes.setPlainText({NOTES!r})",
    )
    page = open_page(qtbot, NetworkPage, ctx)
    assert "Zoe Park" not in contact_names(ctx)  # the file was never written
    dialog = ContactDialog(ctx, None, page)
    dialog.show()
    assert dialog.name.text() == "Zoe Park" and dialog.notes.toPlainText() == NOTES
    assert dialog.restored_note.isVisible()
    assert dialog.submit()
    assert "Zoe Park" in contact_names(ctx)
    again = ContactDialog(ctx, None, page)
    again.show()  # saved: a new contact starts empty
    assert again.name.text() == "" and not again.restored_note.isVisible()
    again.reject()


def test_a_cancelled_dialog_leaves_no_draft_and_drafts_stay_with_what_they_edit(qtbot, ctx) -> None:
    page = open_page(qtbot, NetworkPage, ctx)
    new = ContactDialog(ctx, None, page)
    new.show()
    new.name.setText("Ana Ruiz")
    assert new.submit()
    cid = next(c.id for c in ctx.read(network.contacts, ctx.today()) if c.name == "Ana Ruiz")

    edit = ContactDialog(ctx, ctx.read(network.contact_detail, cid), page)
    edit.show()
    edit.notes.setPlainText(NOTES)
    qtbot.waitUntil(lambda: edit.draft is not None and edit.draft.pending is None)
    other = ContactDialog(ctx, None, page)
    other.show()  # a new contact is another thing than Ana: her draft stays hers
    assert other.notes.toPlainText() == "" and not other.restored_note.isVisible()
    other.reject()
    again = ContactDialog(ctx, ctx.read(network.contact_detail, cid), page)
    again.show()
    assert again.notes.toPlainText() == NOTES and again.restored_note.isVisible()
    again.reject()  # Cancel lets it go
    last = ContactDialog(ctx, ctx.read(network.contact_detail, cid), page)
    last.show()
    assert last.notes.toPlainText() == "" and not last.restored_note.isVisible()
    last.reject()


# --- the dashboard's quick-log row -------------------------------------------------------------


def test_a_quick_log_note_typed_in_a_killed_window_is_back_in_the_row(qtbot, ctx, db_path) -> None:
    """Hours and a note typed on the dashboard and not logged yet (Enter not pressed) are back
    after a kill; logging them lets the draft go, and nothing was written before."""
    from planner.services import learning
    from planner.ui.pages.dashboard import DashboardPage

    ctx.write(
        "add an activity",
        learning.save_activity,
        learning.ActivityInput(title="Deep Learning book"),
    )
    killed_while_typing(
        db_path,
        "dashboard",
        "form = page.quick_log; form.hours.setValue(1.5); "
        "form.activity.setCurrentText('Deep Learning book'); "
        "QTest.keyClicks(form.note, 'Attention heads, chapter 10')",
    )
    assert ctx.read(learning.session_totals).count == 0  # the file was never written
    page = open_page(qtbot, DashboardPage, ctx)
    form = page.quick_log
    assert form.note.text() == "Attention heads, chapter 10"
    assert (form.hours.value(), form.activity.currentText()) == (1.5, "Deep Learning book")
    assert form.submit()
    (logged,) = ctx.read(learning.sessions, ctx.today())
    assert (logged.hours, logged.note) == (1.5, "Attention heads, chapter 10")
    again = open_page(qtbot, DashboardPage, ctx)  # logged: nothing left to bring back
    assert again.quick_log.note.text() == ""


# --- a pasted job posting ----------------------------------------------------------------------

POSTING = "ML Engineer\nRequirements:\n- Python\n- Kubernetes\nNice to have:\n- Kafka\n"


def test_a_posting_pasted_in_a_killed_window_is_back_on_its_tab(qtbot, ctx, db_path) -> None:
    """Pasted, named and not saved: after a kill the text and the name are back, read again;
    saving it lets the draft go."""
    from planner.services import postings
    from planner.ui.pages.roadmap import POSTINGS_TAB, RoadmapPage

    killed_while_typing(
        db_path,
        "roadmap",
        f"page.tabs.setCurrentIndex({POSTINGS_TAB}); app.processEvents(); "
        f"page.postings.text.setPlainText({POSTING!r}); "
        "QTest.keyClicks(page.postings.name, 'Acme ML')",
    )
    assert ctx.read(postings.saved_postings) == []  # the file was never written
    page = open_page(qtbot, RoadmapPage, ctx)
    page.tabs.setCurrentIndex(POSTINGS_TAB)
    panel = page.postings
    assert panel.text.toPlainText() == POSTING and panel.name.text() == "Acme ML"
    assert "ready" in panel.summary.text() and panel.save_button.isEnabled()
    panel.save()
    assert [p.name for p in ctx.read(postings.saved_postings)] == ["Acme ML"]
    again = open_page(qtbot, RoadmapPage, ctx)
    again.tabs.setCurrentIndex(POSTINGS_TAB)
    assert again.postings.text.toPlainText() == ""  # saved: nothing to bring back
