"""File > Export…: pick a format and a place, get the file and a status message with counts;
a place that cannot be written shows why and keeps the dialog open."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QDialog
from ui_helpers import answer_boxes

from planner.services import timer
from planner.ui.context import AppContext
from planner.ui.dialogs.export_dialog import ExportDialog


def test_json_export_writes_the_backup_and_reports_counts(
    qtbot, demo_ctx: AppContext, tmp_path: Path
) -> None:
    dialog = ExportDialog(demo_ctx, folder=tmp_path)
    qtbot.addWidget(dialog)
    target = Path(dialog.path.text())
    assert target.parent == tmp_path and target.suffix == ".json"
    messages: list[str] = []
    demo_ctx.status.connect(messages.append)
    dialog.export_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    document = json.loads(target.read_text(encoding="utf-8"))
    assert messages and f"{len(document['contacts'])} contacts" in messages[0]
    assert str(target) in messages[0]


def test_with_a_timer_running_the_export_says_its_time_is_not_in_it(
    qtbot, demo_ctx: AppContext, tmp_path: Path
) -> None:
    demo_ctx.write("start the timer", timer.start, timer.utc_now(), None, "")
    dialog = ExportDialog(demo_ctx, folder=tmp_path)
    qtbot.addWidget(dialog)
    seen = answer_boxes("OK")  # told in a box, not only in the status line
    dialog.export_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(seen) == 1 and "The timer running for" in seen[0]
    assert "stop the timer to log its time" in seen[0]


def test_switching_format_renames_the_target_in_the_same_folder(
    qtbot, demo_ctx: AppContext, tmp_path: Path
) -> None:
    dialog = ExportDialog(demo_ctx, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.buttons["ics"].setChecked(True)
    assert Path(dialog.path.text()) == tmp_path / "career-planner.ics"
    dialog.buttons["csv"].setChecked(True)
    assert dialog.where_label.text() == "Save in folder:"
    dialog.export_button.click()
    assert (Path(dialog.path.text()) / "contacts.csv").exists()
    dialog.grab().save(str(tmp_path / "export_dialog.png"))


def test_an_unwritable_place_shows_the_reason_and_stays_open(
    qtbot, demo_ctx: AppContext, tmp_path: Path
) -> None:
    dialog = ExportDialog(demo_ctx, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(tmp_path / "missing" / "backup.json"))
    dialog.export_button.click()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text().startswith("Cannot write")
    assert not (tmp_path / "missing").exists()


def test_file_menu_has_export(window) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert "&Export…" in [a.text() for a in file_menu.actions()]
