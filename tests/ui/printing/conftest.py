"""A small journal to print: three days, a tag, a sprint, an image, a code block."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

pypdf = pytest.importorskip("pypdf")

DAY = dt.date(2026, 11, 20)


def png(width: int = 120, height: int = 80) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#d03030"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


@pytest.fixture
def printable(services, qapp):
    """Entries on three days; the second has an image and code and is in a sprint."""
    sprint = services.planning.add_sprint("Sprint 7", DAY, DAY + dt.timedelta(days=13))
    first = services.entries.create(
        day=DAY, title="Gradient descent", body="Plain notes.", tags=["ml"]
    )
    second = services.entries.create(
        day=DAY + dt.timedelta(days=1),
        title="Backprop by hand",
        body="Worked it through.\n\n```python\ndef grad(x):\n    return 2 * x\n```\n",
        tags=["ml", "maths"],
        sprint_id=sprint.id,
    )
    image = services.attachments.add_image(second.id, png(), mime="image/png")
    services.entries.update(
        second.id, expected_rev=second.rev, body=second.body + f"\n![plot]({image.url})\n"
    )
    third = services.entries.create(day=DAY + dt.timedelta(days=2), title="Rest day", body="-")
    return {"first": first.id, "second": second.id, "third": third.id, "sprint": sprint.id}


def read_pdf(path: Path) -> list[str]:
    """The text of each page, with whitespace as single spaces."""
    reader = pypdf.PdfReader(str(path))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def pdf_images(path: Path) -> int:
    return sum(len(page.images) for page in pypdf.PdfReader(str(path)).pages)


def first_page_picture(path: Path, out: Path) -> QImage | None:
    """Page 1 rasterized by poppler's pdftoppm (None when it is not installed)."""
    if shutil.which("pdftoppm") is None:
        return None
    subprocess.run(
        ["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(path), str(out)],
        check=True,
        timeout=120,
    )
    (picture,) = out.parent.glob(out.name + "*.png")
    return QImage(str(picture))
