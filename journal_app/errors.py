"""Errors a user can act on: each carries one clear line, shown instead of a traceback."""


class JournalError(Exception):
    """Base for problems we explain to the user in one line (CLI) or a dialog (GUI)."""

    exit_code = 1


class DataDirError(JournalError):
    """The data directory cannot be used (missing parent, a file, read-only...)."""


class DatabaseRefused(JournalError):
    """A database file we will not write to: not ours, damaged, or from a newer version."""


class NewerSchemaError(DatabaseRefused):
    """The database was written by a newer version of the app."""


class InstanceLockedError(JournalError):
    """Another instance already has this data directory open."""


class InvalidInput(JournalError):
    """A value given by the user (form field, CLI argument) is not acceptable."""

    exit_code = 2


class StorageError(JournalError):
    """SQLite could not finish a write for a reason outside the journal: another
    program holds the lock, the disk is full, the folder is read-only, an I/O error.
    The journal is not damaged and nothing of the change was saved."""


class JournalBusy(StorageError):
    """Another process held the journal's write lock for longer than busy_timeout."""

    exit_code = 75  # EX_TEMPFAIL: try again


class DiskFull(StorageError):
    """The disk (or the user's quota) is full."""


class ReadOnlyJournal(StorageError):
    """The journal's file or folder cannot be written."""


class JournalReplaced(StorageError):
    """The journal file was swapped for a new one (encrypt, decrypt, restore) by another
    process while this one had it open: what it wrote went into the old file."""

    exit_code = 75  # EX_TEMPFAIL: run it again
