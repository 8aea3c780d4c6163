"""A day holds 24 hours and a week 168, in every category together: the rule `planner check`
reports, applied when hours are entered so that it never has anything to report.

Every way in checks here before it writes: a logged or edited session (dialogs, quick log,
timer, `planner log`), a week's typed hours (the Balance grid, `planner hours`) and an import
(`refuse_new_excess`). The refusal names the day or week, what it already holds and the most
that still fits, so the person can correct the figure rather than guess.

Plain SQL over a `Reader` (a session shares its transaction), like `planner.services.sql`.
"""

from __future__ import annotations

import datetime as dt

from planner.services.errors import InputError
from planner.services.sql import Reader, reader, rows, value
from planner.services.weeks import week_heading, week_start
from planner.vocabulary import CATEGORIES, DAY_HOURS, WEEK_HOURS
from planner.wording import hours_text, listed, weekday_text

#: Hours are stored as floats: 0.1 + 0.2 must not pass 0.3.
_SLACK = 1e-6
#: The Monday of a stored ISO date, in SQL: on to the next Sunday, back six days.
_MONDAY = "date({}, 'weekday 0', '-6 days')"


def _fits(room: float) -> str:
    if room <= _SLACK:
        return "nothing more fits"
    return f"at most {hours_text(room)} more fits"


@reader
def learning_on(db: Reader, day: dt.date, *, leaving_out: int | None = None) -> float:
    """The learning hours logged on `day` (without the session `leaving_out`, being edited)."""
    return float(
        value(
            db,
            "SELECT coalesce(sum(hours), 0.0) FROM learning_session WHERE date = ? AND id IS NOT ?",
            (day.isoformat(), leaving_out),
        )
    )


@reader
def week_hours(db: Reader, monday: dt.date, *, leaving_out: int | None = None) -> dict[str, float]:
    """What the week of `monday` holds per category: its typed hours and its learning sessions
    (without the session `leaving_out`). Categories with nothing are left out."""
    sunday = monday + dt.timedelta(days=6)
    held = dict(
        rows(
            db,
            "SELECT category, hours FROM week_hours WHERE week_start = ? AND hours > 0",
            (monday.isoformat(),),
        )
    )
    learned = value(
        db,
        "SELECT coalesce(sum(hours), 0.0) FROM learning_session"
        " WHERE date BETWEEN ? AND ? AND id IS NOT ?",
        (monday.isoformat(), sunday.isoformat(), leaving_out),
    )
    if learned:
        held["learning"] = float(learned)
    return held


def _parts(held: dict[str, float]) -> str:
    return ", ".join(f"{c} {hours_text(held[c])}" for c in CATEGORIES if c in held)


@reader
def check_session(
    db: Reader, day: dt.date, hours: float, *, leaving_out: int | None = None
) -> None:
    """Refuse `hours` of learning on `day` when the day or its week would pass its hours.
    `leaving_out` is the session being edited (its old hours make room). An edit that leaves a
    day or week already over (a file from before these checks) no fuller than it was is let
    through, so the person can correct it.

    Every log pays for this check, so it is one statement along the date index; the figures
    the refusal names are read only when it refuses."""
    monday = week_start(day)
    held, held_before, week_total, week_before = rows(
        db,
        "SELECT (SELECT coalesce(sum(hours), 0.0) FROM learning_session"
        "        WHERE date = :day AND id IS NOT :out),"
        " (SELECT coalesce(sum(hours), 0.0) FROM learning_session WHERE date = :day),"
        " (SELECT coalesce(sum(hours), 0.0) FROM learning_session"
        "  WHERE date BETWEEN :monday AND :sunday AND id IS NOT :out) + typed.hours,"
        " (SELECT coalesce(sum(hours), 0.0) FROM learning_session"
        "  WHERE date BETWEEN :monday AND :sunday) + typed.hours"
        " FROM (SELECT coalesce(sum(hours), 0.0) AS hours FROM week_hours"
        "       WHERE week_start = :monday) typed",
        {
            "day": day.isoformat(),
            "monday": monday.isoformat(),
            "sunday": (monday + dt.timedelta(days=6)).isoformat(),
            "out": leaving_out,
        },
    )[0]
    if held + hours > max(DAY_HOURS, held_before) + _SLACK:
        raise InputError(
            f"{weekday_text(day)} already holds {hours_text(held)} of learning and a day has "
            f"{DAY_HOURS:g} hours: {_fits(DAY_HOURS - held)}, not {hours_text(hours)}"
        )
    if week_total + hours > max(WEEK_HOURS, week_before) + _SLACK:
        week = week_hours(db, monday, leaving_out=leaving_out)
        total = sum(week.values())
        raise InputError(
            f"the week {week_heading(monday)} already holds {hours_text(total)} ({_parts(week)}) "
            f"and a week has {WEEK_HOURS:g} hours: {_fits(WEEK_HOURS - total)}, "
            f"not {hours_text(hours)}"
        )


@reader
def check_week(db: Reader, monday: dt.date, typed: dict[str, float]) -> None:
    """Refuse setting the week's typed hours to `typed` when the week would pass 168 hours with
    what it holds besides them (its learning, and typed categories not being set), unless it
    was over already and ends no fuller (correcting it)."""
    now = week_hours(db, monday)
    kept = {c: h for c, h in now.items() if c not in typed}
    held = sum(kept.values())
    asked = sum(typed.values())
    if held + asked > max(WEEK_HOURS, sum(now.values())) + _SLACK:
        names = listed(list(typed))
        together = " together" if len(typed) > 1 else ""
        holds = (
            f"already holds {hours_text(held)} ({_parts(kept)})" if kept else "holds nothing else"
        )
        raise InputError(
            f"the week {week_heading(monday)} {holds} and a week has {WEEK_HOURS:g} hours: "
            f"{names} can take at most {hours_text(max(WEEK_HOURS - held, 0.0))}{together}, "
            f"not {hours_text(asked)}"
        )


@reader
def days_over(db: Reader) -> list[tuple[str, float]]:
    """Every day whose learning passes a day's hours, as (ISO day, hours), oldest first."""
    return rows(
        db,
        "SELECT date, sum(hours) FROM learning_session GROUP BY date"
        f" HAVING sum(hours) > {DAY_HOURS + _SLACK} ORDER BY date",
    )


@reader
def weeks_over(db: Reader) -> list[tuple[str, float]]:
    """Every week whose hours in all (typed and learning) pass a week's, as (ISO Monday,
    hours), oldest first."""
    return rows(
        db,
        "SELECT week, sum(hours) FROM ("
        "  SELECT week_start AS week, hours FROM week_hours"
        "  UNION ALL"
        f"  SELECT {_MONDAY.format('date')}, hours FROM learning_session"
        f") GROUP BY week HAVING sum(hours) > {WEEK_HOURS + _SLACK} ORDER BY week",
    )


@reader
def excess(db: Reader) -> set[tuple[str, str]]:
    """The days and weeks over their hours, as ("day" | "week", ISO date) pairs."""
    return {("day", d) for d, _ in days_over(db)} | {("week", w) for w, _ in weeks_over(db)}


@reader
def refuse_new_excess(db: Reader, before: set[tuple[str, str]], action: str = "the import") -> None:
    """After a bulk write (an import, an undone delete) in the caller's transaction, refuse it
    (the caller rolls back) if it took a day or week over its hours that was not over `before`
    it. `action` names the write in the message."""
    new = sorted(excess(db) - before)
    if not new:
        return
    kind, iso = new[0]
    day = dt.date.fromisoformat(iso)
    more = f" (and {len(new) - 1} more)" if len(new) > 1 else ""
    if kind == "day":
        total = learning_on(db, day)
        raise InputError(
            f"{action} would give {weekday_text(day)} {hours_text(total)} of learning{more}, "
            f"more than the {DAY_HOURS:g} hours of a day"
        )
    total = sum(week_hours(db, day).values())
    raise InputError(
        f"{action} would give the week {week_heading(day)} {hours_text(total)}{more}, more than "
        f"the {WEEK_HOURS:g} hours of a week"
    )
