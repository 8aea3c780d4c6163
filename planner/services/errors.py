"""The errors a person sees: bad input, said plainly, with what would be accepted; and a file to
import that cannot be read, or that asks which of two readings is meant."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

from planner.vocabulary import DAY_HOURS

if TYPE_CHECKING:  # the first paint imports this module before SQLAlchemy loads
    from sqlalchemy.orm import Session

Row = TypeVar("Row")


class InputError(ValueError):
    """Input the rules refuse. The message names the problem and the accepted values."""


def unknown(kind: str, given: str, known: Iterable[str]) -> InputError:
    """An error for a name that matches nothing, suggesting the closest known names."""
    names = list(known)
    close = difflib.get_close_matches(given, names, n=3, cutoff=0.5)
    if not close:
        lowered = given.casefold()
        close = [n for n in names if lowered in n.casefold()][:3]
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    if not close and names and len(names) <= 12:
        hint = f"; known: {', '.join(names)}"
    return InputError(f"unknown {kind} {given!r}{hint}")


def existing(session: Session, model: type[Row], key: int | None, what: str) -> Row:
    """The row of `model` with id `key`, or the error a person sees when it was deleted
    meanwhile (in another window, or by the command line): "contact 7 no longer exists"."""
    row = session.get(model, key) if key is not None else None
    if row is None:
        raise InputError(f"{what} {key} no longer exists")
    return row


def check_hours(
    hours: float, *, low: float = 0.0, high: float = DAY_HOURS, what: str = "hours"
) -> float:
    """Hours must be a real number in (low, high]; a session's hours are in (0, 24]."""
    if not isinstance(hours, int | float) or hours != hours or not low < hours <= high:
        raise InputError(f"{what} must be more than {low:g} and at most {high:g}, not {hours}")
    return float(hours)


class ImportFileError(Exception):
    """A file to import cannot be read as a whole (missing, not text, not this format); nothing
    was written. Here, not in `planner.importers`, so the import dialog can catch it without
    importing the importers (screens reach them through the context)."""


class ChoiceNeeded(ImportFileError):
    """The file can be read more than one way and nothing in it decides which (day-first or
    month-first dates, whose hours in a team report): the person has to choose.

    `option` names the choice as `preview` takes it (`day_first`, `user`); `choices` are the
    values with a line showing what each means, so the dialog can offer them side by side and
    the command line can name them. Nothing is written."""

    def __init__(self, message: str, option: str, choices: list[tuple[object, str]]) -> None:
        super().__init__(message)
        self.option = option
        self.choices = choices
