"""Imports sit at the top of a module, except at the seams docs/ARCHITECTURE.md lists.

A function-level import hides a dependency from a reader and from the import-cycle test's
first glance, and it only pays where it keeps something heavy or unneeded out of the
window's first paint (pages, ``install_*`` hooks, services built on first use, pyqtgraph,
markdown, SQLCipher…). So each one says why, in a ``# lazy: reason`` comment on the line
above it (or on its own line); an import without one belongs at the top of the module.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "journal_app"


def _function_imports(path: Path) -> list[tuple[int, str]]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Import | ast.ImportFrom):
                own = lines[inner.lineno - 1]
                above = lines[inner.lineno - 2] if inner.lineno > 1 else ""
                if "# lazy:" not in own and not above.strip().startswith("# lazy:"):
                    found.append((inner.lineno, own.strip()))
    return found


def test_every_function_level_import_names_its_reason() -> None:
    unexplained = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {text}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, text in _function_imports(path)
    ]
    assert not unexplained, (
        "move these imports to the top of their module, or say why they must wait "
        "with a '# lazy: reason' comment above them:\n" + "\n".join(unexplained)
    )


def test_the_check_sees_an_unexplained_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "def f():\n    import json\n    return json\n\n"
        "def g():\n    # lazy: heavy\n    import json\n    return json\n",
        encoding="utf-8",
    )
    assert _function_imports(module) == [(2, "import json")]
