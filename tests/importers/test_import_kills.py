"""SIGKILL an import of the new file shapes at random moments: the data file holds all of the
import or none of it, and passes `integrity_check` (issue 13: calendars, LinkedIn namesakes).

As in tests/test_crash.py, each round forks a child from this process (everything imported
already), which previews and commits the file through the real importer in one transaction;
the parent spins a random number of steps (no sleep), kills it, and looks at the file. The
steps are timed on a forked child's whole import (`tests.faults.steps_to_finish`): a child runs
slower than this process would, and kills timed on this process all landed before its writes.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
from contextlib import closing
from functools import partial
from pathlib import Path

import icalendar  # noqa: F401  (loaded before forking, as the import would load it)
import recurring_ical_events  # noqa: F401
from import_samples import LINKEDIN_HEADER, write

from planner.importers import commit, preview
from planner.storage.engine import Database, make_engine
from tests.faults import killed_after, steps_to_finish

ROUNDS = 24
TODAY = dt.date(2024, 4, 10)

#: Two years of a daily gym hour, and a weekly office day: about 200 week values in one write.
CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Gym\r\nX-WR-TIMEZONE:Europe/Berlin\r\n"
    "BEGIN:VEVENT\r\nUID:daily\r\nSUMMARY:Gym\r\nDTSTART;TZID=Europe/Berlin:20220401T070000\r\n"
    "DTEND;TZID=Europe/Berlin:20220401T080000\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:office\r\nSUMMARY:Office\r\nCATEGORIES:Office\r\n"
    "DTSTART:20220404T080000Z\r\nDTEND:20220404T160000Z\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)
MAPPING = {"Gym": "exercise", "Office": "work"}


def namesakes(count: int) -> str:
    rows = [
        f"Sam,Lee,https://www.linkedin.com/in/sam-{i},,Company {i},Engineer,1 Mar 2024"
        for i in range(count)
    ]
    return "\r\n".join([LINKEDIN_HEADER, *rows]) + "\r\n"


def importer(path: Path, kind: str, file: Path) -> None:  # pragma: no cover - in the child
    database = Database(make_engine(path), path)
    with database.session() as s:
        plan = preview(s, kind, file, mapping=MAPPING, today=TODAY)
    with database.session() as s:
        commit(s, plan)


def test_killed_imports_write_all_or_nothing(db, db_path, tmp_path) -> None:
    db.close()
    template = tmp_path / "template.sqlite3"
    shutil.copyfile(db_path, template)
    files = {
        "ics": write(tmp_path, "gym.ics", CALENDAR),
        "linkedin": write(tmp_path, "Connections.csv", namesakes(3000)),
    }
    queries = {
        "ics": "SELECT (SELECT count(*) FROM week_hours), (SELECT count(*) FROM calendar_map)",
        "linkedin": "SELECT count(*), count(*) FROM contact",
    }

    def fresh(path: Path) -> None:
        for old in tmp_path.glob(f"{path.name}*"):
            old.unlink()
        shutil.copyfile(template, path)

    def counts(path: Path, kind: str) -> tuple[int, int]:
        with closing(sqlite3.connect(path)) as con:
            assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            return con.execute(queries[kind]).fetchone()

    lasting, whole = {}, {}
    timed = tmp_path / "timed.sqlite3"
    for kind, file in files.items():
        lasting[kind] = steps_to_finish(
            lambda kind=kind, file=file: importer(timed, kind, file), prepare=lambda: fresh(timed)
        )
        whole[kind] = counts(timed, kind)  # what one whole import writes
    rng = random.Random(20261202)
    outcomes: dict[str, set[tuple[int, int]]] = {kind: set() for kind in files}
    landed = 0
    for round_no in range(ROUNDS):
        kind = ("ics", "linkedin")[round_no % 2]
        path = tmp_path / f"round-{round_no}.sqlite3"
        fresh(path)
        # From the fork to a little past the import's own time: before, during and after.
        run = partial(importer, path, kind, files[kind])
        landed += killed_after(rng.randint(0, lasting[kind]), run)
        outcomes[kind].add(counts(path, kind))

    print(f"\nimport kills: {ROUNDS} rounds, {landed} killed mid-import, outcomes {outcomes}")
    weeks, maps = whole["ics"]
    assert weeks > 150 and maps == 2
    assert outcomes["ics"] <= {(0, 0), whole["ics"]}  # every week and its mapping, or nothing
    assert outcomes["linkedin"] <= {(0, 0), (3000, 3000)} and whole["linkedin"] == (3000, 3000)
    assert landed > ROUNDS // 4  # the kills really landed inside imports
