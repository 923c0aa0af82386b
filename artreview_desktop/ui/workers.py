"""Running one long job off the UI thread, talking back only through signals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)


class FunctionWorker(QObject):
    """Runs one callable in its own QThread.

    Signals:
        finished(object): the callable's result.
        failed(object): the exception it raised.
    """

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Callable[[], Any]) -> None:
        super().__init__()
        self._job = job

    @Slot()
    def run(self) -> None:
        try:
            result = self._job()
        except Exception as exc:
            log.warning("background job failed: %s", type(exc).__name__)
            self.failed.emit(exc)
        else:
            self.finished.emit(result)


class JobThread(QObject):
    """A QThread hosting one FunctionWorker; the owner keeps it until `done` fires."""

    done = Signal()

    def __init__(self, job: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self.worker = FunctionWorker(job)
        self.worker.moveToThread(self._thread)
        self._thread.started.connect(self.worker.run)
        self.worker.finished.connect(self._thread.quit)
        self.worker.failed.connect(self._thread.quit)
        self._thread.finished.connect(self.done)

    def start(self) -> None:
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, timeout_ms: int) -> bool:
        return self._thread.wait(timeout_ms)
