"""The upload queue's own thread, and the tray message when an upload ends.

Uploads run here, not on the page, so they go on while the candidate records the next piece or
moves between pages. The worker only relays the core's plain callbacks as Qt signals; widgets
connect to those and never touch a file, a thread or a socket.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from artreview_desktop.core.upload.queue import ItemState, QueueItem
from artreview_desktop.core.upload.runner import QueueRunner


class UploadWorker(QThread):
    """Runs `QueueRunner.run` until `stop()`.

    Signals:
        item_changed(object): a `QueueItem` after any saved change (state, reason, key...).
        progress(object): an `ItemProgress` while bytes go up (about ten a second, plus each part).
    """

    item_changed = Signal(object)
    progress = Signal(object)

    def __init__(self, runner: QueueRunner, parent: QObject | None = None, *, idle_wait_s: float = 5.0) -> None:
        super().__init__(parent)
        self.runner = runner
        self._stop = threading.Event()
        self._idle_wait_s = idle_wait_s
        # Called from the runner's threads; Qt queues the signals to the receivers' (GUI) thread.
        self._relay_item = self.item_changed.emit
        self._relay_progress = self.progress.emit
        runner.queue.listeners.append(self._relay_item)
        runner.progress_listeners.append(self._relay_progress)
        self._restart_when_ended = False
        self.finished.connect(self._on_ended)

    def begin(self) -> None:
        """Start, or start again after a stop — also while a requested stop is still finishing its
        block (it then starts again as soon as the thread has ended)."""
        if self.isRunning():
            self._restart_when_ended = self._stop.is_set()
            return
        self._restart_when_ended = False
        self._stop.clear()
        self.start()

    def request_stop(self) -> None:
        """Stop after the current block, without waiting for it (the GUI stays responsive)."""
        self._restart_when_ended = False
        self._stop.set()
        self.runner.wake()

    def _on_ended(self) -> None:
        if self._restart_when_ended:
            self.begin()

    def run(self) -> None:
        self.runner.run(self._stop, self._idle_wait_s)

    def stop(self, timeout_ms: int = 30000) -> bool:
        """Stop after the current block (the upload resumes next time); True if the thread ended."""
        self._restart_when_ended = False
        self._stop.set()
        self.runner.wake()
        return self.wait(timeout_ms)

    def wake(self) -> None:
        """Look at the queue now (a take was just added) instead of at the next idle check."""
        self.runner.wake()

    def detach(self) -> None:
        """Stop relaying (before this object is deleted while the queue lives on)."""
        if self._relay_item in self.runner.queue.listeners:
            self.runner.queue.listeners.remove(self._relay_item)
        if self._relay_progress in self.runner.progress_listeners:
            self.runner.progress_listeners.remove(self._relay_progress)


class UploadNotifier(QObject):
    """Tells the person when an upload finished or failed: a tray message where a tray exists.

    Signals:
        notified(str, str): title and message, also emitted without a tray (for a status bar).
    """

    notified = Signal(str, str)

    def __init__(self, worker: UploadWorker, tray: QSystemTrayIcon | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._states: dict[str, ItemState] = {}
        if tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            icon = QApplication.windowIcon()
            if icon.isNull():  # a tray icon without an image is refused (and warned about) by Qt
                icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_ArrowUp)
            tray = QSystemTrayIcon(icon, self)
        self.tray = tray
        for item in worker.runner.queue.items():
            self._states[item.id] = item.state
        worker.item_changed.connect(self._on_item)

    @Slot(object)
    def _on_item(self, item: QueueItem) -> None:
        before = self._states.get(item.id)
        self._states[item.id] = item.state
        if item.state == before or item.state not in (ItemState.DONE, ItemState.FAILED):
            return
        if item.state == ItemState.DONE:
            title, message = self.tr("上传成功"), self.tr("%1 已上传，平台已确认文件完整。").replace("%1", item.name)
            icon = QSystemTrayIcon.MessageIcon.Information
        else:
            title, message = self.tr("上传失败"), self.tr("%1 未能上传：%2").replace("%1", item.name).replace(
                "%2", item.detail or item.reason)
            icon = QSystemTrayIcon.MessageIcon.Warning
        if self.tray is not None and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()
            self.tray.showMessage(title, message, icon, 8000)
        self.notified.emit(title, message)
