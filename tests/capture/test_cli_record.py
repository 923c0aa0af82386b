"""`artreview record` as a user (or a script) runs it: real processes, real signals."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from artreview_desktop.core.capture import StopReason, check_take, find_unfinished_takes, manifest_path_for
from tests.capture.media import artreview, cli_env, decode_video, last_json, run_artreview

REQUIRED_FIELDS = {"path", "sha256", "bytes", "duration_s", "width", "height", "fps", "video_frames",
                   "dropped_frames", "audio_samples", "preset"}


def test_records_a_video_only_take_of_odd_size_with_auto_preset(
    camera_file: Callable[..., Path], takes_dir: Path
) -> None:
    source = camera_file(width=321, height=243, fps=25, frames=25)
    out = takes_dir / "odd.mp4"
    done = run_artreview("record", "--camera", str(source), "--mic", "none", "--seconds", "1.2",
                         "--out", str(out), "--watermark", "K-0042")
    assert done.returncode == 0, done.stderr
    summary = last_json(done.stdout)
    assert summary.keys() >= REQUIRED_FIELDS
    assert (summary["width"], summary["height"], summary["fps"]) == (320, 242, 25.0)
    assert summary["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert summary["bytes"] == out.stat().st_size
    assert summary["audio_samples"] == 0
    assert summary["video_frames"] == len(decode_video(out).times)
    assert summary["duration_s"] >= 1.2
    manifest = json.loads(manifest_path_for(out).read_text())
    quality = manifest["quality"]
    assert not quality["forced"]
    assert quality["measurements"]
    assert summary["preset"] == quality["preset"] == manifest["encoder"]["preset"]
    assert manifest["watermark"] == {"text": "K-0042"}


def test_resizes_to_the_asked_size_and_rate(camera_file: Callable[..., Path], takes_dir: Path) -> None:
    out = takes_dir / "sized.mp4"
    done = run_artreview("record", "--camera", str(camera_file()), "--mic", "none", "--seconds", "0.5",
                         "--out", str(out), "--size", "333x199", "--fps", "15", "--preset", "superfast")
    assert done.returncode == 0, done.stderr
    summary = last_json(done.stdout)
    assert (summary["width"], summary["height"], summary["fps"], summary["preset"]) == (332, 198, 15.0, "superfast")
    with_frames = decode_video(out, keep_frames=True)
    assert with_frames.frames[0].shape == (198, 332, 3)


def test_a_camera_file_that_ends_stops_the_take_as_camera_lost(
    camera_file: Callable[..., Path], takes_dir: Path
) -> None:
    out = takes_dir / "ended.mp4"
    done = run_artreview("record", "--camera", str(camera_file(frames=20)), "--mic", "none", "--no-loop",
                         "--seconds", "30", "--out", str(out), "--preset", "ultrafast")
    assert done.returncode == 3
    [error_line] = done.stderr.strip().splitlines()
    assert "camera_lost" in error_line
    assert str(out) in error_line
    summary = last_json(done.stdout)
    assert summary["stop_reason"] == StopReason.CAMERA_LOST
    # A camera runs from the moment it is opened: frames shown before "start" are not in the take.
    assert check_take(out).video_frames == summary["video_frames"]
    assert 10 <= summary["video_frames"] <= 20


@pytest.fixture
def not_a_video(tmp_path: Path) -> Path:
    path = tmp_path / "notes.mp4"
    path.write_text("this is not a video\n")
    return path


def test_bad_arguments_and_missing_devices_fail_in_one_line(
    camera_file: Callable[..., Path], takes_dir: Path, not_a_video: Path, tmp_path: Path
) -> None:
    camera = str(camera_file(frames=5))
    existing = takes_dir / "exists.mp4"
    existing.write_bytes(b"an earlier take")
    out = str(takes_dir / "new.mp4")
    cases = {
        "no camera given": ["--seconds", "1", "--out", out],
        "no such camera index": ["--camera", "7", "--seconds", "1", "--out", out],
        "missing camera file": ["--camera", str(tmp_path / "missing.mp4"), "--seconds", "1", "--out", out],
        "unreadable camera file": ["--camera", str(not_a_video), "--seconds", "1", "--out", out],
        "unknown microphone": ["--camera", camera, "--mic", "no-such-microphone", "--seconds", "1", "--out", out],
        "zero seconds": ["--camera", camera, "--seconds", "0", "--out", out],
        "seconds not a number": ["--camera", camera, "--seconds", "ten", "--out", out],
        "bad size": ["--camera", camera, "--seconds", "1", "--out", out, "--size", "640"],
        "bad fps": ["--camera", camera, "--seconds", "1", "--out", out, "--fps", "-5"],
        "unknown preset": ["--camera", camera, "--seconds", "1", "--out", out, "--preset", "slow"],
        "out exists": ["--camera", camera, "--seconds", "1", "--out", str(existing)],
        "out is a folder": ["--camera", camera, "--seconds", "1", "--out", str(takes_dir)],
    }
    processes = {
        name: subprocess.Popen(artreview("record", *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=cli_env())
        for name, args in cases.items()
    }
    failures = []
    for name, process in processes.items():
        stdout, stderr = process.communicate(timeout=120)
        lines = [line for line in stderr.splitlines() if line.strip()]
        if process.returncode == 0 or len(lines) != 1 or "Traceback" in stderr or stdout.strip():
            failures.append((name, process.returncode, stderr, stdout))
        else:
            assert lines[0].startswith("artreview record: error:") or "error:" in lines[0], (name, lines)
    assert not failures, failures
    assert existing.read_bytes() == b"an earlier take"
    assert not Path(out).exists()


@pytest.mark.audio
@pytest.mark.usefixtures("pulse_microphone")
def test_sigkill_mid_take_leaves_a_playable_file_that_the_next_start_recovers(
    camera_file: Callable[..., Path], takes_dir: Path
) -> None:
    seed = random.randrange(1 << 30)
    kill_after = random.Random(seed).uniform(2.0, 5.0)
    print(f"seed {seed}: SIGKILL after {kill_after:.2f} s of recording")
    take = takes_dir / "killed.mp4"
    process = subprocess.Popen(
        # veryfast (what auto picks for 720p here) holds more frames in x264 than ultrafast.
        artreview("record", "--camera", str(camera_file(frames=90)), "--seconds", "120", "--out", str(take),
                  "--preset", "veryfast", "--progress"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
    )
    try:
        assert process.stderr is not None
        started = None
        for line in process.stderr:
            if line.startswith("recording started:"):
                started = time.monotonic()
            elif started is not None and line.startswith("recording ") and time.monotonic() - started >= kill_after:
                break
        assert started is not None, "the recorder never said it started"
        os.kill(process.pid, signal.SIGKILL)
        elapsed = time.monotonic() - started
        process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == -signal.SIGKILL
    check = check_take(take)
    print(f"killed after {elapsed:.2f} s; the file holds {check.video_seconds:.2f} s of video, "
          f"{check.audio_seconds:.2f} s of audio")
    assert check.decodable, check.error
    assert check.video_seconds >= elapsed - 1.5, (check, elapsed)
    assert check.audio_seconds >= elapsed - 1.5, (check, elapsed)
    [unfinished] = find_unfinished_takes(takes_dir)
    assert unfinished.path == take
    assert not unfinished.still_recording

    # The next start of the recorder in the same folder finds the take and recovers it.
    nxt = run_artreview("record", "--camera", str(camera_file(frames=10)), "--mic", "none", "--seconds", "0.3",
                        "--out", str(takes_dir / "next.mp4"), "--preset", "ultrafast")
    assert nxt.returncode == 0, nxt.stderr
    [recovered] = last_json(nxt.stdout)["recovered_takes"]  # type: ignore[misc]
    recovered_path = Path(recovered["recovered"])
    assert recovered["original"] == str(take)
    assert take.exists(), "the original is never deleted"
    manifest = json.loads(manifest_path_for(recovered_path).read_text())
    assert manifest["recovered"] is True
    assert manifest["stop_reason"] == "interrupted"
    assert manifest["sha256"] == hashlib.sha256(recovered_path.read_bytes()).hexdigest()
    again = check_take(recovered_path)
    assert again.video_frames == check.video_frames
    assert again.video_seconds >= elapsed - 1.5
    assert find_unfinished_takes(takes_dir) == []


def _wait_for_progress(process: subprocess.Popen[str], seconds: float) -> None:
    """Read the recorder's progress lines until it has recorded `seconds` of media."""
    assert process.stderr is not None
    for line in process.stderr:
        words = line.split()
        if words[:1] == ["recording"] and words[1] != "started:" and float(words[1]) >= seconds:
            return
    raise AssertionError("the recorder ended before reporting progress")


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_stops_the_take_cleanly(
    camera_file: Callable[..., Path], takes_dir: Path, stop_signal: signal.Signals
) -> None:
    out = takes_dir / "signalled.mp4"
    process = subprocess.Popen(
        artreview("record", "--camera", str(camera_file()), "--mic", "none", "--seconds", "120",
                  "--out", str(out), "--preset", "ultrafast", "--progress"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
    )
    try:
        _wait_for_progress(process, 0.5)
        process.send_signal(stop_signal)
        stdout, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0
    summary = last_json(stdout)
    assert summary["stop_reason"] == StopReason.USER
    manifest = json.loads(manifest_path_for(out).read_text())
    assert manifest["stop_detail"] == f"stopped by {stop_signal.name}"
    assert summary["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert check_take(out).video_frames == summary["video_frames"] > 10


def _limit_file_size() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (150_000, 150_000))


def test_a_write_that_fails_mid_take_ends_it_with_a_playable_file(
    camera_file: Callable[..., Path], takes_dir: Path
) -> None:
    """The OS refuses to let the take grow past 150 kB (RLIMIT_FSIZE: EFBIG on write, like ENOSPC)."""
    out = takes_dir / "refused.mp4"
    process = subprocess.run(
        artreview("record", "--camera", str(camera_file(width=640, height=480, frames=30, noise=True)),
                  "--mic", "none", "--seconds", "60", "--out", str(out), "--preset", "ultrafast"),
        capture_output=True, text=True, env=cli_env(), timeout=120, preexec_fn=_limit_file_size,
    )
    assert process.returncode == 3, process.stderr
    [error_line] = process.stderr.strip().splitlines()
    assert "write_error" in error_line
    summary = last_json(process.stdout)
    assert summary["stop_reason"] == StopReason.WRITE_ERROR
    assert out.stat().st_size == summary["bytes"] <= 150_000
    assert summary["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    check = check_take(out)
    assert check.decodable
    assert check.video_frames > 0
