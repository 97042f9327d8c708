"""`sync setup|now|status|leave` and `edit`, run as a user would."""

from __future__ import annotations

import io
import json

from journal_app.config import check_data_dir
from journal_app.services import Services
from tests.cli.helpers import one_error_line, run_main


def _run(monkeypatch, capsys, *args: str, stdin: str = "") -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run_main(*args)
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    return code, out


def test_two_journals_sync_through_a_folder(tmp_path, monkeypatch, capsys):
    laptop, desktop, shared = tmp_path / "laptop", tmp_path / "desktop", tmp_path / "Sync"
    for where, name in ((laptop, "laptop"), (desktop, "desktop")):
        code, out = _run(
            monkeypatch,
            capsys,
            "sync",
            "setup",
            str(shared),
            "--name",
            name,
            "--data-dir",
            str(where),
        )
        assert code == 0 and "syncs through" in out
    _run(
        monkeypatch, capsys, "new", "--title", "Day 1", "--data-dir", str(laptop), stdin="Backprop"
    )
    code, out = _run(monkeypatch, capsys, "sync", "now", "--json", "--data-dir", str(laptop))
    sent = json.loads(out)
    assert code == 0 and sent["sent"] > 0 and sent["segment"] == 1 and sent["problems"] == []
    code, out = _run(monkeypatch, capsys, "sync", "now", "--data-dir", str(desktop))
    assert code == 0 and "from 1 files" in out
    assert f"Backed up first (a large or first merge): {desktop / 'backups'}" in out
    code, out = _run(monkeypatch, capsys, "show", "1", "--data-dir", str(desktop))
    assert out == "Backprop\n"  # show ends its output with a newline
    code, out = _run(monkeypatch, capsys, "sync", "status", "--json", "--data-dir", str(desktop))
    status = json.loads(out)
    assert status["name"] == "desktop" and status["changes_waiting"] == 0
    assert [(d["name"], d["applied"], d["written"]) for d in status["devices"]] == [
        ("laptop", 1, 1)
    ]
    code, out = _run(monkeypatch, capsys, "sync", "leave", "--data-dir", str(desktop))
    assert code == 0
    code, _ = _run(monkeypatch, capsys, "sync", "now", "--data-dir", str(desktop))
    assert code == 2


def test_sync_now_before_setup_says_what_to_do(tmp_path, monkeypatch, capsys):
    Services.open(check_data_dir(tmp_path / "j", create=True)).close()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert run_main("sync", "now", "--data-dir", str(tmp_path / "j")) == 2
    assert "run `sync setup FOLDER` first" in one_error_line(capsys)


def test_edit_replaces_the_body_and_keeps_the_previous_text(tmp_path, monkeypatch, capsys):
    journal = str(tmp_path / "j")
    _run(
        monkeypatch,
        capsys,
        "new",
        "--title",
        "Draft",
        "--tag",
        "ml",
        "--data-dir",
        journal,
        stdin="v1",
    )
    code, out = _run(
        monkeypatch,
        capsys,
        "edit",
        "1",
        "--title",
        "Final",
        "--tag",
        "nlp",
        "--data-dir",
        journal,
        stdin="v2\n",
    )
    assert (code, out) == (0, "1\n")
    with Services.open(check_data_dir(tmp_path / "j", create=False)) as services:
        entry = services.entries.get(1)
        assert (entry.title, entry.body, entry.tags, entry.rev) == ("Final", "v2", ["nlp"], 2)
        (revision,) = services.entries.history(1)
        assert (revision.reason, services.entries.revision(revision.id).body) == (
            "before edit",
            "v1",
        )


def test_edit_of_a_missing_entry_is_one_line(tmp_path, monkeypatch, capsys):
    Services.open(check_data_dir(tmp_path / "j", create=True)).close()
    monkeypatch.setattr("sys.stdin", io.StringIO("text"))
    assert run_main("edit", "7", "--data-dir", str(tmp_path / "j")) == 2
    assert "there is no entry 7" in one_error_line(capsys)
