"""File › Import… asks what only the person knows, beside the preview: the day order of a
report nothing in it decides (both readings shown), whose time a team report holds, and what
each calendar counts as; each answer previews again, and Import writes what it shows."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from import_samples import CLOCKIFY_DAY_FIRST_AMBIGUOUS, CLOCKIFY_TEAM, GOOGLE_ICS, write

from planner.ui.dialogs.import_dialog import ImportDialog


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as con:
        return con.execute(sql).fetchall()


def open_dialog(qtbot, ctx, kind: str, path: Path) -> ImportDialog:
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.set_kind(kind)
    dialog.set_path(path)
    return dialog


def choose(dialog: ImportDialog, option: str, value: object) -> None:
    dialog.questions.choices[option].choose(value)


def test_day_first_question_shows_both_readings_and_imports_the_chosen(
    qtbot, ctx, tmp_path
) -> None:
    dialog = open_dialog(
        qtbot, ctx, "clockify", write(tmp_path, "c.csv", CLOCKIFY_DAY_FIRST_AMBIGUOUS)
    )
    dialog.show()

    assert not dialog.import_button.isEnabled()
    texts = dialog.questions.choices["day_first"].texts
    assert dialog.questions.choices["day_first"].value() is None
    assert any("05/06/2024 → 5 Jun 2024" in t for t in texts)
    assert any("05/06/2024 → 6 May 2024" in t for t in texts)
    assert "day first or month first" in dialog.summary.text()

    choose(dialog, "day_first", True)
    assert dialog.import_button.isEnabled()
    dialog.grab().save("/tmp/import-dialog-day-first.png")
    with qtbot.waitSignal(ctx.changed):
        dialog.import_button.click()
    days = rows(ctx.db.path, "SELECT date FROM learning_session ORDER BY date")
    assert days == [("2024-06-01",), ("2024-06-05",), ("2024-06-06",)]


def test_a_team_report_asks_whose_time(qtbot, ctx, tmp_path) -> None:
    dialog = open_dialog(qtbot, ctx, "clockify", write(tmp_path, "team.csv", CLOCKIFY_TEAM))

    choice = dialog.questions.choices["user"]
    assert choice.values == ["Ana Ruiz", "Ben Okoro", "Chen Li"]
    assert choice.value() is None and not dialog.import_button.isEnabled()
    choose(dialog, "user", "Chen Li")

    assert "1 learning sessions to add" in dialog.summary.text()
    with qtbot.waitSignal(ctx.changed):
        dialog.import_button.click()
    assert rows(ctx.db.path, "SELECT hours FROM learning_session") == [(3.0,)]


def test_a_calendar_maps_its_names_in_the_dialog_and_remembers_them(qtbot, ctx, tmp_path) -> None:
    ctx.today = lambda: dt.date(2024, 4, 10)
    path = write(tmp_path, "gym.ics", GOOGLE_ICS)
    dialog = open_dialog(qtbot, ctx, "ics", path)
    assert "0 week hours to add" in dialog.summary.text()
    box = dialog.questions.map_boxes["Gym"]

    box.setCurrentIndex(box.findData("exercise"))

    assert "3 week hours to add" in dialog.summary.text()
    dialog.show()
    dialog.grab().save("/tmp/import-dialog-calendar.png")
    with qtbot.waitSignal(ctx.changed):
        dialog.import_button.click()
    assert rows(ctx.db.path, "SELECT name, category FROM calendar_map") == [("Gym", "exercise")]
    assert len(rows(ctx.db.path, "SELECT * FROM week_hours WHERE category = 'exercise'")) == 3

    again = open_dialog(qtbot, ctx, "ics", path)  # remembered: nothing to choose, nothing new
    assert again.questions.map_boxes["Gym"].currentData() == "exercise"
    assert "0 week hours to add, 3 already present" in again.summary.text()
