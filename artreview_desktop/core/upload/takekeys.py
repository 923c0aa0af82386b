"""Where the per-take keys of sealed takes live: only in the OS keyring (never in files or logs).

The same rule and the same keyring service as the session tokens (`platform.tokens`): a sealed
take on disk is useless without its key, so deleting the key destroys the take even where the
file system keeps old blocks (SSDs, copy-on-write). `MemoryTakeKeys` is for tests and for callers
that accept losing every sealed take when the process ends.
"""

from __future__ import annotations

import base64
import binascii
import threading
from abc import ABC, abstractmethod

import keyring
import keyring.errors

from artreview_desktop.core.platform.tokens import KEYRING_SERVICE
from artreview_desktop.core.upload.errors import KeyStoreError

KEY_BYTES = 32


def _check(seal_id: str) -> str:
    if not seal_id or not all(c in "0123456789abcdef" for c in seal_id):
        raise ValueError("a seal id is lower-case hex")
    return seal_id


class TakeKeys(ABC):
    """Per-take keys by seal id; `get` returns None when there is no (usable) key."""

    @abstractmethod
    def put(self, seal_id: str, key: bytes) -> None: ...

    @abstractmethod
    def get(self, seal_id: str) -> bytes | None: ...

    @abstractmethod
    def delete(self, seal_id: str) -> None:
        """Forget the key; no error if there was none."""


class MemoryTakeKeys(TakeKeys):
    def __init__(self) -> None:
        self._keys: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def put(self, seal_id: str, key: bytes) -> None:
        with self._lock:
            self._keys[_check(seal_id)] = bytes(key)

    def get(self, seal_id: str) -> bytes | None:
        with self._lock:
            return self._keys.get(seal_id)

    def delete(self, seal_id: str) -> None:
        with self._lock:
            self._keys.pop(seal_id, None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._keys)

    def __repr__(self) -> str:  # never show keys, even in a traceback
        return f"MemoryTakeKeys({len(self)} keys)"


class KeyringTakeKeys(TakeKeys):
    """One keyring entry per sealed take (`sealed-take@<seal id>`), the key base64-encoded."""

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self._service = service

    @staticmethod
    def username(seal_id: str) -> str:
        return f"sealed-take@{_check(seal_id)}"

    def put(self, seal_id: str, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("a take key is 32 bytes")
        value = base64.b64encode(key).decode("ascii")
        try:
            keyring.set_password(self._service, self.username(seal_id), value)
        except keyring.errors.KeyringError as exc:
            raise KeyStoreError(f"the system keyring is not available: {type(exc).__name__}") from None

    def get(self, seal_id: str) -> bytes | None:
        try:
            raw = keyring.get_password(self._service, self.username(seal_id))
        except keyring.errors.KeyringError as exc:
            raise KeyStoreError(f"the system keyring is not available: {type(exc).__name__}") from None
        if not raw:
            return None
        try:
            key = base64.b64decode(raw.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            return None  # an unreadable entry opens nothing: the same as no key
        return key if len(key) == KEY_BYTES else None

    def delete(self, seal_id: str) -> None:
        try:
            keyring.delete_password(self._service, self.username(seal_id))
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            raise KeyStoreError(f"the system keyring is not available: {type(exc).__name__}") from None

    def __repr__(self) -> str:
        return f"KeyringTakeKeys(service={self._service!r})"
