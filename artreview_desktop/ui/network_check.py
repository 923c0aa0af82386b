"""The start-up network check (the first row of the permission table) and its prompt."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from artreview_desktop.core.network import NetworkState, NetworkStatus
from artreview_desktop.ui.workers import JobThread


class NetworkChecker(QObject):
    """Runs the check off the UI thread.

    Signals:
        checking(): a check started.
        checked(object): the `NetworkStatus` of the finished check.
    """

    checking = Signal()
    checked = Signal(object)

    def __init__(self, check: Callable[[], NetworkStatus], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self._job: JobThread | None = None
        self.last: NetworkStatus | None = None

    def start(self) -> None:
        if self._job is not None and self._job.is_running():
            return
        self._job = JobThread(self._check, self)
        self._job.worker.finished.connect(self._on_finished)
        self._job.worker.failed.connect(self._on_failed)
        self.checking.emit()
        self._job.start()

    def _on_finished(self, status: NetworkStatus) -> None:
        self.last = status
        self.checked.emit(status)

    def _on_failed(self, exc: Exception) -> None:
        self._on_finished(NetworkStatus(NetworkState.UNREACHABLE, detail=type(exc).__name__))

    def shutdown(self, timeout_ms: int = 8000) -> None:
        if self._job is not None:
            self._job.wait(timeout_ms)


class NetworkPrompt(QMessageBox):
    """Tells the user the platform is unreachable; offers Retry or Work offline. Never blocks."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("网络检测"))
        self.retry_button = self.addButton(self.tr("重试"), QMessageBox.ButtonRole.AcceptRole)
        self.offline_button = self.addButton(self.tr("离线使用"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.retry_button)
        self.setEscapeButton(self.offline_button)
        self.buttonClicked.connect(self._on_clicked)

    def show_status(self, status: NetworkStatus) -> None:
        reasons = {
            NetworkState.TIMEOUT: self.tr("考试平台长时间没有响应。"),
            NetworkState.UNREACHABLE: self.tr("无法连接到考试平台，请检查网络连接（Wi-Fi 或网线）。"),
            NetworkState.SERVER_ERROR: self.tr("考试平台暂时无法提供服务，请稍后再试。"),
        }
        self.setText(reasons.get(status.state, self.tr("网络异常。")))
        self.setInformativeText(
            self.tr("您可以重试，或先离线使用：证件照、设备检测和练习录制不需要网络；上传会在联网后自动继续。")
        )
        self.open()

    def _on_clicked(self, button: object) -> None:
        if button is self.retry_button:
            self.retry_requested.emit()
