"""The Linux desktop entry, AppStream metainfo, changelog and man page agree with the app
(its id, command, icon and version) and pass the distribution's validators."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET

import pytest

from journal_app import APP_ID, __version__
from tests.packaging.helpers import PACKAGING, REPO

LINUX = REPO / "resources" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
APPSTREAM_ID = "io.github.selfstudyjournal.JournalApp"
METAINFO = LINUX / f"{APPSTREAM_ID}.metainfo.xml"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_installed_command():
    entry = desktop_entry()
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["gui-scripts"]
    command = entry["Exec"].split()[0]
    assert command == APP_ID
    assert command in scripts  # the same name pip installs and the .deb puts in /usr/bin
    assert entry["TryExec"] == command
    assert entry["Type"] == "Application"
    assert entry["Terminal"] == "false"


def test_desktop_entry_matches_the_running_window():
    # QApplication.setDesktopFileName(APP_ID) and Qt's WM_CLASS (the application name)
    # let docks match the window to this entry and its icon.
    entry = desktop_entry()
    assert DESKTOP.name == f"{APP_ID}.desktop"
    assert entry["StartupWMClass"] == APP_ID
    assert entry["Icon"] == APP_ID
    assert (REPO / "resources" / "icons" / f"{APP_ID}.svg").is_file()


def test_metainfo_describes_this_version_and_launches_the_entry():
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APPSTREAM_ID
    assert root.find("launchable[@type='desktop-id']").text == DESKTOP.name
    assert root.find("provides/binary").text == APP_ID
    assert len(root.find("description")) >= 2
    latest = root.find("releases/release")
    assert latest.get("version") == __version__, "add a <release> for the new version"
    assert latest.find("description") is not None  # release notes


def test_metainfo_screenshots_are_committed_renders():
    root = ET.parse(METAINFO).getroot()
    images = [shot.findtext("image") for shot in root.iter("screenshot")]
    assert images
    for url in images:
        assert url.startswith("https://")
        name = url.rsplit("/docs/screenshots/", 1)[1]
        png = (REPO / "docs" / "screenshots" / name).read_bytes()
        assert png.startswith(b"\x89PNG"), f"{name}: run packaging/screenshots.py"
        assert struct.unpack(">II", png[16:24]) == (1280, 800)  # the window, whole


def test_changelog_and_man_page():
    first = (PACKAGING / "linux" / "changelog").read_text().splitlines()[0]
    assert first.startswith(f"{APP_ID} ({__version__}) "), "add a changelog entry"
    man = (PACKAGING / "linux" / f"{APP_ID}.1").read_text()
    assert man.startswith(".TH JOURNAL-APP 1 ")
    assert "--self-test" in man.replace("\\-", "-")


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_file_validate_is_clean():
    done = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_appstreamcli_validate_is_clean():
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
