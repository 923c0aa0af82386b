"""The PyAV side of a take: H.264 (libx264, frame threads) + AAC into crash-safe fragmented MP4.

Time bases follow ENGINEERING.md §3: audio pts are sample counts (1/48000), video pts are capture
times on the audio clock (1/90000), forced monotonic. Only the recorder's encoder thread uses it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from fractions import Fraction
from typing import Any, cast

import av
import cv2
import numpy as np

from artreview_desktop.core.capture.disk import AUDIO_BITRATE, max_video_bitrate
from artreview_desktop.core.capture.manifest import HashingWriter
from artreview_desktop.core.capture.protocols import BgrImage, Samples

VIDEO_TIME_BASE = Fraction(1, 90_000)
PRESETS = ("ultrafast", "superfast", "veryfast", "faster")
#: Fragments are cut at every keyframe and at least this often, so a crash loses at most this much.
FRAGMENT_MICROSECONDS = 250_000
MUXER_OPTIONS = {
    "movflags": "frag_keyframe+empty_moov+default_base_moof",
    "flush_packets": "1",
    "frag_duration": str(FRAGMENT_MICROSECONDS),
}


def even(value: int) -> int:
    """yuv420p needs even dimensions."""
    return max(2, value - value % 2)


@dataclass(frozen=True)
class EncoderSettings:
    width: int
    height: int
    fps: float
    preset: str = "veryfast"
    crf: int = 23
    gop_seconds: float = 2.0
    audio_sample_rate: int = 48_000
    audio_channels: int = 1
    audio_bitrate: int = AUDIO_BITRATE

    def __post_init__(self) -> None:
        if self.preset not in PRESETS:
            raise ValueError(f"unknown x264 preset {self.preset!r} (choose from {', '.join(PRESETS)})")
        if self.width < 2 or self.height < 2 or not 1 <= self.fps <= 240:
            raise ValueError(f"unusable video mode {self.width}x{self.height} at {self.fps} fps")
        object.__setattr__(self, "width", even(self.width))
        object.__setattr__(self, "height", even(self.height))

    @property
    def gop(self) -> int:
        return max(1, int(self.fps * self.gop_seconds))

    @property
    def max_bitrate(self) -> int:
        return max_video_bitrate(self.width, self.height, self.fps, self.preset)

    def x264_options(self) -> dict[str, str]:
        """Also handed to the ffmpeg CLI by the benchmark, so both encode the same way."""
        return {
            "preset": self.preset,
            "crf": str(self.crf),
            "maxrate": str(self.max_bitrate),
            "bufsize": str(2 * self.max_bitrate),
        }

    def describe(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "codec": "h264 (libx264)",
            "pix_fmt": "yuv420p",
            "gop": self.gop,
            "thread_type": "FRAME",
            "max_bitrate": self.max_bitrate,
            "audio_codec": "aac",
            "container": "fragmented mp4",
            "muxer_options": dict(MUXER_OPTIONS),
        }


def to_yuv_frame(image: BgrImage, width: int, height: int) -> av.VideoFrame:
    """BGR camera image → yuv420p frame of the output size (OpenCV's SIMD conversion)."""
    if image.shape[1] != width or image.shape[0] != height:
        src_h, src_w = image.shape[:2]
        if src_w - width in (0, 1) and src_h - height in (0, 1):
            image = image[:height, :width]  # odd camera size: drop the last row/column
        else:
            image = cast(BgrImage, cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA))
    yuv = cast(BgrImage, cv2.cvtColor(np.ascontiguousarray(image), cv2.COLOR_BGR2YUV_I420))
    return av.VideoFrame.from_ndarray(yuv, format="yuv420p")


class TakeEncoder:
    """Owns the container, the streams and the hashing writer of one take."""

    def __init__(self, writer: HashingWriter, settings: EncoderSettings, with_audio: bool) -> None:
        self.writer = writer
        self.settings = settings
        self.container = av.open(writer, "w", format="mp4", options=dict(MUXER_OPTIONS))
        self.container.metadata["comment"] = "ArtReview Desktop take"
        video = self.container.add_stream(
            "libx264", rate=Fraction(settings.fps).limit_denominator(1001), options=settings.x264_options()
        )
        video.width = settings.width
        video.height = settings.height
        video.pix_fmt = "yuv420p"
        video.time_base = VIDEO_TIME_BASE
        ctx = video.codec_context
        ctx.time_base = VIDEO_TIME_BASE
        ctx.thread_type = "FRAME"
        ctx.thread_count = 0  # x264 picks its own count (1.5 × cores), as the ffmpeg CLI lets it
        ctx.gop_size = settings.gop
        self.video = video
        self.audio: Any = None
        if with_audio:
            layout = "mono" if settings.audio_channels == 1 else "stereo"
            audio = self.container.add_stream("aac", rate=settings.audio_sample_rate, layout=layout)
            audio.bit_rate = settings.audio_bitrate
            audio.time_base = Fraction(1, settings.audio_sample_rate)
            audio.codec_context.time_base = Fraction(1, settings.audio_sample_rate)
            self.audio = audio
        self.last_video_pts = -1
        self.frames_encoded = 0
        self.audio_samples = 0

    def encode_video(self, frame: av.VideoFrame, pts: int) -> int:
        """Encode with `pts` (1/90000) forced above the previous one; returns the pts used."""
        pts = max(pts, self.last_video_pts + 1)
        frame.pts = pts
        frame.time_base = VIDEO_TIME_BASE
        self.container.mux(self.video.encode(frame))
        self.last_video_pts = pts
        self.frames_encoded += 1
        return pts

    def encode_audio(self, samples: Samples) -> None:
        """Append samples (frames × channels); their pts is the running sample count."""
        rate = self.settings.audio_sample_rate
        frame = av.AudioFrame.from_ndarray(
            np.ascontiguousarray(samples, dtype=np.float32).reshape(1, -1),
            format="flt",
            layout="mono" if samples.shape[1] == 1 else "stereo",
        )
        frame.sample_rate = rate
        frame.pts = self.audio_samples
        frame.time_base = Fraction(1, rate)
        self.container.mux(self.audio.encode(frame))
        self.audio_samples += samples.shape[0]

    def finish(self) -> None:
        """Flush both encoders and close the container (the last fragment and the mfra)."""
        try:
            self.container.mux(self.video.encode(None))
            if self.audio is not None:
                self.container.mux(self.audio.encode(None))
        finally:
            self.container.close()

    def abandon(self) -> None:
        """After a write error: close what can be closed; the fragments already written stay valid."""
        try:
            self.container.close()
        except Exception:
            pass
