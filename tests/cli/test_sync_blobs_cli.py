"""`sync now` carries a pasted image to the other journal and says so."""

from __future__ import annotations

import datetime as dt
import io

from journal_app.config import check_data_dir
from journal_app.services import Services
from tests.cli.helpers import run_main
from tests.services.sync.test_blobs import _png


def _run(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = run_main(*args)
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    return code, out


def test_an_image_reaches_the_other_journal_through_sync_now(tmp_path, monkeypatch, capsys):
    laptop, desktop, shared = tmp_path / "laptop", tmp_path / "desktop", tmp_path / "Sync"
    for where, name in ((laptop, "laptop"), (desktop, "desktop")):
        code, _ = _run(
            monkeypatch, capsys, "sync", "setup", str(shared), "--name", name,
            "--data-dir", str(where),
        )  # fmt: skip
        assert code == 0
    image = _png(12)
    with Services.open(check_data_dir(laptop, create=False)) as s:
        entry = s.entries.create(day=dt.date(2026, 11, 2), title="Plot")
        url = s.attachments.add_image(entry.id, image).url
        s.entries.update(entry.id, expected_rev=entry.rev, body=f"![plot]({url})")
    code, out = _run(monkeypatch, capsys, "sync", "now", "--data-dir", str(laptop))
    assert code == 0
    assert "Attachments: 1 sent, 0 received, 0 waiting for their file." in out
    code, out = _run(monkeypatch, capsys, "sync", "now", "--data-dir", str(desktop))
    assert code == 0
    assert "Attachments: 0 sent, 1 received, 0 waiting for their file." in out
    with Services.open(check_data_dir(desktop, create=False)) as s:
        assert s.attachments.read(url) == image
