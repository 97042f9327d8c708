"""Help ▸ Keyboard Shortcuts…: every shortcut of the window, found on its actions (never a
hand-kept list), searchable and changeable; changes are kept per machine and applied at
start (``catalog.py``), the dialog is in ``dialog.py``."""
