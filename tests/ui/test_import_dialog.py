"""File > Import…: a preview of the whole file, Import writes it (after a backup), Cancel
writes nothing, and a file that cannot be read is said in the dialog."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from import_samples import APPLE_VCF, LINKEDIN, TOGGL, write
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from planner.ui.dialogs.import_dialog import ImportDialog


def count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def cells(dialog: ImportDialog) -> list[tuple[str, str, str]]:
    model = dialog.table.model()
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def open_dialog(qtbot, ctx, kind: str, path: Path) -> ImportDialog:
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.set_kind(kind)
    dialog.set_path(path)
    return dialog


def test_preview_lists_problems_first_with_their_lines_and_writes_nothing(
    qtbot, ctx, tmp_path
) -> None:
    dialog = open_dialog(qtbot, ctx, "linkedin", write(tmp_path, "Connections.csv", LINKEDIN))
    dialog.show()

    assert "4 contacts to add, 0 already present, 1 skipped, 0 rejected" in dialog.summary.text()
    rows = cells(dialog)
    assert rows[0] == ("6", "Skipped", "no name (LinkedIn hides members who opt out)")
    ada = ("5", "Will be added", "Ada Lovelace (Research Engineer, Analytical Engines, Ltd)")
    assert ada in rows
    assert dialog.table.model().headerData(0, Qt.Orientation.Horizontal) == "Line"
    assert dialog.import_button.isEnabled()
    dialog.grab().save(str(Path("/tmp") / "import-dialog-linkedin.png"))
    assert count(ctx.db.path, "contact") == 0


def test_import_backs_up_writes_closes_and_says_so(qtbot, ctx, tmp_path) -> None:
    dialog = open_dialog(qtbot, ctx, "toggl", write(tmp_path, "toggl.csv", TOGGL))
    messages: list[str] = []
    ctx.status.connect(messages.append)

    with qtbot.waitSignal(ctx.changed):
        dialog.import_button.click()

    assert dialog.result() == ImportDialog.DialogCode.Accepted
    assert count(ctx.db.path, "learning_session") == 3
    assert messages[-1] == "Imported 3 learning sessions from toggl.csv (a backup was saved first)"
    assert messages[0] == "Import toggl.csv — Ctrl+Z to undo"  # an import is undone like any action
    assert list((ctx.db.path.parent / "backups").glob("*before-import*"))


def test_cancel_writes_nothing(qtbot, ctx, tmp_path) -> None:
    dialog = open_dialog(qtbot, ctx, "vcard", write(tmp_path, "contacts.vcf", APPLE_VCF))
    assert dialog.import_button.isEnabled()

    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    assert dialog.result() == ImportDialog.DialogCode.Rejected
    assert count(ctx.db.path, "contact") == 0


def test_a_file_of_the_wrong_kind_is_explained_and_import_stays_off(qtbot, ctx, tmp_path) -> None:
    dialog = open_dialog(qtbot, ctx, "vcard", write(tmp_path, "Connections.csv", LINKEDIN))
    dialog.show()

    assert dialog.error.isVisible()
    assert "No BEGIN:VCARD line; is this a vCard (.vcf) file? Choose another" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.table.model().rowCount() == 0
    dialog.grab().save("/tmp/import-dialog-error.png")

    dialog.set_kind("linkedin")  # the right kind for the same file: the preview follows

    assert not dialog.error.isVisible()
    assert dialog.import_button.isEnabled()


def test_a_reimport_has_nothing_to_add_and_import_stays_off(qtbot, ctx, tmp_path) -> None:
    path = write(tmp_path, "toggl.csv", TOGGL)
    open_dialog(qtbot, ctx, "toggl", path).import_button.click()

    again = open_dialog(qtbot, ctx, "toggl", path)

    assert "0 learning sessions to add, 3 already present" in again.summary.text()
    assert not again.import_button.isEnabled()


def test_the_menu_action_is_off_for_a_read_only_file(qtbot, demo_ctx) -> None:
    from planner.ui.main_window import MainWindow
    from planner.ui.settings import Settings

    demo_ctx.read_only = True
    win = MainWindow(demo_ctx, Settings())
    qtbot.addWidget(win)

    assert not win.import_action.isEnabled()
