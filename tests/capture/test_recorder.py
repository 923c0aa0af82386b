"""The recorder without sound: manifests, watermark, overload, faults, disk guard, quality choice."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from artreview_desktop.core.capture import (
    DiskGuard,
    DiskSpaceError,
    EncoderSettings,
    FileCamera,
    RecordingSession,
    RecordingStats,
    StopReason,
    Watermark,
    check_take,
    choose_quality,
    find_unfinished_takes,
    journal_path_for,
    manifest_path_for,
    recover_take,
)
from artreview_desktop.core.capture.calibrate import PRESET_LADDER
from artreview_desktop.core.capture.clock import TakeClock
from tests.capture.media import DARK, decode_video


def record(
    camera: FileCamera, path: Path, seconds: float, metadata: dict[str, str] | None = None, **session_args: object
) -> RecordingSession:
    """Open, warm and start a video-only session on `camera` (320x240 ultrafast unless told)."""
    settings = session_args.pop("settings", None) or EncoderSettings(320, 240, 30, "ultrafast")
    session = RecordingSession(camera, None, settings, **session_args)  # type: ignore[arg-type]
    session.open()
    assert session.wait_until_ready(10)
    session.start(path, max_seconds=seconds, metadata=metadata)
    return session


def test_manifest_matches_the_file(camera_file: Callable[..., Path], takes_dir: Path) -> None:
    camera = FileCamera(camera_file(frames=45))
    take = takes_dir / "take.mp4"
    session = record(camera, take, 1.5, metadata={"exam": "demo"})
    assert journal_path_for(take).exists(), "the journal marks the take unfinished while it records"
    result = session.wait(60)
    session.close()
    assert result is not None
    m = result.manifest
    data = take.read_bytes()
    assert m["sha256"] == hashlib.sha256(data).hexdigest()
    assert m["bytes"] == len(data)
    assert result.manifest_path == manifest_path_for(take)
    assert result.manifest_path.exists()
    assert not journal_path_for(take).exists()
    decoded = decode_video(take)
    frames = m["frames"]
    assert frames["encoded"] == len(decoded.times) > 0
    assert frames["captured"] == frames["encoded"] + frames["dropped"] + frames["before_audio"]
    assert m["duration_s"] >= 1.5
    assert decoded.times[0] == 0.0
    assert abs(m["video_duration_s"] - (decoded.times[-1] + 1 / 30)) < 0.002
    assert m["stop_reason"] == StopReason.DURATION
    assert m["encoder"]["preset"] == "ultrafast"
    assert m["encoder"]["gop"] <= 60
    assert m["devices"]["camera"]["name"] == camera.name
    assert m["metadata"] == {"exam": "demo"}
    assert m["audio"]["samples"] == 0
    assert m["devices"]["microphone"] is None


def test_watermark_is_burned_in(camera_file: Callable[..., Path], takes_dir: Path) -> None:
    watermark = Watermark("A1234567", time_text=lambda: "2026-11-29 10:00:00")
    session = record(FileCamera(camera_file(frames=30)), takes_dir / "wm.mp4", 0.5, watermark=watermark)
    result = session.wait(60)
    session.close()
    assert result is not None
    assert result.manifest["watermark"] == {"text": "A1234567"}
    x, y, w, h = watermark.region()
    assert w > 50
    assert h > 10
    frame = decode_video(result.path, keep_frames=True).frames[-1].astype(int)
    region = frame[y : y + h, x : x + w]
    # The source is flat DARK there; the watermark darkens the box and draws bright text.
    assert region.max() > DARK + 100
    assert (region < DARK - 5).mean() > 0.3
    outside = frame[: y - 4, -w:]  # top-right corner of the same size: untouched source
    assert abs(outside.mean() - DARK) < 6


def test_frames_are_dropped_and_counted_when_encoding_cannot_keep_up(
    camera_file: Callable[..., Path], takes_dir: Path
) -> None:
    """A 640x360 camera at 240 fps with the slowest preset is more than two cores can encode."""
    camera = FileCamera(camera_file(width=640, height=360, frames=20, noise=True), fps=240)
    settings = EncoderSettings(640, 360, 240, "faster")
    session = record(camera, takes_dir / "overload.mp4", 1.0, settings=settings, video_queue_seconds=0.05)
    result = session.wait(120)
    session.close()
    assert result is not None
    frames = result.manifest["frames"]
    assert frames["dropped"] > 0
    assert frames["captured"] == frames["encoded"] + frames["dropped"] + frames["before_audio"]
    assert len(decode_video(result.path).times) == frames["encoded"]


def test_camera_lost_mid_take_stops_with_a_playable_file(
    camera_file: Callable[..., Path], takes_dir: Path
) -> None:
    """The camera file is cut to nothing while it plays, as when a USB camera is pulled out."""
    source = camera_file(frames=30)
    take = takes_dir / "lost.mp4"
    truncated = threading.Event()

    def on_progress(stats: RecordingStats) -> None:
        if stats.media_seconds >= 0.5 and not truncated.is_set():
            os.truncate(source, 0)
            truncated.set()

    session = record(FileCamera(source, loop=True), take, 60, on_progress=on_progress)
    result = session.wait(60)
    session.close()
    assert truncated.is_set()
    assert result is not None
    assert result.stop_reason == StopReason.CAMERA_LOST
    assert "stopped delivering" in result.manifest["stop_detail"] or "cannot read" in result.manifest["stop_detail"]
    assert result.manifest["interruptions"][0]["what"] == StopReason.CAMERA_LOST
    check = check_take(take)
    assert check.decodable
    assert check.video_frames == result.manifest["frames"]["encoded"] >= 15


def test_disk_guard_refuses_to_start_with_the_numbers(camera_file: Callable[..., Path], takes_dir: Path) -> None:
    guard = DiskGuard(takes_dir, max_take_bytes=80 * 2**20, free_bytes=lambda folder: 30 * 2**20)
    session = RecordingSession(FileCamera(camera_file()), None, EncoderSettings(320, 240, 30, "ultrafast"))
    session.open()
    try:
        with pytest.raises(DiskSpaceError, match=r"30\.0 MB free, 160\.0 MB needed"):
            session.start(takes_dir / "nospace.mp4", disk_guard=guard)
    finally:
        session.close()
    assert not (takes_dir / "nospace.mp4").exists()


def test_disk_filling_up_during_the_take_stops_it_cleanly(camera_file: Callable[..., Path], takes_dir: Path) -> None:
    """The simulated disk has 120 kB left above the margin; what the writer writes uses it up."""
    take = takes_dir / "full.mp4"
    margin = 100_000

    def free_space(folder: Path) -> int:
        used = take.stat().st_size if take.exists() else 0
        return 2 * margin + 20_000 - used

    guard = DiskGuard(takes_dir, max_take_bytes=1_000, safety_margin=margin, free_bytes=free_space)
    camera = FileCamera(camera_file(width=640, height=480, frames=30, noise=True))
    session = RecordingSession(camera, None, EncoderSettings(640, 480, 30, "ultrafast"))
    session.open()
    session.start(take, max_seconds=120, disk_guard=guard)
    result = session.wait(120)
    session.close()
    assert result is not None
    assert result.stop_reason == StopReason.DISK_FULL
    assert "below the safety margin" in result.manifest["stop_detail"]
    assert take.stat().st_size > margin + 20_000
    check = check_take(take)
    assert check.decodable
    assert check.video_frames == result.manifest["frames"]["encoded"]
    assert result.manifest["sha256"] == hashlib.sha256(take.read_bytes()).hexdigest()


def test_a_take_being_recorded_is_not_offered_for_recovery(
    camera_file: Callable[..., Path], takes_dir: Path
) -> None:
    take = takes_dir / "live.mp4"
    seen: list[list[object]] = []

    def on_progress(stats: RecordingStats) -> None:
        if stats.media_seconds > 0.3 and not seen:
            seen.append(find_unfinished_takes(takes_dir))  # type: ignore[arg-type]

    session = record(FileCamera(camera_file()), take, 1.0, on_progress=on_progress)
    result = session.wait(60)
    session.close()
    assert result is not None
    assert seen
    [unfinished] = seen[0]
    assert unfinished.path == take
    assert unfinished.still_recording
    with pytest.raises(ValueError, match="still being recorded"):
        recover_take(unfinished)  # type: ignore[arg-type]
    assert find_unfinished_takes(takes_dir) == []


def test_auto_quality_picks_the_best_preset_within_the_budget() -> None:
    choice = choose_quality(640, 360, 30, "auto", frames_per_probe=12)
    assert not choice.forced
    assert choice.measurements
    assert choice.cpu_budget_cores is not None
    fitting = [m["preset"] for m in choice.measurements
               if m["cores_needed_realtime"] <= choice.cpu_budget_cores and m["width"] == choice.width
               and m["encode_fps"] >= 30 / 0.6]
    assert fitting, "something must fit at this small size"
    assert choice.preset == max(fitting, key=PRESET_LADDER.index)
    forced = choose_quality(1920, 1080, 30, "superfast")
    assert forced.forced
    assert forced.preset == "superfast"
    assert not forced.measurements


def test_file_camera_withholds_frames_like_a_struggling_webcam(camera_file: Callable[..., Path]) -> None:
    camera = FileCamera(camera_file(frames=12), loop=True, drop_every=3)
    camera.open()
    try:
        indices = [camera.read().index for _ in range(10)]
    finally:
        camera.close()
    assert indices == [0, 1, 3, 4, 6, 7, 9, 10, 12, 13]  # loops past the file's 12 frames
    assert camera.frames_withheld == 4


def test_one_session_records_take_after_take(camera_file: Callable[..., Path], takes_dir: Path) -> None:
    """"再次录制" (record again): the devices stay open between takes."""
    session = record(FileCamera(camera_file()), takes_dir / "first.mp4", 0.5)
    first = session.wait(60)
    session.start(takes_dir / "second.mp4", max_seconds=0.5)
    second = session.wait(60)
    session.close()
    assert first is not None
    assert second is not None
    assert first.path != second.path
    for result in (first, second):
        assert result.stop_reason == StopReason.DURATION
        assert check_take(result.path).video_frames == result.manifest["frames"]["encoded"] > 10


def test_take_clock_takes_the_least_delayed_audio_block_and_follows_drift() -> None:
    """Blocks of 480 samples (10 ms) arrive 0–8 ms late; the anchor is the on-time estimate, and a
    sound card running 0.1% slow moves the anchor once the window has slid past the old blocks."""
    clock = TakeClock(48_000, window_s=1.0)
    lateness = [0.008, 0.001, 0.0, 0.005, 0.003]
    for i in range(100):
        clock.add_audio(100.0 + (i + 1) * 0.010 + lateness[i % 5], i * 480, 480)
    assert clock.anchor == pytest.approx(100.0)
    assert clock.video_pts(100.5) == 45_000
    assert clock.video_pts(99.99) is None
    for i in range(100, 400):  # the card now delivers 480 samples every 10.01 ms
        clock.add_audio(101.0 + (i - 99) * 0.01001 + lateness[i % 5], i * 480, 480)
    drift = 300 * 0.00001
    assert clock.anchor == pytest.approx(100.0 + drift, abs=0.0012)
    assert clock.describe()["audio_arrival_jitter_ms"] >= 8.0
