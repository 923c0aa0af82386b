"""Live camera preview: paints the capture session's newest frame, never waiting for one.

A QTimer pulls `latest_frame()` (the capture thread keeps replacing it), converts it once and
paints it scaled into the widget; an optional guide (framing box, head outline) is drawn on top.
Frames per second actually shown are measured, so the equipment check can report them.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from artreview_desktop.core.capture import CapturedFrame

FrameSource = Callable[[], CapturedFrame | None]
GuidePainter = Callable[[QPainter, QRectF], None]


def bgr_to_qimage(image: np.ndarray) -> QImage:
    """A QImage sharing nothing with `image` (safe after the capture thread replaces it)."""
    height, width = image.shape[:2]
    contiguous = np.ascontiguousarray(image)
    return QImage(contiguous.data, width, height, contiguous.strides[0], QImage.Format.Format_BGR888).copy()


def framing_guide(painter: QPainter, target: QRectF) -> None:
    """The recording guide: keep the candidate (and the instrument) inside the dashed box."""
    pen = QPen(QColor(255, 255, 255, 200), 2, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    margin_x, margin_y = target.width() * 0.12, target.height() * 0.08
    painter.drawRect(target.adjusted(margin_x, margin_y, -margin_x, -margin_y))


class CameraPreview(QWidget):
    def __init__(self, parent: QWidget | None = None, fps: int = 30) -> None:
        super().__init__(parent)
        self.setMinimumSize(320, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._source: FrameSource | None = None
        self._guide: GuidePainter | None = None
        self._image: QImage | None = None
        self._last_index = -1
        self._shown: deque[float] = deque(maxlen=60)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(max(5, 1000 // fps))
        self._timer.timeout.connect(self._pull)
        self.placeholder = ""

    def set_source(self, source: FrameSource | None, guide: GuidePainter | None = None) -> None:
        self._source = source
        self._guide = guide
        self._image = None
        self._last_index = -1
        self._shown.clear()
        if source is None:
            self._timer.stop()
        else:
            self._timer.start()
        self.update()

    def current_image(self) -> QImage | None:
        return self._image

    def shown_fps(self) -> float:
        """Frames per second actually painted over the last couple of seconds."""
        if len(self._shown) < 2:
            return 0.0
        span = self._shown[-1] - self._shown[0]
        return (len(self._shown) - 1) / span if span > 0 else 0.0

    def _pull(self) -> None:
        if self._source is None:
            return
        frame = self._source()
        if frame is None or frame.index == self._last_index:
            return
        self._last_index = frame.index
        self._image = bgr_to_qimage(frame.image)
        self._shown.append(time.monotonic())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1E2740"))
        if self._image is None:
            painter.setPen(QColor("#AEB8D0"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.placeholder)
            return
        scaled = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF((self.width() - scaled.width()) / 2, (self.height() - scaled.height()) / 2,
                        scaled.width(), scaled.height())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(target, self._image)
        if self._guide is not None:
            self._guide(painter, target)
