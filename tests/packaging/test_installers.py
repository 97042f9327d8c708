"""The installer recipes: the spec is valid Python with the settings each platform needs,
the NSIS script compiles (Debian's makensis) against a placeholder bundle, the build
scripts are valid shell."""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest

from journal_app import __version__
from tests.packaging.helpers import PACKAGING, REPO, load_packaging_module

SPEC = PACKAGING / "journal-app.spec"


def spec_calls() -> dict[str, ast.Call]:
    tree = ast.parse(SPEC.read_text(), filename=str(SPEC))
    calls = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            calls.setdefault(node.func.id, node)
    return calls


def keywords(call: ast.Call) -> dict[str, ast.expr]:
    return {kw.arg: kw.value for kw in call.keywords if kw.arg}


def test_spec_builds_a_folder_bundle_with_resources():
    calls = spec_calls()
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= set(calls)
    exe = keywords(calls["EXE"])
    # one-dir: libraries stay next to the executable instead of unpacking on every start
    assert ast.literal_eval(exe["exclude_binaries"]) is True
    assert "resources" in ast.unparse(keywords(calls["Analysis"])["datas"])


def test_spec_macos_bundle_settings():
    bundle = keywords(spec_calls()["BUNDLE"])
    plist = ast.unparse(bundle["info_plist"])
    assert "journal-app.icns" in ast.unparse(bundle["icon"])
    assert "bundle_identifier" in bundle
    assert "'NSHighResolutionCapable': True" in plist
    assert (REPO / "resources" / "icons" / "journal-app.icns").is_file()


def test_spec_windows_settings_name_the_icon_and_version_info():
    source = SPEC.read_text()
    assert '"icon": str(ICONS / "journal-app.ico")' in source
    assert '"version": str(version_file)' in source
    assert (REPO / "resources" / "icons" / "journal-app.ico").is_file()


def test_windows_version_info_carries_the_version():
    module = load_packaging_module("windows/version_info.py")
    assert module.version_tuple("1.2.3") == (1, 2, 3, 0)
    assert module.version_tuple("0.10rc1") == (0, 10, 0, 0)
    text = module.version_file_text(__version__)
    tree = ast.parse(text, mode="eval")  # PyInstaller evaluates it as one expression
    assert isinstance(tree.body, ast.Call) and tree.body.func.id == "VSVersionInfo"
    assert f"filevers={module.version_tuple(__version__)}" in text
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert "'journal-app.exe'" in text


def placeholder_bundle(root: Path) -> Path:
    bundle = root / "journal-app"
    (bundle / "_internal" / "PySide6").mkdir(parents=True)
    (bundle / "journal-app.exe").write_bytes(b"MZ placeholder")
    (bundle / "_internal" / "base_library.zip").write_bytes(b"PK placeholder")
    (bundle / "_internal" / "PySide6" / "Qt6Core.dll").write_bytes(b"MZ placeholder")
    return bundle


@pytest.mark.skipif(not shutil.which("makensis"), reason="nsis (Debian's makensis)")
def test_nsis_installer_compiles_against_a_placeholder_bundle(tmp_path):
    bundle = placeholder_bundle(tmp_path)
    out = tmp_path / f"journal-app-{__version__}-setup.exe"
    done = subprocess.run(
        [
            "makensis",
            "-V2",
            "-WX",  # a warning fails the build too
            f"-DVERSION={__version__}",
            f"-DBUNDLE_DIR={bundle}",
            f"-DOUT_FILE={out}",
            str(PACKAGING / "windows" / "journal-app.nsi"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    data = out.read_bytes()
    assert data[:2] == b"MZ"
    assert b"Nullsoft" in data


def test_nsis_installs_per_user_with_start_menu_and_uninstaller():
    script = (PACKAGING / "windows" / "journal-app.nsi").read_text()
    assert "RequestExecutionLevel user" in script
    assert "$LOCALAPPDATA\\Programs" in script
    assert "$SMPROGRAMS\\${APP_NAME}.lnk" in script
    assert "WriteUninstaller" in script
    assert 'WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString"' in script
    assert "HKLM" not in script


@pytest.mark.parametrize(
    "script", ["linux/build-deb.sh", "ci.sh", "macos/build-dmg.sh"], ids=lambda s: s
)
def test_shell_scripts_parse(script):
    path = PACKAGING / script
    done = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert path.stat().st_mode & 0o111, f"{script} is not executable"
