"""The Network page on a real file: the contacts table and its filters, the contact and
interaction dialogs (refusing bad input with nothing written), the follow-up clock, the mentor
finder and the outreach chart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_helpers import open_page

from planner.services import network, readiness
from planner.services.network import ContactInput
from planner.ui.dialogs.contact import ContactDialog
from planner.ui.dialogs.interaction import InteractionDialog
from planner.ui.pages.network import NetworkPage
from planner.ui.qtmodels.rows import ROW_ROLE


@pytest.fixture
def page(qtbot, demo_ctx) -> NetworkPage:
    return open_page(qtbot, NetworkPage, demo_ctx)


def contacts(ctx) -> dict[str, network.ContactRow]:
    return {c.name: c for c in ctx.read(network.contacts, ctx.today())}


def shown_names(page: NetworkPage) -> list[str]:
    return [page.proxy.index(r, 0).data(ROW_ROLE).name for r in range(page.proxy.rowCount())]


def empty_state_shown(chart) -> bool:
    return chart.empty_message in [t.get_text() for ax in chart.figure.axes for t in ax.texts]


# --- opening -------------------------------------------------------------------------------------


def test_an_empty_file_says_how_to_start(qtbot, ctx) -> None:
    page = open_page(qtbot, NetworkPage, ctx)
    assert page.model.rowCount() == 0
    assert "No contacts yet" in page.count.text()
    assert page.empty_detail.isVisible() and not page.detail_body.isVisible()
    assert empty_state_shown(page.chart) and page.chart.bars == []
    assert page.mentors.skill.count() > 0  # every catalog skill can be asked about
    assert "No contact lists any expertise yet" in page.mentors.hint.text()


def test_with_no_target_role_the_mentor_finder_starts_on_a_skill_someone_knows(qtbot, ctx):
    """Not on the alphabet's first skill ("3D vision"), which nobody in the network knows."""
    ctx.write(
        "add a contact",
        network.save_contact,
        ContactInput(name="Lin", relationship="peer", expertise=["PyTorch"]),
    )
    page = open_page(qtbot, NetworkPage, ctx)
    assert page.mentors.skill.currentData() == "PyTorch"
    assert page.mentors.hint.text() == "1 can help with PyTorch."


def test_the_demo_lists_every_contact_with_its_follow_up_state(page, demo_ctx, qtmodeltester):
    rows = contacts(demo_ctx)
    assert sorted(shown_names(page)) == sorted(rows)
    due = [name for name, row in rows.items() if row.due]
    assert due, "the demo has contacts due for a follow-up"
    assert f"{len(due)} due for a follow-up" in page.count.text()
    for r in range(page.model.rowCount()):
        row = page.model.row(r)
        assert page.model.index(r, 6).data() == ("● Due" if row.due else "")
    qtmodeltester.check(page.model)


def test_the_outreach_chart_draws_the_monthly_counts(page, demo_ctx) -> None:
    months = demo_ctx.read(network.interactions_by_month, demo_ctx.today())
    assert [bar.get_height() for bar in page.chart.bars] == [m.count for m in months]
    assert not empty_state_shown(page.chart)
    from matplotlib.colors import to_rgba

    from planner.ui import theme

    c = theme.colors()  # a month that met the goal stands out from one that fell short
    expected = [to_rgba(c.balanced if m.count >= m.goal else c.accent) for m in months]
    assert [bar.get_facecolor() for bar in page.chart.bars] == expected


def test_selecting_a_contact_shows_details_and_log(page, demo_ctx, qtmodeltester) -> None:
    page.select_contact("Priya Raman")
    assert page.detail_body.isVisible()
    assert page.detail_title.text() == "Priya Raman"
    assert "Docker, PyTorch" in page.fields["expertise"].text()
    cid = contacts(demo_ctx)["Priya Raman"].id
    log = demo_ctx.read(network.interactions, cid)
    assert [page.log_model.row(r) for r in range(page.log_model.rowCount())] == log
    qtmodeltester.check(page.log_model)


# --- filters -----------------------------------------------------------------------------------


def test_search_relationship_and_due_only_filter_the_table(page, demo_ctx) -> None:
    rows = contacts(demo_ctx)
    page.search.setText("contoso")
    assert sorted(shown_names(page)) == sorted(
        n for n, r in rows.items() if r.company == "Contoso Retail"
    )
    page.search.clear()
    page.relationship.setCurrentText("Mentor")
    assert sorted(shown_names(page)) == sorted(
        n for n, r in rows.items() if r.relationship == "mentor"
    )
    page.relationship.setCurrentIndex(0)
    page.due_only.setChecked(True)
    assert sorted(shown_names(page)) == sorted(n for n, r in rows.items() if r.due)
    assert "of 10 contacts" in page.count.text()


# --- interactions ------------------------------------------------------------------------------


def test_adding_an_interaction_clears_the_due_flag(page, demo_ctx) -> None:
    name = next(n for n, r in contacts(demo_ctx).items() if r.due)
    page.select_contact(name)
    before = page.log_model.rowCount()
    dialog = InteractionDialog(demo_ctx, name, page)
    assert dialog.date.date().toPython() == demo_ctx.today()
    dialog.channel.setCurrentText("Video")
    dialog.note.setText("Talked about the portfolio")
    dialog.submit()

    row = contacts(demo_ctx)[name]
    assert row.due is False and row.last_contact == demo_ctx.today()
    shown = next(
        page.model.row(r) for r in range(page.model.rowCount()) if page.model.row(r).name == name
    )
    assert shown.due is False
    assert page.log_model.rowCount() == before + 1
    newest = page.log_model.row(0)
    assert (newest.channel, newest.note) == ("video", "Talked about the portfolio")
    assert page.fields["cadence"].text().startswith("Every")
    assert "due now" not in page.fields["cadence"].text()


def test_a_follow_up_before_the_interaction_is_refused(page, demo_ctx) -> None:
    before = demo_ctx.read(network.interactions, contacts(demo_ctx)["Mei Chen"].id)
    dialog = InteractionDialog(demo_ctx, "Mei Chen", page)
    dialog.follow_up_wanted.setChecked(True)
    dialog.follow_up.setDate(dialog.date.date().addDays(-1))
    dialog.submit()
    assert dialog.result() == 0
    assert not dialog.follow_up_error.isHidden()
    assert "before the interaction" in dialog.follow_up_error.text()
    assert demo_ctx.read(network.interactions, contacts(demo_ctx)["Mei Chen"].id) == before


def test_deleting_an_interaction_can_be_undone(page, demo_ctx) -> None:
    page.select_contact("Omar Haddad")
    cid = contacts(demo_ctx)["Omar Haddad"].id
    before = demo_ctx.read(network.interactions, cid)
    page.log.selectRow(0)
    page.delete_interaction()
    assert len(demo_ctx.read(network.interactions, cid)) == len(before) - 1
    demo_ctx.undo_stack.undo()
    after = demo_ctx.read(network.interactions, cid)
    assert [(i.date, i.channel, i.note) for i in after] == [
        (i.date, i.channel, i.note) for i in before
    ]


# --- the contact dialog ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "email", "field", "message"),
    [
        ("", "", "name_error", "Enter a name"),
        ("  ", "", "name_error", "Enter a name"),
        ("priya raman", "", "name_error", "already a contact called"),
        ("New Person", "not-an-email", "email_error", "needs an @"),
    ],
)
def test_the_contact_dialog_refuses_bad_input_and_writes_nothing(
    page, demo_ctx, name, email, field, message
) -> None:
    before = contacts(demo_ctx)
    dialog = ContactDialog(demo_ctx, None, page)
    dialog.name.setText(name)
    dialog.email.setText(email)
    dialog.submit()
    assert dialog.result() == 0
    error = getattr(dialog, field)
    assert not error.isHidden() and message in error.text()
    assert contacts(demo_ctx) == before


def test_adding_a_contact_with_expertise(page, demo_ctx) -> None:
    dialog = ContactDialog(demo_ctx, None, page)
    dialog.name.setText("Zoe Park")
    dialog.relationship.setCurrentText("Mentor")
    dialog.email.setText("zoe@example.com")
    dialog.cadence.setValue(21)
    dialog.set_skills(["MLflow", "Docker"])
    dialog.submit()
    assert dialog.result() == 1
    row = contacts(demo_ctx)["Zoe Park"]
    assert (row.relationship, row.cadence_days, row.expertise) == (
        "mentor",
        21,
        ("Docker", "MLflow"),
    )
    assert "Zoe Park" in shown_names(page)


def test_editing_keeps_the_own_name_and_changes_the_cadence(page, demo_ctx) -> None:
    cid = contacts(demo_ctx)["Mei Chen"].id
    dialog = ContactDialog(demo_ctx, demo_ctx.read(network.contact_detail, cid), page)
    assert dialog.name.text() == "Mei Chen"
    assert set(dialog.chosen_skills()) == {"Pandas", "scikit-learn"}
    dialog.cadence.setValue(14)
    dialog.submit()
    assert dialog.result() == 1
    assert contacts(demo_ctx)["Mei Chen"].cadence_days == 14


def test_deleting_a_contact_asks_first(page, demo_ctx) -> None:
    page.select_contact("Grace Kim")

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "Grace Kim" in box.text()
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.No))
    page.delete_contact()
    assert "Grace Kim" in contacts(demo_ctx)
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
    page.delete_contact()
    assert "Grace Kim" not in contacts(demo_ctx)
    assert "Grace Kim" not in shown_names(page)
    assert page.empty_detail.isVisible()


# --- who can help --------------------------------------------------------------------------------


def test_the_mentor_finder_offers_gaps_first_and_lists_mentors_first(page, demo_ctx, qtmodeltester):
    gaps = [g.skill for g in demo_ctx.read(readiness.readiness).gaps]
    offered = [page.mentors.skill.itemData(i) for i in range(len(gaps))]
    assert offered == gaps
    demo_ctx.write(
        "a change",
        network.save_contact,
        ContactInput(name="Aaron Peer", relationship="peer", expertise=["Docker"]),
    )
    page.mentors.skill.setCurrentIndex(page.mentors.skill.findData("Docker"))
    names = [page.mentors.model.row(r).name for r in range(page.mentors.model.rowCount())]
    assert names == [c.name for c in demo_ctx.read(network.mentors_for, "Docker", demo_ctx.today())]
    assert names == ["Priya Raman", "Aaron Peer"]
    assert page.mentors.hint.text() == "2 can help with Docker, 1 of them mentors."
    page.mentors.table.doubleClicked.emit(page.mentors.model.index(1, 0))
    assert page.selected() is not None and page.selected().name == "Aaron Peer"
    qtmodeltester.check(page.mentors.model)


def test_the_page_opens_in_the_main_window(window) -> None:
    page = window.show_page("network")
    assert isinstance(page, NetworkPage)
    assert page.model.rowCount() == 10


def test_a_refresh_keeps_the_chosen_contact_selected_and_recounts_those_due(page, demo_ctx):
    due = [n for n, r in contacts(demo_ctx).items() if r.due]
    name = due[-1]
    page.select_contact(name)
    demo_ctx.write(
        "a change", network.add_interaction, name, demo_ctx.today()
    )  # the page refreshes
    assert f"{len(due) - 1} due for a follow-up" in page.count.text()
    selected = page.table.selectionModel().selectedRows()
    assert [index.data(ROW_ROLE).name for index in selected] == [name]
    page.search.setText(name + " and nobody else")
    page.refresh()  # the chosen contact is filtered out: nothing is selected in the table
    assert page.table.selectionModel().selectedRows() == []
