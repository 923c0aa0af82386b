"""Where session tokens live: only in the OS keyring (never in settings, files or logs).

`KeyringTokenStore` is the real store; `MemoryTokenStore` is for sessions that must never touch
the disk at all (a kiosk's checked-in candidate, whose session ends when they leave).
"""

from __future__ import annotations

import json
import threading
from abc import ABC, abstractmethod

import keyring
import keyring.errors

from artreview_desktop.core.platform.models import TokenPair

KEYRING_SERVICE = "artreview-desktop"


class TokenStoreError(Exception):
    """The keyring is missing or locked; the UI should say so instead of storing tokens elsewhere."""


class TokenStore(ABC):
    @abstractmethod
    def load(self) -> TokenPair | None: ...

    @abstractmethod
    def save(self, tokens: TokenPair) -> None: ...

    @abstractmethod
    def clear(self) -> None: ...


class MemoryTokenStore(TokenStore):
    def __init__(self) -> None:
        self._tokens: TokenPair | None = None
        self._lock = threading.Lock()

    def load(self) -> TokenPair | None:
        with self._lock:
            return self._tokens

    def save(self, tokens: TokenPair) -> None:
        with self._lock:
            self._tokens = tokens

    def clear(self) -> None:
        with self._lock:
            self._tokens = None


class KeyringTokenStore(TokenStore):
    """One keyring entry per platform URL, holding the token pair as JSON."""

    def __init__(self, api_url: str, service: str = KEYRING_SERVICE) -> None:
        self._service = service
        self._username = f"session@{api_url.rstrip('/')}"

    def load(self) -> TokenPair | None:
        try:
            raw = keyring.get_password(self._service, self._username)
        except keyring.errors.KeyringError as exc:
            raise TokenStoreError(f"the system keyring is not available: {type(exc).__name__}") from None
        if not raw:
            return None
        try:
            data = json.loads(raw)
            return TokenPair(str(data["access_token"]), data.get("refresh_token"), float(data["access_expires_at"]),
                             str(data["account_id"]))
        except (ValueError, KeyError, TypeError):
            self.clear()  # unreadable entry: a fresh login is the only safe answer
            return None

    def save(self, tokens: TokenPair) -> None:
        value = json.dumps({"access_token": tokens.access_token, "refresh_token": tokens.refresh_token,
                            "access_expires_at": tokens.access_expires_at, "account_id": tokens.account_id})
        try:
            keyring.set_password(self._service, self._username, value)
        except keyring.errors.KeyringError as exc:
            raise TokenStoreError(f"the system keyring is not available: {type(exc).__name__}") from None

    def clear(self) -> None:
        try:
            keyring.delete_password(self._service, self._username)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            raise TokenStoreError(f"the system keyring is not available: {type(exc).__name__}") from None
