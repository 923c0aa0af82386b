"""Choosing the camera and microphone from a setting, shared by the equipment check, the
recording page and the ID photo.

A camera setting is a device index ("0"), a video file used as the camera, or "demo": a moving
test pattern the app makes once, so that demo mode works on a machine with no camera.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import cv2
import numpy as np

from artreview_desktop.core.capture import (
    CameraSource,
    CaptureError,
    DeviceCamera,
    DiskGuard,
    EncoderSettings,
    FileCamera,
    MicrophoneSource,
    QualityChoice,
    RecordingSession,
    SoundDeviceMicrophone,
    choose_quality,
    list_cameras,
    max_take_bytes,
    resolve_microphone,
)

log = logging.getLogger(__name__)

DEMO_CAMERA = "demo"
AUTO_CAMERA = "auto"
NO_MICROPHONE = "none"
DEMO_SIZE = (1280, 720)
DEMO_FPS = 30
DEMO_SECONDS = 8


def demo_camera_file(cache_dir: Path) -> Path:
    """A looping test-pattern clip (made on first use): colour bars, a moving disc and a clock."""
    path = Path(cache_dir) / f"demo-camera-{DEMO_SIZE[0]}x{DEMO_SIZE[1]}-v1.mp4"
    if path.exists() and path.stat().st_size > 0:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.stem}.{os.getpid()}.{threading.get_ident()}.partial.mp4")
    width, height = DEMO_SIZE
    bars = np.zeros((height, width, 3), np.uint8)
    colours = [(235, 235, 235), (0, 235, 235), (235, 235, 0), (0, 235, 0), (235, 0, 235), (0, 0, 235),
               (235, 0, 0)]
    for index, colour in enumerate(colours):
        bars[:, index * width // len(colours):(index + 1) * width // len(colours)] = colour
    with av.open(str(partial), "w") as container:
        stream = container.add_stream("libx264", rate=DEMO_FPS)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.codec_context.time_base = Fraction(1, DEMO_FPS)
        stream.options = {"preset": "ultrafast", "crf": "28"}
        for number in range(DEMO_FPS * DEMO_SECONDS):
            image = bars.copy()
            phase = number / (DEMO_FPS * DEMO_SECONDS)
            centre = (int(width * (0.1 + 0.8 * phase)), int(height * 0.5 + 120 * np.sin(phase * 2 * np.pi)))
            cv2.circle(image, centre, 60, (30, 30, 30), -1)
            cv2.putText(image, f"ArtReview demo camera  {number / DEMO_FPS:05.2f}s", (40, height - 40),
                        cv2.FONT_HERSHEY_SIMPLEX, 1.2, (20, 20, 20), 3, cv2.LINE_AA)
            frame = av.VideoFrame.from_ndarray(image, format="bgr24")
            frame.pts = number
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    partial.replace(path)
    return path


def default_camera_spec() -> str:
    """The first camera that opens, else the demo pattern."""
    cameras = list_cameras()
    return str(cameras[0].index) if cameras else DEMO_CAMERA


def open_camera(spec: str, cache_dir: Path, width: int = 1280, height: int = 720, fps: float = 30) -> CameraSource:
    """A camera for `spec`; raises CaptureError with a clear reason when there is none."""
    spec = spec.strip()
    if spec == AUTO_CAMERA:
        spec = default_camera_spec()
    if spec == DEMO_CAMERA:
        return FileCamera(demo_camera_file(cache_dir), loop=True)
    if spec.isdigit():
        return DeviceCamera(int(spec), width, height, fps)
    path = Path(spec).expanduser()
    if not path.is_file():
        raise CaptureError(f"no camera {spec!r}: not a device index and not a video file")
    return FileCamera(path, loop=True)


def open_microphone(spec: str) -> MicrophoneSource | None:
    if spec.strip().lower() == NO_MICROPHONE:
        return None
    return SoundDeviceMicrophone(resolve_microphone(spec))


@dataclass(frozen=True)
class CaptureSetup:
    """What a recording will use: the devices, the encoder settings and why they were chosen."""

    session: RecordingSession
    quality: QualityChoice

    def disk_guard(self, folder: Path, max_seconds: float) -> DiskGuard:
        settings = self.session.settings
        limit = max_take_bytes(settings.width, settings.height, settings.fps, settings.preset, max_seconds,
                               audio=self.session.microphone is not None)
        return DiskGuard(folder, limit)


def build_capture(
    camera_spec: str,
    microphone_spec: str,
    preset: str,
    cache_dir: Path,
    quality_cache: dict[tuple[int, int, float, str], QualityChoice] | None = None,
    **session_options: Any,
) -> CaptureSetup:
    """Open nothing yet: pick the devices and the quality (measuring this machine once per mode)."""
    camera = open_camera(camera_spec, cache_dir)
    microphone = open_microphone(microphone_spec)
    camera.open()  # the actual mode is only known once the device is open
    try:
        width, height, fps = camera.width, camera.height, camera.fps or 30.0
    finally:
        camera.close()
    key = (width, height, fps, preset)
    quality = quality_cache.get(key) if quality_cache is not None else None
    if quality is None:
        quality = choose_quality(width, height, fps, preset)
        if quality_cache is not None:
            quality_cache[key] = quality
    settings = EncoderSettings(quality.width, quality.height, quality.fps, quality.preset)
    session = RecordingSession(camera, microphone, settings, quality=quality.as_dict(), **session_options)
    return CaptureSetup(session, quality)
