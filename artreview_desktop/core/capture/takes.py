"""What a take reports: live statistics, why it stopped, and its result (file + manifest)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class StopReason:
    USER = "user"
    DURATION = "duration_reached"
    CAMERA_LOST = "camera_lost"
    MICROPHONE_LOST = "microphone_lost"
    DISK_FULL = "disk_full"
    WRITE_ERROR = "write_error"


@dataclass
class RecordingStats:
    """A snapshot for progress displays (and the manifest's counters)."""

    recording: bool = False
    media_seconds: float = 0.0
    frames_captured: int = 0
    frames_encoded: int = 0
    frames_dropped: int = 0
    frames_before_audio: int = 0
    audio_samples: int = 0
    audio_overruns: int = 0
    audio_blocks_lost: int = 0
    bytes_written: int = 0
    video_queue: int = 0


@dataclass(frozen=True)
class AudioLevel:
    """The microphone's loudness, 0..1 of full scale."""

    rms: float
    peak: float


@dataclass(frozen=True)
class TakeResult:
    path: Path
    manifest_path: Path
    manifest: dict[str, Any] = field(repr=False)

    @property
    def stop_reason(self) -> str:
        return str(self.manifest["stop_reason"])

    @property
    def sha256(self) -> str:
        return str(self.manifest["sha256"])
