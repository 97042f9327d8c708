"""Helpers for the packaging tests: paths, module loading, the gate on bundle builds."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
SLOW_ENV = "JOURNAL_APP_PACKAGING_TESTS"


def load_packaging_module(relative: str) -> ModuleType:
    """A module of packaging/ (not a package) by its path, e.g. "trim.py"."""
    path = PACKAGING / relative
    name = "packaging_" + path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# Tests that build the bundle (minutes) or render the app run only when asked for.
needs_bundle_build = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get(SLOW_ENV) != "1", reason=f"slow packaging test: set {SLOW_ENV}=1"
    ),
]
