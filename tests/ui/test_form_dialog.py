"""The form dialogs' one way: check at the fields, one write, the input kept when refused."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit

from planner.services.errors import InputError
from planner.ui.dialogs.base import FormDialog
from planner.ui.forms import error_label


class NameDialog(FormDialog):
    """A form with one field; its write refuses "taken" as the services refuse input."""

    def __init__(self, ctx) -> None:
        super().__init__(ctx, "Name it")
        self.name = QLineEdit()
        self.name_error = error_label()
        self.written: list[str] = []
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("", self.name_error)
        self.lay_out(form, save_text="Keep")

    def check(self) -> bool:
        if not self.name.text():
            return self.complain(self.name_error, "Type a name.", self.name)
        return True

    def save(self) -> None:
        if self.name.text() == "taken":
            raise InputError("that name is taken")
        self.written.append(self.name.text())


def test_a_refused_input_is_said_and_kept_and_a_good_one_closes_the_dialog(qtbot, ctx) -> None:
    dialog = NameDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.submit()  # nothing typed: said at the field, nothing written
    assert dialog.name_error.isVisible() and dialog.name_error.text() == "Type a name."
    assert dialog.focusWidget() is dialog.name and dialog.written == []

    dialog.name.setText("taken")
    assert not dialog.submit()
    assert dialog.name_error.isHidden()  # a new try: the last one's complaint went
    assert dialog.error.text() == "Not saved: that name is taken."
    assert dialog.name.text() == "taken" and dialog.isVisible()

    dialog.name.setText("Ada")
    assert dialog.submit()
    assert dialog.written == ["Ada"] and dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.error.isHidden()
