"""A recording session: warm devices, then takes that are crash-safe, in sync and never silent
about a lost frame.

Threads: the camera thread reads (and, while recording, converts) frames into a bounded queue;
PortAudio's thread pushes audio blocks into another; the encoder thread interleaves both into the
take file. A frame is dropped only when the video queue is full (encoding cannot keep up) and
each drop is counted. Audio is the master clock (ENGINEERING.md §3).

Callbacks (`on_progress`, `on_first_frame`, `on_stopped`) are plain callables run on the session's
threads; the GUI wraps them in Qt signals.
"""

from __future__ import annotations

import collections
import logging
import os
import queue
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import av
import numpy as np

from artreview_desktop.core.capture.clock import TakeClock
from artreview_desktop.core.capture.disk import DiskGuard
from artreview_desktop.core.capture.encoder import EncoderSettings, TakeEncoder, to_yuv_frame
from artreview_desktop.core.capture.manifest import (
    HashingWriter,
    iso_time,
    journal_path_for,
    take_manifest,
    write_journal,
    write_manifest,
)
from artreview_desktop.core.capture.protocols import (
    AudioBlock,
    CameraSource,
    CapturedFrame,
    CaptureError,
    Clock,
    DeviceLost,
    MicrophoneSource,
    MonotonicClock,
)
from artreview_desktop.core.capture.takes import AudioLevel, RecordingStats, StopReason, TakeResult
from artreview_desktop.core.capture.watermark import Watermark

log = logging.getLogger(__name__)

#: No audio block for this long while recording means the microphone is gone.
MIC_TIMEOUT_S = 1.5
#: The first block after `open()` may take ~2 s (ENGINEERING.md §3); allow for it at start.
MIC_FIRST_BLOCK_TIMEOUT_S = 4.0
DISK_CHECK_INTERVAL_S = 1.0


class RecordingSession:
    """`open()` warms the devices; `start(path)` begins a take at once; `stop()` ends it."""

    def __init__(
        self,
        camera: CameraSource,
        microphone: MicrophoneSource | None,
        settings: EncoderSettings,
        *,
        clock: Clock | None = None,
        watermark: Watermark | None = None,
        quality: dict[str, Any] | None = None,
        on_progress: Callable[[RecordingStats], None] | None = None,
        on_first_frame: Callable[[CapturedFrame], None] | None = None,
        on_stopped: Callable[[TakeResult], None] | None = None,
        progress_interval_s: float = 0.5,
        video_queue_seconds: float = 1.0,
    ) -> None:
        self.camera = camera
        self.microphone = microphone
        self.settings = settings
        self.clock = clock or MonotonicClock()
        self.watermark = watermark
        self.quality = quality or {}
        self.on_progress = on_progress
        self.on_first_frame = on_first_frame
        self.on_stopped = on_stopped
        self.progress_interval_s = progress_interval_s
        self._video_q: queue.Queue[tuple[float, av.VideoFrame]] = queue.Queue(
            maxsize=max(2, int(settings.fps * video_queue_seconds))
        )
        self._audio_q: queue.Queue[AudioBlock] = queue.Queue(maxsize=1000)
        self._lock = threading.Lock()
        self._opened = False
        self._closing = threading.Event()
        self._recording = threading.Event()
        self._stop_requested = threading.Event()
        self._finished = threading.Event()
        self._camera_thread: threading.Thread | None = None
        self._encoder_thread: threading.Thread | None = None
        self._latest: CapturedFrame | None = None
        self._last_frame_at: float | None = None
        self._last_audio_at: float | None = None
        self._camera_fault: str | None = None
        self._stop_reason = StopReason.USER
        self._stop_detail = ""
        self._interruptions: list[dict[str, Any]] = []
        self._stats = RecordingStats()
        self._result: TakeResult | None = None
        self._first_frame_sent = False
        self._camera_ready = threading.Event()
        self._microphone_ready = threading.Event()
        self._audio_level = AudioLevel(0.0, 0.0)

    # -- devices -------------------------------------------------------------------------------

    def open(self) -> None:
        """Open camera and microphone and keep them running, so that `start` is instant."""
        if self._opened:
            return
        self.camera.open()
        try:
            if self.microphone is not None:
                self.microphone.open(self._on_audio)
        except CaptureError:
            self.camera.close()
            raise
        self._closing.clear()
        self._camera_thread = threading.Thread(target=self._camera_loop, name="camera", daemon=True)
        self._camera_thread.start()
        self._opened = True

    def close(self) -> None:
        """Stop a running take (reason: user), then release the devices."""
        if self._encoder_thread is not None and not self._finished.is_set():
            self.stop()
        self._closing.set()
        if self._camera_thread is not None:
            self._camera_thread.join(timeout=5)
        if self.microphone is not None:
            self.microphone.close()
        self.camera.close()
        self._opened = False

    def wait_until_ready(self, timeout: float | None = None) -> bool:
        """True once the camera has given a frame and the microphone a block (start is then instant)."""
        deadline = None if timeout is None else self.clock.now() + timeout
        for ready in (self._camera_ready, self._microphone_ready):
            if self.microphone is None and ready is self._microphone_ready:
                continue
            left = None if deadline is None else max(0.0, deadline - self.clock.now())
            if not ready.wait(left):
                return False
        return True

    def latest_frame(self) -> CapturedFrame | None:
        """The newest camera image (for a preview), recording or not."""
        return self._latest

    def audio_level(self) -> AudioLevel:
        """RMS and peak (0..1) of the newest microphone block: the level meter's reading."""
        return self._audio_level

    def mark_interruption(self, what: str, detail: str = "") -> bool:
        """Put an event (window hidden, focus lost, screen locked…) on the running take's timeline."""
        if not self._recording.is_set():
            return False
        with self._lock:
            self._interruptions.append({"what": what, "detail": detail,
                                        "at_media_seconds": round(self._stats.media_seconds, 3),
                                        "at_wall": round(time.time(), 3)})
        return True

    def _on_audio(self, block: AudioBlock) -> None:
        self._last_audio_at = block.arrived_at
        self._microphone_ready.set()
        samples = np.asarray(block.samples, dtype=np.float32)
        if samples.size:
            self._audio_level = AudioLevel(float(np.sqrt(np.mean(samples * samples))), float(np.max(np.abs(samples))))
        if not self._recording.is_set():
            return
        if block.overflowed:
            self._stats.audio_overruns += 1
        try:
            self._audio_q.put_nowait(block)
        except queue.Full:
            self._stats.audio_blocks_lost += 1

    def _camera_loop(self) -> None:
        settings = self.settings
        while not self._closing.is_set():
            try:
                frame = self.camera.read()
            except DeviceLost as exc:
                self._camera_fault = str(exc)
                log.info("camera lost: %s", exc)
                return
            except Exception as exc:  # any driver failure is a lost camera, not a crash
                self._camera_fault = f"{type(exc).__name__}: {exc}"
                log.info("camera failed", exc_info=True)
                return
            self._latest = frame
            self._last_frame_at = frame.captured_at
            self._camera_ready.set()
            if not self._recording.is_set():
                continue
            if not self._first_frame_sent:
                self._first_frame_sent = True
                if self.on_first_frame is not None:
                    self._notify(self.on_first_frame, frame)
            image = frame.image
            if self.watermark is not None:
                image = image.copy()
                self.watermark.apply(image)
            video_frame = to_yuv_frame(image, settings.width, settings.height)
            with self._lock:  # the encoder clears `_recording` under this lock before its last drain
                if not self._recording.is_set():
                    continue  # the take ended while this frame was being converted
                self._stats.frames_captured += 1
                try:
                    self._video_q.put_nowait((frame.captured_at, video_frame))
                except queue.Full:
                    self._stats.frames_dropped += 1

    # -- takes -------------------------------------------------------------------------------

    def start(
        self,
        path: Path,
        *,
        max_seconds: float | None = None,
        disk_guard: DiskGuard | None = None,
        overwrite: bool = False,
        metadata: dict[str, Any] | None = None,
    ) -> None:
        """Begin a take into `path` (devices must be open). Raises DiskSpaceError, CaptureError."""
        if not self._opened:
            self.open()
        if self._encoder_thread is not None and not self._finished.is_set():
            raise RuntimeError("a take is already running")
        if self._camera_fault:
            raise CaptureError(f"camera unavailable: {self._camera_fault}")
        if self.microphone is not None and not self.microphone.is_alive():
            raise CaptureError(f"microphone {self.microphone.name} is not delivering sound")
        path = Path(path)
        if disk_guard is not None:
            disk_guard.check_before_start()
        writer = HashingWriter(path, overwrite=overwrite)
        encoder: TakeEncoder | None = None
        try:
            encoder = TakeEncoder(writer, self.settings, with_audio=self.microphone is not None)
            self._reset_for_take()
            self._take_path = path
            self._max_seconds = max_seconds
            self._disk_guard = disk_guard
            self._metadata = metadata or {}
            self._started_wall = time.time()
            self._started_mono = self.clock.now()
            write_journal(path, self._journal())
        except BaseException:
            if encoder is not None:
                encoder.abandon()
            writer.close()
            raise
        self._encoder = encoder
        self._recording.set()
        self._encoder_thread = threading.Thread(target=self._encoder_loop, name="encoder", daemon=True)
        self._encoder_thread.start()
        log.info("recording to %s", path)

    def _reset_for_take(self) -> None:
        for q in (self._video_q, self._audio_q):
            while True:
                try:
                    q.get_nowait()
                except queue.Empty:
                    break
        self._stats = RecordingStats(recording=True)
        self._stop_requested.clear()
        self._finished.clear()
        self._stop_reason, self._stop_detail = StopReason.USER, ""
        self._interruptions = []
        self._result = None
        self._first_frame_sent = False

    def _journal(self) -> dict[str, Any]:
        return {
            "path": str(self._take_path),
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started_at": iso_time(self._started_wall),
            "started_at_epoch": self._started_wall,
            "devices": self._devices(),
            "encoder": self.settings.describe(),
            "quality": self.quality,
            "metadata": self._metadata,
        }

    def _devices(self) -> dict[str, Any]:
        camera = {"name": self.camera.name, "width": self.camera.width, "height": self.camera.height,
                  "fps": self.camera.fps}
        mic = None
        if self.microphone is not None:
            mic = {"name": self.microphone.name, "sample_rate": self.microphone.sample_rate,
                   "channels": self.microphone.channels}
        return {"camera": camera, "microphone": mic}

    def request_stop(self, reason: str = StopReason.USER, detail: str = "") -> None:
        """Ask the encoder thread to finish the take; returns at once (safe from any thread)."""
        with self._lock:
            if not self._stop_requested.is_set():
                self._stop_reason, self._stop_detail = reason, detail
                self._stop_requested.set()

    def stop(self, timeout: float | None = 30.0) -> TakeResult:
        """End the take and wait for the file and manifest to be complete."""
        self.request_stop(StopReason.USER)
        result = self.wait(timeout)
        if result is None:
            raise TimeoutError("the take did not finish writing in time")
        return result

    def wait(self, timeout: float | None = None) -> TakeResult | None:
        """The take's result once it has stopped (by `stop`, a limit or a fault), else None."""
        self._finished.wait(timeout)
        return self._result

    def stats(self) -> RecordingStats:
        return replace(self._stats, video_queue=self._video_q.qsize())

    def video_backlog(self) -> int:
        """Frames waiting for the encoder (cheap: for pacing a source that can wait, as the benchmark's)."""
        return self._video_q.qsize()

    # -- the encoder thread --------------------------------------------------------------------

    def _encoder_loop(self) -> None:
        encoder = self._encoder
        has_audio = self.microphone is not None
        rate = self.settings.audio_sample_rate
        clock = self._take_clock = TakeClock(rate)
        pending: collections.deque[tuple[float, av.VideoFrame]] = collections.deque()
        next_progress = next_disk_check = self.clock.now()
        failed = False
        audio_deadline = self._started_mono + MIC_FIRST_BLOCK_TIMEOUT_S

        def encode_audio(block: AudioBlock) -> None:
            clock.add_audio(block.arrived_at, encoder.audio_samples, block.samples.shape[0])
            encoder.encode_audio(block.samples)
            self._stats.audio_samples = encoder.audio_samples

        def encode_video(captured_at: float, frame: av.VideoFrame) -> None:
            pts = clock.video_pts(captured_at)
            if pts is None:
                self._stats.frames_before_audio += 1
                return
            encoder.encode_video(frame, pts)
            self._stats.frames_encoded = encoder.frames_encoded

        def media_seconds() -> float:
            if has_audio:
                return encoder.audio_samples / rate
            return max(0, encoder.last_video_pts) / 90_000

        try:
            while True:
                stopping = self._stop_requested.is_set()
                if stopping:
                    with self._lock:
                        self._recording.clear()
                while True:
                    try:
                        encode_audio(self._audio_q.get_nowait())
                    except queue.Empty:
                        break
                try:
                    pending.append(self._video_q.get(timeout=0.01))
                    if not has_audio:
                        clock.start_without_audio(pending[0][0])
                except queue.Empty:
                    pass
                while pending and clock.anchor is not None:
                    encode_video(*pending.popleft())
                while len(pending) > self._video_q.maxsize:  # no audio yet: keep only ~1 s
                    pending.popleft()
                    self._stats.frames_before_audio += 1
                self._stats.media_seconds = media_seconds()
                self._stats.bytes_written = encoder.writer.bytes_written
                if stopping:
                    if self._video_q.empty() and self._audio_q.empty():
                        break
                    continue
                now = self.clock.now()
                self._check_faults(now, audio_deadline, clock.anchor is not None)
                if self._max_seconds is not None and self._stats.media_seconds >= self._max_seconds:
                    self.request_stop(StopReason.DURATION)
                if self._disk_guard is not None and now >= next_disk_check:
                    next_disk_check = now + DISK_CHECK_INTERVAL_S
                    if self._disk_guard.running_out():
                        free = self._disk_guard.free()
                        self.request_stop(
                            StopReason.DISK_FULL,
                            f"{free / 2**20:.1f} MB free, below the safety margin of "
                            f"{self._disk_guard.safety_margin / 2**20:.1f} MB",
                        )
                if self.on_progress is not None and now >= next_progress:
                    next_progress = now + self.progress_interval_s
                    self._notify(self.on_progress, self.stats())
        except Exception as exc:  # a write error (disk full for real, I/O error) ends the take
            failed = True
            log.info("take stopped by a write error: %s", exc)
            with self._lock:
                self._stop_reason, self._stop_detail = StopReason.WRITE_ERROR, f"{type(exc).__name__}: {exc}"
                self._stop_requested.set()
        with self._lock:
            self._recording.clear()
        self._stats.frames_before_audio += len(pending)
        self._finish_take(failed)

    @staticmethod
    def _notify(callback: Callable[[Any], None], value: Any) -> None:
        """A failing observer (a GUI bug) must never end a child's take."""
        try:
            callback(value)
        except Exception:
            log.exception("a recording observer failed")

    def _check_faults(self, now: float, audio_deadline: float, audio_started: bool) -> None:
        if self._camera_fault is not None:
            self.request_stop(StopReason.CAMERA_LOST, self._camera_fault)
            return
        camera_timeout = max(2.0, 10.0 / max(self.camera.fps, 1.0))
        if self._last_frame_at is not None and now - self._last_frame_at > camera_timeout:
            self.request_stop(StopReason.CAMERA_LOST, f"no camera frame for {now - self._last_frame_at:.1f} s")
            return
        mic = self.microphone
        if mic is None:
            return
        if not mic.is_alive():
            self.request_stop(StopReason.MICROPHONE_LOST, f"microphone {mic.name} stream ended")
        elif not audio_started and now > audio_deadline:
            self.request_stop(StopReason.MICROPHONE_LOST, f"no sound from {mic.name} after start")
        elif (audio_started and self._last_audio_at is not None
              and now - self._last_audio_at > MIC_TIMEOUT_S):
            self.request_stop(
                StopReason.MICROPHONE_LOST, f"no sound from {mic.name} for {now - self._last_audio_at:.1f} s"
            )

    def _finish_take(self, failed: bool) -> None:
        encoder = self._encoder
        writer = encoder.writer
        close_error = ""
        if failed:
            encoder.abandon()
        else:
            try:
                encoder.finish()
            except Exception as exc:
                close_error = f"{type(exc).__name__}: {exc}"
                log.info("finishing the take failed: %s", exc)
                encoder.abandon()
        try:
            writer.close()
        except OSError as exc:
            close_error = close_error or f"OSError: {exc}"
        stopped_wall = time.time()
        reason, detail = self._stop_reason, self._stop_detail
        if close_error and reason != StopReason.WRITE_ERROR:
            self._interruptions.append({"what": "finish_failed", "detail": close_error})
        if reason not in (StopReason.USER, StopReason.DURATION):
            self._interruptions.append({"what": reason, "detail": detail,
                                        "at_media_seconds": round(self._stats.media_seconds, 3)})
        stats = self.stats()
        stats.recording = False
        stats.bytes_written = writer.bytes_written
        manifest = self._manifest(stats, writer, stopped_wall, reason, detail)
        manifest_path = write_manifest(self._take_path, manifest)
        journal_path_for(self._take_path).unlink(missing_ok=True)
        self._stats = stats
        self._result = TakeResult(self._take_path, manifest_path, manifest)
        self._finished.set()
        log.info("take finished: %s (%s)", self._take_path, reason)
        if self.on_stopped is not None:
            self._notify(self.on_stopped, self._result)

    def _manifest(
        self, stats: RecordingStats, writer: HashingWriter, stopped_wall: float, reason: str, detail: str
    ) -> dict[str, Any]:
        encoder = self._encoder
        video_seconds = max(0, encoder.last_video_pts) / 90_000 + 1 / self.settings.fps
        return take_manifest(
            path=self._take_path,
            writer=writer,
            settings=self.settings.describe(),
            video_seconds=video_seconds if encoder.frames_encoded else 0.0,
            audio_samples=encoder.audio_samples,
            audio_rate=self.settings.audio_sample_rate if self.microphone is not None else None,
            stats=asdict(stats),
            av_offset=self._take_clock.describe() if self.microphone is not None else {"method": "no audio"},
            quality=self.quality,
            devices=self._devices(),
            watermark=None if self.watermark is None else self.watermark.text,
            started_wall=self._started_wall,
            stopped_wall=stopped_wall,
            stop_reason=reason,
            stop_detail=detail,
            interruptions=self._interruptions,
            metadata=self._metadata,
        )
