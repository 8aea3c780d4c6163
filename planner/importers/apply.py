"""Back up, then import: the one way a previewed plan is written, for the dialog and the CLI.

The backup comes first and is its own step (SQLite's backup API on a connection of its own), so
a failed or unwanted import can be undone by restoring it; the plan's additions are then written
in one transaction, all or nothing. A backup that cannot be made (a damaged file, a folder that
cannot be written, a full disk) raises its DataFileError and nothing is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from planner.importers import commit

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner.importers.plan import ImportPlan
    from planner.storage.engine import Database


def back_up_and_import(
    db: Database,
    plan: ImportPlan,
    *,
    write: Callable[[Callable[[Session, ImportPlan], int], ImportPlan], int] | None = None,
) -> int:
    """Back the file up, then write the plan's additions in one transaction; returns how many
    were written. `write` runs that transaction when the caller has its own way to (the window's
    context, which also tells its screens); otherwise it is one `db.session()`."""
    db.back_up("before-import")
    if write is not None:
        return write(commit, plan)
    with db.session() as session:
        return commit(session, plan)
