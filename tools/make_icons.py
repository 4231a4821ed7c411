"""Render resources/icons/concordia.svg into the PNG, ICO and ICNS files the bundle uses.

    .venv/bin/python tools/make_icons.py

ICO and ICNS both allow PNG images inside, so they are assembled here from the rendered PNGs
with no image library beyond Qt. The outputs are committed; run this after changing the SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08",
              512: b"ic09", 1024: b"ic10"}


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico(pngs: dict[int, bytes]) -> bytes:
    sizes = [s for s in (16, 24, 32, 48, 64, 128, 256) if s in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        dimension = 0 if size == 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dimension, dimension, 0, 0, 1, 32, len(data),
                               offset + len(images))
        images += data
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", len(pngs[size]) + 8) + pngs[size]
                    for size, kind in ICNS_TYPES.items())
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage text needs an application
    renderer = QSvgRenderer(str(ICONS / "concordia.svg"))
    if not renderer.isValid():
        print("cannot read concordia.svg", file=sys.stderr)
        return 1
    pngs = {size: render(renderer, size) for size in SIZES}
    for size in (16, 32, 48, 64, 128, 256, 512):
        (ICONS / f"concordia-{size}.png").write_bytes(pngs[size])
    (ICONS / "concordia.ico").write_bytes(ico(pngs))
    (ICONS / "concordia.icns").write_bytes(icns(pngs))
    print(f"wrote PNG, ICO and ICNS icons into {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
