"""The UI font: a Simplified-Chinese face chosen explicitly.

With only Noto CJK installed, Qt falls back to its *Japanese* face for Han characters, which draws
some characters in Japanese forms; naming the SC face (or the OS's Chinese UI font) avoids that.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

CJK_FAMILIES = {
    "linux": ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Droid Sans Fallback"],
    "win32": ["Microsoft YaHei UI", "Microsoft YaHei", "SimHei"],
    "darwin": ["PingFang SC", "Hiragino Sans GB", "Heiti SC"],
}


def preferred_families(platform: str = sys.platform) -> list[str]:
    key = "linux" if platform.startswith("linux") else platform
    return CJK_FAMILIES.get(key, CJK_FAMILIES["linux"])


def choose_ui_font(point_size: float = 10.5) -> QFont | None:
    """The first installed Simplified-Chinese family, as the application font; None if none is."""
    installed = set(QFontDatabase.families())
    for family in preferred_families():
        if family in installed:
            font = QFont(family)
            font.setPointSizeF(point_size)
            QApplication.setFont(font)
            return font
    return None
