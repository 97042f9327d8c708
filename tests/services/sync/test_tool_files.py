"""`sync setup` takes a folder that holds only what sync tools and systems keep there
(Syncthing makes `.stfolder` as soon as a folder is shared) as empty, and still refuses
one with the user's own files beside them."""

from __future__ import annotations

import pytest

from journal_app.errors import InvalidInput
from journal_app.services.sync import folder
from tests.services.sync.helpers import Device

LEFT_BY_TOOLS = (
    ".stfolder/",
    ".stignore",
    ".syncthing.notes.md.tmp",
    ".dropbox.cache/",
    ".sync_0a1b2c3d4e5f.db",
    ".DS_Store",
    "desktop.ini",
    "System Volume Information/",
)


def _fill(where, names) -> None:
    where.mkdir()
    for name in names:
        if name.endswith("/"):
            (where / name).mkdir()
        else:
            (where / name).write_bytes(b"")


def test_a_folder_holding_only_sync_tools_files_is_set_up(tmp_path):
    device = Device(tmp_path, "laptop")
    shared = tmp_path / "Sync"
    _fill(shared, LEFT_BY_TOOLS)
    with device.open() as s:
        status = s.sync.setup(shared, "laptop")
        assert s.sync.now().problems == []
    assert folder.is_sync_folder(shared) and status.name == "laptop"
    # Untouched: what the tools keep stays as it was.
    for name in LEFT_BY_TOOLS:
        assert (shared / name.rstrip("/")).exists()


@pytest.mark.parametrize("theirs", ["notes.md", "Photos/", ".stfolder.md", "sync_1.db"])
def test_the_users_own_files_beside_them_are_still_refused(tmp_path, theirs):
    device = Device(tmp_path, "laptop")
    shared = tmp_path / "Sync"
    _fill(shared, (".stfolder/", theirs))
    with device.open() as s, pytest.raises(InvalidInput, match="holds other files"):
        s.sync.setup(shared, "laptop")
    assert not folder.is_sync_folder(shared)


def test_the_dialogs_plan_agrees_with_setup_on_such_a_folder(tmp_path):
    """File ▸ Sync… asks `plan` before setup: it must not refuse what setup takes."""
    device = Device(tmp_path, "laptop")
    shared = tmp_path / "Sync"
    _fill(shared, LEFT_BY_TOOLS)
    with device.open() as s:
        plan = s.sync.plan(shared)
        assert not plan.join
        _fill(shared / "more", ())
        with pytest.raises(InvalidInput, match="holds other files"):
            s.sync.plan(shared)
