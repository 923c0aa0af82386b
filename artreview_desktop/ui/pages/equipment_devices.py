"""The equipment page's devices: finding, opening and closing camera and microphone off the UI
thread, and the microphone level meter."""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from artreview_desktop.core.capture import (
    CameraInfo,
    CaptureError,
    EncoderSettings,
    MicrophoneInfo,
    RecordingSession,
    list_cameras,
    list_microphones,
)
from artreview_desktop.core.devices import open_camera, open_microphone
from artreview_desktop.core.equipment import VOICE_PEAK, LevelMonitor
from artreview_desktop.ui.workers import JobThread, start_job

log = logging.getLogger(__name__)

#: The first camera frame (and the first audio block, ENGINEERING.md §3) may take ~2 s.
OPEN_TIMEOUT_S = 6.0


@dataclass(frozen=True)
class DeviceLists:
    cameras: list[CameraInfo] = field(default_factory=list)
    microphones: list[MicrophoneInfo] = field(default_factory=list)
    microphone_error: str | None = None


def discover_devices() -> DeviceLists:
    """Cameras and microphones present now (probing cameras can take a moment on some systems)."""
    try:
        microphones, error = list_microphones(), None
    except CaptureError as exc:
        microphones, error = [], str(exc)
    return DeviceLists(list_cameras(), microphones, error)


class DeviceController(QObject):
    """Owns the page's camera session and microphone monitor and the threads that open and close them.

    A device opened for a page that has been left (or for an outdated choice) is closed at once;
    closing happens on short helper threads, and the next opening waits for them (a camera cannot
    be opened twice).

    Signals:
        listed(object): `DeviceLists`.
        camera_ready(object) / camera_failed(str): the camera's `RecordingSession`, or why not.
        microphone_ready(object) / microphone_failed(str): the `LevelMonitor`, or why not.
    """

    listed = Signal(object)
    camera_ready = Signal(object)
    camera_failed = Signal(str)
    microphone_ready = Signal(object)
    microphone_failed = Signal(str)

    def __init__(self, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache_dir = cache_dir
        self.camera: RecordingSession | None = None
        self.monitor: LevelMonitor | None = None
        self.camera_opening = False
        self._camera_gen = 0
        self._mic_gen = 0
        self._jobs: list[JobThread] = []
        self._closers: list[threading.Thread] = []

    # --- jobs ------------------------------------------------------------------------------------
    def run(self, job: Callable[[], Any], on_done: Callable[[Any], None], on_failed: Callable[[Any], None]) -> None:
        """Run `job` off the UI thread; the runner is kept until it has finished."""
        runner = start_job(self, job, on_done, on_failed)
        self._jobs.append(runner)
        runner.done.connect(lambda: self._jobs.remove(runner) if runner in self._jobs else None)

    def busy(self) -> bool:
        """True while a device is open, being opened, or still being closed."""
        self._closers = [t for t in self._closers if t.is_alive()]
        return self.camera is not None or self.monitor is not None or self.camera_opening or bool(self._closers)

    def _close_later(self, close: Callable[[], None]) -> None:
        def run() -> None:
            try:
                close()
            except Exception:  # a device failing while it closes is closed enough
                log.info("closing a device failed", exc_info=True)

        thread = threading.Thread(target=run, name="equipment-close", daemon=True)
        thread.start()
        self._closers.append(thread)

    def _after_closers(self) -> Callable[[], None]:
        pending = [t for t in self._closers if t.is_alive()]

        def wait() -> None:
            for thread in pending:
                thread.join(5.0)

        return wait

    def discover(self) -> None:
        self.run(discover_devices, self.listed.emit, lambda _exc: self.listed.emit(DeviceLists()))

    # --- camera ----------------------------------------------------------------------------------
    def open_camera(self, spec: str, width: int, height: int, fps: float) -> None:
        self.close_camera()
        self._camera_gen += 1
        generation = self._camera_gen
        wait = self._after_closers()
        cache_dir = self.cache_dir
        self.camera_opening = True

        def job() -> RecordingSession:
            wait()
            session = RecordingSession(open_camera(spec, cache_dir, width, height, fps), None,
                                       EncoderSettings(width, height, fps, "ultrafast"))
            session.open()
            if not session.wait_until_ready(OPEN_TIMEOUT_S):
                session.close()
                raise CaptureError("the camera opened but gave no picture")
            return session

        def done(session: RecordingSession) -> None:
            if generation != self._camera_gen:
                self._close_later(session.close)
                return
            self.camera_opening = False
            self.camera = session
            self.camera_ready.emit(session)

        def failed(error: BaseException) -> None:
            if generation == self._camera_gen:
                self.camera_opening = False
                self.camera_failed.emit(str(error))

        self.run(job, done, failed)

    def close_camera(self) -> None:
        self._camera_gen += 1
        self.camera_opening = False
        session, self.camera = self.camera, None
        if session is not None:
            self._close_later(session.close)

    # --- microphone ------------------------------------------------------------------------------
    def open_microphone(self, spec: str) -> None:
        self.close_microphone()
        self._mic_gen += 1
        generation = self._mic_gen
        wait = self._after_closers()

        def job() -> LevelMonitor:
            wait()
            microphone = open_microphone(spec)
            if microphone is None:
                raise CaptureError("no microphone chosen")
            monitor = LevelMonitor(microphone)
            monitor.open()
            return monitor

        def done(monitor: LevelMonitor) -> None:
            if generation != self._mic_gen:
                self._close_later(monitor.close)
                return
            self.monitor = monitor
            self.microphone_ready.emit(monitor)

        def failed(error: BaseException) -> None:
            if generation == self._mic_gen:
                self.microphone_failed.emit(str(error))

        self.run(job, done, failed)

    def close_microphone(self) -> None:
        self._mic_gen += 1
        monitor, self.monitor = self.monitor, None
        if monitor is not None:
            self._close_later(monitor.close)

    def close_all(self) -> None:
        self.close_camera()
        self.close_microphone()

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Close everything and wait for every job and closing thread (window close, tests)."""
        self.close_all()
        deadline = time.monotonic() + timeout_ms / 1000
        for job in list(self._jobs):
            job.wait(max(0, int((deadline - time.monotonic()) * 1000)))
        self.close_all()  # a device a job opened meanwhile
        for closer in list(self._closers):
            closer.join(max(0.0, deadline - time.monotonic()))


def level_fraction(peak: float, floor_db: float = -60.0) -> float:
    """A peak (0..1) on a dB scale from `floor_db` to 0 dB, as 0..1: quiet speech shows, not just shouts."""
    if peak <= 0:
        return 0.0
    return max(0.0, min(1.0, (20 * math.log10(peak) - floor_db) / -floor_db))


class LevelMeter(QWidget):
    """A horizontal level bar with a tick where "say something" passes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._level = 0.0

    def sizeHint(self) -> QSize:
        return QSize(240, 18)

    def value(self) -> float:
        """The bar's current fill, 0..1 (dB scale)."""
        return self._level

    def set_level(self, peak: float) -> None:
        target = level_fraction(peak)
        # Rise at once, fall gently (as a VU meter does), so speech does not flicker.
        self._level = target if target > self._level else max(target, self._level - 0.04)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#E8ECF5"))
        painter.drawRoundedRect(rect, 5, 5)
        if self._level > 0:
            fill = QRectF(rect.left(), rect.top(), rect.width() * self._level, rect.height())
            colour = "#1E8E3E" if self._level < 0.85 else ("#F5A623" if self._level < 0.97 else "#C62828")
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(fill, 5, 5)
        tick_x = rect.left() + rect.width() * level_fraction(VOICE_PEAK)
        painter.setPen(QPen(QColor("#24304A"), 2))
        painter.drawLine(int(tick_x), int(rect.top()) + 1, int(tick_x), int(rect.bottom()) - 1)
