"""Every action a person takes in the window can be undone and redone from the Edit menu, which
names it; the file comes back exactly as it was, and the stack survives a page switch."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.services import balance, learning, network, profile, roadmap, skills, timer
from planner.services.weeks import week_start
from tests.file_rows import dump

TODAY = dt.date.today()


def first_open_milestone(session) -> int:
    return roadmap.milestones(session, open_only=True)[0].id


#: label -> (service call, arguments; a callable argument is read from the file first)
ACTIONS = {
    "log 1.5 h": (learning.log_session, (1.5, TODAY)),
    "set Python to expert": (skills.set_level, ("Python", 5, TODAY)),
    "mark the next milestone done": (roadmap.set_done, (first_open_milestone, TODAY)),
    "change the target role": (profile.set_target_role, ("ai-engineer", TODAY)),
    "save the hours of this week": (
        balance.set_week_hours,
        (week_start(TODAY), {"work": 38.0, "exercise": 4.0, "social": 6.0, "rest": 9.0}),
    ),
    "add contact Grace Hopper": (network.save_contact, (network.ContactInput(name="Grace"),)),
    "start the timer": (timer.start, (dt.datetime.now(dt.UTC), None, "")),
    "delete the first contact": (
        network.delete_contact,
        (lambda s: network.contacts(s, TODAY)[0].id,),
    ),
}


@pytest.mark.parametrize("label", ACTIONS)
def test_an_action_is_undone_and_redone_from_the_edit_menu(window, label) -> None:
    ctx = window.ctx
    window.ask_before_closing = False  # a timer left running would ask at the test's end
    fn, args = ACTIONS[label]
    with ctx.db.session() as s:
        args = tuple(a(s) if callable(a) else a for a in args)
    before = dump(ctx.path)
    ctx.write(label, fn, *args)
    after = dump(ctx.path)
    assert after != before

    undo, redo = edit_actions(window)
    assert undo.isEnabled() and undo.text().replace("&", "") == f"Undo {label}"
    window.show_page("network")  # the stack belongs to the file, not to a page
    undo.trigger()
    assert dump(ctx.path) == before
    assert redo.text().replace("&", "") == f"Redo {label}"
    window.show_page("roadmap")
    redo.trigger()
    assert dump(ctx.path) == after


def test_the_visible_page_refreshes_only_for_what_it_shows(window, qtbot) -> None:
    ctx = window.ctx
    page = window.show_page("balance")
    refreshed: list[str] = []
    page.refresh = lambda: refreshed.append("balance")  # what the window calls on a change
    ctx.write("add contact Grace", network.save_contact, network.ContactInput(name="Grace"))
    assert refreshed == []  # contacts are not on the Balance page
    ctx.write("log 1 h", learning.log_session, 1.0, TODAY)
    assert refreshed == ["balance"]  # learning hours are


def edit_actions(window):
    edit = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Edit")
    texts = {a.text().replace("&", "").split(" ")[0]: a for a in edit.actions()}
    return texts["Undo"], texts["Redo"]
