"""The focus timer costs the first paint nothing: building the window imports none of it."""

from __future__ import annotations

import subprocess
import sys


def test_the_timer_stays_out_of_the_window_module():
    code = (
        "import sys; import journal_app.ui.main_window; "
        "print(sorted(m for m in sys.modules if m.startswith(("
        "'journal_app.ui.timer', 'journal_app.services.tracking', "
        "'journal_app.ui.tracking'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
