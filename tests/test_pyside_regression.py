"""PySide6 6.12.0 aborted Python 3.11 ("Fatal Python error: none_dealloc") after a few
thousand calls of Qt methods that return None. We pin below 6.12 on Python < 3.12; this
test makes 20,000 such calls in a child process, so an abort fails it instead of killing
the test run."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_twenty_thousand_void_qt_calls_do_not_abort_the_interpreter():
    script = textwrap.dedent(
        """
        from PySide6.QtCore import QObject
        obj = QObject()
        for i in range(20_000):
            obj.setObjectName("n")  # returns None
            obj.setParent(None)  # returns None too
        print("survived", i + 1)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "survived 20000"


def test_installed_pyside_respects_the_pin():
    from importlib.metadata import version

    major, minor = (int(x) for x in version("PySide6-Essentials").split(".")[:2])
    if sys.version_info < (3, 12):
        assert (major, minor) < (6, 12)
