"""Career Planner: a private desktop planner for AI/ML careers over one local SQLite file."""

__version__ = "0.1.0"
