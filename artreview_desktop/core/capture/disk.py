"""The disk guard: never start a take that cannot fit, and stop cleanly before the disk is full.

The free-space probe is injectable so a test can make the disk "fill up" as the take grows.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

FreeSpaceProbe = Callable[[Path], int]

MB = 1024 * 1024
#: Stop the take while this much space is still free (OBS refuses below 50 MB).
DEFAULT_SAFETY_MARGIN = 64 * MB
AUDIO_BITRATE = 128_000
#: Small pictures need more bits per pixel; never cap below this.
MIN_VIDEO_BITRATE = 1_000_000

#: Upper bound of x264's bits per pixel per frame at our CRF, enforced with VBV (maxrate).
MAX_BITS_PER_PIXEL = {"ultrafast": 0.20, "superfast": 0.14, "veryfast": 0.12, "faster": 0.12}


class DiskSpaceError(Exception):
    """Not enough free space to start; the message has the numbers."""


def disk_free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def max_video_bitrate(width: int, height: int, fps: float, preset: str) -> int:
    """The VBV cap we give x264: it makes the take's maximum size a promise, not a guess."""
    return max(MIN_VIDEO_BITRATE, int(width * height * fps * MAX_BITS_PER_PIXEL.get(preset, 0.20)))


def max_take_bytes(width: int, height: int, fps: float, preset: str, seconds: float, audio: bool) -> int:
    bits_per_second = max_video_bitrate(width, height, fps, preset) + (AUDIO_BITRATE if audio else 0)
    return int(bits_per_second / 8 * seconds * 1.05) + MB  # container overhead, moov


class DiskGuard:
    def __init__(
        self,
        folder: Path,
        max_take_bytes: int,
        safety_margin: int = DEFAULT_SAFETY_MARGIN,
        free_bytes: FreeSpaceProbe = disk_free_bytes,
    ) -> None:
        self.folder = Path(folder)
        self.max_take_bytes = max_take_bytes
        self.safety_margin = safety_margin
        self._free_bytes = free_bytes

    def free(self) -> int:
        return self._free_bytes(self.folder)

    def required_to_start(self) -> int:
        return max(2 * self.max_take_bytes, 2 * self.safety_margin)

    def check_before_start(self) -> int:
        """The free bytes; raises DiskSpaceError when the take might not fit twice over."""
        free = self.free()
        needed = self.required_to_start()
        if free < needed:
            raise DiskSpaceError(
                f"not enough free disk space in {self.folder}: {free / MB:.1f} MB free, "
                f"{needed / MB:.1f} MB needed (2 × the take's maximum size of "
                f"{self.max_take_bytes / MB:.1f} MB)"
            )
        return free

    def running_out(self) -> bool:
        return self.free() < self.safety_margin
