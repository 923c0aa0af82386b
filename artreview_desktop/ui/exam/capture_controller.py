"""The bridge between a capture session (threads of its own) and the recording page.

Opening devices and starting a take run in workers; the session's own callbacks arrive on its
encoder thread and are re-emitted here as Qt signals, delivered on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from artreview_desktop.core.capture import AudioLevel, CapturedFrame, RecordingStats, TakeResult
from artreview_desktop.core.devices import CaptureSetup
from artreview_desktop.ui.workers import JobThread, start_job

READY_TIMEOUT_S = 10.0


class CaptureController(QObject):
    """Signals:
    opened(): the devices are warm; a take starts at once.
    failed(object): opening or starting failed (the exception).
    started(object): a take began (its path).
    stopped(object): a take ended (its `TakeResult`), whatever stopped it.
    """

    opened = Signal()
    failed = Signal(object)
    started = Signal(object)
    stopped = Signal(object)
    _stopped_elsewhere = Signal(object)

    def __init__(self, build: Callable[..., CaptureSetup], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self.setup: CaptureSetup | None = None
        self._job: JobThread | None = None
        self.recording = False
        self._stopped_elsewhere.connect(self._on_stopped)

    @property
    def is_open(self) -> bool:
        return self.setup is not None

    @property
    def busy(self) -> bool:
        return self._job is not None and self._job.is_running()

    def open(self) -> None:
        if self.setup is not None or self.busy:
            if self.setup is not None:
                self.opened.emit()
            return

        def build_and_warm() -> CaptureSetup:
            setup = self._build(on_stopped=self._stopped_elsewhere.emit)
            setup.session.open()
            if not setup.session.wait_until_ready(READY_TIMEOUT_S):
                setup.session.close()
                raise TimeoutError("the camera or microphone gave nothing within 10 s")
            return setup

        self._job = start_job(self, build_and_warm, self._on_opened, self.failed.emit)

    def _on_opened(self, setup: CaptureSetup) -> None:
        self.setup = setup
        self.opened.emit()

    def start(self, path: Path, max_seconds: float, metadata: dict[str, Any]) -> None:
        setup = self.setup
        if setup is None or self.recording:
            return
        guard = setup.disk_guard(path.parent, max_seconds)

        def begin() -> Path:
            path.parent.mkdir(parents=True, exist_ok=True)
            setup.session.start(path, max_seconds=max_seconds, disk_guard=guard, metadata=metadata)
            return path

        self.recording = True
        self._job = start_job(self, begin, self.started.emit, self._start_failed)

    def _start_failed(self, error: BaseException) -> None:
        self.recording = False
        self.failed.emit(error)

    def stop(self) -> None:
        """Ask the take to end; `stopped` follows once the file is complete."""
        if self.setup is not None and self.recording:
            self.setup.session.request_stop("user")

    @Slot(object)
    def _on_stopped(self, result: TakeResult) -> None:
        self.recording = False
        self.stopped.emit(result)

    def mark_interruption(self, what: str, detail: str = "") -> bool:
        return self.setup.session.mark_interruption(what, detail) if self.setup is not None else False

    def latest_frame(self) -> CapturedFrame | None:
        return self.setup.session.latest_frame() if self.setup is not None else None

    def audio_level(self) -> AudioLevel:
        return self.setup.session.audio_level() if self.setup is not None else AudioLevel(0.0, 0.0)

    def stats(self) -> RecordingStats:
        return self.setup.session.stats() if self.setup is not None else RecordingStats()

    def close(self) -> None:
        """Release the devices (a running take is stopped and finished first)."""
        if self._job is not None:
            self._job.wait(30_000)
        setup, self.setup = self.setup, None
        if setup is not None:
            setup.session.close()
        self.recording = False
