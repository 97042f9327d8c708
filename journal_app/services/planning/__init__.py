"""The sprint planner: sprints, the backlog and the board, capacity suggestions, the
timeline, the burn-up and closing a sprint with its review. Qt-free.

Use `planning_of(services)`; `services.sprints` (services/sprints.py) stays the small
read-only view the editor, templates and pickers use.
"""

from journal_app.services.planning.service import PlanningService, planning_of

__all__ = ["PlanningService", "planning_of"]
