"""The Today view's parts: day navigator, figures, sessions, sleep and day, outputs.

`journal_app.ui.today.page.TodayPage` puts them together; every figure comes from
`services.stats.day_summary` (the same function `journal-app day --json` reads).
"""
