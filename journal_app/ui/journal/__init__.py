"""Widgets for browsing the journal: the grouped entry list, the calendar, "On this day",
the trash and the history dialogs. Each takes plain data and emits signals; the Journal
page composes them. Import the modules directly (nothing here is needed at start-up)."""
