"""How ready the person is for their target role, what is missing, and when they will be ready.

Readiness weights each required skill by importance (essential 3, important 2, useful 1) and
counts min(level / required level, 1) of it. The forecast turns the gap into hours (level steps
missing x the skill's hours per level step) and divides by the person's own weekly pace, measured
only since they started logging (see `Pace`), or by the weekly goal until there is enough of it.
Plain SQL (see `planner.services.sql`): the dashboard shows readiness on its first paint.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace

from planner.services.balance import targets
from planner.services.errors import InputError
from planner.services.sql import Reader, date, reader, rows, value

WEIGHTS = {"essential": 3, "important": 2, "useful": 1}
IMPORTANCE_ORDER = {"essential": 0, "important": 1, "useful": 2}
#: The longest stretch the own pace is measured over (the most recent weeks).
PACE_WEEKS = 8
#: Fewer days of data than this give no pace of one's own.
MIN_PACE_DAYS = 14
#: No projected date beyond this many years: it would say more about one slow week than about a
#: plan, and it keeps every date far inside the calendar (year 9999).
HORIZON_YEARS = 10
HORIZON_DAYS = round(HORIZON_YEARS * 365.25)
#: The what-if offered for a date beyond the horizon: ready within this many years.
FIX_YEARS = 2


@dataclass(frozen=True)
class GapItem:
    skill: str
    category: str
    importance: str
    level: int
    required_level: int
    hours_per_level: float
    #: Why the move from the current role asks for it (the guide's note), when it does.
    reason: str = ""
    #: Finished portfolio projects that show the skill ("; "-separated titles).
    evidence: str = ""

    @property
    def remaining_hours(self) -> float:
        return max(self.required_level - self.level, 0) * self.hours_per_level


@dataclass(frozen=True)
class Readiness:
    role: str | None
    role_title: str | None
    score: float  # 0..1
    skills_total: int
    skills_met: int
    gaps: tuple[GapItem, ...]  # only skills below their required level, most important first

    @property
    def remaining_hours(self) -> float:
        return sum(g.remaining_hours for g in self.gaps)


@dataclass(frozen=True)
class Pace:
    """Learning hours a week, measured over the days since the person started logging (or since
    the plan start, whichever is later), at most the last `PACE_WEEKS` weeks. Weeks before the
    first log are not counted as weeks of nothing: they are weeks before there was anything to
    measure."""

    weekly_hours: float
    since: dt.date | None  # the first day measured; None before anything was logged
    days: int  # days measured, today included

    @property
    def enough(self) -> bool:
        """Two weeks of data at least: less says more about one evening than about a pace."""
        return self.days >= MIN_PACE_DAYS

    @property
    def weeks_text(self) -> str:
        weeks = round(self.days / 7)
        return f"the last {weeks} weeks" if weeks != 1 else "the last week"


@dataclass(frozen=True)
class Forecast:
    remaining_hours: float
    weekly_hours: float  # the pace used: your measured pace, your weekly goal, or the what-if
    recent_weekly_hours: float  # your measured pace (0 while there are under two weeks of data)
    weeks_needed: float | None
    ready_on: dt.date | None  # None: no role, no pace, or beyond `HORIZON_YEARS`
    message: str  # the whole sentence, the same in the window, the CLI and the review
    #: Which pace the date stands on: "pace" (measured), "goal" (the weekly goal, while there
    #: is too little data), "what-if", or "" (no date at all).
    basis: str = ""
    #: "at your pace of 3.2 h/week over the last 6 weeks" and the like, for a label.
    basis_text: str = ""
    #: The date would be more than `HORIZON_YEARS` out at this pace.
    beyond_horizon: bool = False
    #: The weekly hours that would make the person ready in `FIX_YEARS` years (the what-if that
    #: fixes a date beyond the horizon); 0 when not needed.
    fix_pace: float = 0.0
    #: The plan's own date: when its last phase is due (the guide's windows from the plan start).
    plan_ready_on: dt.date | None = None
    #: Where the plan's date and this forecast differ by more than a fortnight, both and why.
    plan_note: str = ""


@reader
def readiness(db: Reader, role_slug: str | None = None) -> Readiness:
    """Readiness for `role_slug`, or for the profile's target role."""
    if role_slug is None:
        query = "SELECT r.id, r.slug, r.title FROM role r JOIN profile p ON p.target_role_id = r.id"
        role = rows(db, query)
    else:
        role = rows(db, "SELECT id, slug, title FROM role WHERE slug = ?", (role_slug,))
    if not role:
        return Readiness(None, None, 0.0, 0, 0, ())
    role_id, slug, title = role[0]
    items = _items(db, role_id)
    if role_slug is None:
        items = _with_move_skills(items, db)
    score = weighted_score(items)
    gaps = sorted(
        (i for i in items if i.level < i.required_level),
        key=lambda i: (IMPORTANCE_ORDER[i.importance], -i.remaining_hours, i.skill.casefold()),
    )
    return Readiness(
        role=slug,
        role_title=title,
        score=score,
        skills_total=len(items),
        skills_met=len(items) - len(gaps),
        gaps=tuple(gaps),
    )


def weighted_score(items: Iterable[GapItem]) -> float:
    """The readiness rule (0..1): each skill weighs by importance (essential 3, important 2,
    useful 1) and counts min(level / required level, 1) of its weight. Job postings use it too."""
    listed = list(items)
    total = sum(WEIGHTS[i.importance] for i in listed)
    earned = sum(WEIGHTS[i.importance] * min(i.level / i.required_level, 1.0) for i in listed)
    return earned / total if total else 0.0


#: Finished portfolio projects that show a skill: evidence beside it in the gap list.
_EVIDENCE = """
    (SELECT coalesce(group_concat(p.title, '; '), '') FROM portfolio_skill ps
     JOIN portfolio_item p ON p.id = ps.item_id WHERE ps.skill_id = s.id AND p.status = 'done')
"""

_ITEMS = f"""
    SELECT s.name, s.category, rs.importance, coalesce(us.level, 0), rs.required_level,
           s.hours_per_level, '', {_EVIDENCE}
    FROM role_skill rs
    JOIN skill s ON s.id = rs.skill_id
    LEFT JOIN user_skill us ON us.skill_id = s.id
    WHERE rs.role_id = ?
"""


def _items(db: Reader, role_id: int) -> list[GapItem]:
    return [GapItem(*row) for row in rows(db, _ITEMS, (role_id,))]


@reader
def items_with_phase(db: Reader, role_id: int) -> list[tuple[GapItem, int | None]]:
    """The role's skills as `_items` reads them, each with the phase that teaches it."""
    query = _ITEMS.replace("\n    FROM role_skill rs", ", rs.phase_id\n    FROM role_skill rs")
    found = rows(db, query, (role_id,))
    return [(GapItem(*row[:-1]), row[-1]) for row in found]


def _with_move_skills(items: list[GapItem], db: Reader) -> list[GapItem]:
    """The target's skills plus those the move from the current role needs (the framework's
    Data Analyst -> ML Engineer names advanced statistics and ML algorithms, which the ML
    engineer's own list lacks), each carrying the guide's reason; a skill on both lists keeps
    the higher required level."""
    from planner.services.moves import move

    by_name = {i.skill.casefold(): n for n, i in enumerate(items)}
    out = list(items)
    for m in move(db).skills:
        reason = f"{m.step}: {m.reason}" if m.reason else m.step
        n = by_name.get(m.name.casefold())
        if n is None:
            evidence = value(
                db, f"SELECT {_EVIDENCE} FROM skill s WHERE s.name = ?", (m.name,)
            )  # fmt: skip
            out.append(
                GapItem(m.name, m.category, "important", m.level, m.required_level,
                        m.hours_per_level, reason, evidence or "")
            )  # fmt: skip
        else:
            item = out[n]
            out[n] = replace(
                item, required_level=max(item.required_level, m.required_level), reason=reason
            )
    return out


@reader
def skill_levels(db: Reader, role_slug: str | None = None) -> list[GapItem]:
    """Every skill the role (default: the target role) asks for, met or not, with the person's
    level beside the required one: most important first, then by category and name."""
    if role_slug is None:
        role_id = value(db, "SELECT target_role_id FROM profile WHERE id = 1")
    else:
        role_id = value(db, "SELECT id FROM role WHERE slug = ?", (role_slug,))
    if role_id is None:
        return []
    items = _items(db, role_id)
    if role_slug is None:
        items = _with_move_skills(items, db)
    return sorted(
        items,
        key=lambda i: (IMPORTANCE_ORDER[i.importance], i.category, i.skill.casefold()),
    )


@reader
def measured_pace(db: Reader, today: dt.date, weeks: int = PACE_WEEKS) -> Pace:
    """The person's own weekly pace as of `today` (see `Pace`)."""
    first_log = date(
        value(db, "SELECT min(date) FROM learning_session WHERE date <= ?", (today.isoformat(),))
    )
    if first_log is None:
        return Pace(0.0, None, 0)
    plan_start = date(value(db, "SELECT plan_start FROM profile WHERE id = 1"))
    window = today - dt.timedelta(weeks=weeks) + dt.timedelta(days=1)
    since = max(d for d in (window, first_log, plan_start) if d is not None)
    if since > today:
        return Pace(0.0, since, 0)
    total = value(
        db,
        "SELECT coalesce(sum(hours), 0.0) FROM learning_session WHERE date BETWEEN ? AND ?",
        (since.isoformat(), today.isoformat()),
    )
    days = (today - since).days + 1
    return Pace(float(total) * 7 / days, since, days)


def day_text(day: dt.date) -> str:
    """'3 Mar 2028': how the forecast names a date everywhere."""
    return f"{day.day} {day:%b %Y}"


def pace_text(weekly: float) -> str:
    """A weekly pace to a tenth of an hour, or to two figures below that (0.02, not 0.0)."""
    return f"{weekly:.1f}" if weekly >= 0.1 else f"{weekly:.2g}"


def _hours(hours: float) -> str:
    return f"{hours:,.1f}".rstrip("0").rstrip(".") + " h"


def _round_up_half(hours: float) -> float:
    return math.ceil(hours * 2) / 2


@reader
def forecast(
    db: Reader,
    today: dt.date,
    weekly_hours: float | None = None,
    *,
    gap: Readiness | None = None,
) -> Forecast:
    """Projected ready date at the person's own pace, or at a what-if `weekly_hours` pace.

    The one home of the rule that the dashboard, the roadmap, `planner gap` and the weekly review
    show. The own pace needs two weeks of data (`measured_pace`); until then the date stands on
    the weekly goal and says so. A date more than `HORIZON_YEARS` out is not a date: it says so,
    with the weekly hours that would bring it within `FIX_YEARS` years; and no date computed here
    can overflow the calendar.
    """
    gap = gap or readiness(db)
    if weekly_hours is not None and not 0 < weekly_hours <= 168:
        raise InputError("a weekly pace must be more than 0 and at most 168 hours")
    own = measured_pace(db, today)
    recent = own.weekly_hours if own.enough else 0.0
    remaining = gap.remaining_hours
    if weekly_hours is not None:
        pace, basis, basis_text = weekly_hours, "what-if", f"at {weekly_hours:g} h/week"
    elif own.enough and own.weekly_hours > 0:
        pace, basis = own.weekly_hours, "pace"
        basis_text = f"at your pace of {pace_text(pace)} h/week over {own.weeks_text}"
    else:
        goal = float(targets(db)["learning"])
        why = (
            "log two weeks to see a projected date at your own pace"
            if not own.enough
            else f"no learning logged in {own.weeks_text}"
        )
        pace, basis = goal, "goal"
        basis_text = f"at your weekly goal of {goal:g} h/week ({why})"
    if gap.role is None:
        return Forecast(remaining, pace, recent, None, None, "Choose a target role first.")
    if remaining == 0:
        return Forecast(0.0, pace, recent, 0.0, today, "Every required skill is at its level.")
    if pace <= 0:
        message = (
            "Log two weeks to see a projected date, or set a weekly learning goal."
            if not own.enough
            else f"No learning logged in {own.weeks_text}: set a weekly learning goal or log "
            "some hours to see a projected date."
        )
        return Forecast(remaining, pace, recent, None, None, message)
    weeks = remaining / pace
    if weeks * 7 > HORIZON_DAYS:
        fix = _round_up_half(remaining / (FIX_YEARS * 52))
        return Forecast(
            remaining,
            pace,
            recent,
            weeks,
            None,
            f"{_hours(remaining)} to go: more than ten years at this pace ({basis_text}). At "
            f"{fix:g} h/week you would be ready in about {FIX_YEARS} years: try that pace in "
            "the Roadmap's what-if.",
            basis,
            basis_text,
            beyond_horizon=True,
            fix_pace=fix,
        )
    ready = today + dt.timedelta(days=math.ceil(weeks * 7))
    plan = plan_ready_on(db)
    return Forecast(
        remaining,
        pace,
        recent,
        weeks,
        ready,
        f"{_hours(remaining)} to go {basis_text}: ready around {day_text(ready)}.",
        basis,
        basis_text,
        plan_ready_on=plan,
        plan_note=_plan_note(plan, ready),
    )


@reader
def plan_ready_on(db: Reader) -> dt.date | None:
    """When the plan expects the person ready: the due date of the target role's last phase
    milestone, if it is dated and open (the timeline's and the milestones' own date)."""
    found = rows(
        db,
        "SELECT m.due_on, m.done_on FROM milestone m JOIN role_phase rp ON rp.id = m.role_phase_id"
        " JOIN profile p ON p.id = 1 AND rp.role_id = p.target_role_id WHERE m.kind = 'phase'"
        ' ORDER BY rp."order" DESC LIMIT 1',
    )
    if not found or found[0][1] is not None:
        return None
    return date(found[0][0])


def _plan_note(plan: dt.date | None, ready: dt.date) -> str:
    """Both dates, and why they differ: the plan keeps to the guide's windows; the forecast
    follows the hours still to learn at the pace it names."""
    if plan is None or abs((ready - plan).days) <= 14:
        return ""
    gap = abs((ready - plan).days)
    span = f"{gap / 365.25:.1f} years" if gap >= 730 else f"{round(gap / 30.44) or 1} months"
    side = "later" if ready > plan else "sooner"
    return (
        f"The plan's date is {day_text(plan)} (its phases end inside the guide's windows); "
        f"at this pace you would be ready {span} {side}."
    )
