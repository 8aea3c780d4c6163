"""What a form dialog is: fields, a red line for what went wrong, Save and Cancel, and one write.

Save runs `submit`: `check` what the form can tell at its fields (saying what is wrong beside the
field and putting the cursor there), then `save`, the dialog's one `self.ctx.write(...)` (one
transaction); a refused input (`InputError`) is said on the error line. Either way the dialog
stays open with everything typed, so the person corrects rather than retypes; only a save that
went through closes it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.services.errors import InputError
from planner.ui.context import AppContext
from planner.ui.forms import error_label, show_error


class FormDialog(QDialog):
    """Subclasses build their fields, call `lay_out`, and override `save` (and `check`)."""

    #: How the error line starts when the write is refused: "Not saved: ...".
    refused_verb = "Not saved"

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        #: The line under the fields for what the write refused.
        self.error = error_label()

    def lay_out(
        self, body: QLayout, *, above: QWidget | None = None, save_text: str = ""
    ) -> QPushButton:
        """Lay the dialog out the one way they all are: (a line or tabs `above`), the fields in
        `body`, the error line, then Save (named `save_text`, if given) and Cancel. Returns the
        Save button."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        if save_text:
            save.setText(save_text)
        layout = QVBoxLayout(self)
        if above is not None:
            layout.addWidget(above)
        layout.addLayout(body)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        return save

    def submit(self) -> bool:
        """Check, save and close; on a problem say what it is and keep the dialog open with
        what was typed. True when saved."""
        for label in self.findChildren(QLabel, self.error.objectName()):
            label.hide()  # a new try: last try's complaints go
        if not self.check():
            return False
        try:
            self.save()
        except InputError as exc:
            self.refused(exc)
            return False
        self.accept()
        return True

    def check(self) -> bool:
        """What the form can tell before writing; False (having said why, with `complain`)
        keeps the dialog open. Nothing to check by default."""
        return True

    def save(self) -> None:  # pragma: no cover - every form dialog overrides it
        """The dialog's one write, `self.ctx.write(...)`, and what to tell the person after."""
        raise NotImplementedError

    def refused(self, exc: InputError) -> None:
        """Say on the error line why the write was refused."""
        show_error(self.error, f"{self.refused_verb}: {exc}.")

    @staticmethod
    def complain(label: QLabel, text: str, field: QWidget | None = None) -> bool:
        """Say `text` in the error line `label` (beside the field it is about), put the cursor
        in `field`, and return False, for `check` to return."""
        show_error(label, text)
        if field is not None:
            field.setFocus()
        return False
