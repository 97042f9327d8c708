"""Bad input on the command line: one clear line on stderr, non-zero exit, nothing written."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from journal_app.cli import main
from journal_app.config import DATA_DIR_ENV
from journal_app.db.file_check import APPLICATION_ID
from journal_app.db.migrations import LATEST_VERSION
from tests.cli.helpers import one_error_line


def _tree(root: Path) -> dict[str, str]:
    """Every file under root with its content hash: 'nothing was written' made checkable."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "/"
        for p in sorted(root.rglob("*"))
    }


def test_unknown_argument(capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["--frobnicate", "--data-dir", str(tmp_path / "d")])
    assert exit_info.value.code == 2
    assert "unrecognized arguments: --frobnicate" in one_error_line(capsys, stdout_empty=False)
    assert not (tmp_path / "d").exists()


def test_unknown_subcommand(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'frobnicate'" in one_error_line(capsys, stdout_empty=False)


def test_bad_option_value(capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--years", "zero", "--data-dir", str(tmp_path / "d")])
    assert exit_info.value.code == 2
    assert "'zero' is not a whole number" in one_error_line(capsys, stdout_empty=False)
    assert not (tmp_path / "d").exists()


def test_data_dir_whose_parent_is_missing(capsys, tmp_path):
    target = tmp_path / "no-such-parent" / "journal"
    assert main(["info", "--data-dir", str(target)]) == 1
    line = one_error_line(capsys, stdout_empty=False)
    assert "its parent" in line and "does not exist" in line
    assert list(tmp_path.iterdir()) == []


def test_data_dir_from_environment_with_missing_parent(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "nope" / "journal"))
    assert main(["info"]) == 1
    assert "does not exist" in one_error_line(capsys, stdout_empty=False)
    assert list(tmp_path.iterdir()) == []


def test_read_only_data_dir(capsys, tmp_path):
    target = tmp_path / "journal"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    before = _tree(target)
    target.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert main(["info", "--data-dir", str(target)]) == 1
        assert "read-only" in one_error_line(capsys, stdout_empty=False)
    finally:
        target.chmod(0o755)
    assert _tree(target) == before


def test_read_only_parent_of_a_new_data_dir(capsys, tmp_path):
    parent = tmp_path / "locked"
    parent.mkdir()
    parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert main(["info", "--data-dir", str(parent / "journal")]) == 1
        assert "read-only" in one_error_line(capsys, stdout_empty=False)
    finally:
        parent.chmod(0o755)
    assert list(parent.iterdir()) == []


def test_a_file_where_the_data_dir_should_be(capsys, tmp_path):
    target = tmp_path / "journal"
    target.write_text("not a folder")
    assert main(["info", "--data-dir", str(target)]) == 1
    assert "is a file, not a folder" in one_error_line(capsys, stdout_empty=False)
    assert target.read_text() == "not a folder"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Dear diary,\n" * 100, "not an SQLite file"),
        (b"", "empty (0 bytes)"),
    ],
    ids=["text", "zero-bytes"],
)
def test_a_database_file_that_is_not_a_database(capsys, tmp_path, content, message):
    target = tmp_path / "journal"
    target.mkdir()
    (target / "journal.sqlite3").write_bytes(content)
    before = _tree(target)
    assert main(["info", "--data-dir", str(target)]) == 1
    assert message in one_error_line(capsys, stdout_empty=False)
    assert _tree(target) == before


def test_a_newer_schema(capsys, tmp_path):
    target = tmp_path / "journal"
    target.mkdir()
    conn = sqlite3.connect(target / "journal.sqlite3")
    conn.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    before = _tree(target)
    assert main(["info", "--data-dir", str(target)]) == 1
    line = one_error_line(capsys, stdout_empty=False)
    assert "newer version of Self-Study Journal" in line and "left untouched" in line
    assert _tree(target) == before


def test_demo_refuses_a_data_dir_that_already_holds_a_journal(capsys, tmp_path):
    target = tmp_path / "journal"
    assert main(["demo", "--years", "1", "--data-dir", str(target)]) == 0
    capsys.readouterr()
    before = _tree(target)
    assert main(["demo", "--years", "1", "--data-dir", str(target)]) == 2
    assert "already holds a journal" in one_error_line(capsys, stdout_empty=False)
    assert _tree(target) == before


def test_demo_refuses_while_the_app_has_the_data_dir_open(capsys, tmp_path):
    from journal_app.config import check_data_dir
    from journal_app.instance_lock import InstanceLock

    paths = check_data_dir(tmp_path / "journal", create=True)
    with InstanceLock(paths):
        before = _tree(paths.root)
        assert main(["demo", "--years", "1", "--data-dir", str(paths.root)]) == 1
        assert "already running" in one_error_line(capsys, stdout_empty=False)
        assert _tree(paths.root) == before


def test_empty_data_dir_argument(capsys):
    assert main(["info", "--data-dir", "  "]) == 2
    assert "--data-dir needs a folder name" in one_error_line(capsys, stdout_empty=False)


@pytest.mark.slow
def test_a_real_process_prints_no_traceback(run_cli, tmp_path):
    target = tmp_path / "journal"
    target.mkdir()
    (target / "journal.sqlite3").write_bytes(b"\x00garbage" * 64)
    result = run_cli("info", "--data-dir", str(target))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "not an SQLite file" in result.stderr
    assert sorted(os.listdir(target)) == ["journal.sqlite3"]


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["--demo"], True),
        (["--data-dir", "stats"], True),  # a folder named like a command
        (["--data-dir=/tmp/j", "--self-test"], True),
        (["stats"], False),
        (["--help"], False),
        (["--version"], False),
        (["--data-dir", "/tmp/j", "--no-such-option"], False),
    ],
)
def test_only_a_plain_window_start_skips_the_command_parsers(argv, window):
    from journal_app.cli import build_parser, opens_the_window

    assert opens_the_window(argv) is window
    if window:  # the small parser reads the window's options as the whole one does
        small = vars(build_parser(commands=False).parse_args(argv))
        assert small == vars(build_parser().parse_args(argv))


def test_the_window_parser_imports_no_command_module():
    """A plain start of the window builds the window's options only: no command group's
    module is imported (they are for `build_parser()` with the commands)."""
    import subprocess
    import sys

    code = (
        "import sys; from journal_app.cli import build_parser; "
        "build_parser(commands=False); "
        "print(sorted(m for m in sys.modules if m.startswith('journal_app.cli')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['journal_app.cli', 'journal_app.cli.common']"
