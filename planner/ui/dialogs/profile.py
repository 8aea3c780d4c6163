"""The Profile dialog: change anything chosen at onboarding (name, current role, career stage,
plan start, weekly and yearly learning goal, networking goal), saved as one action.

Opened from Edit › Profile… and from the dashboard's cards. It saves only what changed, with one
`ctx.write` of `profile.edit_profile` (the same call as `planner profile FIELD=VALUE`), so a value
refused there leaves every field as it was and the dialog open with what was typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from planner.services import profile, roles
from planner.services.profile import PLAN_START_RANGE, ProfileInfo
from planner.ui.context import AppContext
from planner.ui.dialogs.base import FormDialog
from planner.ui.forms import edits_data, to_qdate
from planner.vocabulary import STAGES, WEEKS_A_YEAR, YEAR_HOURS
from planner.wording import hours_text

NO_ROLE = "(not in the catalog / student)"


class ProfileDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "Profile", parent)
        self.info: ProfileInfo = ctx.read(profile.profile_info)
        info = self.info

        self.name = QLineEdit(info.display_name)
        self.name.setPlaceholderText("Your name")
        self.name.setMaxLength(profile.MAX_NAME)
        self.current = QComboBox()
        self.current.addItem(NO_ROLE, "")
        for role in sorted(ctx.read(roles.list_roles), key=lambda r: r.title.casefold()):
            self.current.addItem(role.title, role.slug)
        self.current.setCurrentIndex(max(self.current.findData(info.current_role or ""), 0))
        self.current.setAccessibleName("Current role")
        self.stage = QComboBox()
        for stage in STAGES:
            self.stage.addItem(stage.capitalize(), stage)
        self.stage.setCurrentIndex(max(self.stage.findData(info.career_stage), 0))
        self.stage.setAccessibleName("Career stage")
        self.plan_start = QDateEdit(to_qdate(info.plan_start or ctx.today()))
        self.plan_start.setCalendarPopup(True)
        self.plan_start.setDisplayFormat("yyyy-MM-dd")
        self.plan_start.setDateRange(*(to_qdate(d) for d in PLAN_START_RANGE))
        self.plan_start.setToolTip(
            "Phases, their milestones and the yearly goal's expectations count from here"
        )
        self.weekly = QDoubleSpinBox()
        self.weekly.setRange(0.0, 80.0)
        self.weekly.setSingleStep(0.5)
        self.weekly.setSuffix(" h/week")
        self.weekly.setValue(info.weekly_learning_goal)
        self.weekly.setAccessibleName("Weekly learning goal")
        self.yearly = QDoubleSpinBox()
        self.yearly.setRange(0.0, YEAR_HOURS)
        self.yearly.setDecimals(0)
        self.yearly.setSingleStep(10)
        self.yearly.setSuffix(" h/year")
        self.yearly.setAccessibleName("Yearly learning goal")
        self.yearly.setToolTip(
            f"At the lowest value the yearly goal follows the weekly goal × {WEEKS_A_YEAR}"
        )
        self.yearly.setValue(0.0 if info.annual_goal_follows_weekly else info.annual_learning_goal)
        self.contacts = QSpinBox()
        self.contacts.setRange(0, 1000)
        self.contacts.setSuffix(" people a month")
        self.contacts.setValue(info.monthly_contact_goal)
        self.contacts.setAccessibleName("Networking goal")
        self.weekly.valueChanged.connect(self._follow_text)
        self._follow_text()
        target = QLabel(
            f"{info.target_role_title} — change it on the Roadmap (Explore roles)"
            if info.target_role_title
            else "None yet — choose one on the Roadmap (Explore roles)"
        )
        target.setWordWrap(True)

        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Current role", self.current)
        form.addRow("Career &stage", self.stage)
        form.addRow("Target role", target)
        form.addRow("&Plan starts", self.plan_start)
        form.addRow("&Weekly learning goal", self.weekly)
        form.addRow("&Yearly learning goal", self.yearly)
        form.addRow("N&etworking goal", self.contacts)
        edits_data(self.lay_out(form))
        self.setMinimumWidth(460)
        self.name.setFocus()

    def _follow_text(self) -> None:
        """The yearly box's lowest value reads as what it means: the weekly goal × 52."""
        follows = self.weekly.value() * WEEKS_A_YEAR
        self.yearly.setSpecialValueText(
            f"Weekly goal × {WEEKS_A_YEAR} ({hours_text(follows)}/year)"
        )

    def changes(self) -> dict[str, Any]:
        """The fields that differ from what the file holds, as `edit_profile` takes them."""
        info = self.info
        chosen: dict[str, Any] = {
            "display_name": self.name.text().strip(),
            "current_role": self.current.currentData() or "",
            "career_stage": self.stage.currentData(),
            "plan_start": _date(self.plan_start.date()),
            "weekly_learning_goal": self.weekly.value(),
            "annual_learning_goal": self.yearly.value(),
            "monthly_contact_goal": self.contacts.value(),
        }
        held: dict[str, Any] = {
            "display_name": info.display_name,
            "current_role": info.current_role or "",
            "career_stage": info.career_stage,
            # A file without a plan start shows today's date: written only if changed.
            "plan_start": info.plan_start or self.ctx.today(),
            "weekly_learning_goal": info.weekly_learning_goal,
            "annual_learning_goal": 0.0
            if info.annual_goal_follows_weekly
            else info.annual_learning_goal,
            "monthly_contact_goal": info.monthly_contact_goal,
        }
        return {k: v for k, v in chosen.items() if v != held[k]}

    def save(self) -> None:
        """Save what changed, in one write; nothing changed writes nothing."""
        changes = self.changes()
        if changes:
            self.ctx.write("edit the profile", profile.edit_profile, **changes)
            self.ctx.status.emit("Profile saved")


def _date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def open_profile(ctx: AppContext, parent: QWidget | None = None) -> bool:
    """Show the Profile dialog; True when something was saved."""
    return ProfileDialog(ctx, parent).exec() == QDialog.DialogCode.Accepted
