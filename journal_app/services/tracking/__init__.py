"""Tracking (issue #4): deep-work sessions, the focus timer, sleep and day logs,
categories, skills, outputs, resources and the statistics built on them.

Each service lives in its own module and is built on first use by `Services`
(services/facade.py); nothing here is imported at start-up. `timeutil` and `pomodoro`
import neither the database nor Qt.
"""
