"""Files as the real products wrote them that used to go wrong (issue 13, "Real files"):
LinkedIn's 2018 export, namesakes told apart by profile URL, phone numbers, day-first Clockify
reports, Clockify's exact durations, team reports, and Toggl's newer "Export time entries"."""

from __future__ import annotations

import datetime as dt

import pytest
from import_samples import (
    CLOCKIFY_DAY_FIRST_AMBIGUOUS,
    CLOCKIFY_DAY_FIRST_BY_ROW,
    CLOCKIFY_DAY_FIRST_BY_SPAN,
    CLOCKIFY_HEADER,
    CLOCKIFY_ROUNDING,
    CLOCKIFY_TEAM,
    LINKEDIN_2018,
    LINKEDIN_NAMESAKES,
    PHONES_VCF,
    TOGGL_ENTRIES,
    write,
)
from sqlalchemy import select

from planner.importers import commit, preview, report
from planner.models import Contact, LearningActivity, LearningSession
from planner.services import network
from planner.services.errors import ChoiceNeeded, ImportFileError
from planner.services.network import ContactInput


def run(db, kind: str, path, **answers):
    with db.session() as s:
        plan = preview(s, kind, path, **answers)
    with db.session() as s:
        written = commit(s, plan)
    return plan, written


def contacts(db) -> dict[str, Contact]:
    with db.session() as s:
        found = {c.name: c for c in s.scalars(select(Contact))}
        s.expunge_all()
        return found


def sessions(db) -> list[tuple[dt.date, str | None, float]]:
    with db.session() as s:
        rows = s.execute(
            select(LearningSession.date, LearningActivity.title, LearningSession.hours)
            .outerjoin(LearningActivity)
            .order_by(LearningSession.date, LearningActivity.title)
        )
        return [tuple(r) for r in rows]


def test_linkedin_2018_dates_import_and_a_member_id_is_no_email(db, tmp_path) -> None:
    plan, written = run(db, "linkedin", write(tmp_path, "Connections.csv", LINKEDIN_2018))

    assert (written, plan.rejected) == (3, [])
    people = contacts(db)
    assert people["Grace Hopper"].connected_on == dt.date(2018, 1, 8)
    assert people["Alan Turing"].connected_on == dt.date(2017, 12, 24)
    assert people["Katherine Johnson"].connected_on == dt.date(2018, 3, 5)
    assert people["Alan Turing"].email == ""
    assert people["Alan Turing"].company == "Bletchley Park"
    [note] = plan.notes
    assert note.number == 3 and "urn:li:member:664293716" in note.reason
    assert "imported without an email" in note.reason
    assert any("imported without an email" in line for line in report.lines(plan))
    assert report.as_json(plan, written)["notes"][0]["number"] == 3


def test_a_2018_export_with_a_day_over_12_reads_day_first(db, tmp_path) -> None:
    text = LINKEDIN_2018.replace('"1/8/18, 6:14 PM"', '"25/8/18, 18:14"').replace(
        '"12/24/17, 9:02 AM"', '"24/12/17, 09:02"'
    )
    plan, _ = run(db, "linkedin", write(tmp_path, "c.csv", text))
    assert {r.data.name: r.data.connected_on for r in plan.add}["Katherine Johnson"] == dt.date(
        2018, 5, 3
    )


def test_namesakes_with_other_profiles_are_added_and_the_same_profile_is_present(
    db, tmp_path
) -> None:
    with db.session() as s:
        network.save_contact(
            s, ContactInput("Sam Lee", url="linkedin.com/in/sam-lee-42", company="Kept")
        )
    plan, written = run(db, "linkedin", write(tmp_path, "c.csv", LINKEDIN_NAMESAKES))

    assert written == 1
    people = contacts(db)
    assert people["Sam Lee"].company == "Kept"  # the one already known, untouched
    assert people["Sam Lee (Acme AI)"].url == "https://www.linkedin.com/in/samlee-ml"
    assert people["Sam Lee (Acme AI)"].phone == "+1 415 555 0101"
    present = {r.number: r.reason for r in plan.duplicates}
    assert present == {
        3: "already a contact as Sam Lee (same profile URL)",
        4: "already a contact as Sam Lee (Acme AI) (same profile URL)",
    }
    text = "\n".join(report.lines(plan))
    assert "Already present:" in text and "line 3: Sam Lee (Data Analyst, Globex)" in text
    listed = report.as_json(plan, written)["already_present"]
    assert [(p["number"], p["reason"]) for p in listed] == sorted(present.items())
    assert "added as Sam Lee (Acme AI)" in plan.notes[0].reason

    again, written = run(db, "linkedin", write(tmp_path, "c.csv", LINKEDIN_NAMESAKES))
    assert (written, again.add) == (0, [])


def test_a_profile_url_python_cannot_split_is_compared_as_text(db, tmp_path) -> None:
    text = LINKEDIN_NAMESAKES.replace("https://www.linkedin.com/in/sam-lee-42", "http://[sam")
    plan, written = run(db, "linkedin", write(tmp_path, "c.csv", text))
    assert written == 2 and plan.rejected == []
    assert contacts(db)["Sam Lee (Globex)"].url == "http://[sam"


def test_two_namesakes_in_one_new_file_both_arrive(db, tmp_path) -> None:
    plan, written = run(db, "linkedin", write(tmp_path, "c.csv", LINKEDIN_NAMESAKES))

    assert written == 2
    assert {"Sam Lee", "Sam Lee (Globex)"} == set(contacts(db))
    assert [r.number for r in plan.duplicates] == [4]


def test_vcard_phones_arrive_preferred_first(db, tmp_path) -> None:
    run(db, "vcard", write(tmp_path, "c.vcf", PHONES_VCF))
    people = contacts(db)
    assert people["Grace Hopper"].phone == "+1 555 0199, +1 555 0100"
    assert people["Yann Example"].phone == "+33-1-23-45-67-89"


def test_day_first_report_with_nothing_to_decide_asks_with_both_readings(db, tmp_path) -> None:
    path = write(tmp_path, "c.csv", CLOCKIFY_DAY_FIRST_AMBIGUOUS)
    with db.session() as s, pytest.raises(ChoiceNeeded) as asked:
        preview(s, "clockify", path)
    assert asked.value.option == "day_first"
    (day_first, day_text), (month_first, month_text) = asked.value.choices
    assert (day_first, month_first) == (True, False)
    assert "05/06/2024 → 5 Jun 2024" in day_text
    assert "05/06/2024 → 6 May 2024" in month_text

    _, written = run(db, "clockify", path, day_first=True)
    assert written == 3
    assert [d for d, _, _ in sessions(db)] == [
        dt.date(2024, 6, 1),
        dt.date(2024, 6, 5),
        dt.date(2024, 6, 6),
    ]


@pytest.mark.parametrize("text", [CLOCKIFY_DAY_FIRST_BY_ROW, CLOCKIFY_DAY_FIRST_BY_SPAN])
def test_the_reports_own_rows_decide_day_first(db, tmp_path, text) -> None:
    run(db, "clockify", write(tmp_path, "c.csv", text))
    assert dt.date(2024, 6, 1) in {d for d, _, _ in sessions(db)}
    assert dt.date(2024, 1, 6) not in {d for d, _, _ in sessions(db)}


def test_the_reports_heading_decides_day_first(db, tmp_path) -> None:
    text = '"Detailed report, 01/06/2024 - 30/06/2024"\n' + CLOCKIFY_DAY_FIRST_AMBIGUOUS
    run(db, "clockify", write(tmp_path, "c.csv", text))
    assert next(d for d, _, _ in sessions(db)) == dt.date(2024, 6, 1)


def test_clockify_hours_come_from_the_exact_duration(db, tmp_path) -> None:
    run(db, "clockify", write(tmp_path, "c.csv", CLOCKIFY_ROUNDING))
    # 3 x 8 min 42 s = 26 min 6 s = 0.435 h (the decimal column would say 3 x 0.15 = 0.45)
    assert sessions(db) == [(dt.date(2024, 3, 14), "Kaggle", 0.43)]


def test_a_team_report_asks_whose_time_and_imports_only_theirs(db, tmp_path) -> None:
    path = write(tmp_path, "team.csv", CLOCKIFY_TEAM)
    with db.session() as s, pytest.raises(ChoiceNeeded) as asked:
        preview(s, "clockify", path)
    assert asked.value.option == "user"
    assert [value for value, _ in asked.value.choices] == ["Ana Ruiz", "Ben Okoro", "Chen Li"]
    assert "1.5 h in 2 entries" in asked.value.choices[0][1]

    plan, written = run(db, "clockify", path, user="ana ruiz")
    assert written == 2
    assert sorted(h for _, _, h in sessions(db)) == [0.5, 1.0]
    assert [p.reason for p in plan.skipped] == [
        "another person's entry (Ben Okoro)",
        "another person's entry (Chen Li)",
    ]
    with db.session() as s, pytest.raises(ImportFileError, match="no entries of 'Dana'"):
        preview(s, "clockify", path, user="Dana")


def test_a_one_person_report_needs_no_user(db, tmp_path) -> None:
    text = CLOCKIFY_HEADER + "\n" + CLOCKIFY_TEAM.splitlines()[1] + "\n"
    _, written = run(db, "clockify", write(tmp_path, "c.csv", text), user=None, day_first=False)
    assert written == 1


def test_toggl_newer_export_with_minute_durations(db, tmp_path) -> None:
    plan, written = run(db, "toggl", write(tmp_path, "entries.csv", TOGGL_ENTRIES))

    assert (written, plan.rejected) == (2, [])
    assert sessions(db) == [
        (dt.date(2024, 3, 11), "Reading group", 1.0),  # 18:25 min + 41:35 min
        (dt.date(2024, 3, 12), "Side project", 1.51),  # 1:30:00 h + 45 sec
    ]
