"""Take manifests and the hashing writer that makes their SHA-256 without re-reading the file.

PyAV muxes into `HashingWriter` through a Python file object. The writer says it is *not*
seekable, so the fragmented-MP4 muxer (empty moov, fragments per keyframe/half second) only ever
appends: every byte passes through `write` exactly once, in file order, and the running SHA-256
is the file's SHA-256. Each fragment reaches the OS as it is finished (crash safety), and the data
is fsynced about once a second so a power cut loses at most that much.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import Any

from artreview_desktop.core.fileutil import atomic_write_json, fsync_dir

MANIFEST_SUFFIX = ".manifest.json"
JOURNAL_SUFFIX = ".recording"
MANIFEST_VERSION = 1
FSYNC_INTERVAL_S = 1.0


def manifest_path_for(take: Path) -> Path:
    return take.with_name(take.name + MANIFEST_SUFFIX)


def journal_path_for(take: Path) -> Path:
    """The marker written at start and removed after the manifest: its presence means unfinished."""
    return take.with_name(take.name + JOURNAL_SUFFIX)


class HashingWriter:
    """An append-only file object for `av.open(writer, "w", format="mp4")`."""

    def __init__(self, path: Path, overwrite: bool = False) -> None:
        self.path = Path(path)
        flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if overwrite else os.O_EXCL)
        self._fd: int | None = os.open(self.path, flags | getattr(os, "O_BINARY", 0), 0o600)
        fsync_dir(self.path.parent)
        self._sha256 = hashlib.sha256()
        self.bytes_written = 0
        self._last_sync = time.monotonic()

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readable(self) -> bool:
        return False

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._fd is None:
            raise ValueError("write to a closed take file")
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            self._sha256.update(view[:written])
            self.bytes_written += written
            view = view[written:]
        now = time.monotonic()
        if now - self._last_sync >= FSYNC_INTERVAL_S:
            os.fsync(self._fd)
            self._last_sync = now
        return len(data)

    def flush(self) -> None:
        if self._fd is not None:
            os.fsync(self._fd)

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    @property
    def closed(self) -> bool:
        return self._fd is None

    def hexdigest(self) -> str:
        return self._sha256.hexdigest()


def sha256_of_file(path: Path) -> str:
    """For files we did not write ourselves (recovery); takes are hashed while written."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def iso_time(ts: float) -> str:
    """Local time with milliseconds and UTC offset: what a person checking a take wants to read."""
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(ts)) + f".{int(ts % 1 * 1000):03d}" + \
        time.strftime("%z", time.localtime(ts))


def take_manifest(
    *,
    path: Path,
    writer: HashingWriter,
    settings: dict[str, Any],
    video_seconds: float,
    audio_samples: int,
    audio_rate: int | None,
    stats: dict[str, Any],
    av_offset: dict[str, Any],
    quality: dict[str, Any],
    devices: dict[str, Any],
    watermark: str | None,
    started_wall: float,
    stopped_wall: float,
    stop_reason: str,
    stop_detail: str,
    interruptions: list[dict[str, Any]],
    metadata: dict[str, Any],
) -> dict[str, Any]:
    """Everything someone checking a take needs, without opening the video."""
    audio_seconds = audio_samples / audio_rate if audio_rate else 0.0
    return {
        "path": str(path),
        "file_name": path.name,
        "sha256": writer.hexdigest(),
        "sha256_method": "computed while writing (append-only stream)",
        "bytes": writer.bytes_written,
        "duration_s": round(max(audio_seconds, video_seconds), 3),
        "video_duration_s": round(video_seconds, 3),
        "audio_duration_s": round(audio_seconds, 3),
        "width": settings["width"],
        "height": settings["height"],
        "fps": settings["fps"],
        "frames": {
            "captured": stats["frames_captured"],
            "encoded": stats["frames_encoded"],
            "dropped": stats["frames_dropped"],
            "before_audio": stats["frames_before_audio"],
        },
        "audio": {
            "samples": audio_samples,
            "sample_rate": audio_rate,
            "overruns": stats["audio_overruns"],
            "blocks_lost": stats["audio_blocks_lost"],
        },
        "av_offset_estimate": av_offset,
        "encoder": settings,
        "quality": quality,
        "devices": devices,
        "watermark": None if watermark is None else {"text": watermark},
        "started_at": iso_time(started_wall),
        "stopped_at": iso_time(stopped_wall),
        "stop_reason": stop_reason,
        "stop_detail": stop_detail,
        "interruptions": interruptions,
        "recovered": False,
        "metadata": metadata,
    }


def write_manifest(take: Path, manifest: dict[str, Any]) -> Path:
    path = manifest_path_for(take)
    atomic_write_json(path, {"manifest_version": MANIFEST_VERSION, **manifest})
    return path


def write_journal(take: Path, journal: dict[str, Any]) -> Path:
    path = journal_path_for(take)
    atomic_write_json(path, journal)
    return path
