"""The take's clock: audio samples are the master, video frames are placed on it by arrival time.

Each audio block gives one estimate of when sample 0 of the take was captured: its arrival time
minus the duration of all samples up to its end. Blocks can only arrive late (scheduling,
buffering), never early, so the smallest recent estimate is the best one; a sliding window lets it
follow a sound card whose crystal drifts against the system clock. ENGINEERING.md §3 found this
held video to ±3 ms where a frame-counter clock drifted 1.8 s in 20 s.
"""

from __future__ import annotations

import collections
from typing import Any

VIDEO_CLOCK_RATE = 90_000
ANCHOR_WINDOW_S = 5.0


class TakeClock:
    def __init__(self, sample_rate: int, window_s: float = ANCHOR_WINDOW_S) -> None:
        self.sample_rate = sample_rate
        self.window_s = window_s
        self.anchor: float | None = None  # monotonic time of the take's time zero
        self.first_anchor: float | None = None
        self._window: collections.deque[tuple[float, float]] = collections.deque()
        self._lowest = float("inf")
        self._highest = float("-inf")

    def add_audio(self, arrived_at: float, samples_before: int, samples: int) -> None:
        """Account for one audio block that ends at sample `samples_before + samples`."""
        estimate = arrived_at - (samples_before + samples) / self.sample_rate
        window = self._window
        while window and window[-1][1] >= estimate:  # monotonic deque: O(1) sliding minimum
            window.pop()
        window.append((arrived_at, estimate))
        while window[0][0] < arrived_at - self.window_s:
            window.popleft()
        self.anchor = window[0][1]
        if self.first_anchor is None:
            self.first_anchor = self.anchor
        self._lowest = min(self._lowest, estimate)
        self._highest = max(self._highest, estimate)

    def start_without_audio(self, first_frame_at: float) -> None:
        """Video only: the first frame is time zero."""
        if self.anchor is None:
            self.anchor = self.first_anchor = first_frame_at

    def video_pts(self, captured_at: float) -> int | None:
        """Presentation time (1/90000) of a frame, or None if it was captured before time zero."""
        if self.anchor is None or captured_at < self.anchor:
            return None
        return round((captured_at - self.anchor) * VIDEO_CLOCK_RATE)

    def describe(self) -> dict[str, Any]:
        """The A/V offset estimate for the manifest."""
        info: dict[str, Any] = {"method": "audio sample clock; video stamped on arrival"}
        if self.anchor is not None and self.first_anchor is not None and self._highest >= self._lowest:
            info["anchor_drift_ms"] = round((self.anchor - self.first_anchor) * 1000, 2)
            info["audio_arrival_jitter_ms"] = round((self._highest - self._lowest) * 1000, 2)
        return info
