"""The data file's tables. Importing this package registers every model on `Base.metadata`."""

from planner.models.balance import BalanceTarget, CalendarMap, WeekHours
from planner.models.base import Base
from planner.models.learning import (
    LearningActivity,
    LearningDay,
    LearningSession,
    activity_skill,
)
from planner.models.milestones import Milestone, WeeklyReview, milestone_skill
from planner.models.network import Contact, Interaction, contact_skill
from planner.models.portfolio import PortfolioItem, portfolio_skill
from planner.models.postings import SavedPosting
from planner.models.profile import AppMeta, Profile
from planner.models.roles import (
    Certification,
    Industry,
    Role,
    RolePhase,
    RoleSalary,
    RoleSkill,
    RoleTransition,
)
from planner.models.skills import Skill, SkillAssessment, UserSkill
from planner.models.timer import RunningTimer

__all__ = [
    "AppMeta",
    "BalanceTarget",
    "Base",
    "CalendarMap",
    "Certification",
    "Contact",
    "Industry",
    "Interaction",
    "LearningActivity",
    "LearningDay",
    "LearningSession",
    "Milestone",
    "PortfolioItem",
    "Profile",
    "Role",
    "RolePhase",
    "RoleSalary",
    "RoleSkill",
    "RoleTransition",
    "RunningTimer",
    "SavedPosting",
    "Skill",
    "SkillAssessment",
    "UserSkill",
    "WeekHours",
    "WeeklyReview",
    "activity_skill",
    "contact_skill",
    "milestone_skill",
    "portfolio_skill",
]
