"""The devices' checks: camera (speed, size, light), microphone ("say something"), speaker tone."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from artreview_desktop.core.capture.microphone import SAMPLE_RATE
from artreview_desktop.core.capture.protocols import AudioBlock, CapturedFrame, CaptureError, MicrophoneSource
from artreview_desktop.core.capture.takes import AudioLevel
from artreview_desktop.core.equipment.results import CheckId, CheckResult, Fix, Status

# --- camera ----------------------------------------------------------------------------------

MIN_CAMERA_FPS = 25.0
MIN_HEIGHT = 480
GOOD_HEIGHT = 720
DARK_LUMA = 45.0
DIM_LUMA = 70.0
BRIGHT_LUMA = 225.0


def mean_luminance(image: npt.NDArray[np.uint8]) -> float:
    """Mean luma (BT.601, 0..255) of a BGR image, on a subsample (cheap enough per frame)."""
    small = image[::8, ::8].astype(np.float32)
    return float(np.mean(small[..., 0] * 0.114 + small[..., 1] * 0.587 + small[..., 2] * 0.299))


class CameraProbe:
    """Watches a camera's frames to judge its speed, size and light.

    It may sample (a UI timer reading `latest_frame()`): the frame rate comes from the frames'
    own indices and arrival times, so frames it never saw still count.
    """

    def __init__(self, window_s: float = 3.0) -> None:
        self._lock = threading.Lock()
        self._seen: list[tuple[int, float]] = []
        self._luma: list[float] = []
        self._window_s = window_s
        self._last_luma_at = float("-inf")
        self.width = self.height = 0

    def reset(self) -> None:
        with self._lock:
            self._seen, self._luma, self._last_luma_at = [], [], float("-inf")
            self.width = self.height = 0

    def observe(self, frame: CapturedFrame) -> None:
        with self._lock:
            if self._seen and frame.index <= self._seen[-1][0]:
                if frame.index == self._seen[-1][0]:
                    return
                self._seen = []  # the camera restarted its count (reopened)
            self.height, self.width = frame.image.shape[:2]
            self._seen.append((frame.index, frame.captured_at))
            while len(self._seen) > 2 and frame.captured_at - self._seen[0][1] > self._window_s:
                self._seen.pop(0)
            if frame.captured_at - self._last_luma_at >= 0.2:
                self._last_luma_at = frame.captured_at
                self._luma = [*self._luma[-14:], mean_luminance(frame.image)]

    @property
    def frames(self) -> int:
        return len(self._seen)

    def fps(self) -> float:
        with self._lock:
            if len(self._seen) < 2:
                return 0.0
            (i0, t0), (i1, t1) = self._seen[0], self._seen[-1]
            return (i1 - i0) / (t1 - t0) if t1 > t0 else 0.0

    def luminance(self) -> float | None:
        with self._lock:
            return float(np.mean(self._luma)) if self._luma else None

    def result(self, name: str) -> CheckResult:
        return check_camera(name, self.width, self.height, self.fps(), self.luminance())


def check_camera(name: str, width: int, height: int, fps: float, luminance: float | None,
                 error: str | None = None) -> CheckResult:
    details: dict[str, Any] = {"camera": name, "width": width, "height": height, "fps": round(fps, 1),
                               "luminance": None if luminance is None else round(luminance, 1)}
    if error is not None or width == 0 or luminance is None:
        details["error"] = error or "no frames"
        return CheckResult(CheckId.CAMERA, Status.FAIL, None, MIN_CAMERA_FPS, "fps", Fix.CAMERA_UNAVAILABLE, details)
    checks = [
        (fps < MIN_CAMERA_FPS * 0.6, Status.FAIL, Fix.CAMERA_LOW_FPS),
        (luminance < DARK_LUMA, Status.FAIL, Fix.CAMERA_TOO_DARK),
        (height < MIN_HEIGHT, Status.FAIL, Fix.CAMERA_LOW_RESOLUTION),
        (fps < MIN_CAMERA_FPS, Status.WARN, Fix.CAMERA_LOW_FPS),
        (luminance < DIM_LUMA, Status.WARN, Fix.CAMERA_TOO_DARK),
        (luminance > BRIGHT_LUMA, Status.WARN, Fix.CAMERA_TOO_BRIGHT),
        (height < GOOD_HEIGHT, Status.WARN, Fix.CAMERA_LOW_RESOLUTION),
    ]
    problems = [(status, fix) for bad, status, fix in checks if bad]
    details["problems"] = [fix.value for _, fix in problems]
    status, fix = problems[0] if problems else (Status.PASS, Fix.NONE)
    return CheckResult(CheckId.CAMERA, status, round(fps, 1), MIN_CAMERA_FPS, "fps", fix, details)


# --- microphone ------------------------------------------------------------------------------

#: A voice at arm's length peaks well above this; the null input of a muted mic stays far below.
VOICE_PEAK = 0.05
QUIET_PEAK = 0.015
CLIP_PEAK = 0.99


def block_level(block: AudioBlock) -> AudioLevel:
    samples = np.asarray(block.samples, dtype=np.float32)
    if not samples.size:
        return AudioLevel(0.0, 0.0)
    return AudioLevel(float(np.sqrt(np.mean(samples * samples))), float(np.max(np.abs(samples))))


class SaySomethingCheck:
    """"请说话": passes once the peak reaches `threshold` within `seconds`; silence fails it.

    Levels may come from any thread (the microphone's callback or a UI timer); `finished` is set
    as soon as the verdict is known.
    """

    def __init__(self, seconds: float = 5.0, threshold: float = VOICE_PEAK, microphone: str = "") -> None:
        self.seconds = seconds
        self.threshold = threshold
        self.microphone = microphone
        self.finished = threading.Event()
        self._lock = threading.Lock()
        self._started: float | None = None
        self._peak = 0.0
        self._heard_after: float | None = None
        self._levels = 0

    def feed(self, level: AudioLevel, at: float) -> bool:
        """Take one reading; True once the check is decided."""
        with self._lock:
            if self.finished.is_set():
                return True
            if self._started is None:
                self._started = at
            self._levels += 1
            self._peak = max(self._peak, level.peak)
            if level.peak >= self.threshold and self._heard_after is None:
                self._heard_after = at - self._started
                self.finished.set()
            elif at - self._started >= self.seconds:
                self.finished.set()
            return self.finished.is_set()

    def remaining(self, now: float) -> float:
        return self.seconds if self._started is None else max(0.0, self.seconds - (now - self._started))

    def result(self) -> CheckResult:
        details: dict[str, Any] = {"microphone": self.microphone, "peak": round(self._peak, 4),
                                   "seconds": self.seconds, "readings": self._levels,
                                   "heard_after_s": None if self._heard_after is None else round(self._heard_after, 2)}
        if self._heard_after is not None:
            status, fix = (Status.WARN, Fix.MIC_CLIPPING) if self._peak >= CLIP_PEAK else (Status.PASS, Fix.NONE)
        elif self._peak >= QUIET_PEAK:
            status, fix = Status.WARN, Fix.MIC_TOO_QUIET
        else:
            status, fix = Status.FAIL, Fix.MIC_SILENT
        return CheckResult(CheckId.MICROPHONE, status, round(self._peak, 4), self.threshold, "peak", fix, details)


def microphone_unavailable(name: str, error: str) -> CheckResult:
    return CheckResult(CheckId.MICROPHONE, Status.FAIL, None, VOICE_PEAK, "peak", Fix.MIC_UNAVAILABLE,
                       {"microphone": name, "error": error})


def listen_for_voice(microphone: MicrophoneSource, seconds: float = 5.0, threshold: float = VOICE_PEAK,
                     clock: Callable[[], float] = time.monotonic) -> CheckResult:
    """Open `microphone`, run the say-something check on its own blocks, close it (blocking)."""
    check = SaySomethingCheck(seconds, threshold, microphone.name)
    def on_block(block: AudioBlock) -> None:
        check.feed(block_level(block), clock())

    try:
        microphone.open(on_block)
    except CaptureError as exc:
        return microphone_unavailable(microphone.name, str(exc))
    try:
        check.microphone = microphone.name
        check.finished.wait(seconds + 3.0)  # the first block can take ~2 s (ENGINEERING.md §3)
    finally:
        microphone.close()
    if not check.finished.is_set() and check.result().details["readings"] == 0:
        return microphone_unavailable(microphone.name, "no sound blocks arrived")
    return check.result()


# --- speaker ---------------------------------------------------------------------------------


def tone_samples(seconds: float = 1.5, frequency: float = 880.0, volume: float = 0.3,
              sample_rate: int = SAMPLE_RATE) -> npt.NDArray[np.float32]:
    """A sine tone with 20 ms fades (no clicks), mono float32."""
    t = np.arange(int(seconds * sample_rate), dtype=np.float32) / sample_rate
    tone = (volume * np.sin(2 * np.pi * frequency * t)).astype(np.float32)
    fade = min(len(tone) // 2, int(0.02 * sample_rate))
    if fade:
        ramp = np.linspace(0.0, 1.0, fade, dtype=np.float32)
        tone[:fade] *= ramp
        tone[-fade:] *= ramp[::-1]
    return tone


def play_test_tone(device: int | str | None = None, seconds: float = 1.5) -> str:
    """Play the tone through the speakers and wait for it to end (blocking); returns the device name.
    Raises CaptureError when there is no output device."""
    try:
        import sounddevice as sd
    except OSError as exc:
        raise CaptureError(f"no audio system available (PortAudio: {exc})") from exc
    try:
        name = str(sd.query_devices(device, "output")["name"])
        sd.play(tone_samples(seconds), SAMPLE_RATE, device=device, blocking=True)
    except Exception as exc:
        raise CaptureError(f"cannot play sound: {exc}") from exc
    return name


def speaker_result(heard: bool | None, device: str, error: str | None = None) -> CheckResult:
    """The user's own answer is the result (only a person can tell the sound came out)."""
    details: dict[str, Any] = {"speaker": device, "answer": {True: "heard", False: "not_heard", None: None}[heard]}
    if error is not None:
        details["error"] = error
        return CheckResult(CheckId.SPEAKER, Status.FAIL, None, None, "", Fix.SPEAKER_UNAVAILABLE, details)
    if heard:
        return CheckResult(CheckId.SPEAKER, Status.PASS, 1.0, 1.0, "answer", Fix.NONE, details)
    return CheckResult(CheckId.SPEAKER, Status.FAIL, 0.0, 1.0, "answer", Fix.SPEAKER_NOT_HEARD, details)




class LevelMonitor:
    """Keeps a microphone open for a level meter and feeds every block to a running check.

    The meter reads `take_level()` on a timer: the loudest block since the last read, so a short
    sound between two reads still shows. `open` and `close` may block: call them off the UI thread.
    """

    def __init__(self, microphone: MicrophoneSource, clock: Callable[[], float] = time.monotonic) -> None:
        self.microphone = microphone
        self._clock = clock
        self._lock = threading.Lock()
        self._rms = 0.0
        self._peak = 0.0
        self._check: SaySomethingCheck | None = None
        self.blocks = 0
        self.first_block = threading.Event()

    def open(self) -> None:
        self.microphone.open(self._on_block)

    def close(self) -> None:
        self.microphone.close()

    def is_alive(self) -> bool:
        return self.microphone.is_alive()

    def _on_block(self, block: AudioBlock) -> None:
        level = block_level(block)
        self.first_block.set()
        with self._lock:
            self.blocks += 1
            self._rms = max(self._rms, level.rms)
            self._peak = max(self._peak, level.peak)
            check = self._check
        if check is not None and check.feed(level, self._clock()):
            with self._lock:
                if self._check is check:
                    self._check = None

    def take_level(self) -> AudioLevel:
        with self._lock:
            level = AudioLevel(self._rms, self._peak)
            self._rms = self._peak = 0.0
        return level

    def start_check(self, check: SaySomethingCheck) -> None:
        check.microphone = check.microphone or self.microphone.name
        with self._lock:
            self._check = check
