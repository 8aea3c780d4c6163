"""Every row of a data file, for tests that need "the file exactly as it was"."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, in rowid order. The derived `learning_day` is compared by its
    content: the file's triggers that keep it may renumber its rows."""
    with closing(sqlite3.connect(path)) as con:
        tables = [
            t
            for (t,) in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        rows = {
            t: con.execute(f'SELECT rowid, * FROM "{t}" ORDER BY rowid').fetchall() for t in tables
        }
    rows["learning_day"] = sorted(row[1:] for row in rows["learning_day"])
    return rows
