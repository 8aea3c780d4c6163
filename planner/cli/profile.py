"""`planner profile [--json] [FIELD=VALUE ...]`: show or change what was chosen at onboarding.

Every assignment is parsed before the data file is touched (a bad field or a value of the wrong
form is one line naming the field and what it accepts, exit 2); what needs the file (a role that
does not exist) is checked inside the one transaction that writes them all, so nothing is
written unless every value is good.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from planner.services.errors import InputError
from planner.services.weeks import parse_date
from planner.vocabulary import STAGES, WEEK_HOURS, WEEKS_A_YEAR, YEAR_HOURS
from planner.wording import hours_text

if TYPE_CHECKING:
    from planner.services.profile import ProfileInfo
    from planner.storage.engine import Database


def _text(field: str, value: str) -> str:
    return value


def _stage(field: str, value: str) -> str:
    if value.strip().lower() not in STAGES:
        raise InputError(f"{field} must be one of {', '.join(STAGES)}, not {value!r}")
    return value.strip().lower()


def _date(field: str, value: str) -> dt.date:
    try:
        return parse_date(value)
    except InputError:
        raise InputError(
            f"{field} must be a date YYYY-MM-DD, e.g. 2026-11-21, not {value!r}"
        ) from None


def _number(field: str, value: str, low: float, high: float, unit: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not low <= number <= high:  # NaN fails too
        raise InputError(f"{field} must be {unit} from {low:g} to {high:g}, not {value!r}")
    return number


def _weekly(field: str, value: str) -> float:
    return _number(field, value, 0, WEEK_HOURS, "hours a week")


def _yearly(field: str, value: str) -> float:
    if value.strip().lower() == "auto":
        return 0.0  # follows the weekly goal
    unit = f"'auto' (the weekly goal x {WEEKS_A_YEAR}) or hours a year"
    return _number(field, value, 0, YEAR_HOURS, unit)


def _contacts(field: str, value: str) -> int:
    number = _number(field, value, 0, 1000, "people reached a month")
    if number != int(number):
        raise InputError(f"{field} must be whole people a month from 0 to 1000, not {value!r}")
    return int(number)


#: FIELD -> (the `edit_profile` keyword, parser). The keys are the names `--json` prints; the
#: short ones are what a person types.
FIELDS: dict[str, tuple[str, Callable[[str, str], Any]]] = {
    "display_name": ("display_name", _text),
    "name": ("display_name", _text),
    "current_role": ("current_role", _text),
    "career_stage": ("career_stage", _stage),
    "stage": ("career_stage", _stage),
    "plan_start": ("plan_start", _date),
    "weekly_learning_goal": ("weekly_learning_goal", _weekly),
    "weekly_goal": ("weekly_learning_goal", _weekly),
    "annual_learning_goal": ("annual_learning_goal", _yearly),
    "yearly_goal": ("annual_learning_goal", _yearly),
    "monthly_contact_goal": ("monthly_contact_goal", _contacts),
    "networking_goal": ("monthly_contact_goal", _contacts),
}
SHOWN = ", ".join(
    ("name", "current_role", "plan_start", "weekly_goal", "yearly_goal", "networking_goal", "stage")
)


def assignment(text: str) -> tuple[str, Any]:
    """'weekly_goal=6' -> ('weekly_learning_goal', 6.0); InputError naming the field."""
    name, sep, value = text.partition("=")
    field = name.strip().lower()
    if not sep or not field:
        raise InputError(f"expected FIELD=VALUE, e.g. weekly_goal=6, not {text!r}")
    if field == "target_role":
        raise InputError("target_role is chosen with 'planner target SLUG'")
    if field not in FIELDS:
        raise InputError(f"unknown field {field!r}; fields: {SHOWN}")
    key, parse = FIELDS[field]
    return key, parse(field, value)


def add_command(sub: argparse._SubParsersAction, arg: Callable) -> None:
    p = sub.add_parser("profile", help="show or change your profile (name, roles, goals, stage)")
    p.add_argument("values", nargs="*", type=arg(assignment), metavar="FIELD=VALUE")
    p.add_argument("--json", action="store_true")


def profile_json(info: ProfileInfo) -> dict[str, Any]:
    data = asdict(info)
    data["plan_start"] = info.plan_start.isoformat() if info.plan_start else None
    return data


def cmd_profile(db: Database, args: argparse.Namespace) -> None:
    from planner.services import profile

    changes = dict(args.values)
    with db.session() as s:
        info = profile.edit_profile(s, **changes) if changes else profile.profile_info(s)
    if args.json:
        print(json.dumps(profile_json(info), indent=2, ensure_ascii=False))
        return
    role = lambda title, slug: f"{title} ({slug})" if slug else "—"  # noqa: E731
    yearly = hours_text(info.annual_learning_goal) + (
        f" (the weekly goal x {WEEKS_A_YEAR})" if info.annual_goal_follows_weekly else ""
    )
    for label, text in (
        ("Name", info.display_name or "—"),
        ("Current role", role(info.current_role_title, info.current_role)),
        ("Target role", role(info.target_role_title, info.target_role)),
        ("Career stage", info.career_stage),
        ("Plan start", info.plan_start.isoformat() if info.plan_start else "—"),
        ("Weekly learning goal", hours_text(info.weekly_learning_goal)),
        ("Yearly learning goal", yearly),
        ("Networking goal", f"{info.monthly_contact_goal} people reached a month"),
    ):
        print(f"{label + ':':<22} {text}")
    if changes:
        print(f"Saved {len(changes)} change{'s' * (len(changes) != 1)}.")
