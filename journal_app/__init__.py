"""Self-Study Journal: a desktop study log, sprint planner and deep-work dashboard."""

__version__ = "0.1.0"
APP_NAME = "Self-Study Journal"
APP_ID = "journal-app"
