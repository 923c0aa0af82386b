"""Test media made on the spot with PyAV (camera files) and numpy (PCM for the sink), and helpers
that read recorded takes back. Nothing here imitates a device: the file camera goes through
cv2.VideoCapture and the sound through PulseAudio, as in production.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np

REPO = Path(__file__).resolve().parents[2]
SAMPLE_RATE = 48_000
DARK, BRIGHT = 40, 255


def make_camera_file(
    path: Path,
    width: int = 320,
    height: int = 240,
    fps: int = 30,
    frames: int = 60,
    flashes: Iterable[int] = (),
    noise: bool = False,
) -> Path:
    """A video to use as the camera: dark frames with their number drawn in, white on `flashes`.

    Odd sizes are written as FFV1/MKV (H.264 needs even sizes); even ones as H.264/MP4.
    """
    flash_set = set(flashes)
    odd = width % 2 or height % 2
    rng = np.random.default_rng(7)
    with av.open(str(path), "w") as container:
        stream = container.add_stream("ffv1" if odd else "libx264", rate=fps)
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv444p" if odd else "yuv420p"
        if not odd:
            stream.options = {"preset": "ultrafast", "crf": "18"}
        for i in range(frames):
            image = np.full((height, width, 3), BRIGHT if i in flash_set else DARK, np.uint8)
            if noise:
                image = cv2.add(image, rng.integers(0, 60, image.shape, dtype=np.uint8))
            cv2.putText(image, str(i), (8, height // 2), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (0, 200, 0), 2)
            frame = av.VideoFrame.from_ndarray(image, format="bgr24")
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return path


# -- reading takes back --------------------------------------------------------------------------


@dataclass
class DecodedVideo:
    times: np.ndarray  # seconds (presentation time)
    brightness: np.ndarray  # mean luma of each frame
    frames: list[np.ndarray]  # BGR images (only when asked for)


def decode_video(path: Path, keep_frames: bool = False) -> DecodedVideo:
    times, brightness, frames = [], [], []
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            times.append(float(frame.time))
            gray = frame.to_ndarray(format="gray")
            brightness.append(float(gray.mean()))
            if keep_frames:
                frames.append(frame.to_ndarray(format="bgr24"))
    return DecodedVideo(np.array(times), np.array(brightness), frames)


def decode_audio(path: Path) -> tuple[np.ndarray, float]:
    """Mono float samples and the time of the first one."""
    chunks = []
    start = None
    with av.open(str(path)) as container:
        for frame in container.decode(audio=0):
            if start is None:
                start = float(frame.time)
            chunks.append(frame.to_ndarray().reshape(frame.layout.nb_channels, -1)[0])
    return (np.concatenate(chunks) if chunks else np.zeros(0, np.float32)), (start or 0.0)


# -- sound into the PulseAudio sink ----------------------------------------------------------------


def tone(frequency: float, seconds: float, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (amplitude * np.sin(2 * np.pi * frequency * t)).astype(np.float32)


def pcm16(samples: np.ndarray) -> bytes:
    return (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()


class SinkPlayer:
    """pacat into the sink, fed raw s16le mono: it plays whatever we hand it, when we hand it.

    pacat takes its input at the playback rate, so a plain write of n seconds of sound blocks for
    about n seconds and returns when all but the last pipe-full (64 KiB, 0.68 s at 48 kHz s16 mono)
    has already been played. `play` therefore writes from a thread and returns at once: the sound
    is playing, not over, when the test goes on.
    """

    def __init__(self, latency_ms: int = 10) -> None:
        self.process = subprocess.Popen(
            ["pacat", "--playback", "--device=vsink", "--raw", "--format=s16le", "--channels=1",
             f"--rate={SAMPLE_RATE}", f"--latency-msec={latency_ms}", "--client-name=artreview-test"],
            stdin=subprocess.PIPE,
        )
        self._writers: list[threading.Thread] = []
        self._lock = threading.Lock()  # keeps the PCM of successive `play` calls in order

    def play(self, samples: np.ndarray) -> None:
        """Queue `samples` after anything queued before; returns without waiting for them to play."""
        writer = threading.Thread(target=self._write, args=(pcm16(samples),), name="sink-player", daemon=True)
        self._writers.append(writer)
        writer.start()

    def _write(self, data: bytes) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        with self._lock:
            try:
                stdin.write(data)
                stdin.flush()
            except (BrokenPipeError, ValueError):  # stopped before the sound had played to its end
                pass

    def stop(self) -> None:
        """Stop at once (whatever has not played yet is dropped) and reap pacat and the writers."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        for writer in self._writers:
            writer.join(timeout=10)
        if self.process.stdin is not None:
            try:
                self.process.stdin.close()
            except BrokenPipeError:
                pass


# -- the command line ------------------------------------------------------------------------------


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def artreview(*args: str) -> list[str]:
    return [sys.executable, "-m", "artreview_desktop.cli", *args]


def run_artreview(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(artreview(*args), capture_output=True, text=True, timeout=timeout, env=cli_env(), cwd=REPO)


def last_json(stdout: str) -> dict[str, object]:
    lines = [line for line in stdout.splitlines() if line.strip()]
    assert lines, "no output on stdout"
    result = json.loads(lines[-1])
    assert isinstance(result, dict)
    return result
