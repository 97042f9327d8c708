"""The Windows .ico and macOS .icns are the committed hicolor PNGs, packed as they are."""

from __future__ import annotations

import struct

from tests.packaging.helpers import REPO, load_packaging_module

make_icons = load_packaging_module("make_icons.py")
ICONS = REPO / "resources" / "icons"


def test_committed_ico_and_icns_are_up_to_date_with_the_pngs():
    # Fails after the PNGs change until `python packaging/make_icons.py` is run.
    assert (ICONS / "journal-app.ico").read_bytes() == make_icons.ico_bytes()
    assert (ICONS / "journal-app.icns").read_bytes() == make_icons.icns_bytes()


def test_ico_directory_lists_every_size_with_png_data():
    data = (ICONS / "journal-app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    for index, size in enumerate(make_icons.ICO_SIZES):
        side, _, _, _, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        assert (side or 256) == size
        assert (planes, bits) == (1, 32)
        image = data[offset : offset + length]
        assert image.startswith(make_icons.PNG_MAGIC)
        assert struct.unpack(">II", image[16:24]) == (size, size)


def test_icns_elements_cover_retina_sizes():
    data = (ICONS / "journal-app.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, position = [], 8
    while position < len(data):
        kind, length = (
            data[position : position + 4],
            struct.unpack(">I", data[position + 4 : position + 8])[0],
        )
        assert data[position + 8 : position + 16] == make_icons.PNG_MAGIC
        kinds.append(kind)
        position += length
    assert position == len(data)
    assert {b"icp4", b"ic07", b"ic08", b"ic09", b"ic12", b"ic13", b"ic14"} <= set(kinds)
    assert b"ic10" not in kinds  # 512 pt @2x needs a 1024 px PNG, which we do not draw


def test_qt_reads_the_ico(qapp):
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(ICONS / "journal-app.ico"))
    assert reader.imageCount() == len(make_icons.ICO_SIZES)
    assert not reader.read().isNull()
