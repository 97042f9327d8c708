"""The demo journal is written on a plain and on an encrypted journal, as in tests/services."""

from tests.services.conftest import journal_kind

__all__ = ["journal_kind"]
