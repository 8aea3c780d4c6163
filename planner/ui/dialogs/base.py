"""What a form dialog is: fields, a red line for what went wrong, Save and Cancel, and one write.

Save runs `submit`: `check` what the form can tell at its fields (saying what is wrong beside the
field and putting the cursor there), then `save`, the dialog's one `self.ctx.write(...)` (one
transaction); a refused input (`InputError`) is said on the error line. Either way the dialog
stays open with everything typed, so the person corrects rather than retypes; only a save that
went through closes it.

A dialog that names what it edits (`lay_out(..., draft="contact/12")`) keeps what is typed in
its text fields as a draft (`planner.ui.drafts`) until Save or Cancel: if the app stops with the
dialog open (a crash, a kill), opening the same dialog on the same thing brings the text back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.services.errors import InputError
from planner.ui.context import AppContext
from planner.ui.drafts import NOT_DRAFTED, Draft
from planner.ui.forms import error_label, muted_label, show_error


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
        #: What the dialog edits, naming its draft (`lay_out`); no draft without it.
        self.draft_key = ""
        self.draft: Draft | None = None
        #: Whether the text fields are watched for the draft (from the first show on).
        self._watching = False
        #: Said above the fields when a draft came back.
        self.restored_note = muted_label(
            "Brought back what you typed before the app closed; it is not saved yet."
        )
        self.restored_note.hide()

    def lay_out(
        self,
        body: QLayout,
        *,
        above: QWidget | None = None,
        save_text: str = "",
        draft: str | None = None,
    ) -> QPushButton:
        """Lay the dialog out the one way they all are: (a line or tabs `above`), the fields in
        `body`, the error line, then Save (named `save_text`, if given) and Cancel. Returns the
        Save button. `draft` names what the dialog edits, to keep its text as a draft."""
        if draft is not None:
            self.draft_key = draft
            self.draft = Draft(self, self.ctx.path, "dialogs")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        if save_text:
            save.setText(save_text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.restored_note)
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
        self._drop_draft()
        self.accept()
        return True

    def reject(self) -> None:
        """Cancel (or Esc): what was typed is let go, draft and all."""
        self._drop_draft()
        super().reject()

    # -- the draft --------------------------------------------------------------------------
    def _text_fields(self) -> list[QLineEdit | QPlainTextEdit]:
        """The fields a person types text into, in the order the dialog made them (not the
        editors inside spin boxes, date fields and combo boxes, nor search boxes)."""
        return [
            field
            for field in self.findChildren(QWidget)
            if isinstance(field, QLineEdit | QPlainTextEdit)
            and not isinstance(field.parentWidget(), QAbstractSpinBox | QComboBox)
            and not field.property(NOT_DRAFTED)
        ]

    def _texts(self) -> list[str]:
        return [_text_of(field) for field in self._text_fields()]

    def showEvent(self, event: QShowEvent) -> None:
        """On the first show, bring back a draft of this dialog's text that differs from what
        it holds, then keep the text as typed."""
        if self.draft is not None and not self._watching:
            self._watching = True
            fields = self._text_fields()
            texts = _texts_of(self.draft.get(self.draft_key), len(fields))
            if texts is not None and texts != self._texts():
                for field, text in zip(fields, texts, strict=True):
                    if isinstance(field, QPlainTextEdit):
                        field.setPlainText(text)
                    else:
                        field.setText(text)
                self.restored_note.show()
            for field in fields:
                field.textChanged.connect(self._typed)
        super().showEvent(event)

    def _typed(self) -> None:
        if self.draft is not None:
            self.draft.keep(self.draft_key, self._texts())

    def _drop_draft(self) -> None:
        if self.draft is not None:
            self.draft.drop(self.draft_key)

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


def _text_of(field: QLineEdit | QPlainTextEdit) -> str:
    return field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()


def _texts_of(texts: Any, count: int) -> list[str] | None:
    """A draft's texts, one per field, None when there is none or it does not fit this dialog
    (made by another version of it, or edited by hand)."""
    if not isinstance(texts, list) or len(texts) != count:
        return None
    return texts if all(isinstance(t, str) for t in texts) else None
