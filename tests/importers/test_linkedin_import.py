"""LinkedIn's Connections.csv as people really download it, previewed then imported."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from import_samples import LINKEDIN, LINKEDIN_HEADER, LINKEDIN_OLD, linkedin_rows, write
from sqlalchemy import func, select

from planner.importers import commit, preview
from planner.importers.dates import parse_date
from planner.models import Contact
from planner.services import network
from planner.services.errors import ImportFileError
from planner.services.network import ContactInput


def contacts_by_name(db) -> dict[str, Contact]:
    with db.session() as s:
        found = s.scalars(select(Contact)).all()
        s.expunge_all()
    return {c.name: c for c in found}


def run_import(db, path, kind: str = "linkedin"):
    with db.session() as s:
        plan = preview(s, kind, path)
    with db.session() as s:
        written = commit(s, plan)
    return plan, written


def test_todays_export_with_preamble_bom_and_crlf_imports_every_named_connection(
    db, tmp_path
) -> None:
    plan, written = run_import(db, write(tmp_path, "Connections.csv", LINKEDIN))

    assert written == 4
    people = contacts_by_name(db)
    assert sorted(people) == ["Ada Lovelace", "José Núñez", "Søren Kierkegaard-Ørsted", "Zhang Wei"]
    ada = people["Ada Lovelace"]
    assert ada.company == "Analytical Engines, Ltd"  # a quoted comma stays in the value
    assert ada.position == "Research Engineer"
    assert ada.url == "https://www.linkedin.com/in/ada-lovelace"
    assert ada.email == ""
    assert ada.connected_on == dt.date(2024, 3, 12)
    assert people["José Núñez"].company == "Señales IA"  # a quoted newline becomes a space
    assert people["José Núñez"].email == "jose@example.com"
    # the member with no name is skipped and counted, with the line an editor shows
    assert [(p.number, "no name" in p.reason) for p in plan.skipped] == [(6, True)]
    assert [r.number for r in plan.add] == [5, 7, 10, 11]
    assert plan.rejected == []


def test_an_older_export_without_url_column_or_preamble(db, tmp_path) -> None:
    _, written = run_import(db, write(tmp_path, "Connections.csv", LINKEDIN_OLD))

    assert written == 2
    grace = contacts_by_name(db)["Grace Hopper"]
    assert (grace.email, grace.company, grace.url) == ("grace@example.org", "US Navy", "")
    assert grace.connected_on == dt.date(2018, 1, 3)
    assert contacts_by_name(db)["Alan Turing"].connected_on is None


def test_reimporting_the_same_file_adds_nothing(db, tmp_path) -> None:
    path = write(tmp_path, "Connections.csv", LINKEDIN)
    run_import(db, path)

    plan, written = run_import(db, path)

    assert written == 0
    assert plan.add == []
    assert len(plan.duplicates) == 4
    assert len(contacts_by_name(db)) == 4


def test_an_existing_contact_and_a_repeat_within_the_file_are_duplicates(db, tmp_path) -> None:
    with db.session() as s:
        network.save_contact(s, ContactInput("ada LOVELACE", company="Kept as it was"))
    text = f"{LINKEDIN_HEADER}\nAda,Lovelace,,,,,\nZhang,Wei,,,,,\nzhang,  wei,,,,,\n"

    plan, written = run_import(db, write(tmp_path, "c.csv", text))

    assert written == 1
    assert [r.number for r in plan.duplicates] == [2, 4]
    people = contacts_by_name(db)
    assert people["ada LOVELACE"].company == "Kept as it was"  # never overwritten
    assert "Zhang Wei" in people


def test_preview_writes_nothing(db, tmp_path) -> None:
    with db.session() as s:
        plan = preview(s, "linkedin", write(tmp_path, "c.csv", LINKEDIN))
    assert len(plan.add) == 4
    assert contacts_by_name(db) == {}


def test_bad_rows_are_rejected_with_their_line_and_the_rest_still_import(db, tmp_path) -> None:
    text = (
        f"{LINKEDIN_HEADER}\n"
        "Ada,Lovelace,,ada-at-example.com,,,\n"
        "Alan,Turing,,,,,31 Foo 2024\n"
        "Grace,Hopper,,,US Navy,Admiral,3 Jan 2018,extra,fields\n"
        "Zhang,Wei,,,,,\n"
    )
    plan, written = run_import(db, write(tmp_path, "c.csv", text))

    assert written == 1
    reasons = {p.number: p.reason for p in plan.rejected}
    assert sorted(reasons) == [2, 3, 4]
    assert "not an email address" in reasons[2]
    assert "'31 Foo 2024' is not a date like 12 Mar 2024" in reasons[3]
    assert "needs quotes" in reasons[4]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Name,Email\nAda,ada@example.com\n",  # some other CSV
        "BEGIN:VCARD\nFN:Ada\nEND:VCARD\n",
    ],
)
def test_a_file_that_is_not_linkedins_export_is_refused_whole(db, tmp_path, text) -> None:
    with db.session() as s, pytest.raises(ImportFileError, match="First Name"):
        preview(s, "linkedin", write(tmp_path, "c.csv", text))


def test_missing_binary_and_folder_paths_are_refused_with_a_reason(db, tmp_path) -> None:
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    cases = [
        (tmp_path / "missing.csv", "does not exist"),
        (binary, "not a text file"),
        (tmp_path, "is a folder"),
    ]
    for path, reason in cases:
        with db.session() as s, pytest.raises(ImportFileError, match=reason):
            preview(s, "linkedin", path)


def test_utf16_and_windows_1252_files_from_spreadsheets_read_the_same(db, tmp_path) -> None:
    text = f"{LINKEDIN_HEADER}\r\nRenée,Dubois,,,Société Générale,,1 Jan 2020\r\n"
    for name, encoding in (("u16.csv", "utf-16"), ("cp.csv", "cp1252")):
        with db.session() as s:
            plan = preview(s, "linkedin", write(tmp_path, name, text, encoding))
        assert [r.data.name for r in plan.add] == ["Renée Dubois"]
        assert plan.add[0].data.company == "Société Générale"


@pytest.mark.parametrize("month", range(1, 13))
def test_connected_on_dates_read_every_english_month_whatever_the_locale(month) -> None:
    name = dt.date(2024, month, 1).strftime("%b")  # the C locale: English, as LinkedIn writes
    assert parse_date(f"12 {name} 2024") == dt.date(2024, month, 12)


def test_fifty_thousand_connections_import_in_one_transaction(db, tmp_path) -> None:
    path = write(tmp_path, "Connections.csv", linkedin_rows(50_000))

    started = time.perf_counter()
    _, written = run_import(db, path)
    elapsed = time.perf_counter() - started

    assert written == 50_000
    with db.session() as s:
        assert s.scalar(select(func.count(Contact.id))) == 50_000
    print(f"50,000 LinkedIn rows previewed and imported in {elapsed:.1f} s")
    assert elapsed < 60  # a generous ceiling for a slow CI machine; about 3 s on a laptop
