"""packaging/screenshots.py renders every main view of a demo journal to a PNG (slow:
it builds a demo journal and lets each page settle; run with
JOURNAL_APP_PACKAGING_TESTS=1)."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from journal_app.ui.main_window import AREA_KEYS
from tests.packaging.helpers import PACKAGING, REPO, needs_bundle_build

pytestmark = needs_bundle_build


def test_every_area_is_rendered_at_the_documented_size(tmp_path):
    out = tmp_path / "shots"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(PACKAGING / "screenshots.py"), "--out", str(out), "--years", "1"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    for key in AREA_KEYS:
        image = QImage(str(out / f"{key}.png"))
        assert (image.width(), image.height()) == (1280, 800), key
        colours = {image.pixel(x, y) for x in range(0, 1280, 40) for y in range(0, 800, 40)}
        assert len(colours) > 10, f"{key}.png looks blank"
