"""Edit ▸ Preferences… (Ctrl+,): one dialog for the app's choices, one page each.

The pages are listed in ``registry.py`` (``add_page``); the built-in ones (Editor,
Appearance, Targets, Focus timer, Backups) register themselves when ``dialog.py`` loads,
which happens when the dialog is first opened.
"""
