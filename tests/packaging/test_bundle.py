"""End to end, minutes: packaging/linux/build-deb.sh builds the bundle and the .deb; the
bundle runs its self-test, carries no Qt it never loads, resolves every library it
links; the package has the right files, modes and compression, and lintian passes.

Run with JOURNAL_APP_PACKAGING_TESTS=1; packaging/ci.sh runs them on the package it has
just built (JOURNAL_APP_PACKAGING_BUILT=1) and also installs it."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from journal_app import APP_ID, __version__
from tests.packaging.helpers import PACKAGING, REPO, needs_bundle_build

pytestmark = needs_bundle_build


REUSE_ENV = "JOURNAL_APP_PACKAGING_BUILT"  # packaging/ci.sh has just built it: check that


@pytest.fixture(scope="module")
def built() -> dict:
    if os.environ.get(REUSE_ENV) != "1":
        done = subprocess.run(
            ["bash", str(PACKAGING / "linux" / "build-deb.sh")],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=1200,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads((REPO / "build" / "deb" / "figures.json").read_text())
    figures["deb_path"] = REPO / figures["deb"]
    figures["bundle"] = REPO / "build" / "deb" / "bundle" / APP_ID
    return figures


def test_the_deb_is_named_by_version_and_arch(built):
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert built["deb_path"].name == f"{APP_ID}_{__version__}_{arch}.deb"
    assert built["deb_path"].is_file()


def test_bundled_app_passes_its_self_test(built, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.update(HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [str(built["bundle"] / APP_ID), "--self-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout


def test_bundle_keeps_the_qt_it_needs_and_drops_the_rest(built):
    qt_lib = built["bundle"] / "_internal" / "PySide6" / "Qt" / "lib"
    names = {p.name for p in qt_lib.iterdir()}
    for kept in ("Core", "Gui", "Widgets", "OpenGL", "OpenGLWidgets", "Svg"):
        assert f"libQt6{kept}.so.6" in names
    for dropped in ("Quick", "Qml", "Network", "Pdf", "Designer"):
        assert f"libQt6{dropped}.so.6" not in names
    assert not (qt_lib.parent / "translations").exists()
    # resources_path's frozen layout: sys._MEIPASS (= _internal) / resources
    resources = built["bundle"] / "_internal" / "resources"
    assert (resources / "icons" / "hicolor" / "256x256" / "journal-app.png").is_file()
    assert (resources / "preview" / "base.css").is_file()
    assert not list(resources.rglob("*.py"))  # the helper scripts stay out


def test_every_bundled_library_resolves(built):
    internal = built["bundle"] / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))  # as the bootloader sets it
    unresolved = []
    for path in internal.rglob("*.so*"):
        if path.is_symlink():
            continue
        with path.open("rb") as file:
            if file.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(
            ["ldd", str(path)], env=env, capture_output=True, text=True, check=False
        ).stdout
        unresolved += [
            f"{path.name}: {line.strip()}" for line in out.splitlines() if "not found" in line
        ]
    assert not unresolved


def test_package_contents_and_modes(built, tmp_path):
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(built["deb_path"]), str(root)], check=True)
    usr = root / "usr"
    launcher = usr / "bin" / APP_ID
    assert launcher.is_symlink() and os.readlink(launcher) == f"../lib/{APP_ID}/{APP_ID}"
    assert (usr / "lib" / APP_ID / APP_ID).stat().st_mode & 0o777 == 0o755
    assert (usr / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert list((usr / "share" / "metainfo").glob("*.metainfo.xml"))
    assert (usr / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (usr / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (usr / "share" / "doc" / APP_ID / "changelog.gz").is_file()
    assert (usr / "share" / "doc" / APP_ID / "copyright").is_file()
    for lib in (usr / "lib" / APP_ID).rglob("*.so*"):
        if not lib.is_symlink():
            assert stat.S_IMODE(lib.stat().st_mode) == 0o644, lib
    members = subprocess.run(
        ["ar", "t", str(built["deb_path"])], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "data.tar.xz" in members  # lintian calls a zstd .deb malformed
    depends = subprocess.run(
        ["dpkg-deb", "-f", str(built["deb_path"]), "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "libc6" in depends and "libxcb-cursor0" in depends
    # Spell check: loaded at run time by pyenchant, declared by hand (build-deb.sh).
    assert "libenchant-2-2" in depends and "hunspell-en-us | hunspell-dictionary" in depends


@pytest.mark.skipif(not shutil.which("lintian"), reason="lintian")
def test_lintian_has_no_errors_or_warnings(built):
    done = subprocess.run(
        ["lintian", "--fail-on", "error,warning", str(built["deb_path"])],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_build_figures_are_recorded(built):
    assert built["bundle_bytes"] > 50 * 2**20
    assert 0 < built["deb_bytes"] < built["bundle_bytes"]
    assert Path(REPO / "build" / "deb" / "figures.json").is_file()
