"""A burned-in watermark (candidate code + date/time) that costs almost nothing per frame.

The text is drawn once per second into a small overlay; each frame only blends that small
rectangle. OpenCV's Hershey fonts are ASCII-only, so other characters are shown as '?'.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import cv2
import numpy as np

from artreview_desktop.core.capture.protocols import BgrImage

FONT = cv2.FONT_HERSHEY_SIMPLEX


def local_time_text() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S")


def ascii_only(text: str) -> str:
    return "".join(c if 32 <= ord(c) < 127 else "?" for c in text)


class Watermark:
    """Draws `text` plus the current date/time into the bottom-left corner of BGR frames."""

    def __init__(
        self,
        text: str,
        time_text: Callable[[], str] = local_time_text,
        opacity: float = 0.65,
    ) -> None:
        self.text = ascii_only(text)
        self._time_text = time_text
        self.opacity = opacity
        self._key: tuple[str, int, int] | None = None
        self._overlay: BgrImage | None = None
        self._origin = (0, 0)

    def label(self) -> str:
        return f"{self.text}  {self._time_text()}".strip()

    def _render(self, label: str, frame_width: int, frame_height: int) -> None:
        scale = max(0.35, frame_height / 720 * 0.7)
        thickness = max(1, round(scale * 2))
        (text_w, text_h), baseline = cv2.getTextSize(label, FONT, scale, thickness)
        pad = max(2, text_h // 3)
        width = min(frame_width, text_w + 2 * pad)
        height = min(frame_height, text_h + baseline + 2 * pad)
        overlay = np.zeros((height, width, 3), np.uint8)
        cv2.putText(overlay, label, (pad, pad + text_h), FONT, scale, (255, 255, 255), thickness, cv2.LINE_AA)
        self._overlay = overlay
        margin = pad
        self._origin = (min(margin, frame_width - width), max(0, frame_height - height - margin))

    def region(self) -> tuple[int, int, int, int]:
        """(x, y, width, height) of the last drawn watermark, for tests and previews."""
        if self._overlay is None:
            return (0, 0, 0, 0)
        height, width = self._overlay.shape[:2]
        return (self._origin[0], self._origin[1], width, height)

    def apply(self, image: BgrImage) -> None:
        """Blend the watermark into `image` in place."""
        label = self.label()
        key = (label, image.shape[1], image.shape[0])
        if key != self._key:
            self._render(label, image.shape[1], image.shape[0])
            self._key = key
        assert self._overlay is not None
        x, y, width, height = self.region()
        roi = image[y : y + height, x : x + width]
        cv2.addWeighted(roi, 1.0 - self.opacity, self._overlay, self.opacity, 0.0, dst=roi)
