"""Write the Windows `.ico` and macOS `.icns` app icons from the hicolor PNGs.

    python packaging/make_icons.py        # rewrites resources/icons/journal-app.{ico,icns}

Both formats can hold PNG images as they are, so this needs nothing but the standard
library and gives the same bytes every time. Run it after changing the PNGs
(resources/icons/render_icons.py draws those from the SVG).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size; the @2x types reuse the larger PNG.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic11", 32),  # 16 pt @2x
    (b"ic12", 64),  # 32 pt @2x
    (b"ic13", 256),  # 128 pt @2x
    (b"ic14", 512),  # 256 pt @2x
)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png(size: int) -> bytes:
    data = (ICONS / "hicolor" / f"{size}x{size}" / "journal-app.png").read_bytes()
    if not data.startswith(PNG_MAGIC):
        raise ValueError(f"{size}x{size}/journal-app.png is not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    if (width, height) != (size, size):
        raise ValueError(f"{size}x{size}/journal-app.png is {width}x{height}")
    return data


def ico_bytes() -> bytes:
    images = [png(size) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for size, data in zip(ICO_SIZES, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        payload += data
        offset += len(data)
    return header + entries + payload


def icns_bytes() -> bytes:
    body = b""
    for kind, size in ICNS_TYPES:
        data = png(size)
        body += kind + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    (ICONS / "journal-app.ico").write_bytes(ico_bytes())
    (ICONS / "journal-app.icns").write_bytes(icns_bytes())
    print(f"wrote {ICONS / 'journal-app.ico'} and {ICONS / 'journal-app.icns'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
