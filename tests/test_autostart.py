"""Start at login (issue #18): the XDG autostart entry is written where the desktop reads
it, removed again, and a file of the same name we did not write is left alone."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest

from journal_app.autostart import (
    AutostartRefused,
    AutostartState,
    autostart_path,
    autostart_state,
    disable_autostart,
    enable_autostart,
    launch_command,
)


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_path_follows_xdg_config_home(tmp_path):
    assert autostart_path({"XDG_CONFIG_HOME": str(tmp_path)}) == (
        tmp_path / "autostart" / "journal-app.desktop"
    )
    # A relative XDG_CONFIG_HOME is invalid by the specification: the default applies.
    assert autostart_path({"XDG_CONFIG_HOME": "relative"}) == (
        Path.home() / ".config" / "autostart" / "journal-app.desktop"
    )
    assert autostart_path({}) == Path.home() / ".config" / "autostart" / "journal-app.desktop"


def test_written_then_removed(tmp_path):
    path = autostart_path()
    assert autostart_state(path) is AutostartState.ABSENT
    enable_autostart(path, ["/opt/my apps/journal-app", "--data-dir", "/data/50% $HOME"])
    entry = read_entry(path)
    assert entry["Type"] == "Application"
    assert entry["Exec"] == ('"/opt/my apps/journal-app" --data-dir "/data/50%% \\$HOME"')
    assert entry["X-Journal-App-Autostart"] == "true"
    assert autostart_state(path) is AutostartState.OURS
    enable_autostart(path, ["journal-app"])  # ours: rewritten
    assert read_entry(path)["Exec"] == "journal-app"
    assert [p.name for p in path.parent.iterdir()] == ["journal-app.desktop"]
    assert disable_autostart(path)
    assert not path.exists()
    assert not disable_autostart(path)


def test_a_foreign_file_is_left_alone(tmp_path):
    path = autostart_path()
    path.parent.mkdir(parents=True)
    foreign = "[Desktop Entry]\nType=Application\nExec=my-own-wrapper\n"
    path.write_text(foreign, encoding="utf-8")
    assert autostart_state(path) is AutostartState.FOREIGN
    with pytest.raises(AutostartRefused, match="was not written by Self-Study Journal"):
        enable_autostart(path, ["journal-app"])
    assert not disable_autostart(path)
    assert path.read_text(encoding="utf-8") == foreign
    assert [p.name for p in path.parent.iterdir()] == ["journal-app.desktop"]


def test_a_link_of_that_name_is_not_ours(tmp_path):
    path = autostart_path()
    path.parent.mkdir(parents=True)
    target = tmp_path / "elsewhere.desktop"
    target.write_text("[Desktop Entry]\nX-Journal-App-Autostart=true\n", encoding="utf-8")
    path.symlink_to(target)
    assert autostart_state(path) is AutostartState.FOREIGN
    assert not disable_autostart(path)
    assert path.is_symlink()


def test_launch_command_names_a_journal_elsewhere(tmp_path):
    command = launch_command(tmp_path / "journal")
    assert command[-2:] == ["--data-dir", str(tmp_path / "journal")]
    assert launch_command()[-1] in ("journal_app",) or launch_command()[-1].endswith("journal-app")
