"""PySide's import hook asks of every module whether it names PySide6 (for
``from __feature__``); ours and the standard library's are answered without reading
their source, which cost ~11 ms of start-up."""

from __future__ import annotations

import inspect
import json
import sys
import types

import pytest

import journal_app.ui  # noqa: F401 - installs the answer under test


def _hook():
    feature = sys.modules.get("PySide6.support.feature") or sys.modules.get(
        "shibokensupport.feature"
    )
    hook = getattr(feature, "_mod_uses_pyside", None)
    if hook is None or not getattr(hook, "skips_journal_app", False):
        pytest.skip("this PySide has no source scan to shorten")
    return hook


def test_no_source_is_read_for_ours_the_standard_library_or_peewee(monkeypatch):
    hook = _hook()

    def no_reading(_module):
        raise AssertionError("read a module's source")

    monkeypatch.setattr(inspect, "getsource", no_reading)
    import peewee

    assert hook(sys.modules["journal_app.ui"]) is True
    assert hook(json) is False
    assert hook(peewee) is False


def test_other_modules_are_still_read():
    hook = _hook()
    module = types.ModuleType("someone_elses")
    module.__file__ = __file__  # this file names PySide6
    assert hook(module) is True
