"""An export is written under a temporary name and renamed when complete: one that fails
half way leaves what was there before, and no temporary file or folder."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.errors import JournalError
from journal_app.services.transfer.service import TransferService


class Interrupted(JournalError):
    pass


def _failing_after(calls: int):
    seen = []

    def progress(done: int, total: int, what: str) -> None:
        seen.append(what)
        if len(seen) > calls:
            raise Interrupted("the disk went away")

    return progress


@pytest.fixture
def here(tmp_path):
    """An empty folder to export into (the journal's own folder is in tmp_path)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture
def transfer(journal):
    for day in range(1, 80):
        journal.entries.create(
            day=dt.date(2026, 1, 1) + dt.timedelta(days=day), title=f"D{day}", visibility="public"
        )
    return TransferService(journal)


@pytest.mark.parametrize("fmt", ["markdown", "hugo", "csv"])
def test_a_folder_export_that_fails_leaves_no_folder(transfer, here, fmt):
    out = here / "export"
    with pytest.raises(Interrupted):
        transfer.export_to(fmt, out, progress=_failing_after(1))
    assert list(here.iterdir()) == []
    out.mkdir()  # then into an empty folder, which it fills
    result = transfer.export_to(fmt, out)
    assert result.path == out and any(out.iterdir())
    assert [p.name for p in here.iterdir()] == ["export"]


def test_a_forced_export_that_fails_leaves_the_old_file(transfer, here):
    out = here / "journal.json"
    out.write_text("the old export\n")
    with pytest.raises(Interrupted):
        transfer.export_to("json", out, progress=_failing_after(2), force=True)
    assert out.read_text() == "the old export\n"
    assert [p.name for p in here.iterdir()] == ["journal.json"]
