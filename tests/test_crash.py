"""SIGKILL a writer at arbitrary moments, hundreds of times: no confirmed commit is ever lost and
the file always passes `integrity_check` (SQLite's atomic commit with WAL and synchronous=FULL).

Each round forks a child from this process (planner already imported, so a round costs
milliseconds). The child logs learning sessions through the real service and `Database.session`
and confirms each one through a pipe only after the commit returned. The parent reads a random
number of confirmations, spins a random number of steps (moving the kill across the child's
next transaction without sleeping), kills it, and reads any confirmations still in the pipe.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
from pathlib import Path

from planner.services.learning import log_session
from planner.storage.engine import Database, make_engine, open_database

ROUNDS = 300
DAY = dt.date(2026, 11, 2)


def writer(path: Path, round_no: int, confirm: int) -> None:  # pragma: no cover - in the child
    database = Database(make_engine(path), path)
    for i in range(10_000):
        with database.session() as s:
            # Each round on days of its own: a day holds 24 h, which 300 rounds on one would pass
            day = DAY + dt.timedelta(days=round_no * 100 + i % 100)
            log_session(s, 0.25, day, note=f"{round_no}-{i}")
        os.write(confirm, f"{round_no}-{i}\n".encode())


def run_round(path: Path, round_no: int, rng: random.Random) -> list[str]:
    """One writer, killed at a random point; returns the notes it confirmed."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read)
        try:
            writer(path, round_no, write)
        finally:
            os._exit(0)
    os.close(write)
    pipe = os.fdopen(read)
    confirmed = [pipe.readline().strip() for _ in range(rng.randint(0, 4))]
    for _ in range(rng.randint(0, 30_000)):  # a random number of steps, not a sleep
        pass
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    confirmed += [line.strip() for line in pipe]  # written after commit, before the kill
    pipe.close()
    return [c for c in confirmed if c]


def test_killed_writers_never_lose_a_confirmed_commit(db, db_path) -> None:
    db.close()
    rng = random.Random(20261121)
    confirmed: list[str] = []
    for round_no in range(ROUNDS):
        confirmed += run_round(db_path, round_no, rng)

    with sqlite3.connect(db_path) as con:
        integrity = con.execute("PRAGMA integrity_check").fetchall()
        stored = {row[0] for row in con.execute("SELECT note FROM learning_session")}
    lost = [note for note in confirmed if note not in stored]
    in_flight = len(stored) - len(set(confirmed) & stored)  # committed, killed before confirming
    print(
        f"\ncrash test: {ROUNDS} kills, {len(confirmed)} confirmed commits, "
        f"{len(lost)} lost, {in_flight} committed but unconfirmed (killed in between)"
    )
    assert integrity == [("ok",)]
    assert lost == []
    assert len(confirmed) > ROUNDS  # the kills really landed among commits
    reopened = open_database(db_path)  # and the app opens the file as usual
    assert reopened.check(full=True) == []
    reopened.close()
