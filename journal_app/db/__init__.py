"""Persistence: peewee models, connection and pragmas, migrations, backups, search index.

Everything engine-specific (SQLite pragmas, FTS5, the backup API) stays in this package
behind small functions, so another engine can implement them later.
"""
