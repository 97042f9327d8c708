"""The sprint planner's widgets: the board (backlog, To do, Doing, Done), the timeline,
the burn-up, and the sprint, task and close-sprint dialogs. `ui.sprints.page` puts
them together; every figure comes from `services.planning`."""
