"""Undo and redo at the level of rows: every table the file has is recorded (or knowingly
left out), and an action taken back and forth leaves the file exactly as it was each time."""

from __future__ import annotations

from sqlalchemy import delete, update

from planner.models import Contact, LearningSession, UserSkill
from planner.storage import undo as row_undo
from planner.storage.undo import KIND_OF_TABLE, NOT_RECORDED, Steps
from tests.file_rows import dump


def act(db, fn) -> Steps:
    with db.session() as session:
        row_undo.start(session.connection())
        fn(session)
        session.flush()
        return row_undo.recorded(session.connection())


def replay(db, steps: Steps) -> Steps:
    with db.session() as session:
        row_undo.start(session.connection())
        row_undo.replay(session.connection(), steps)
        return row_undo.recorded(session.connection())


def test_every_table_of_the_file_is_recorded_or_knowingly_left_out(demo_db) -> None:
    assert set(dump(demo_db.path)) == set(KIND_OF_TABLE) | NOT_RECORDED


def test_a_delete_with_cascades_undone_and_redone_leaves_the_file_as_it_was(demo_db) -> None:
    before = dump(demo_db.path)
    with demo_db.session() as s:
        busiest = s.scalars(select_busiest_contact()).first()
    undo = act(demo_db, lambda s: s.execute(delete(Contact).where(Contact.id == busiest)))
    after = dump(demo_db.path)
    assert len(after["interaction"]) < len(before["interaction"])  # the cascade ran
    assert undo.kinds == {"contacts"}

    redo = replay(demo_db, undo)
    assert dump(demo_db.path) == before
    undo_again = replay(demo_db, redo)
    assert dump(demo_db.path) == after
    replay(demo_db, undo_again)
    assert dump(demo_db.path) == before


def test_undoing_logged_hours_puts_each_days_total_back(demo_db) -> None:
    before = dump(demo_db.path)
    undo = act(
        demo_db,
        lambda s: s.execute(update(LearningSession).values(hours=LearningSession.hours + 0.25)),
    )
    assert dump(demo_db.path)["learning_day"] != before["learning_day"]
    replay(demo_db, undo)
    assert dump(demo_db.path) == before  # learning_day follows through the file's own triggers


def test_an_action_that_changes_nothing_records_nothing(demo_db) -> None:
    steps = act(demo_db, lambda s: s.execute(update(UserSkill).values(level=UserSkill.level)))
    assert not steps and steps.kinds == frozenset()


def select_busiest_contact():
    from sqlalchemy import func, select

    from planner.models import Interaction

    return (
        select(Interaction.contact_id)
        .group_by(Interaction.contact_id)
        .order_by(func.count().desc())
        .limit(1)
    )
