"""What the recorder needs from a camera, a microphone and a clock (Qt-free, injectable).

Sources stamp every frame and audio block with the clock on *arrival*: ENGINEERING.md §3 found
PortAudio's ADC times off by 720 ms in the first second, while arrival times held sync to ±3 ms.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

BgrImage = npt.NDArray[np.uint8]
Samples = npt.NDArray[np.float32]


class CaptureError(Exception):
    """A device could not be opened or used; the message is fit to show the user."""


class DeviceLost(CaptureError):
    """A device that was working stopped delivering (unplugged, file gone, driver failure)."""


@runtime_checkable
class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a monotonic scale shared by every source of one session."""
        ...


class MonotonicClock:
    """The real clock: `time.monotonic()`."""

    def now(self) -> float:
        return time.monotonic()


@dataclass(frozen=True)
class CapturedFrame:
    """One camera image (BGR, as OpenCV gives it) and when it arrived."""

    image: BgrImage
    captured_at: float
    index: int


@dataclass(frozen=True)
class AudioBlock:
    """One block of microphone samples (frames × channels, float32) and when it arrived."""

    samples: Samples
    arrived_at: float
    overflowed: bool = False


@runtime_checkable
class CameraSource(Protocol):
    """A camera that is read frame by frame; `read` blocks until the next frame arrives."""

    @property
    def name(self) -> str: ...

    @property
    def width(self) -> int: ...

    @property
    def height(self) -> int: ...

    @property
    def fps(self) -> float: ...

    def open(self) -> None:
        """Open the device; raises CaptureError with a message for the user."""
        ...

    def read(self) -> CapturedFrame:
        """The next frame; raises DeviceLost when the camera stops delivering."""
        ...

    def close(self) -> None: ...


@runtime_checkable
class MicrophoneSource(Protocol):
    """A microphone that pushes blocks to a callback from its own thread."""

    @property
    def name(self) -> str: ...

    @property
    def sample_rate(self) -> int: ...

    @property
    def channels(self) -> int: ...

    def open(self, on_block: Callable[[AudioBlock], None]) -> None:
        """Start streaming (keep warm); blocks go to `on_block` until `close`."""
        ...

    def is_alive(self) -> bool:
        """False once the stream has ended or failed (device unplugged, server gone)."""
        ...

    def close(self) -> None: ...
