"""Checks: each measure, its allowed range, pass or fail, and what to do about a failure.

Labels and advice are Chinese marked for translation (context "IdPhoto"); the UI translates them,
the CLI reports names and numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from artreview_desktop.core.textmarks import QT_TRANSLATE_NOOP

Bound = float | None


@dataclass(frozen=True)
class Check:
    name: str
    label: str
    value: float | None
    low: Bound
    high: Bound
    unit: str
    advice: str  # shown when the check fails
    ok: bool

    def range_text(self) -> str:
        if self.low is not None and self.high is not None:
            return f"{self.low:g}–{self.high:g}" if self.low != self.high else f"{self.low:g}"
        if self.low is not None:
            return f"≥ {self.low:g}"
        if self.high is not None:
            return f"≤ {self.high:g}"
        return ""

    def value_text(self) -> str:
        if self.value is None:
            return "—"
        if float(self.value).is_integer() and abs(self.value) < 1000:
            return f"{self.value:.0f}"
        return f"{self.value:.0f}" if abs(self.value) >= 10 else f"{self.value:.1f}"

    def as_json(self) -> dict[str, Any]:
        return {
            "value": None if self.value is None else round(self.value, 2),
            "ok": self.ok,
            "range": [self.low, self.high],
            "unit": self.unit,
        }


def make_check(name: str, value: float | None, low: Bound, high: Bound, unit: str = "",
               *, ok: bool | None = None, advice: str | None = None) -> Check:
    """A check whose verdict is the value within [low, high] (unless `ok` is given)."""
    label, default_advice = TEXTS[name]
    advice = advice or default_advice
    if ok is None:
        ok = value is not None and (low is None or value >= low - 1e-6) and (high is None or value <= high + 1e-6)
    return Check(name, label, value, None if low is None else round(low, 2), None if high is None else round(high, 2),
                 unit, advice, ok)


#: name → (label, advice when it fails). Plain words a child and a parent understand.
TEXTS: dict[str, tuple[str, str]] = {
    "faces": (QT_TRANSLATE_NOOP("IdPhoto", "人脸数量"),
              QT_TRANSLATE_NOOP("IdPhoto", "画面里只能有考生一个人，请让其他人离开镜头。")),
    "face_width": (QT_TRANSLATE_NOOP("IdPhoto", "脸宽"),
                   QT_TRANSLATE_NOOP("IdPhoto", "脸的大小不合要求，请用“缩放”调整。")),
    "head_height": (QT_TRANSLATE_NOOP("IdPhoto", "头部高度"),
                    QT_TRANSLATE_NOOP("IdPhoto", "头部大小不合要求，请用“缩放”调整。")),
    "crown_gap": (QT_TRANSLATE_NOOP("IdPhoto", "头顶到上边"),
                  QT_TRANSLATE_NOOP("IdPhoto", "头顶的位置不合要求，请上下拖动照片。")),
    "eyes_above_bottom": (QT_TRANSLATE_NOOP("IdPhoto", "眼睛到下边"),
                          QT_TRANSLATE_NOOP("IdPhoto", "眼睛位置太低，请向上拖动照片或缩小一点。")),
    "chin_above_bottom": (QT_TRANSLATE_NOOP("IdPhoto", "下巴到下边"),
                          QT_TRANSLATE_NOOP("IdPhoto", "下巴离下边太近，请向上拖动照片或缩小一点。")),
    "centred": (QT_TRANSLATE_NOOP("IdPhoto", "左右居中"),
                QT_TRANSLATE_NOOP("IdPhoto", "脸没有在正中间，请左右拖动照片。")),
    "coverage": (QT_TRANSLATE_NOOP("IdPhoto", "画面完整"),
                 QT_TRANSLATE_NOOP("IdPhoto",
                                   "照片里头顶或肩膀被截掉了，拍照时离镜头远一点，让头顶和肩膀都在画面里。")),
    "resolution": (QT_TRANSLATE_NOOP("IdPhoto", "清晰度（放大倍数）"),
                   QT_TRANSLATE_NOOP("IdPhoto", "照片里的脸太小，放大后会模糊，请靠近镜头或用更清晰的照片。")),
    "roll": (QT_TRANSLATE_NOOP("IdPhoto", "头部歪斜"),
             QT_TRANSLATE_NOOP("IdPhoto", "头歪了，请把头摆正，两眼保持水平。")),
    "yaw": (QT_TRANSLATE_NOOP("IdPhoto", "左右转头"),
            QT_TRANSLATE_NOOP("IdPhoto", "脸转向了一边，请正对镜头。")),
    "pitch": (QT_TRANSLATE_NOOP("IdPhoto", "抬头低头"),
              QT_TRANSLATE_NOOP("IdPhoto", "请不要抬头或低头，眼睛平视镜头。")),
    "sharpness": (QT_TRANSLATE_NOOP("IdPhoto", "清晰"),
                  QT_TRANSLATE_NOOP("IdPhoto", "照片模糊，请保持不动，擦干净镜头后重拍。")),
    "brightness": (QT_TRANSLATE_NOOP("IdPhoto", "亮度"),
                   QT_TRANSLATE_NOOP("IdPhoto", "脸太暗或太亮，请面向窗户或灯光，避免强光直射。")),
    "evenness": (QT_TRANSLATE_NOOP("IdPhoto", "光线均匀（阴阳脸）"),
                 QT_TRANSLATE_NOOP("IdPhoto", "脸一边亮一边暗，请正面对着光源，或在另一侧补光。")),
    "glare": (QT_TRANSLATE_NOOP("IdPhoto", "反光"),
              QT_TRANSLATE_NOOP("IdPhoto", "脸上有反光，请关闭闪光灯、擦去油光或摘下眼镜。")),
    "background": (QT_TRANSLATE_NOOP("IdPhoto", "背景均匀"),
                   QT_TRANSLATE_NOOP("IdPhoto", "背景不是纯色，请站在白色或浅色的墙前面拍照。")),
    "segmentation": (QT_TRANSLATE_NOOP("IdPhoto", "换背景把握"),
                     QT_TRANSLATE_NOOP("IdPhoto", "人物边缘不好分辨，换背景可能不干净，请站在纯色的墙前面重拍。")),
    "distance": (QT_TRANSLATE_NOOP("IdPhoto", "远近"),
                 QT_TRANSLATE_NOOP("IdPhoto", "请靠近镜头一点，让头部填满轮廓。")),
    "position": (QT_TRANSLATE_NOOP("IdPhoto", "位置"),
                 QT_TRANSLATE_NOOP("IdPhoto", "请移动一下，让脸在轮廓的正中间。")),
    "file_size": (QT_TRANSLATE_NOOP("IdPhoto", "文件大小"),
                  QT_TRANSLATE_NOOP("IdPhoto", "文件大小不在要求的范围内。")),
}

FARTHER = QT_TRANSLATE_NOOP("IdPhoto", "请离镜头远一点，让整个头部都在轮廓里。")

#: Limits of the quality measures (not part of any spec: what makes a usable photo).
MAX_ROLL = 10.0
MAX_YAW = 12.0
MAX_PITCH = 15.0
MIN_SHARPNESS = 20.0
BRIGHTNESS = (80.0, 215.0)
MAX_UNEVENNESS = 25.0
MAX_GLARE = 2.0
MAX_BACKGROUND_SPREAD = 12.0
MAX_UNSURE = 0.25
MAX_UPSCALE = 1.6
MIN_COVERAGE = 0.97
