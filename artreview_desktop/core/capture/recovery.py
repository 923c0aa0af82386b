"""Unfinished takes: find them, check them, recover them. Nothing is ever deleted here.

A take is unfinished while its `.recording` journal exists (written at start, removed after the
manifest). If the process that wrote it is gone, the take was interrupted (killed, crashed, power
loss). Its fragmented MP4 still plays up to the last complete fragment; recovery remuxes what is
readable into `<name>.recovered.mp4` with a manifest marked `recovered`, and keeps the original
file and the journal (renamed `.recording.recovered`) for the record.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import av
import psutil

from artreview_desktop.core.capture.encoder import MUXER_OPTIONS
from artreview_desktop.core.capture.manifest import (
    JOURNAL_SUFFIX,
    HashingWriter,
    manifest_path_for,
    sha256_of_file,
    write_manifest,
)

log = logging.getLogger(__name__)

RECOVERED_JOURNAL_SUFFIX = JOURNAL_SUFFIX + ".recovered"


@dataclass(frozen=True)
class UnfinishedTake:
    path: Path
    journal_path: Path
    journal: dict[str, Any]
    still_recording: bool


@dataclass(frozen=True)
class TakeCheck:
    """What a take file holds, found by demuxing and decoding it."""

    path: Path
    bytes: int
    decodable: bool
    video_frames: int = 0
    video_seconds: float = 0.0
    audio_seconds: float = 0.0
    error: str = ""

    @property
    def duration_s(self) -> float:
        return max(self.video_seconds, self.audio_seconds)


@dataclass(frozen=True)
class RecoveryResult:
    original: Path
    recovered: Path
    manifest_path: Path
    check: TakeCheck
    manifest: dict[str, Any] = field(repr=False)


def _writer_is_running(journal: dict[str, Any]) -> bool:
    pid = journal.get("pid")
    started = journal.get("started_at_epoch")
    if not isinstance(pid, int) or not psutil.pid_exists(pid):
        return False
    try:
        created = psutil.Process(pid).create_time()
    except psutil.Error:
        return False
    # The same pid with a later start time is another program that reused the number.
    return not isinstance(started, (int, float)) or created <= started + 1.0


def find_unfinished_takes(folder: Path) -> list[UnfinishedTake]:
    """Takes in `folder` whose journal is still there (still_recording: the writer is alive)."""
    found = []
    for journal_path in sorted(Path(folder).glob(f"*{JOURNAL_SUFFIX}")):
        take = journal_path.with_name(journal_path.name[: -len(JOURNAL_SUFFIX)])
        try:
            journal = json.loads(journal_path.read_text(encoding="utf-8"))
            if not isinstance(journal, dict):
                raise ValueError("not an object")
        except (OSError, ValueError) as exc:
            log.warning("unreadable journal %s: %s", journal_path.name, exc)
            journal = {}
        found.append(UnfinishedTake(take, journal_path, journal, _writer_is_running(journal)))
    return found


def check_take(path: Path) -> TakeCheck:
    """Decode the whole take: frame count, video and audio duration, or why it is unreadable."""
    path = Path(path)
    size = path.stat().st_size if path.exists() else 0
    if not size:
        return TakeCheck(path, size, False, error="empty or missing file")
    frames = 0
    video_end = audio_end = 0.0
    error = ""
    try:
        with av.open(str(path)) as container:
            video_stream = container.streams.video[0] if container.streams.video else None
            audio_stream = container.streams.audio[0] if container.streams.audio else None
            try:
                for packet in container.demux():
                    if packet.pts is None or packet.time_base is None:
                        continue
                    end = float((packet.pts + (packet.duration or 0)) * packet.time_base)
                    if packet.stream is video_stream:
                        frames += len(packet.decode())
                        video_end = max(video_end, end)
                    elif packet.stream is audio_stream:
                        audio_end = max(audio_end, end)
            except av.error.FFmpegError as exc:  # a torn last fragment: keep what decoded
                error = f"stopped reading at a damaged part: {exc}"
    except (av.error.FFmpegError, OSError, IndexError) as exc:
        return TakeCheck(path, size, False, error=f"{type(exc).__name__}: {exc}")
    return TakeCheck(path, size, frames > 0, frames, round(video_end, 3), round(audio_end, 3), error)


def recovered_path_for(take: Path) -> Path:
    return take.with_name(f"{take.stem}.recovered{take.suffix or '.mp4'}")


def _remux(source: Path, target: Path) -> None:
    """Copy every readable packet into a fresh fragmented MP4 (no re-encoding)."""
    writer = HashingWriter(target, overwrite=True)
    try:
        with av.open(str(source)) as src:
            out = av.open(writer, "w", format="mp4", options=dict(MUXER_OPTIONS))
            try:
                mapping = {
                    s.index: out.add_stream_from_template(s) for s in src.streams if s.type in ("video", "audio")
                }
                try:
                    for packet in src.demux():
                        if packet.dts is None or packet.stream.index not in mapping:
                            continue
                        packet.stream = mapping[packet.stream.index]
                        out.mux(packet)
                except av.error.FFmpegError as exc:
                    log.info("remux of %s stopped at a damaged part: %s", source.name, exc)
            finally:
                out.close()
    finally:
        writer.close()


def recover_take(take: UnfinishedTake) -> RecoveryResult:
    """Remux an interrupted take into `<name>.recovered.mp4` and write its manifest.

    Raises ValueError if the writer is still running or nothing in the file can be decoded; in
    both cases every file is left as it was.
    """
    if take.still_recording:
        raise ValueError(f"{take.path.name} is still being recorded by process {take.journal.get('pid')}")
    original = check_take(take.path)
    if not original.decodable:
        raise ValueError(f"{take.path.name} cannot be recovered: {original.error or 'no decodable video'}")
    target = recovered_path_for(take.path)
    _remux(take.path, target)
    check = check_take(target)
    if not check.decodable:
        raise ValueError(f"remuxing {take.path.name} produced no decodable video: {check.error}")
    manifest: dict[str, Any] = {
        "path": str(target),
        "file_name": target.name,
        "sha256": sha256_of_file(target),
        "sha256_method": "read back after remux",
        "bytes": target.stat().st_size,
        "duration_s": check.duration_s,
        "video_duration_s": check.video_seconds,
        "audio_duration_s": check.audio_seconds,
        "frames": {"encoded": check.video_frames},
        "encoder": take.journal.get("encoder", {}),
        "quality": take.journal.get("quality", {}),
        "devices": take.journal.get("devices", {}),
        "started_at": take.journal.get("started_at"),
        "stopped_at": None,
        "stop_reason": "interrupted",
        "stop_detail": "the recording process ended without finishing the take (killed, crashed or power lost)",
        "interruptions": [{"what": "interrupted", "at_media_seconds": check.duration_s}],
        "recovered": True,
        "recovered_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "recovered_from": {"path": str(take.path), "bytes": original.bytes,
                           "sha256": sha256_of_file(take.path), "read_error": original.error},
        "metadata": take.journal.get("metadata", {}),
    }
    manifest_path = write_manifest(target, manifest)
    take.journal_path.rename(take.journal_path.with_name(take.path.name + RECOVERED_JOURNAL_SUFFIX))
    log.info("recovered %s → %s (%.1f s)", take.path.name, target.name, check.duration_s)
    return RecoveryResult(take.path, target, manifest_path, check, manifest)


__all__ = [
    "RecoveryResult",
    "TakeCheck",
    "UnfinishedTake",
    "check_take",
    "find_unfinished_takes",
    "manifest_path_for",
    "recover_take",
    "recovered_path_for",
]
