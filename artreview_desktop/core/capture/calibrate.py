"""Adaptive quality: measure this machine's x264 speed and pick a preset (and, if needed, a smaller
size) whose real-time encoding stays within ~60% of the CPU (ENGINEERING.md §3: 720p30 veryfast
costs ~1.3 of 2 cores here, ultrafast about a third of that). A forced preset skips the measurement.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from functools import lru_cache
from typing import Any, cast

import av
import cv2
import numpy as np

from artreview_desktop.core.capture.encoder import VIDEO_TIME_BASE, EncoderSettings, even
from artreview_desktop.core.capture.protocols import BgrImage

log = logging.getLogger(__name__)

#: From the cheapest to the best compression: we take the last one that fits the budget.
PRESET_LADDER = ("ultrafast", "superfast", "veryfast", "faster")
FALLBACK_HEIGHTS = (1080, 720, 540, 480, 360, 240)
DEFAULT_CPU_BUDGET = 0.6


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


@lru_cache(maxsize=4)
def _scene(width: int, height: int) -> tuple[BgrImage, tuple[BgrImage, ...]]:
    """Camera-like content: soft shapes, and sensor grain that changes every frame (as a webcam's
    does), so x264 works as hard as on a real camera."""
    rng = np.random.default_rng(20261129)
    coarse = rng.integers(0, 256, (max(2, height // 24), max(2, width // 24), 3), dtype=np.uint8)
    soft = cast(BgrImage, cv2.resize(coarse, (width, height), interpolation=cv2.INTER_CUBIC))
    grains = tuple(rng.integers(0, 10, (height, width, 3), dtype=np.uint8) for _ in range(5))
    return soft, grains


def synthetic_frame(width: int, height: int, index: int) -> BgrImage:
    """Frame `index` of a moving test scene (panning texture, grain and a bouncing bright box)."""
    soft, grains = _scene(width, height)
    frame = np.roll(soft, (index * 3 % height, index * 5 % width), axis=(0, 1))
    frame = cast(BgrImage, cv2.add(frame, grains[index % len(grains)]))
    box = max(8, height // 8)
    x = (index * 7) % max(1, width - box)
    y = (index * 4) % max(1, height - box)
    frame[y : y + box, x : x + box] = (40, 200, 240)
    return frame


def measure_encode_cost(width: int, height: int, preset: str, fps: float = 30.0, frames: int = 30) -> dict[str, Any]:
    """CPU seconds per frame (all threads) to convert and encode camera-like frames."""
    width, height = even(width), even(height)
    images = [synthetic_frame(width, height, i) for i in range(min(frames, 12))]
    settings = EncoderSettings(width, height, fps, preset)
    ctx = av.CodecContext.create("libx264", "w")
    ctx.width, ctx.height, ctx.pix_fmt = width, height, "yuv420p"
    ctx.time_base = VIDEO_TIME_BASE
    ctx.framerate = Fraction(fps).limit_denominator(1001)
    ctx.gop_size = settings.gop
    ctx.thread_type = "FRAME"
    ctx.options = settings.x264_options()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for i in range(frames):
        yuv = cast(BgrImage, cv2.cvtColor(images[i % len(images)], cv2.COLOR_BGR2YUV_I420))
        frame = av.VideoFrame.from_ndarray(yuv, format="yuv420p")
        frame.pts = round(i * 90_000 / fps)
        ctx.encode(frame)
    ctx.encode(None)
    cpu = time.process_time() - cpu0
    wall = time.perf_counter() - wall0
    return {
        "preset": preset, "width": width, "height": height, "frames": frames,
        "cpu_ms_per_frame": round(cpu / frames * 1000, 3),
        "encode_fps": round(frames / wall, 2) if wall > 0 else None,
        "cores_needed_realtime": round(cpu / frames * fps, 3),
    }


@dataclass(frozen=True)
class QualityChoice:
    width: int
    height: int
    fps: float
    preset: str
    forced: bool
    reason: str
    cpu_budget_cores: float | None = None
    measurements: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _smaller_sizes(width: int, height: int) -> list[tuple[int, int]]:
    sizes = [(even(width), even(height))]
    for target in FALLBACK_HEIGHTS:
        if target < height:
            sizes.append((even(round(width * target / height)), even(target)))
    return sizes


def choose_quality(
    width: int,
    height: int,
    fps: float,
    preset: str = "auto",
    *,
    allow_downscale: bool = True,
    cpu_budget: float = DEFAULT_CPU_BUDGET,
    cores: int | None = None,
    frames_per_probe: int = 30,
) -> QualityChoice:
    """The preset (and size) to record with. `preset` other than "auto" is honoured as given."""
    if preset != "auto":
        return QualityChoice(even(width), even(height), fps, preset, True, f"preset {preset} forced")
    budget = cpu_budget * (cores or available_cores())
    measurements: list[dict[str, Any]] = []
    sizes = _smaller_sizes(width, height) if allow_downscale else [(even(width), even(height))]
    for w, h in sizes:
        chosen: str | None = None
        for candidate in PRESET_LADDER:
            result = measure_encode_cost(w, h, candidate, fps, frames_per_probe)
            measurements.append(result)
            # Both CPU time and speed must leave headroom: a preset that needs 55% of the CPU but
            # encodes barely faster than real time still drops frames once the camera, the audio
            # and the rest of the machine want their share.
            if result["cores_needed_realtime"] > budget or (result["encode_fps"] or 0) < fps / cpu_budget:
                break
            chosen = candidate
        if chosen is not None:
            reason = (f"{chosen} is the best-compressing preset that encodes {w}x{h}@{fps:g} within "
                      f"{budget:.2f} cores ({cpu_budget:.0%} of {cores or available_cores()}) and at "
                      f">= {fps / cpu_budget:.0f} fps")
            log.info("adaptive quality: %s", reason)
            return QualityChoice(w, h, fps, chosen, False, reason, round(budget, 3), measurements)
    w, h = sizes[-1]
    reason = f"even ultrafast at {w}x{h} exceeds {budget:.2f} cores or real-time headroom; recording anyway"
    log.info("adaptive quality: %s", reason)
    return QualityChoice(w, h, fps, "ultrafast", False, reason, round(budget, 3), measurements)
