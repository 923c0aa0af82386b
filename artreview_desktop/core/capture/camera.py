"""Cameras through OpenCV's VideoCapture: a real device by index, or a video file used as one.

The file camera goes through the very same `cv2.VideoCapture` path as a device (this machine
class has no V4L2 device, ENGINEERING.md §5) and is paced to real time, so the recorder sees what
a webcam would give it: one frame per interval, stamped on arrival.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import cv2

from artreview_desktop.core.capture.protocols import (
    BgrImage,
    CapturedFrame,
    CaptureError,
    Clock,
    DeviceLost,
    MonotonicClock,
)

log = logging.getLogger(__name__)

# OpenCV's bundled FFmpeg prints its own errors ("moov atom not found") on stderr; ours say it
# better, in one line. Read when OpenCV first opens a file, so setting it here is in time.
os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")

#: A device that fails this many reads in a row is treated as unplugged.
MAX_FAILED_READS = 5
#: Used when a file does not say its frame rate.
FALLBACK_FPS = 30.0


def _quiet_opencv() -> None:
    """OpenCV prints a WARN line for every index it probes; our own errors say it better."""
    try:
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
    except AttributeError:  # pragma: no cover - older builds without the logging module
        pass


@dataclass(frozen=True)
class CameraInfo:
    index: int
    width: int
    height: int
    fps: float


def list_cameras(max_index: int = 8) -> list[CameraInfo]:
    """Cameras that open, with the mode each one starts in."""
    _quiet_opencv()
    if sys.platform.startswith("linux"):
        candidates = sorted(
            int(p.name[5:]) for p in Path("/dev").glob("video*") if p.name[5:].isdigit()
        )
    else:
        candidates = list(range(max_index))
    found = []
    for index in candidates:
        capture = cv2.VideoCapture(index)
        try:
            if capture.isOpened():
                found.append(
                    CameraInfo(
                        index,
                        int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)),
                        int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)),
                        float(capture.get(cv2.CAP_PROP_FPS) or 0.0),
                    )
                )
        finally:
            capture.release()
    return found


class DeviceCamera:
    """A camera device by index. Asks for a mode and reports the one the device actually gives."""

    def __init__(
        self,
        index: int,
        width: int | None = None,
        height: int | None = None,
        fps: float | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.index = index
        self._wanted = (width, height, fps)
        self._clock = clock or MonotonicClock()
        self._capture: cv2.VideoCapture | None = None
        self._width = self._height = 0
        self._fps = 0.0
        self._count = 0

    @property
    def name(self) -> str:
        return f"camera {self.index}"

    @property
    def width(self) -> int:
        return self._width

    @property
    def height(self) -> int:
        return self._height

    @property
    def fps(self) -> float:
        return self._fps

    def open(self) -> None:
        _quiet_opencv()
        capture = cv2.VideoCapture(self.index)
        if not capture.isOpened():
            raise CaptureError(f"camera {self.index} not found or busy")
        width, height, fps = self._wanted
        if width and height:
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, width)
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        if fps:
            capture.set(cv2.CAP_PROP_FPS, fps)
        ok, image = capture.read()
        if not ok or image is None:
            capture.release()
            raise CaptureError(f"camera {self.index} opened but gives no picture")
        self._capture = capture
        self._height, self._width = image.shape[:2]
        self._fps = float(capture.get(cv2.CAP_PROP_FPS) or 0.0) or float(fps or FALLBACK_FPS)
        log.info("camera %d gives %dx%d at %.2f fps", self.index, self._width, self._height, self._fps)

    def read(self) -> CapturedFrame:
        if self._capture is None:
            raise DeviceLost(f"camera {self.index} is not open")
        for _ in range(MAX_FAILED_READS):
            ok, image = self._capture.read()
            if ok and image is not None:
                self._count += 1
                return CapturedFrame(cast(BgrImage, image), self._clock.now(), self._count - 1)
        raise DeviceLost(f"camera {self.index} stopped delivering frames")

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None


class FileCamera:
    """A video file played as a camera: paced to real time, optionally looping.

    `size` scales every frame (as a camera mode would); `drop_every=n` withholds every n-th frame,
    like a webcam that loses frames under load, so the recorder's clock can be tested against it.
    """

    def __init__(
        self,
        path: Path | str,
        loop: bool = True,
        size: tuple[int, int] | None = None,
        fps: float | None = None,
        drop_every: int = 0,
        clock: Clock | None = None,
    ) -> None:
        self.path = Path(path)
        self.loop = loop
        self._size = size
        self._fps_override = fps
        self.drop_every = drop_every
        self._clock = clock or MonotonicClock()
        self._capture: cv2.VideoCapture | None = None
        self._width = self._height = 0
        self._fps = 0.0
        self._file_index = 0  # frames read from the file in this pass
        self._played = 0  # frames of the timeline already played in earlier passes
        self._start: float | None = None
        self._delivered = 0
        self.frames_withheld = 0

    @property
    def name(self) -> str:
        return f"file {self.path.name}"

    @property
    def width(self) -> int:
        return self._width

    @property
    def height(self) -> int:
        return self._height

    @property
    def fps(self) -> float:
        return self._fps

    def _open_capture(self) -> cv2.VideoCapture:
        capture = cv2.VideoCapture(str(self.path))
        if not capture.isOpened():
            capture.release()
            raise CaptureError(f"cannot read {self.path} as a video")
        return capture

    def open(self) -> None:
        _quiet_opencv()
        if not self.path.is_file():
            raise CaptureError(f"camera file not found: {self.path}")
        capture = self._open_capture()
        ok, image = capture.read()
        if not ok or image is None:
            capture.release()
            raise CaptureError(f"{self.path} has no readable video frames")
        file_fps = float(capture.get(cv2.CAP_PROP_FPS) or 0.0)
        if not 1.0 <= file_fps <= 240.0:  # missing or nonsense (some files say 90000)
            file_fps = FALLBACK_FPS
        self._fps = float(self._fps_override or file_fps)
        capture.release()
        self._capture = self._open_capture()
        height, width = image.shape[:2]
        self._width, self._height = self._size or (width, height)
        self._file_index = 0
        log.info("file camera %s: %dx%d at %.3f fps", self.path.name, self._width, self._height, self._fps)

    def _next_image(self) -> cv2.typing.MatLike:
        assert self._capture is not None
        ok, image = self._capture.read()
        if ok and image is not None:
            return image
        if not self.loop or self._file_index == 0:
            raise DeviceLost(f"camera file {self.path.name} stopped delivering frames")
        self._capture.release()
        self._played += self._file_index
        self._file_index = 0
        try:
            self._capture = self._open_capture()
        except CaptureError as exc:
            raise DeviceLost(str(exc)) from exc
        ok, image = self._capture.read()
        if not ok or image is None:
            raise DeviceLost(f"camera file {self.path.name} stopped delivering frames")
        return image

    def read(self) -> CapturedFrame:
        if self._capture is None:
            raise DeviceLost(f"camera file {self.path.name} is not open")
        while True:
            image = self._next_image()
            timeline_index = self._played + self._file_index
            self._file_index += 1
            if self._start is None:
                self._start = self._clock.now()
            due = self._start + timeline_index / self._fps
            delay = due - self._clock.now()
            if delay > 0:
                time.sleep(delay)
            if self.drop_every and (timeline_index + 1) % self.drop_every == 0:
                self.frames_withheld += 1
                continue
            if image.shape[1] != self._width or image.shape[0] != self._height:
                image = cv2.resize(image, (self._width, self._height), interpolation=cv2.INTER_AREA)
            self._delivered += 1
            return CapturedFrame(cast(BgrImage, image), self._clock.now(), timeline_index)

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None
