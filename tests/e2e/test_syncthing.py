"""Two journals synced by two real Syncthing daemons on loopback (issue #15, end to end).

A laptop and a desktop, each with its own Syncthing and its own copy of one shared
folder, set up with `journal-app sync setup`. Both edit while the daemons do not see
each other (each has paused the other through the REST API): the same entry in
different paragraphs, a title on one side, tags on the other, a new entry on each.
Then the daemons resume, and `sync now` on both machines (with Syncthing carrying the
files in between) ends with both journals holding the same rows, merged. What Syncthing
leaves in the folder — `.stfolder`, `.syncthing.*.tmp`, a real `*.sync-conflict-*`
copy — is there all along and `sync now` reports no problem with it.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from journal_app.config import check_data_dir
from journal_app.services import Services
from tests.cli.helpers import run_main
from tests.e2e.syncthing import Daemon, in_step, syncthing_binary, wait_until

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        syncthing_binary() is None,
        reason="syncthing is not installed (apt-get install syncthing; .ci/run installs it)",
    ),
]

ROUNDS = 6  # `sync now` on both, then Syncthing carries the files; two rounds suffice
P1, P2, P3 = (
    "Attention weighs every token against every other.",
    "The softmax makes the weights sum to one.",
    "Next: multi-head attention.",
)


@pytest.fixture
def daemons(tmp_path: Path):
    """Two Syncthing daemons sharing one folder, connected and in step; stopped at the
    end through the API (killed if that fails)."""
    laptop = Daemon(tmp_path / "laptop-syncthing", "laptop", tmp_path / "laptop-Sync")
    desktop = Daemon(tmp_path / "desktop-syncthing", "desktop", tmp_path / "desktop-Sync")
    for folder in (laptop.folder, desktop.folder):
        folder.mkdir()
    laptop.configure(desktop)
    desktop.configure(laptop)
    started: list[Daemon] = []
    try:
        for daemon in (laptop, desktop):
            daemon.start()
            started.append(daemon)
        settle(laptop, desktop)
        yield laptop, desktop
    finally:
        for daemon in started:
            daemon.stop()


def settle(a: Daemon, b: Daemon) -> None:
    """Index both folders now and wait until Syncthing has carried every file across."""
    for daemon in (a, b):
        daemon.scan()
    wait_until(lambda: in_step(a, b), "both Syncthing folders in step", [a, b])


class Journal:
    """One machine's journal, driven through the command line in this process."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
        self.root, self._monkeypatch, self._capsys = root, monkeypatch, capsys

    def run(self, *args: str, stdin: str = "") -> str:
        self._monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = run_main(*args, "--data-dir", str(self.root))
        out, err = self._capsys.readouterr()
        assert code == 0 and "Traceback" not in err, (args, code, out, err)
        return out

    def sync_now(self) -> dict[str, Any]:
        return json.loads(self.run("sync", "now", "--json"))

    def state(self) -> str:
        with Services.open(check_data_dir(self.root, create=False)) as services:
            return services.sync.export_state()


def sync_until_equal(
    journals: tuple[Journal, Journal], daemons: tuple[Daemon, Daemon]
) -> list[dict[str, Any]]:
    """`sync now` on both, Syncthing in between, until neither sends anything and both
    journals hold the same rows; the last reports."""
    for _ in range(ROUNDS):
        reports = [journal.sync_now() for journal in journals]
        settle(*daemons)
        quiet = all(r["sent"] == 0 and r["waiting"] == 0 for r in reports)
        if quiet and journals[0].state() == journals[1].state():
            return reports
    raise AssertionError(f"not equal after {ROUNDS} rounds of `sync now`: {reports}")


def test_two_journals_merge_through_syncthing(daemons, tmp_path, monkeypatch, capsys):
    st_laptop, st_desktop = daemons
    laptop = Journal(tmp_path / "laptop-journal", monkeypatch, capsys)
    desktop = Journal(tmp_path / "desktop-journal", monkeypatch, capsys)
    # Syncthing made its folder marker first, as it does for a folder shared in its GUI.
    assert (st_laptop.folder / ".stfolder").is_dir()
    for journal, daemon, name in ((laptop, st_laptop, "laptop"), (desktop, st_desktop, "desktop")):
        out = journal.run("sync", "setup", str(daemon.folder), "--name", name)
        assert "syncs through" in out

    body = f"{P1}\n\n{P2}\n\n{P3}"
    entry = laptop.run("new", "--title", "Attention", "--tag", "ml", stdin=body).strip()
    sync_until_equal((laptop, desktop), daemons)
    (hit,) = json.loads(desktop.run("search", "Attention", "--json"))
    there = str(hit["id"])
    assert desktop.run("show", there) == f"{P1}\n\n{P2}\n\n{P3}\n"

    # Offline: both daemons pause the shared folder, so nothing crosses until they resume.
    for daemon in daemons:
        daemon.pause_folder()
    wait_until(
        lambda: all(d.folder_paused() for d in daemons),
        "the shared folder paused on both daemons",
        list(daemons),
    )
    laptop_id = json.loads(laptop.run("sync", "status", "--json"))["device"]
    laptop_dir_there = st_desktop.folder / "devices" / laptop_id
    # A real Syncthing conflict: the desktop's copy of the laptop's device.json changes
    # (reformatted, still valid) before the laptop writes its own newer one.
    device_file = laptop_dir_there / "device.json"
    device_file.write_text(json.dumps(json.loads(device_file.read_text()), indent=2))
    # A pull Syncthing was in the middle of: its temporary file, half written.
    (laptop_dir_there / ".syncthing.seg-00000099.json.tmp").write_text('{"format": 1, "cha')

    laptop_body = f"{P1} Q, K, V.\n\n{P2}\n\n{P3}"
    laptop.run("edit", entry, "--title", "Attention, revised", stdin=laptop_body)
    laptop.run("new", "--title", "Laptop day", stdin="Read the paper on the train.")
    desktop_body = f"{P1}\n\n{P2}\n\n{P3} Then GPT."
    desktop.run("edit", there, "--tag", "ml", "--tag", "reading", stdin=desktop_body)
    desktop.run("new", "--title", "Desktop day", stdin="Derived the gradient by hand.")
    sent = {}
    for journal in (laptop, desktop):
        report = journal.sync_now()
        assert report["sent"] > 0 and report["problems"] == []
        sent[journal] = report["segment"]
    # Nothing crossed while paused: the laptop's new file is not in the desktop's folder.
    assert not (laptop_dir_there / f"seg-{sent[laptop]:08d}.json").exists()
    assert laptop.state() != desktop.state()
    for daemon in daemons:
        daemon.resume_folder()
    sync_until_equal((laptop, desktop), daemons)

    # Syncthing's conflict copy is in both folders now (they hold the same files); with it
    # and the temporary file there, `sync now` has nothing to do and no problem to report.
    conflicts = sorted(p.name for p in laptop_dir_there.glob("device.sync-conflict-*"))
    assert len(conflicts) == 1, sorted(p.name for p in laptop_dir_there.iterdir())
    assert (st_laptop.folder / "devices" / laptop_id / conflicts[0]).is_file()
    after = [journal.sync_now() for journal in (laptop, desktop)]
    for report in after:
        assert (report["sent"], report["applied_changes"], report["problems"]) == (0, 0, [])
    assert after[0]["ignored"] >= 1  # the conflict copy
    assert after[1]["ignored"] >= 2  # the conflict copy and the temporary file

    merged = f"{P1} Q, K, V.\n\n{P2}\n\n{P3} Then GPT.\n"
    assert laptop.run("show", entry) == merged
    assert desktop.run("show", there) == merged
    for journal in (laptop, desktop):
        titles = {hit["title"]: sorted(hit["tags"]) for hit in _all(journal)}
        assert titles == {
            "Attention, revised": ["ml", "reading"],
            "Laptop day": [],
            "Desktop day": [],
        }


def _all(journal: Journal) -> list[dict[str, Any]]:
    hits = []
    for word in ("attention", "day"):
        hits += json.loads(journal.run("search", word, "--json"))
    return hits
