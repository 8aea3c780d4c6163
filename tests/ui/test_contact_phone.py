"""Contacts have phone numbers: typed in the contact dialog, shown on the Network page, kept on
edit (issue 13: phones were dropped by every vCard and LinkedIn import, and had nowhere to go)."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import open_page

from planner.services import network
from planner.ui.dialogs.contact import ContactDialog
from planner.ui.dialogs.export_dialog import ExportDialog
from planner.ui.pages.network import NetworkPage


def test_a_phone_typed_in_the_dialog_is_saved_shown_and_edited(qtbot, demo_ctx) -> None:
    page = open_page(qtbot, NetworkPage, demo_ctx)
    dialog = ContactDialog(demo_ctx, None, page)
    dialog.name.setText("Zoe Park")
    dialog.email.setText("zoe@example.com")
    dialog.phone.setText("  +44 20 7946 0958,   +1 415 555 0101 ")
    dialog.submit()
    assert dialog.result() == 1

    page.select_contact("Zoe Park")
    shown = page.fields["email"].text()
    assert "zoe@example.com" in shown and "+44 20 7946 0958, +1 415 555 0101" in shown

    cid = next(
        c.id for c in demo_ctx.read(network.contacts, demo_ctx.today()) if c.name == "Zoe Park"
    )
    edit = ContactDialog(demo_ctx, demo_ctx.read(network.contact_detail, cid), page)
    assert edit.phone.text() == "+44 20 7946 0958, +1 415 555 0101"
    edit.phone.setText("+49 30 1234567")
    edit.submit()
    assert demo_ctx.read(network.contact_detail, cid).phone == "+49 30 1234567"
    page.show()
    page.grab().save("/tmp/network-phone.png")


def test_file_export_writes_contacts_as_vcards(qtbot, demo_ctx, tmp_path: Path) -> None:
    dialog = ExportDialog(demo_ctx, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.buttons["vcard"].setChecked(True)
    assert Path(dialog.path.text()) == tmp_path / "career-planner-contacts.vcf"
    messages: list[str] = []
    demo_ctx.status.connect(messages.append)

    dialog.export_button.click()

    text = (tmp_path / "career-planner-contacts.vcf").read_text(encoding="utf-8")
    count = len(demo_ctx.read(network.contacts, demo_ctx.today()))
    assert text.count("BEGIN:VCARD") == count > 0
    assert f"{count} contacts" in messages[0]
