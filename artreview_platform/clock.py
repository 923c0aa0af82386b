"""An injectable clock, so tests can move time forward instead of waiting for it."""

from __future__ import annotations

import threading
import time


class Clock:
    """Wall-clock seconds since the epoch plus an offset that tests (or fault injection) can move."""

    def __init__(self) -> None:
        self._offset = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return time.time() + self._offset

    def advance(self, seconds: float) -> None:
        """Jump forward (or back, with a negative value); every server object sees it at once."""
        with self._lock:
            self._offset += seconds
