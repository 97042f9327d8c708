"""Qt widgets, dialogs and item models. Calls journal_app.services only, never the db."""
