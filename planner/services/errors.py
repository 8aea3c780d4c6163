"""The one error type a person sees: bad input, said plainly, with what would be accepted."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from planner.vocabulary import DAY_HOURS


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


def check_hours(
    hours: float, *, low: float = 0.0, high: float = DAY_HOURS, what: str = "hours"
) -> float:
    """Hours must be a real number in (low, high]; a session's hours are in (0, 24]."""
    if not isinstance(hours, int | float) or hours != hours or not low < hours <= high:
        raise InputError(f"{what} must be more than {low:g} and at most {high:g}, not {hours}")
    return float(hours)
