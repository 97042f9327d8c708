"""Persistence: peewee models, connection and pragmas, migrations, backups, search index.

Everything engine-specific (SQLite pragmas, FTS5, the backup API) stays in this package
behind small functions, so another engine can implement them later.
"""

# Installed before any connection of this process exists (see its module doc).
from journal_app.db import live_files as _live_files  # noqa: F401
