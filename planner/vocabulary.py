"""The words the data file allows (its CHECK constraints) and the wellbeing plan's defaults.

Plain tuples with no SQLAlchemy behind them, so that code which reads the file with the standard
library alone (the window's first paint, see `planner.ui.launch`) can use them too.
"""

TRACKS = ("technical", "specialized", "business", "leadership")
STAGES = ("entry", "mid", "senior", "executive")
IMPORTANCES = ("essential", "important", "useful")
ACTIVITY_KINDS = ("course", "book", "project", "certification", "article", "mentoring", "other")
ACTIVITY_STATUSES = ("planned", "in_progress", "done", "dropped")
PRIORITIES = ("high", "medium", "low")
RELATIONSHIPS = ("mentor", "mentee", "peer", "manager", "recruiter", "other")
CHANNELS = ("meeting", "call", "video", "email", "message", "event", "other")
MILESTONE_KINDS = ("phase", "skill", "certification", "networking", "interview", "custom")
#: The roadmap guide's pitfalls the app can see in the data, in the order it looks for them.
PITFALL_KEYS = ("no_learning", "no_contacts", "no_portfolio")
#: A portfolio project's state; only shipped ("done") work counts as evidence for a skill.
PORTFOLIO_STATUSES = ("idea", "in_progress", "done")
#: Categories typed by the person each week; learning is derived from sessions.
TYPED_CATEGORIES = ("work", "exercise", "social", "rest")
CATEGORIES = ("work", "learning", "exercise", "social", "rest")
SOURCES = ("catalog", "user")

#: The wellbeing plan's weekly defaults, in hours: a category whose target was never set has
#: its default. The weekly learning goal is the `learning` target.
DEFAULT_TARGETS = {"work": 40.0, "learning": 5.0, "exercise": 3.0, "social": 5.0, "rest": 8.0}
#: A yearly learning goal of 0 is none of its own: it follows the weekly goal x WEEKS_A_YEAR.
DEFAULT_ANNUAL_LEARNING_HOURS = 0.0
WEEKS_A_YEAR = 52
#: The networking plan's habit: reach out to two connections a month.
DEFAULT_MONTHLY_CONTACT_GOAL = 2
#: Days a contact may go without an interaction before a follow-up is due, unless set for them,
#: and the longest such cadence.
DEFAULT_CADENCE_DAYS = 60
MAX_CADENCE_DAYS = 3650
#: Hours of learning that one level step of a skill takes, where the catalog does not say.
DEFAULT_HOURS_PER_LEVEL = 20.0

#: The most hours a day and a week can hold, in every category together: `planner check` reports
#: a file that passes them, and every entry (window, command line, import) refuses to.
DAY_HOURS = 24.0
WEEK_HOURS = 7 * DAY_HOURS
#: The hours of the longest month and of a year: the most a month's plan or a year's goal can ask.
MONTH_HOURS = 31 * DAY_HOURS
YEAR_HOURS = 365 * DAY_HOURS

#: What an action in the window changed, so that each screen refreshes only for what it shows
#: (`planner.storage.undo` reads them off the tables an action wrote).
CHANGE_KINDS = (
    "learning",
    "skills",
    "milestones",
    "contacts",
    "balance",
    "profile",
    "review",
    "portfolio",
    "postings",
    "catalog",
    "timer",
)
