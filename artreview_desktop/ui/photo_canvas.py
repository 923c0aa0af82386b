"""The picture area of the ID-photo page: the camera preview with its head guide, or the result
with the spec's limit lines; dragging and the mouse wheel ask for an adjustment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QWidget

from artreview_desktop.core.photo import LiveReport


class PhotoCanvas(QWidget):
    """Shows a picture fitted to the widget, with the head guide; in result mode, drag and wheel adjust.

    Signals:
        adjust_requested(float, float, float): shift (picture px) and zoom factor asked by the user.
    """

    adjust_requested = Signal(float, float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(420, 420)
        self.image: QImage | None = None
        self.report: LiveReport | None = None
        self.adjustable = False
        self.placeholder = ""
        self.frames_drawn = 0
        self.frames_received = 0
        self.rule_lines: list[float] = []  # y (picture px) of the spec's limits, drawn over a result
        self._drag_from: QPointF | None = None

    def show_image(self, image: QImage | None, report: LiveReport | None = None, adjustable: bool = False,
                   rule_lines: list[float] | None = None) -> None:
        self.image, self.report, self.adjustable = image, report, adjustable
        self.rule_lines = rule_lines or []
        self.frames_received += image is not None
        self.setCursor(Qt.CursorShape.OpenHandCursor if adjustable else Qt.CursorShape.ArrowCursor)
        self.update()

    def _target(self) -> tuple[QRectF, float]:
        assert self.image is not None
        scale = min(self.width() / self.image.width(), self.height() / self.image.height())
        w, h = self.image.width() * scale, self.image.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h), scale

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), QColor("#1E2740"))
        if self.image is None:
            painter.setPen(QColor("#C9D1E6"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
            return
        target, scale = self._target()
        painter.drawImage(target, self.image)
        self.frames_drawn += 1
        if self.report is not None:
            self._draw_guide(painter, target, scale, self.report)
        painter.setPen(QPen(QColor(76, 111, 255, 170), 1, Qt.PenStyle.DashLine))
        for y in self.rule_lines:
            painter.drawLine(QPointF(target.left(), target.top() + y * scale),
                             QPointF(target.right(), target.top() + y * scale))

    def _draw_guide(self, painter: QPainter, target: QRectF, scale: float, report: LiveReport) -> None:
        x, y, w, h = report.guide.crop
        crop = QRectF(target.x() + x * scale, target.y() + y * scale, w * scale, h * scale)
        shade = QColor(0, 0, 0, 110)
        for part in (QRectF(target.left(), target.top(), crop.left() - target.left(), target.height()),
                     QRectF(crop.right(), target.top(), target.right() - crop.right(), target.height())):
            painter.fillRect(part, shade)
        colour = QColor("#2ECC71") if report.ready else QColor("#F5A623")
        painter.setPen(QPen(colour, 3, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        cx, cy = report.guide.head_centre
        ew, eh = report.guide.head_size
        painter.drawEllipse(QPointF(target.x() + cx * scale, target.y() + cy * scale), ew * scale / 2, eh * scale / 2)
        painter.setPen(QPen(QColor(255, 255, 255, 160), 1))
        painter.drawRect(crop)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.adjustable:
            self._drag_from = event.position()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None and self.image is not None:
            _, scale = self._target()
            delta = event.position() - self._drag_from
            self.adjust_requested.emit(delta.x() / scale, delta.y() / scale, 1.0)
        self._drag_from = None

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.adjustable:
            self.adjust_requested.emit(0.0, 0.0, 1.03 if event.angleDelta().y() > 0 else 1 / 1.03)
