"""`journal-app info`: the quickest way for a user to find their data."""

from __future__ import annotations

import datetime as dt
import json

from journal_app.cli import main
from journal_app.config import DATA_DIR_ENV, check_data_dir
from journal_app.db.migrations import LATEST_VERSION
from journal_app.services import Services


def test_info_json_on_a_first_run_creates_the_journal(capsys, tmp_path):
    target = tmp_path / "journal"
    assert main(["info", "--json", "--data-dir", str(target)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["data_dir"] == str(target)
    assert info["database"] == str(target / "journal.sqlite3")
    assert info["schema_version"] == LATEST_VERSION
    assert info["entries"] == 0
    assert (target / "journal.sqlite3").is_file()


def test_info_counts_what_the_journal_holds(capsys, tmp_path, monkeypatch):
    paths = check_data_dir(tmp_path / "journal", create=True)
    with Services.open(paths) as services:
        for n in range(3):
            services.entries.create(day=dt.date(2026, 1, n + 1), title=f"Day {n}")
    monkeypatch.setenv(DATA_DIR_ENV, str(paths.root))  # honoured without --data-dir
    assert main(["info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert (info["entries"], info["sessions"], info["sprints"]) == (3, 0, 0)


def test_data_dir_option_wins_over_the_environment(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert main(["info", "--json", "--data-dir", str(tmp_path / "from-option")]) == 0
    assert json.loads(capsys.readouterr().out)["data_dir"] == str(tmp_path / "from-option")
    assert not (tmp_path / "from-env").exists()


def test_data_dir_option_is_accepted_before_the_subcommand(capsys, tmp_path):
    assert main(["--data-dir", str(tmp_path / "j"), "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["data_dir"] == str(tmp_path / "j")


def test_default_data_dir_is_the_platform_user_data_dir(capsys, tmp_path):
    # conftest points XDG_DATA_HOME into tmp; parents are created for the default.
    assert main(["info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["data_dir"].startswith(str(tmp_path.parent)) or "journal-app" in info["data_dir"]
    assert info["data_dir"].endswith("journal-app")


def test_info_human_readable(capsys, tmp_path):
    assert main(["info", "--data-dir", str(tmp_path / "j")]) == 0
    out = capsys.readouterr().out
    assert "Data folder" in out and "Schema version" in out and str(tmp_path / "j") in out


def test_version(capsys):
    import pytest

    from journal_app import __version__

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"journal-app {__version__}"
