"""The microphone through sounddevice (PortAudio), 48 kHz mono, stamped on arrival.

sounddevice is imported lazily so that a machine without PortAudio can still record video only.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from artreview_desktop.core.capture.protocols import AudioBlock, CaptureError, Clock, MonotonicClock

log = logging.getLogger(__name__)

SAMPLE_RATE = 48_000
#: ~21 ms blocks: small enough for fine arrival stamps, large enough to be cheap.
BLOCK_FRAMES = 1024


def _sounddevice() -> Any:
    try:
        import sounddevice
    except OSError as exc:  # PortAudio library missing
        raise CaptureError(f"no audio system available (PortAudio: {exc})") from exc
    return sounddevice


@dataclass(frozen=True)
class MicrophoneInfo:
    index: int
    name: str
    channels: int
    default_sample_rate: float
    is_default: bool


def list_microphones() -> list[MicrophoneInfo]:
    """Input devices PortAudio can see, the system default marked."""
    sd = _sounddevice()
    try:
        default_in = sd.default.device[0]
        devices = sd.query_devices()
    except Exception as exc:
        raise CaptureError(f"cannot list microphones: {exc}") from exc
    return [
        MicrophoneInfo(i, str(d["name"]), int(d["max_input_channels"]), float(d["default_samplerate"]),
                       i == default_in)
        for i, d in enumerate(devices)
        if int(d["max_input_channels"]) > 0
    ]


def resolve_microphone(spec: str) -> int | None:
    """'default' → None (the system default); an index or a (part of a) device name → its index."""
    if spec.strip().lower() == "default":
        return None
    microphones = list_microphones()
    if spec.strip().isdigit():
        index = int(spec)
        if any(m.index == index for m in microphones):
            return index
    else:
        exact = [m for m in microphones if m.name.lower() == spec.strip().lower()]
        partial = [m for m in microphones if spec.strip().lower() in m.name.lower()]
        if exact or len(partial) == 1:
            return (exact or partial)[0].index
    names = ", ".join(f"{m.index}: {m.name}" for m in microphones) or "none"
    raise CaptureError(f"unknown microphone {spec!r} (input devices: {names})")


class SoundDeviceMicrophone:
    """A PortAudio input stream; every block is copied and handed on with its arrival time."""

    def __init__(
        self,
        device: int | None = None,
        sample_rate: int = SAMPLE_RATE,
        channels: int = 1,
        clock: Clock | None = None,
    ) -> None:
        self.device = device
        self._sample_rate = sample_rate
        self._channels = channels
        self._clock = clock or MonotonicClock()
        self._stream: Any = None
        self._finished = threading.Event()
        self._name = "default" if device is None else str(device)

    @property
    def name(self) -> str:
        return self._name

    @property
    def sample_rate(self) -> int:
        return self._sample_rate

    @property
    def channels(self) -> int:
        return self._channels

    def open(self, on_block: Callable[[AudioBlock], None]) -> None:
        sd = _sounddevice()
        clock = self._clock

        def callback(indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
            arrived = clock.now()
            on_block(AudioBlock(indata.copy(), arrived, bool(status.input_overflow)))

        try:
            sd.check_input_settings(self.device, channels=self._channels, dtype="float32",
                                    samplerate=self._sample_rate)
            info = sd.query_devices(self.device, "input")
            self._name = str(info["name"])
            self._finished.clear()
            self._stream = sd.InputStream(
                device=self.device, samplerate=self._sample_rate, channels=self._channels,
                dtype="float32", blocksize=BLOCK_FRAMES, callback=callback,
                finished_callback=self._finished.set,
            )
            self._stream.start()
        except CaptureError:
            raise
        except Exception as exc:
            self._stream = None
            raise CaptureError(f"cannot open microphone {self._name}: {exc}") from exc
        log.info("microphone %s open at %d Hz", self._name, self._sample_rate)

    def is_alive(self) -> bool:
        return self._stream is not None and not self._finished.is_set() and bool(self._stream.active)

    def close(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.abort()
                stream.close()
            except Exception:  # a lost device may fail to close; it is gone either way
                log.debug("closing the microphone failed", exc_info=True)
