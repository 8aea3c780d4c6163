"""`planner export vcard FILE` and File › Export write contacts an address book reads back with
every field: checked with vobject (the parser of Radicale, Khard and Calypso), and by importing
the file into an empty data file with the app's own vCard import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import vobject

from planner.exporters import export
from planner.importers import commit, preview
from planner.models import Contact
from planner.services import network
from planner.services.network import ContactInput
from planner.storage.engine import Database

TODAY = dt.date(2024, 6, 1)
PRIYA = ContactInput(
    name="Dr. Priya Raman-Østergaard",
    relationship="mentor",
    company="DeepMind Labs; Research, Inc.",
    position="Staff ML Engineer",
    industry="AI research",
    email="priya@work.example",
    url="https://www.linkedin.com/in/priya",
    phone="+44 20 7946 0958, +1 (415) 555-0101",
    cadence_days=45,
    connected_on=dt.date(2021, 9, 5),
    notes="\n".join(["Met at NeurIPS, talked about evals.", "Likes: walks; RL, \\slashes\\."] * 3),
    expertise=["Python", "PyTorch"],
)


def fill(db: Database) -> None:
    with db.session() as s:
        network.save_contact(s, PRIYA)
        network.save_contact(s, ContactInput(name="Cher"))  # one word, nothing else


def test_vobject_reads_every_field_back(db: Database, tmp_path: Path) -> None:
    fill(db)
    path = tmp_path / "contacts.vcf"
    with db.session() as s:
        result = export(s, "vcard", path, TODAY)
    assert result.counts == {"contacts": 2}
    raw = path.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))

    cards = list(vobject.readComponents(raw.decode("utf-8")))

    cher, priya = sorted(cards, key=lambda c: c.fn.value)
    assert priya.version.value == "3.0"
    assert priya.fn.value == PRIYA.name
    assert (priya.n.value.family, priya.n.value.given) == ("Raman-Østergaard", "Dr. Priya")
    assert priya.org.value == [PRIYA.company]
    assert priya.title.value == PRIYA.position
    assert priya.email.value == PRIYA.email
    assert [t.value for t in priya.tel_list] == ["+44 20 7946 0958", "+1 (415) 555-0101"]
    assert priya.url.value == PRIYA.url
    assert priya.note.value == PRIYA.notes
    assert priya.categories.value == ["Python", "PyTorch"]
    assert priya.contents["x-career-planner-relationship"][0].value == "mentor"
    assert priya.contents["x-career-planner-industry"][0].value == "AI research"
    assert priya.contents["x-career-planner-cadence-days"][0].value == "45"
    assert priya.contents["x-career-planner-connected-on"][0].value == "2021-09-05"
    assert cher.n.value.family == "Cher" and "email" not in cher.contents
    assert priya.uid.value != cher.uid.value


def test_the_apps_own_vcard_import_restores_the_contacts(
    db: Database, tmp_path: Path, fresh_template: Path
) -> None:
    fill(db)
    path = tmp_path / "contacts.vcf"
    with db.session() as s:
        export(s, "vcard", path, TODAY)
    from planner.storage.engine import open_database

    other = open_database(tmp_path / "other.sqlite3")
    try:
        with other.session() as s:
            plan = preview(s, "vcard", path)
        with other.session() as s:
            assert commit(s, plan) == 2
        with other.session() as s:
            got = network.contact_detail(s, s.query(Contact).filter_by(name=PRIYA.name).one().id)
    finally:
        other.close()
    assert (got.relationship, got.company, got.position, got.industry) == (
        "mentor",
        PRIYA.company,
        PRIYA.position,
        PRIYA.industry,
    )
    assert (got.email, got.phone, got.url, got.cadence_days, got.connected_on) == (
        PRIYA.email,
        PRIYA.phone,
        PRIYA.url,
        45,
        PRIYA.connected_on,
    )
    assert got.notes == PRIYA.notes


def test_no_contacts_write_an_empty_file(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        result = export(s, "vcard", tmp_path / "none.vcf", TODAY)
    assert result.counts == {"contacts": 0}
    assert (tmp_path / "none.vcf").read_bytes() == b""
