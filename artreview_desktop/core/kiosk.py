"""Kiosk mode for exam centres: the invigilator's PIN, the signed centre configuration, and the
wipe between candidates. Qt-free; the kiosk shell in the UI uses these.

The PIN is kept only as a salted scrypt hash; wrong PINs lock the panel for a growing time, and the
lock survives a restart. The centre configuration is a JSON document signed with the centre's
Ed25519 key; a file whose signature does not verify is refused, and its hash goes into every take.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import keyring
import keyring.errors
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from artreview_desktop.core.fileutil import atomic_write_json
from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.errors import ErrorCode, PlatformError
from artreview_desktop.core.platform.models import SubmissionManifest, SubmissionResult, UploadCredentials
from artreview_desktop.core.platform.tokens import KEYRING_SERVICE
from artreview_desktop.core.privacy.deletion import wipe_tree

log = logging.getLogger(__name__)

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MIN_PIN_LENGTH = 6


# -- the invigilator's PIN ---------------------------------------------------------------------

def hash_pin(pin: str, salt: bytes | None = None, n: int = SCRYPT_N) -> str:
    """'scrypt$n$r$p$salt$hash' (hex): slow on purpose, so a stolen file does not give the PIN away."""
    if len(pin) < MIN_PIN_LENGTH or not pin.isdigit():
        raise ValueError(f"the PIN must be at least {MIN_PIN_LENGTH} digits")
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P, maxmem=128 * 1024 * 1024, dklen=32)
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt_hex), n=int(n), r=int(r), p=int(p),
                                maxmem=128 * 1024 * 1024, dklen=32)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)


class PinLocked(Exception):
    def __init__(self, seconds_left: float) -> None:
        super().__init__(f"locked for {seconds_left:.0f} s")
        self.seconds_left = seconds_left


@dataclass
class PinGuard:
    """Checks PINs; after `free_tries` wrong ones the panel locks, each lock twice as long."""

    stored_hash: str
    state_path: Path
    clock: Callable[[], float] = time.time
    free_tries: int = 3
    first_lock_s: float = 30.0
    failures: int = 0
    locked_until: float = 0.0

    def __post_init__(self) -> None:
        try:
            state = json.loads(self.state_path.read_text(encoding="utf-8"))
            self.failures = int(state.get("failures", 0))
            self.locked_until = float(state.get("locked_until", 0.0))
        except (OSError, ValueError, TypeError):
            pass

    def seconds_locked(self) -> float:
        return max(0.0, self.locked_until - self.clock())

    def check(self, pin: str) -> bool:
        """True for the right PIN; raises PinLocked while locked (the PIN is not even tried)."""
        left = self.seconds_locked()
        if left > 0:
            log.warning("admin PIN tried while locked")
            raise PinLocked(left)
        if pin_matches(pin, self.stored_hash):
            self.failures = 0
            self.locked_until = 0.0
            self._save()
            log.info("admin panel opened")
            return True
        self.failures += 1
        if self.failures >= self.free_tries:
            lock = self.first_lock_s * 2 ** (self.failures - self.free_tries)
            self.locked_until = self.clock() + lock
            log.warning("wrong admin PIN (%d in a row); locked for %.0f s", self.failures, lock)
        else:
            log.warning("wrong admin PIN (%d in a row)", self.failures)
        self._save()
        return False

    def _save(self) -> None:
        atomic_write_json(self.state_path, {"failures": self.failures, "locked_until": self.locked_until})


# -- the centre configuration ------------------------------------------------------------------

class ConfigRefused(Exception):
    """The centre configuration is missing, malformed, unsigned or tampered with."""


@dataclass(frozen=True)
class CentreConfig:
    centre_id: str
    centre_name: str
    platform_url: str
    admin_pin_hash: str
    idle_timeout_s: int = 300
    allowed_cameras: tuple[str, ...] = ()
    allowed_microphones: tuple[str, ...] = ()
    exam_settings: dict[str, Any] = field(default_factory=dict)
    config_hash: str = ""

    @classmethod
    def from_document(cls, body: dict[str, Any], config_hash: str) -> CentreConfig:
        try:
            return cls(
                centre_id=str(body["centre_id"]), centre_name=str(body["centre_name"]),
                platform_url=str(body.get("platform_url", "")), admin_pin_hash=str(body["admin_pin_hash"]),
                idle_timeout_s=int(body.get("kiosk", {}).get("idle_timeout_s", 300)),
                allowed_cameras=tuple(str(c) for c in body.get("allowed_cameras", ())),
                allowed_microphones=tuple(str(m) for m in body.get("allowed_microphones", ())),
                exam_settings=dict(body.get("exam_settings", {})), config_hash=config_hash,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigRefused(f"the centre configuration lacks a field: {exc}") from exc


def canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sign_config(body: dict[str, Any], private_key: Ed25519PrivateKey) -> dict[str, Any]:
    """The signed file's content: the body, and a signature over its canonical JSON."""
    return {"config": body, "signature": base64.b64encode(private_key.sign(canonical(body))).decode("ascii"),
            "algorithm": "ed25519"}


def load_public_keys(folder: Path, include_development: bool = False) -> list[Ed25519PublicKey]:
    """The trusted keys; `dev-*.pub` (the demo centre's) only when asked for, i.e. in demo mode."""
    keys = []
    for path in sorted(Path(folder).glob("*.pub")):
        if path.name.startswith("dev-") and not include_development:
            continue
        key = serialization.load_pem_public_key(path.read_bytes())
        if isinstance(key, Ed25519PublicKey):
            keys.append(key)
    return keys


def load_centre_config(path: Path, trusted: list[Ed25519PublicKey]) -> CentreConfig:
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
        body = document["config"]
        signature = base64.b64decode(document["signature"], validate=True)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigRefused(f"cannot read the centre configuration: {exc}") from exc
    if not isinstance(body, dict):
        raise ConfigRefused("the centre configuration has no 'config' object")
    message = canonical(body)
    for key in trusted:
        try:
            key.verify(signature, message)
        except InvalidSignature:
            continue
        return CentreConfig.from_document(body, hashlib.sha256(message).hexdigest())
    raise ConfigRefused("the centre configuration's signature does not verify: the file was changed or not "
                        "signed by a trusted key")


# -- between candidates --------------------------------------------------------------------------

@dataclass(frozen=True)
class WipeResult:
    files_removed: int
    folders: tuple[str, ...]


def candidate_folder(paths: AppPaths) -> Path:
    """Everything one candidate's session writes (photos, consents, minors' records) goes here."""
    return paths.cache_dir / "kiosk-candidate"


def wipe_candidate(paths: AppPaths) -> WipeResult:
    """Remove every trace of the candidate who just left, except their takes in the upload queue."""
    removed = 0
    folders = []
    for folder in (candidate_folder(paths), paths.private_tmp_dir):
        if folder.exists():
            removed += wipe_tree(folder)
            folders.append(str(folder))
    paths.ensure()
    os.chmod(paths.private_tmp_dir, 0o700)
    return WipeResult(removed, tuple(folders))


def new_private_key_pem() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


class UploadTokens(Protocol):
    """Where the kiosk keeps each checked-in candidate's upload token, by exam id."""

    def put(self, exam_id: str, token: str) -> None: ...

    def get(self, exam_id: str) -> str | None: ...

    def delete(self, exam_id: str) -> None: ...


class MemoryUploadTokens:
    def __init__(self) -> None:
        self._tokens: dict[str, str] = {}

    def put(self, exam_id: str, token: str) -> None:
        self._tokens[exam_id] = token

    def get(self, exam_id: str) -> str | None:
        return self._tokens.get(exam_id)

    def delete(self, exam_id: str) -> None:
        self._tokens.pop(exam_id, None)

    def __repr__(self) -> str:  # never show tokens
        return f"MemoryUploadTokens({len(self._tokens)})"


class KeyringUploadTokens:
    """In the OS keyring, so that a restart after a crash or power cut can still upload the takes
    of candidates who have left (the token is valid for the check-in's few hours only). If the
    keyring fails, the token is kept in memory: this run can still upload, only a restart cannot."""

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self._service = service
        self._fallback = MemoryUploadTokens()

    @staticmethod
    def _name(exam_id: str) -> str:
        return f"kiosk-upload@{exam_id}"

    def put(self, exam_id: str, token: str) -> None:
        self._fallback.put(exam_id, token)
        try:
            keyring.set_password(self._service, self._name(exam_id), token)
        except keyring.errors.KeyringError as error:
            log.warning("kiosk: the keyring did not take an upload token (%s); kept in memory", type(error).__name__)

    def get(self, exam_id: str) -> str | None:
        try:
            stored = keyring.get_password(self._service, self._name(exam_id))
        except keyring.errors.KeyringError:
            stored = None
        return stored or self._fallback.get(exam_id)

    def delete(self, exam_id: str) -> None:
        self._fallback.delete(exam_id)
        try:
            keyring.delete_password(self._service, self._name(exam_id))
        except keyring.errors.KeyringError:
            pass

    def __repr__(self) -> str:
        return f"KeyringUploadTokens(service={self._service!r})"


class CheckInUploads:
    """The kiosk's upload platform: each exam's takes go up with the token of the candidate who
    checked in for it, so they can upload after the candidate has left (and after a restart, when
    `tokens` is the keyring). `forget` drops a token once its exam has nothing left to upload."""

    def __init__(self, client: PlatformClient, tokens: UploadTokens | None = None) -> None:
        self._client = client
        self.tokens: UploadTokens = tokens if tokens is not None else MemoryUploadTokens()

    def remember(self, exam_id: str, candidate_token: str) -> None:
        self.tokens.put(exam_id, candidate_token)

    def forget(self, exam_id: str) -> None:
        self.tokens.delete(exam_id)

    def upload_credentials(self, exam_id: str) -> UploadCredentials:
        return self._client.upload_credentials(exam_id, bearer=self.tokens.get(exam_id))

    def submit(self, exam_id: str, manifest: SubmissionManifest) -> SubmissionResult:
        return self._client.submit(exam_id, manifest, bearer=self.tokens.get(exam_id))


def centre_session_alive(client: PlatformClient) -> bool:
    """A centre session kept from before (a restart after a crash) that the platform still takes.

    An unreachable platform does not count against it: the kiosk starts and resumes what it can,
    rather than waiting for a password that could not be checked either."""
    if client.tokens.load() is None:
        return False
    try:
        client.centre_check_ins()
    except PlatformError as error:
        return error.code not in (ErrorCode.NOT_LOGGED_IN, ErrorCode.SESSION_EXPIRED, ErrorCode.FORBIDDEN)
    return True


# -- the centre's allowed devices --------------------------------------------------------------
class DeviceNotAllowed(Exception):
    """The configured camera or microphone is not one the centre's configuration allows."""

    def __init__(self, kind: str, identities: list[str], allowed: tuple[str, ...]) -> None:
        super().__init__(f"{kind} {identities[0]!r} is not allowed by the centre configuration "
                         f"(allowed: {', '.join(allowed)})")
        self.kind = kind
        self.identities = identities


def camera_identities(spec: str) -> list[str]:
    """What a camera setting can be matched by: the setting itself and, for a Linux device, its
    driver's name (e.g. "HD Pro Webcam C920")."""
    identities = [spec.strip()]
    if spec.strip().isdigit():
        name_file = Path(f"/sys/class/video4linux/video{int(spec)}/name")
        try:
            identities.append(name_file.read_text("utf-8").strip())
        except OSError:
            pass
    return [i for i in identities if i]


def microphone_identities(spec: str, device_names: Callable[[], dict[int, str]],
                          default_index: int | None = None) -> list[str]:
    """The setting and the full name of the input device it opens (what an allow list is written
    with): by index, the system default for "default"/empty, or the one device whose name contains
    it. A setting matching several devices names none of them (the recorder would refuse it too)."""
    setting = spec.strip()
    names = device_names()
    identities = [setting]
    if setting.isdigit() and int(setting) in names:
        identities.append(names[int(setting)])
    elif setting.lower() in ("", "default"):
        if default_index is not None and default_index in names:
            identities.append(names[default_index])
    else:
        exact = [name for name in names.values() if name.lower() == setting.lower()]
        partial = [name for name in names.values() if setting.lower() in name.lower()]
        if exact or len(partial) == 1:
            identities.append((exact or partial)[0])
    return [i for i in identities if i]


def check_device_allowed(kind: str, identities: list[str], allowed: tuple[str, ...]) -> None:
    """An empty allow list allows any device; otherwise an entry must equal the setting or be
    part of the device's name (case-insensitive). Raises DeviceNotAllowed."""
    if not allowed:
        return
    wanted = [entry.strip().lower() for entry in allowed if entry.strip()]
    for identity in identities:
        lowered = identity.lower()
        if any(entry == lowered or (len(entry) >= 3 and entry in lowered) for entry in wanted):
            return
    raise DeviceNotAllowed(kind, identities or ["?"], allowed)
