"""resource_path finds resources/ from a checkout, a wheel and a PyInstaller bundle;
the app icon exists at every size and can be re-rendered from its SVG."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from journal_app import resources_path as rp
from journal_app.resources_path import resource_path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
REPO = Path(__file__).resolve().parents[2]


def fake_resources(root: Path) -> Path:
    folder = root / "resources" / "icons"
    folder.mkdir(parents=True)
    (folder / "journal-app.svg").write_text("<svg/>")
    return root / "resources"


def test_source_checkout_finds_the_repository_folder(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    path = resource_path("icons", "journal-app.svg")
    assert path.is_file()
    assert path == REPO / "resources" / "icons" / "journal-app.svg"


def test_installed_wheel_finds_the_folder_inside_the_package(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "journal_app"
    package.mkdir(parents=True)
    inside = fake_resources(package)
    monkeypatch.setattr(rp, "_PACKAGE", package)
    assert resource_path("icons", "journal-app.svg") == inside / "icons" / "journal-app.svg"


def test_frozen_bundle_finds_the_folder_under_meipass(tmp_path, monkeypatch):
    bundle = fake_resources(tmp_path / "_internal")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert resource_path("icons", "journal-app.svg") == bundle / "icons" / "journal-app.svg"


def test_missing_files_still_get_a_path_to_report(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    path = resource_path("no", "such.file")
    assert not path.exists()
    assert path.name == "such.file"


@pytest.mark.parametrize("size", SIZES)
def test_committed_icon_pngs_have_their_size_and_are_not_blank(size):
    image = QImage(str(resource_path("icons", "hicolor", f"{size}x{size}", "journal-app.png")))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    centre = image.pixelColor(size // 2, size // 2)
    corner = image.pixelColor(0, 0)
    assert centre.alpha() == 255  # the mark fills the middle
    assert corner.alpha() < 64  # the rounded square leaves the corners clear


def test_svg_is_self_contained():
    text = resource_path("icons", "journal-app.svg").read_text(encoding="utf-8")
    assert "<svg" in text
    for external in ("http://www.w3.org/1999/xlink", "xlink:href", "href=", "<image", "@import"):
        assert external not in text


def test_render_script_reproduces_every_size(tmp_path, qapp):
    script = resource_path("icons", "render_icons.py")
    spec = importlib.util.spec_from_file_location("render_icons", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.render(out_dir=tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        f"{s}x{s}/journal-app.png" for s in SIZES
    ]
    fresh = QImage(str(tmp_path / "64x64" / "journal-app.png"))
    committed = QImage(str(resource_path("icons", "hicolor", "64x64", "journal-app.png")))
    assert fresh.size() == committed.size()
    same = sum(
        fresh.pixelColor(x, y).rgba() == committed.pixelColor(x, y).rgba()
        for x in range(64)
        for y in range(64)
    )
    assert same / (64 * 64) > 0.95  # the committed PNGs are renders of the current SVG
