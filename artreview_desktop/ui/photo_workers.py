"""Threads of the ID-photo page: the camera reader and the live analyser (latest frame wins).

Signals:
    CameraThread.frame(object): the newest BGR frame (numpy), for the preview.
    CameraThread.failed(str): the camera could not open or stopped.
    LiveAnalyser.report(object): a `LiveReport` for the newest frame analysed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QThread, Signal

from artreview_desktop.core.capture.protocols import CameraSource, CaptureError
from artreview_desktop.core.photo import FaceDetector, PhotoSpec, analyse_frame


class CameraThread(QThread):
    frame = Signal(object)
    failed = Signal(str)

    def __init__(self, camera_factory: Callable[[], CameraSource]) -> None:
        super().__init__()
        self._factory = camera_factory
        self._stop = threading.Event()
        self._latest: np.ndarray | None = None
        self._lock = threading.Lock()

    def latest(self) -> np.ndarray | None:
        with self._lock:
            return None if self._latest is None else self._latest.copy()

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> None:
        camera = self._factory()
        try:
            camera.open()
            while not self._stop.is_set():
                captured = camera.read()
                with self._lock:
                    self._latest = captured.image
                self.frame.emit(captured.image)
        except CaptureError as exc:
            if not self._stop.is_set():
                self.failed.emit(str(exc))
        finally:
            camera.close()
            with self._lock:
                self._latest = None


class LiveAnalyser(QThread):
    """Analyses whichever frame is newest when it is free; older frames are dropped."""

    report = Signal(object)

    def __init__(self, detector: FaceDetector, spec: PhotoSpec) -> None:
        super().__init__()
        self._detector = detector
        self.spec = spec
        self._pending: np.ndarray | None = None
        self._ready = threading.Condition()
        self._stop = False

    def offer(self, frame: np.ndarray) -> None:
        with self._ready:
            self._pending = frame
            self._ready.notify()

    def stop(self) -> None:
        with self._ready:
            self._stop = True
            self._ready.notify()

    def run(self) -> None:
        while True:
            with self._ready:
                while self._pending is None and not self._stop:
                    self._ready.wait()
                if self._stop:
                    return
                frame, self._pending = self._pending, None
            if frame is None:
                continue
            self.report.emit(analyse_frame(frame, self.spec, self._detector))
