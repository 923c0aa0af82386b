"""Credentials for the store: STS tokens refreshed through oss2's provider hook, and clock-skew repair.

oss2 calls `get_credentials()` before signing every request, so a provider that swaps in a fresh
token shortly before expiry (or right after the store said `SecurityTokenExpired`) keeps a long
upload going without restarting it. oss2 signs with the local clock; OSS refuses requests more
than 15 minutes off. V1 signing uses `x-oss-date` in place of `Date` when it is present (oss2 and
OSS agree on that), so `SkewCorrectedAuth` sets it from the offset measured against the store.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from typing import Any

import oss2
from oss2.credentials import Credentials, CredentialsProvider

from artreview_desktop.core.platform.models import UploadCredentials

SKEW_TOLERANCE_S = 5.0


@dataclass(frozen=True)
class IssuedCredentials:
    access_key_id: str
    access_key_secret: str
    security_token: str
    expires_at: float | None  # local wall clock; None for long-term keys
    endpoint: str = ""
    bucket: str = ""
    key_prefix: str = ""

    def __repr__(self) -> str:  # never print secrets, even in a traceback
        return f"IssuedCredentials(access_key_id={self.access_key_id!r}, expires_at={self.expires_at})"

    @classmethod
    def from_platform(cls, creds: UploadCredentials, now: float | None = None) -> IssuedCredentials:
        issued = time.time() if now is None else now
        return cls(creds.access_key_id, creds.access_key_secret, creds.security_token,
                   issued + creds.expires_in, creds.endpoint, creds.bucket, creds.key_prefix)


class RefreshingCredentialsProvider(CredentialsProvider):  # type: ignore[misc]
    """Hands oss2 valid credentials; fetches new ones before expiry or when told they expired."""

    def __init__(self, fetch: Callable[[], IssuedCredentials], *, margin_s: float = 300.0,
                 now: Callable[[], float] = time.time) -> None:
        self._fetch = fetch
        self._margin_s = margin_s
        self._now = now
        self._lock = threading.Lock()
        self._current: IssuedCredentials | None = None
        self._margin_now = margin_s
        self.refreshes = 0

    def current(self) -> IssuedCredentials:
        with self._lock:
            if self._current is None or self._stale(self._current):
                fetched = self._fetch()
                # Short-lived tokens are refreshed when a fifth of their life is left, long ones 5 min early.
                lifetime = 0.0 if fetched.expires_at is None else fetched.expires_at - self._now()
                self._margin_now = min(self._margin_s, max(0.0, lifetime * 0.2))
                self._current = fetched
                self.refreshes += 1
            return self._current

    def _stale(self, creds: IssuedCredentials) -> bool:
        if creds.expires_at is None:
            return False
        lifetime_left = creds.expires_at - self._now()
        return lifetime_left <= self._margin_now

    def get_credentials(self) -> Credentials:
        creds = self.current()
        return Credentials(creds.access_key_id, creds.access_key_secret, creds.security_token)

    def invalidate(self, access_key_id: str) -> None:
        """The store rejected `access_key_id` as expired: the next request fetches a new token
        (only once, however many threads saw the same rejection)."""
        with self._lock:
            if self._current is not None and self._current.access_key_id == access_key_id:
                self._current = None


def static_provider(access_key_id: str, secret: str, security_token: str = "") -> RefreshingCredentialsProvider:
    """Long-term or caller-supplied keys (direct mode): never refreshed."""
    fixed = IssuedCredentials(access_key_id, secret, security_token, None)
    return RefreshingCredentialsProvider(lambda: fixed)


class ServerClock:
    """How far the store's clock is from ours, learnt from its `Date` header."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.offset_s = 0.0

    def observe(self, headers: Any) -> bool:
        """Update the offset from a response's headers; True if it changed noticeably."""
        date_text = headers.get("Date") if headers is not None else None
        if not date_text:
            return False
        try:
            server = parsedate_to_datetime(date_text).timestamp()
        except (TypeError, ValueError):
            return False
        offset = server - time.time()
        with self._lock:
            if abs(offset - self.offset_s) <= SKEW_TOLERANCE_S:
                return False
            self.offset_s = offset if abs(offset) > SKEW_TOLERANCE_S else 0.0
            return True

    def now(self) -> float:
        return time.time() + self.offset_s


class SkewCorrectedAuth(oss2.ProviderAuth):  # type: ignore[misc]
    """oss2's V1 provider auth, signing with the store's time once we know our clock is off."""

    def __init__(self, provider: RefreshingCredentialsProvider, clock: ServerClock) -> None:
        super().__init__(provider)
        self.clock = clock

    def _sign_request(self, req: Any, bucket_name: str, key: str) -> None:
        if self.clock.offset_s:
            req.headers["x-oss-date"] = formatdate(self.clock.now(), usegmt=True)
        super()._sign_request(req, bucket_name, key)
