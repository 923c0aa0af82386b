"""Render packaging/icons/artreview.svg to the PNG sizes (Linux, Qt), .ico (Windows) and .icns (macOS).

Run after changing the SVG: QT_QPA_PLATFORM=offscreen python packaging/render_icons.py
The outputs are committed, so a build needs no renderer.
"""

from __future__ import annotations

import sys
from pathlib import Path

# A packaging tool, not the app's core: Qt renders the icons.
from PySide6.QtCore import Qt  # noqa: TID251
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter  # noqa: TID251
from PySide6.QtSvg import QSvgRenderer  # noqa: TID251

ICONS = Path(__file__).resolve().parent / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "artreview.svg"))
    if not renderer.isValid():
        raise SystemExit("the SVG did not load")
    for size in PNG_SIZES:
        if not render(renderer, size).save(str(ICONS / f"artreview-{size}.png")):
            raise SystemExit(f"could not write the {size} px PNG")
    for fmt in ("ico", "icns"):  # Qt's image plugins write both (one image each: 256 px and 512 px)
        writer = QImageWriter(str(ICONS / f"artreview.{fmt}"), fmt.encode())
        if not writer.write(render(renderer, 256 if fmt == "ico" else 512)):
            raise SystemExit(f"could not write .{fmt}: {writer.errorString()}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
