"""vCards as Google Contacts, Apple Contacts and Outlook write them (2.1, 3.0 and 4.0)."""

from __future__ import annotations

import pytest
from import_samples import APPLE_VCF, GOOGLE_VCF, OUTLOOK_VCF, VCARD4, write
from sqlalchemy import select

from planner.importers import commit, preview
from planner.models import Contact
from planner.services.errors import ImportFileError


def import_vcf(db, tmp_path, text: str, name: str = "contacts.vcf"):
    with db.session() as s:
        plan = preview(s, "vcard", write(tmp_path, name, text))
    with db.session() as s:
        written = commit(s, plan)
    with db.session() as s:
        people = {c.name: c for c in s.scalars(select(Contact))}
        s.expunge_all()
    return plan, written, people


def test_google_export_grouped_labels_escapes_and_folded_note(db, tmp_path) -> None:
    _, written, people = import_vcf(db, tmp_path, GOOGLE_VCF)

    assert written == 1
    grace = people["Grace Hopper"]
    assert grace.email == "g.hopper@navy.example"  # the first EMAIL, grouped as item1
    assert grace.company == "US Navy"  # ORG's first component
    assert grace.position == "Rear Admiral"
    assert grace.url == "https://example.org/grace"  # Google escapes the colon
    assert grace.notes == (
        "Wrote the first compiler, A-0.\nLoves a nanosecond of wire and keeps one in her pocket."
    )


def test_apple_export_preferred_email_name_from_n_and_a_nameless_card(db, tmp_path) -> None:
    plan, written, people = import_vcf(db, tmp_path, APPLE_VCF)

    assert written == 2
    priya = people["Dr. Priya Raman"]
    assert priya.email == "priya@work.example"  # type=pref wins over the first
    assert priya.url == "https://priya.example"
    assert priya.company == "DeepMind Labs"
    assert people["Chidi Okafor"].company == "St. John's University"  # no FN: built from N
    assert [(p.number, p.reason) for p in plan.skipped] == [(3, "no name (neither FN nor N)")]
    assert plan.unit == "card"


def test_outlook_21_quoted_printable_with_charsets_and_soft_line_breaks(db, tmp_path) -> None:
    _, written, people = import_vcf(db, tmp_path, OUTLOOK_VCF)

    assert written == 2
    juergen = people["Jürgen Müller"]
    assert juergen.email == "juergen@contoso.example"  # bare PREF
    assert juergen.company == "Contoso Ltd."
    assert juergen.notes == (
        "Spricht gern über Transformer-Modelle und Reinforcement Learning.\nZweite Zeile."
    )
    assert people["Renée Dubois"].position == "Data Engineer"  # Windows-1252 QP


def test_vcard4_pref_1_is_the_preferred_email(db, tmp_path) -> None:
    _, _, people = import_vcf(db, tmp_path, VCARD4)
    assert people["Yann Example"].email == "yann@home.example"


def test_several_files_then_the_same_again_add_nothing_more(db, tmp_path) -> None:
    for text in (GOOGLE_VCF, APPLE_VCF, OUTLOOK_VCF, VCARD4):
        import_vcf(db, tmp_path, text)
    for text in (GOOGLE_VCF, APPLE_VCF, OUTLOOK_VCF, VCARD4):
        plan, written, people = import_vcf(db, tmp_path, text)
        assert (written, plan.add) == (0, [])
    assert len(people) == 6


def test_a_file_cut_off_inside_a_card_rejects_that_card_only(db, tmp_path) -> None:
    text = GOOGLE_VCF + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half Written\r\n"
    plan, written, people = import_vcf(db, tmp_path, text)

    assert written == 1
    assert [(p.number, "no END:VCARD" in p.reason) for p in plan.rejected] == [(2, True)]
    assert "Half Written" not in people


def test_a_file_without_cards_is_refused(db, tmp_path) -> None:
    with db.session() as s, pytest.raises(ImportFileError, match="BEGIN:VCARD"):
        preview(s, "vcard", write(tmp_path, "notes.vcf", "Just some notes\nabout people\n"))
