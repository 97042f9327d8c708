"""Controllers and pages reach the main window only through ``WindowContext``
(journal_app/ui/window_context.py), never through its attribute names (issue #14)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import journal_app.ui as ui_package

UI = Path(ui_package.__file__).parent
WINDOW = UI / "main_window.py"
# Where the window's parts may be named: the window itself, and the page it owns.
OWNERS = {WINDOW, UI / "pages" / "journal.py"}
# Window attributes whose names other objects legitimately share.
GENERIC = {"events", "theme", "pages", "nav", "stack", "status_label"}
# The window's controllers share their names with services (``services.backups``).
SERVICE_NAMED = {"backups", "transfer", "encryption"}
PAGE_PARTS = {"editor_pane"}  # the Journal page's internals


def window_attributes(window_source: str) -> set[str]:
    """The public names MainWindow sets on itself or declares (signals)."""
    tree = ast.parse(window_source)
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "MainWindow")
    names = {
        target.id
        for node in cls.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    for node in ast.walk(cls):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "self"
            and isinstance(node.ctx, ast.Store)
        ):
            names.add(node.attr)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Attribute):
            names.add(node.target.attr)
    return {name for name in names if not name.startswith("_")} - GENERIC


def _base_name(node: ast.expr) -> str:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def _last_name(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def reaches(source: str, forbidden: set[str]) -> list[str]:
    """Where ``source`` names one of ``forbidden`` as an attribute or in getattr()."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        name, owner = None, None
        if isinstance(node, ast.Attribute):
            name, owner = node.attr, node.value
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"getattr", "hasattr", "setattr"}
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
        ):
            name, owner = str(node.args[1].value), node.args[0]
        if name is None or name not in forbidden:
            continue
        if isinstance(owner, ast.Name) and owner.id == "self":
            continue  # an object's own attribute of the same name
        owned_by = _last_name(owner).lower()
        if name in SERVICE_NAMED and ("services" in owned_by or owned_by == "paths"):
            continue  # services.backups, paths.backups: not the window's controller
        if name in SERVICE_NAMED and _base_name(owner) == "encryption":
            continue
        found.append((node.lineno, name))
    return [f"line {line}: {name}" for line, name in sorted(found)]


def offenders(root: Path, window_source: str) -> dict[str, list[str]]:
    forbidden = window_attributes(window_source) | PAGE_PARTS
    result = {}
    for path in sorted(root.rglob("*.py")):
        if path.name in {"main_window.py"} or path.relative_to(root).as_posix() in {
            "pages/journal.py"
        }:
            continue
        hits = reaches(path.read_text(encoding="utf-8"), forbidden)
        if hits:
            result[path.relative_to(root).as_posix()] = hits
    return result


def test_no_controller_or_page_knows_the_windows_attribute_names():
    assert offenders(UI, WINDOW.read_text(encoding="utf-8")) == {}


def test_the_checker_sees_attribute_chains_and_getattr():
    window = WINDOW.read_text(encoding="utf-8")
    forbidden = window_attributes(window) | PAGE_PARTS
    assert {"journal_page", "file_menu", "focus_timer", "focus_timer_ready"} <= forbidden
    bad = (
        "page = getattr(window, 'journal_page', None)\n"
        "window.backups.pool.waitForDone()\n"
        "page.editor_pane.flush()\n"
        "self._services.backups.restore(x)\n"
        "self.backups = []\n"
    )
    assert reaches(bad, forbidden) == [
        "line 1: journal_page",
        "line 2: backups",
        "line 3: editor_pane",
    ]


def test_install_hooks_and_controllers_take_a_window_context():
    from journal_app.ui.backups import install_backups
    from journal_app.ui.backups.controller import BackupController
    from journal_app.ui.encryption import install_encryption
    from journal_app.ui.encryption.controller import EncryptionController
    from journal_app.ui.sync import install_sync
    from journal_app.ui.sync.controller import SyncController
    from journal_app.ui.timer import install_focus_timer
    from journal_app.ui.timer.actions import TimerActions
    from journal_app.ui.timer.controller import FocusTimerController
    from journal_app.ui.timer.notify import Notifier
    from journal_app.ui.transfer import install_transfer
    from journal_app.ui.transfer.controller import TransferController
    from journal_app.ui.transfer.publish import PublishActions

    for call in (
        install_backups,
        install_encryption,
        install_focus_timer,
        install_transfer,
        BackupController,
        EncryptionController,
        FocusTimerController,
        TimerActions,
        Notifier,
        TransferController,
        PublishActions,
        install_sync,
        SyncController,
    ):
        first = next(iter(inspect.signature(call).parameters.values()))
        assert first.annotation in ("WindowContext", "context: WindowContext"), call


def test_the_main_window_is_a_window_context(make_window):
    from journal_app.ui.window_context import WindowContext

    assert isinstance(make_window(show=False), WindowContext)
