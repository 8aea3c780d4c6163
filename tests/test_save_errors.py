"""A save the disk refuses reads as a clear SaveError, and nothing saved before it is lost."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event

from planner.services.learning import log_session, session_totals
from planner.storage.engine import open_database
from planner.storage.errors import SaveError


def test_a_full_disk_is_a_clear_save_error_and_earlier_data_survives(db, db_path) -> None:
    with db.session() as s:
        log_session(s, 1.0, dt.date(2026, 11, 2), note="before the disk filled")
    db.engine.dispose()  # new connections get the limit below

    @event.listens_for(db.engine, "connect")
    def _tiny_disk(dbapi_connection, _record) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    saved = 0
    with pytest.raises(SaveError) as caught:
        for day in range(1, 400):
            with db.session() as s:
                log_session(s, 0.5, dt.date(2026, 1, 1) + dt.timedelta(days=day), note="x" * 2000)
            saved += 1
    assert caught.value.kind == "disk-full"
    assert str(caught.value).startswith("The data file could not be saved: the disk is full.")
    assert "nothing you saved earlier was lost" in str(caught.value)
    db.close()

    again = open_database(db_path)
    with again.session() as s:
        totals = session_totals(s)
    assert (totals.count, totals.hours) == (1 + saved, 1.0 + 0.5 * saved)
    assert again.check(full=True) == []
    again.close()


def test_a_constraint_violation_is_not_dressed_up_as_a_disk_problem(db) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), db.session() as s:
        s.connection().exec_driver_sql(
            "INSERT INTO learning_session (date, hours, note) VALUES ('2026-11-02', -1, '')"
        )
