"""Fixtures for the journal's browsing widgets."""

from __future__ import annotations

import pytest

from journal_app.services.entries import EntrySummary
from tests.ui.journal.data import journal_entries


@pytest.fixture
def journal() -> list[EntrySummary]:
    return journal_entries()


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch):
    """A real message box would wait forever offscreen: fail instead, saying what it said."""
    from journal_app.ui.journal import prompts

    def refuse(parent, title, text, *rest):
        raise AssertionError(f"unexpected message box: {title}: {text}")

    monkeypatch.setattr(prompts, "confirm", refuse)
    monkeypatch.setattr(prompts, "show_error", refuse)
