"""How ready the person is for their target role, what is missing, when they will be ready, and
how readiness grew over time.

Readiness weights each required skill by importance (essential 3, important 2, useful 1) and
counts min(level / required level, 1) of it. The forecast turns the gap into hours (level steps
missing x the skill's hours per level step) and divides by the person's own weekly pace, measured
only since they started logging (see `Pace`), or by the weekly goal until there is enough of it.
Readiness, the gap and the forecast are plain SQL (`@reader`, see `planner.services.sql`): the
dashboard shows them on its first paint, before SQLAlchemy has loaded.

Over time (what the roadmap's charts draw): readiness at each month end, and the plan laid out as
dated phases with its milestones. Readiness on a past day uses the level history: the level at
day d is the latest assessment on or before d (0 when there is none), weighed exactly as
`readiness` weighs today's levels. The series is two small queries (the role's asks, its skills'
level changes in date order) and one sweep over the month ends in Python, not a correlated
"latest assessment" subquery per month and skill. These read through the ORM, which they import
inside themselves so that the first paint does not load it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from planner.services.balance import targets
from planner.services.errors import InputError
from planner.services.roadmap import MilestoneRow, milestones, phase_date, phase_months, window_text
from planner.services.sql import Reader, date, reader, rows, value
from planner.services.weeks import add_months
from planner.vocabulary import WEEK_HOURS, WEEKS_A_YEAR
from planner.wording import day_text, hours_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

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


def pace_text(weekly: float) -> str:
    """A weekly pace to a tenth of an hour, or to two figures below that (0.02, not 0.0)."""
    return f"{weekly:.1f}" if weekly >= 0.1 else f"{weekly:.2g}"


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
    if weekly_hours is not None and not 0 < weekly_hours <= WEEK_HOURS:
        raise InputError(f"a weekly pace must be more than 0 and at most {WEEK_HOURS:g} hours")
    own = measured_pace(db, today)
    recent = own.weekly_hours if own.enough else 0.0
    remaining = gap.remaining_hours
    if weekly_hours is not None:
        pace, basis, basis_text = weekly_hours, "what-if", f"at {hours_text(weekly_hours)}/week"
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
        basis_text = f"at your weekly goal of {hours_text(goal)}/week ({why})"
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
        fix = _round_up_half(remaining / (FIX_YEARS * WEEKS_A_YEAR))
        return Forecast(
            remaining,
            pace,
            recent,
            weeks,
            None,
            f"{hours_text(remaining)} to go: more than ten years at this pace ({basis_text}). At "
            f"{hours_text(fix)}/week you would be ready in about {FIX_YEARS} years: try that pace "
            "in the Roadmap's what-if.",
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
        f"{hours_text(remaining)} to go {basis_text}: ready around {day_text(ready)}.",
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


#: The longest readiness series drawn: three years of month ends.
MAX_MONTHS = 36


@dataclass(frozen=True)
class ReadinessPoint:
    on: dt.date
    score: float  # 0..1, as `readiness` computes it
    skills_met: int
    skills_total: int


@dataclass(frozen=True)
class PhaseSpan:
    order: int
    name: str
    start: dt.date
    end: dt.date | None  # None: open-ended ("24+ months")
    focus: str
    done: bool  # its phase milestone is completed
    #: The guide's window for the phase's end, e.g. "6–9 months".
    window: str = ""
    #: When the phase's skills (and every earlier phase's) would be at their level at the pace
    #: the forecast uses; None when there is no such date (no pace, or beyond the horizon).
    pace_end: dt.date | None = None
    #: The pace date is more than the forecast's horizon out.
    pace_beyond: bool = False
    #: Hours of this phase's skills still to learn.
    remaining_hours: float = 0.0
    phase_id: int | None = None

    @property
    def differs(self) -> bool:
        """The plan's end and the pace's differ by more than a fortnight (or the pace has none)."""
        if self.done or self.remaining_hours == 0:
            return False
        if self.end is None or self.pace_end is None:
            return self.pace_beyond
        return abs((self.pace_end - self.end).days) > 14


@dataclass(frozen=True)
class PlanTimeline:
    role_title: str | None
    plan_start: dt.date | None
    today: dt.date
    phases: tuple[PhaseSpan, ...]
    milestones: tuple[MilestoneRow, ...]  # only those with a due date
    #: The pace the phases' pace dates stand on, as the forecast says it ("at your pace of…").
    pace_text: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.phases and not self.milestones


def month_ends(first: dt.date, today: dt.date, limit: int = MAX_MONTHS) -> list[dt.date]:
    """The last day of every month from `first`'s month up to before today's, then today.

    Only the latest `limit` month ends are kept, so the series stays readable.
    """
    ends: list[dt.date] = []
    month = first.replace(day=1)
    while True:
        end = add_months(month, 1) - dt.timedelta(days=1)
        if end >= today:
            break
        ends.append(end)
        month = add_months(month, 1)
    return [*ends[-limit:], today] if first <= today else []


def _target_role_id(session: Session, role_slug: str | None) -> int | None:
    from sqlalchemy import select

    from planner.models import Profile, Role

    if role_slug is None:
        return session.scalar(select(Profile.target_role_id).where(Profile.id == 1))
    return session.scalar(select(Role.id).where(Role.slug == role_slug))


def _asks_with_move_skills(
    session: Session, asks: list[tuple[int, str, int]]
) -> list[tuple[int, str, int]]:
    """Add the skills the move from the current role needs (as `readiness` does): an important
    skill at the move's level, or the higher of the two levels for a skill the role asks too."""
    from sqlalchemy import select

    from planner.models import Skill
    from planner.services.moves import move

    by_id = {skill_id: n for n, (skill_id, _, _) in enumerate(asks)}
    for m in move(session).skills:
        skill_id = session.scalar(select(Skill.id).where(Skill.name == m.name))
        if skill_id is None:
            continue
        if skill_id in by_id:
            n = by_id[skill_id]
            asks[n] = (skill_id, asks[n][1], max(asks[n][2], m.required_level))
        else:
            asks.append((skill_id, "important", m.required_level))
    return asks


def readiness_history(
    session: Session, today: dt.date, role_slug: str | None = None, *, months: int = MAX_MONTHS
) -> list[ReadinessPoint]:
    """Readiness for the target role (or `role_slug`) at each month end since the first level.

    Empty when there is no role, the role asks for no skills, or none of its skills has a
    recorded level yet.
    """
    from sqlalchemy import select

    from planner.models import RoleSkill, SkillAssessment

    role_id = _target_role_id(session, role_slug)
    if role_id is None:
        return []
    asks: Sequence[tuple[int, str, int]] = session.execute(
        select(RoleSkill.skill_id, RoleSkill.importance, RoleSkill.required_level).where(
            RoleSkill.role_id == role_id
        )
    ).all()
    if role_slug is None:  # the target, as readiness counts it: with the move's skills
        asks = _asks_with_move_skills(session, [(s, i, level) for s, i, level in asks])
    changes = session.execute(
        select(SkillAssessment.skill_id, SkillAssessment.assessed_on, SkillAssessment.level)
        .where(
            SkillAssessment.skill_id.in_([skill_id for skill_id, _, _ in asks]),
            SkillAssessment.assessed_on <= today,
        )
        .order_by(SkillAssessment.assessed_on, SkillAssessment.id)
    ).all()
    if not changes:
        return []
    total = sum(WEIGHTS.get(importance, 0) for _, importance, _ in asks)
    levels: dict[int, int] = {}
    points: list[ReadinessPoint] = []
    seen = 0
    for day in month_ends(changes[0].assessed_on, today, months):
        while seen < len(changes) and changes[seen].assessed_on <= day:
            skill_id, _, level = changes[seen]
            levels[skill_id] = level
            seen += 1
        earned, met = 0.0, 0
        for skill_id, importance, required in asks:
            level = levels.get(skill_id, 0)
            earned += WEIGHTS.get(importance, 0) * min(level / required, 1.0)
            met += level >= required
        points.append(ReadinessPoint(day, earned / total if total else 0.0, met, len(asks)))
    return points


def plan_timeline(session: Session, today: dt.date) -> PlanTimeline:
    """The target role's phases as dated spans from the plan start, with every dated milestone."""
    from sqlalchemy import select

    from planner.models import Milestone, Profile, RolePhase

    profile = session.get(Profile, 1)
    dated = tuple(m for m in milestones(session) if m.due_on is not None)
    if profile is None or profile.target_role is None or profile.plan_start is None:
        return PlanTimeline(None, None, today, (), dated)
    role, start = profile.target_role, profile.plan_start
    done_phases = set(
        session.scalars(
            select(Milestone.role_phase_id)
            .join(RolePhase, RolePhase.id == Milestone.role_phase_id)
            .where(RolePhase.role_id == role.id, Milestone.done_on.is_not(None))
        )
    )
    phases = list(role.phases)
    months = phase_months([(p.earliest_month, p.latest_month) for p in phases])
    outlook = forecast(session, today)
    to_learn = _remaining_by_phase(session, role.id)
    # Phases are learned in order: a phase is done at the pace once its skills and every earlier
    # phase's are; skills of no phase count with the last, so its date is the forecast's.
    running, spans = 0.0, []
    for i, (phase, (first, last)) in enumerate(zip(phases, months, strict=True)):
        own = to_learn.get(phase.id, 0.0) + (to_learn.get(None, 0.0) if i == len(phases) - 1 else 0)
        running += own
        pace_end, beyond = _at_pace(today, running, outlook.weekly_hours)
        begins = phase_date(start, first)
        if begins is None:  # a plan start at the calendar's end: nothing left to draw
            break
        spans.append(
            PhaseSpan(
                order=phase.order,
                name=phase.name,
                start=begins,
                end=None if last is None else phase_date(start, last),
                focus=phase.focus,
                done=phase.id in done_phases,
                window=window_text(phase.earliest_month, phase.latest_month),
                pace_end=pace_end,
                pace_beyond=beyond,
                remaining_hours=own,
                phase_id=phase.id,
            )
        )
    return PlanTimeline(role.title, start, today, tuple(spans), dated, outlook.basis_text)


def _remaining_by_phase(session: Session, role_id: int) -> dict[int | None, float]:
    """Hours still to learn for the role's skills, by the phase that teaches them."""
    found: dict[int | None, float] = {}
    for item, phase_id in items_with_phase(session, role_id):
        found[phase_id] = found.get(phase_id, 0.0) + item.remaining_hours
    return found


def _at_pace(today: dt.date, hours: float, weekly: float) -> tuple[dt.date | None, bool]:
    """(date, beyond the horizon) after `hours` of learning at `weekly` hours a week."""
    if hours <= 0:
        return today, False
    if weekly <= 0:
        return None, False
    days = math.ceil(hours / weekly * 7)
    if days > HORIZON_DAYS:
        return None, True
    return today + dt.timedelta(days=days), False
