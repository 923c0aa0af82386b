"""Fault injection for tests: broken connections, 5xx answers, slowness, early token expiry, skew.

One `FaultPlan` is shared by the API server and the store; a test configures it through
`EmbeddedPlatform.faults` (or `POST /dev/faults` on a subprocess) and the servers consult it on
every request. Every fault is scoped (a path prefix, a count) so one test's faults never leak.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any


@dataclass
class _Failure:
    remaining: int
    status: int
    code: str
    path_prefix: str
    method: str | None


@dataclass
class _Drop:
    remaining: int
    after_bytes: int
    path_prefix: str
    direction: str  # "request" (while reading the body) or "response" (while sending it)


@dataclass
class FaultPlan:
    """What the servers should break; all methods are thread-safe."""

    _lock: threading.Lock = field(default_factory=threading.Lock)
    _failures: list[_Failure] = field(default_factory=list)
    _drops: list[_Drop] = field(default_factory=list)
    delay_per_mib_s: float = 0.0
    clock_skew_s: float = 0.0
    sts_lifetime_cap_s: float | None = None
    expire_tokens_before: float = 0.0

    def fail_next(
        self, count: int, status: int = 503, code: str = "ServiceUnavailable",
        path_prefix: str = "", method: str | None = None,
    ) -> None:
        """Answer the next `count` requests whose path starts with `path_prefix` with `status`."""
        with self._lock:
            self._failures.append(_Failure(count, status, code, path_prefix, method))

    def drop_after(self, after_bytes: int, *, count: int = 1, path_prefix: str = "",
                   direction: str = "request") -> None:
        """Close the connection after `after_bytes` bytes of the request body (or the response)."""
        if direction not in ("request", "response"):
            raise ValueError(f"direction must be 'request' or 'response', not {direction!r}")
        with self._lock:
            self._drops.append(_Drop(count, after_bytes, path_prefix, direction))

    def slow_down(self, delay_per_mib_s: float) -> None:
        """Pause this long for each MiB a server reads or writes (0 to turn it off)."""
        with self._lock:
            self.delay_per_mib_s = max(0.0, delay_per_mib_s)

    def skew_clock(self, seconds: float) -> None:
        """Make the store's clock differ from the clients' by `seconds` (for RequestTimeTooSkewed)."""
        with self._lock:
            self.clock_skew_s = seconds

    def expire_tokens_now(self, now: float) -> None:
        """Every STS token issued at or before `now` is treated as expired from here on."""
        with self._lock:
            self.expire_tokens_before = now

    def cap_sts_lifetime(self, seconds: float | None) -> None:
        """Issue STS tokens that live at most `seconds` (None restores the normal lifetime)."""
        with self._lock:
            self.sts_lifetime_cap_s = seconds

    def reset(self) -> None:
        with self._lock:
            self._failures.clear()
            self._drops.clear()
            self.delay_per_mib_s = 0.0
            self.clock_skew_s = 0.0
            self.sts_lifetime_cap_s = None
            self.expire_tokens_before = 0.0

    def take_failure(self, method: str, path: str) -> tuple[int, str] | None:
        """The (status, code) to answer this request with, consuming one use, or None."""
        with self._lock:
            for failure in self._failures:
                if failure.remaining > 0 and path.startswith(failure.path_prefix) and (
                    failure.method is None or failure.method == method
                ):
                    failure.remaining -= 1
                    return failure.status, failure.code
        return None

    def take_drop(self, path: str, direction: str) -> int | None:
        """Bytes after which to drop this request's connection in `direction`, or None."""
        with self._lock:
            for drop in self._drops:
                if drop.remaining > 0 and drop.direction == direction and path.startswith(drop.path_prefix):
                    drop.remaining -= 1
                    return drop.after_bytes
        return None

    def configure(self, spec: dict[str, Any]) -> None:
        """Apply a JSON description (the body of ``POST /dev/faults``)."""
        if spec.get("reset"):
            self.reset()
        if "fail" in spec:
            item = spec["fail"]
            self.fail_next(int(item.get("count", 1)), int(item.get("status", 503)),
                           str(item.get("code", "ServiceUnavailable")), str(item.get("path_prefix", "")),
                           item.get("method"))
        if "drop" in spec:
            item = spec["drop"]
            self.drop_after(int(item["after_bytes"]), count=int(item.get("count", 1)),
                            path_prefix=str(item.get("path_prefix", "")),
                            direction=str(item.get("direction", "request")))
        if "delay_per_mib_s" in spec:
            self.slow_down(float(spec["delay_per_mib_s"]))
        if "clock_skew_s" in spec:
            self.skew_clock(float(spec["clock_skew_s"]))
        if "sts_lifetime_cap_s" in spec:
            cap = spec["sts_lifetime_cap_s"]
            self.cap_sts_lifetime(None if cap is None else float(cap))


class ConnectionDropped(Exception):
    """Raised inside a handler to abandon the connection without an answer (a fault)."""
