"""Qt widgets, dialogs and item models. Calls journal_app.services only, never the db."""

from __future__ import annotations

import sys

# Modules known not to name PySide6: the standard library (~75 modules are asked about
# before the first paint) and peewee (a 300 KB source read for nothing).
_NEVER_PYSIDE = frozenset(sys.stdlib_module_names) | {"peewee"}


def _skip_feature_scan() -> None:
    """PySide reads the source of every module imported after it, looking for the
    string "PySide6" (to support ``from __feature__ import …``, which this app never
    uses): ~0.2 ms a module, a few percent of start-up. Our modules, the standard
    library's and peewee need no reading."""
    # lazy: the import hook exists only once QtCore is imported
    import PySide6.QtCore  # noqa: F401 - installs the import hook this adjusts

    feature = sys.modules.get("PySide6.support.feature") or sys.modules.get(
        "shibokensupport.feature"
    )
    scan = getattr(feature, "_mod_uses_pyside", None)
    if not callable(scan) or getattr(scan, "skips_journal_app", False):
        return

    def uses_pyside(module: object) -> bool:
        name = getattr(module, "__name__", "")
        if name.startswith("journal_app."):
            return True  # switch as PySide modules do: ours never ask for a feature
        if name.partition(".")[0] in _NEVER_PYSIDE:
            return False  # what reading their source would answer, ~11 ms sooner
        return bool(scan(module))

    uses_pyside.skips_journal_app = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


_skip_feature_scan()
