"""Running one long job off the UI thread, talking back only through signals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

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


#: Threads still running, kept here so that no QThread is destroyed while it runs (Qt aborts the
#: process when that happens, e.g. when a page that started a job is deleted or the app quits).
_RUNNING: set[QThread] = set()
_WORKERS: dict[QThread, QObject] = {}


def wait_for_jobs(timeout_ms: int = 30_000) -> bool:
    """At exit: let every running job finish (True if all did within the time)."""
    all_done = True
    for thread in list(_RUNNING):
        all_done = thread.wait(timeout_ms) and all_done
    return all_done


class JobThread(QObject):
    """A QThread hosting one FunctionWorker; the owner keeps it until `done` fires.

    Signals:
        succeeded(object): the job's result, emitted on the thread that owns this object.
        errored(object): the job's exception, likewise.
        done(): the thread has finished.

    The relay through this object matters: a plain function or lambda connected straight to the
    worker's signals would run on the worker thread (it has no thread of its own to queue to).
    """

    done = Signal()
    succeeded = Signal(object)
    errored = Signal(object)

    def __init__(self, job: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self.worker = FunctionWorker(job)
        self.worker.moveToThread(self._thread)
        self._thread.started.connect(self.worker.run)
        # quit() is thread-safe: call it from the worker's thread directly, so a job that ends while
        # the UI thread has no event loop running (at exit) still ends its thread.
        self.worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self.worker.failed.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.finished.connect(self.done)
        self.worker.finished.connect(self._relay_success)
        self.worker.failed.connect(self._relay_failure)

    @Slot(object)
    def _relay_success(self, result: object) -> None:
        self.succeeded.emit(result)

    @Slot(object)
    def _relay_failure(self, error: object) -> None:
        self.errored.emit(error)

    def start(self) -> None:
        thread = self._thread
        _RUNNING.add(thread)
        _WORKERS[thread] = self.worker

        def forget() -> None:
            _RUNNING.discard(thread)
            _WORKERS.pop(thread, None)

        thread.finished.connect(forget)
        thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, timeout_ms: int) -> bool:
        return self._thread.wait(timeout_ms)


def start_job(
    parent: QObject,
    job: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[Any], None],
) -> JobThread:
    """Run `job` off the UI thread; its result or exception comes back through the callbacks."""
    runner = JobThread(job, parent)
    runner.succeeded.connect(on_done)
    runner.errored.connect(on_failed)
    runner.start()
    return runner
