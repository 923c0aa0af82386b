"""The "get code" button with its resend countdown, shared by every form that sends an SMS code."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton, QWidget


class CodeButton(QPushButton):
    """Disabled while a countdown runs; shows the seconds left, then "重新获取"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seconds_left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.setText(self.tr("获取验证码"))

    @property
    def counting(self) -> bool:
        return self._timer.isActive()

    def start_countdown(self, seconds: int) -> None:
        self.seconds_left = max(1, int(seconds))
        self._render()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        self.seconds_left -= 1
        if self.seconds_left <= 0:
            self._timer.stop()
            self.setEnabled(True)
            self.setText(self.tr("重新获取"))
        else:
            self._render()

    def _render(self) -> None:
        self.setEnabled(False)
        self.setText(self.tr("重新获取（{0} 秒）").format(self.seconds_left))
