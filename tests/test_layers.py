"""DESIGN.md's one-way data flow, checked by walking every import of every module."""

from __future__ import annotations

import ast
from pathlib import Path

import journal_app

PACKAGE = Path(journal_app.__file__).parent
DATA_LAYER = ("peewee", "playhouse", "journal_app.db")
QT = ("PySide6", "shiboken6", "pyqtgraph")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # resolve relative imports against this module
                base = module.split(".")[: -node.level]
                names.add(".".join([*base, node.module or ""]).rstrip("."))
            else:
                names.add(node.module or "")
    return names


def _offenders(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return found


def test_ui_never_imports_the_data_layer():
    assert _offenders("ui", DATA_LAYER) == []


def test_services_demo_db_and_markdown_are_qt_free():
    for folder in ("services", "demo", "db", "markdown"):
        assert _offenders(folder, QT) == [], folder


def test_the_checker_sees_relative_and_absolute_imports(tmp_path, monkeypatch):
    """Guard against a walker that can never fail."""
    sample = PACKAGE / "ui" / "_layer_probe_tmp.py"
    sample.write_text("from ..db import models\nimport peewee\n")
    try:
        found = _offenders("ui", DATA_LAYER)
    finally:
        sample.unlink()
    assert "ui/_layer_probe_tmp.py imports journal_app.db" in found
    assert "ui/_layer_probe_tmp.py imports peewee" in found


def test_the_cli_never_imports_the_data_layer():
    """Opening, checking and unlocking go through services (issue #14)."""
    assert (PACKAGE / "cli" / "__init__.py").is_file()
    assert sorted(p.name for p in PACKAGE.glob("cli*.py")) == []  # all of it in cli/
    assert _offenders("cli", DATA_LAYER) == []


def _cli_imports(path: Path) -> set[str]:
    """Modules of journal_app.cli that ``path`` imports, ``from journal_app.cli import x``
    counted as journal_app.cli.x."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("journal_app.cli"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("journal_app.cli"):
            if node.module == "journal_app.cli":
                names.update(f"journal_app.cli.{a.name}" for a in node.names)
            else:
                names.add(node.module or "")
    return names


def test_the_command_modules_share_only_cli_common():
    """No import back into the package's __init__ (main, build_parser), nor between
    command groups: what they share lives in cli/common.py."""
    found = [
        f"cli/{path.name} imports {name}"
        for path in sorted((PACKAGE / "cli").glob("*.py"))
        if path.name != "__init__.py"
        for name in _cli_imports(path)
        if name != "journal_app.cli.common"
    ]
    assert found == []


AREAS = ("journal", "today", "sprints", "dashboard", "resources")
# The window composes the areas; everything else outside them is shared by them.
COMPOSERS = ("main_window.py", "app.py")


def test_shared_ui_never_imports_an_area():
    """Each area is one package with its page inside (ui/<area>/page.py); what the areas
    share (ui/widgets/, dialogs, theme, controllers) never imports back up into one."""
    areas = tuple(f"journal_app.ui.{area}" for area in AREAS)
    found = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        relative = path.relative_to(PACKAGE / "ui")
        if relative.parts[0] in AREAS or (relative.name in COMPOSERS and len(relative.parts) == 1):
            continue
        for name in _imports(path):
            if any(name == a or name.startswith(a + ".") for a in areas):
                found.append(f"ui/{relative} imports {name}")
    assert found == []


def test_every_area_has_its_page_inside():
    for area in AREAS:
        assert (PACKAGE / "ui" / area / "page.py").is_file(), area
    assert not (PACKAGE / "ui" / "pages").exists()
