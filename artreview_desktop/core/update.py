"""In-app update: check the platform's signed manifest, download resumably, verify, hand off.

Why it is built this way:
- The platform signs a canonical *statement* (format, platform, version, file name, kind, size,
  SHA-256, notes, mandatory) with Ed25519, not just the bytes: the signed version stops a replay
  of an old, genuinely signed package as a "new" one, and the signed platform/kind stops a Windows
  installer from being handed to the Linux launcher. The URL is not signed (mirrors may differ);
  the bytes are bound to the statement by their size and SHA-256.
- Nothing downloaded runs before the signature, version, size and hash all check out; the hash is
  checked again just before the hand-off, so a file changed on disk in between is refused too.
- The download goes to `<cache>/updates/<file>.part` and resumes with an HTTP Range request, so a
  cut connection (or a cancel) never costs the bytes already fetched.
- Every refusal is an `UpdateError` with a `Refusal` code; the UI translates the code.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import os
import re
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

import requests
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from packaging.version import InvalidVersion, Version

from artreview_desktop.core.platform.errors import PlatformError
from artreview_desktop.core.platform.models import AppVersion

log = logging.getLogger(__name__)

MANIFEST_FORMAT = "artreview-update/1"
SIGNATURE_CONTEXT = b"ArtReview update manifest v1\n"  # domain separation: this key signs nothing else
TRUST_DEV_KEY_ENV = "ARTREVIEW_TRUST_DEV_UPDATE_KEY"
CHUNK = 256 * 1024
FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
KINDS = {
    "linux": ("linux-bundle-tar.gz", "linux-installer"),
    "windows": ("windows-installer",),
    "macos": ("macos-pkg", "macos-dmg", "macos-installer"),
}

ProgressCallback = Callable[[int, int], None]  # (bytes so far, total bytes)


class Refusal(Enum):
    """Why an update was not offered, downloaded or installed (the UI translates each)."""

    UP_TO_DATE = "up_to_date"  # the platform's version is the one running
    DOWNGRADE = "downgrade"  # an older version, even if genuinely signed
    BAD_MANIFEST = "bad_manifest"  # missing fields, unknown format/kind, bad version string
    WRONG_SIGNATURE = "wrong_signature"  # signature missing, invalid, or by a key we do not trust
    TRUNCATED = "truncated"  # fewer bytes than the manifest's size
    TAMPERED = "tampered"  # more bytes than announced, or a SHA-256 that does not match
    NETWORK = "network"  # the platform or the download could not be reached
    CANCELLED = "cancelled"  # the user stopped the download (the partial file is kept)
    BUSY = "busy"  # a recording or upload is running: offer again when idle
    INSTALL_FAILED = "install_failed"  # the installer could not be started


class UpdateError(Exception):
    def __init__(self, refusal: Refusal, detail: str = "") -> None:
        super().__init__(f"{refusal.value}: {detail}" if detail else refusal.value)
        self.refusal = refusal
        self.detail = detail


# --- the signed statement ----------------------------------------------------------------------
SIGNED_FIELDS = ("format", "platform", "version", "file_name", "kind", "size", "sha256", "notes", "mandatory")


def signed_message(fields: dict[str, Any]) -> bytes:
    """The exact bytes that are signed: a context line, then canonical JSON of SIGNED_FIELDS."""
    statement = {name: fields[name] for name in SIGNED_FIELDS}
    canonical = json.dumps(statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return SIGNATURE_CONTEXT + canonical.encode("utf-8")


def sign_manifest(fields: dict[str, Any], private_key: Ed25519PrivateKey, key_id: str) -> dict[str, Any]:
    """The publisher's side: `fields` plus key id and signature (used by the platform and the tool)."""
    signature = private_key.sign(signed_message(fields))
    return {**fields, "key_id": key_id, "signature_algorithm": "ed25519",
            "signature": base64.b64encode(signature).decode("ascii")}


def statement_of(app: AppVersion) -> dict[str, Any]:
    return {"format": app.format, "platform": app.platform, "version": app.version, "file_name": app.file_name,
            "kind": app.kind, "size": app.size, "sha256": app.sha256, "notes": dict(app.notes),
            "mandatory": app.mandatory}


# --- trusted keys --------------------------------------------------------------------------------
@dataclass(frozen=True)
class TrustedKey:
    key_id: str
    public_key: Ed25519PublicKey
    dev_only: bool


def load_public_key(text: str) -> Ed25519PublicKey:
    """A key file holds the raw 32-byte Ed25519 public key in base64 (comment lines start with #)."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    raw = base64.b64decode("".join(lines), validate=True)
    return Ed25519PublicKey.from_public_bytes(raw)


def trusted_keys(folder: Path, *, allow_dev: bool) -> dict[str, TrustedKey]:
    """The keys in `folder` (`<key_id>.pub`); `dev-*` keys only when `allow_dev`.

    A release build ships its release key(s) and drops the dev key (see resources/update-keys/README.md).
    """
    keys: dict[str, TrustedKey] = {}
    for path in sorted(Path(folder).glob("*.pub")):
        key_id = path.stem
        dev = key_id.startswith("dev-")
        if dev and not allow_dev:
            continue
        try:
            keys[key_id] = TrustedKey(key_id, load_public_key(path.read_text("ascii")), dev)
        except (ValueError, binascii.Error) as exc:
            log.error("update key %s is unusable: %s", path.name, exc)
    return keys


def dev_key_allowed(demo: bool) -> bool:
    """The development key is trusted in demo mode, or when the environment explicitly says so."""
    return demo or os.environ.get(TRUST_DEV_KEY_ENV) == "1"


# --- the offer -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class UpdateOffer:
    """A manifest whose signature, platform, kind and version have been checked."""

    app: AppVersion
    current_version: str

    @property
    def version(self) -> str:
        return self.app.version

    def notes(self, language: str) -> str:
        return self.app.notes.get(language) or self.app.notes.get("en") or next(iter(self.app.notes.values()), "")


@dataclass(frozen=True)
class VerifiedPackage:
    offer: UpdateOffer
    path: Path


def platform_name(system: str = sys.platform) -> str:
    if system.startswith("win"):
        return "windows"
    if system == "darwin":
        return "macos"
    return "linux"


def verify_manifest(app: AppVersion, *, current_version: str, platform: str,
                    keys: dict[str, TrustedKey]) -> UpdateOffer:
    """Check a manifest before anything is downloaded; raise `UpdateError` if it is not acceptable."""
    if app.format != MANIFEST_FORMAT or app.platform != platform or app.kind not in KINDS.get(platform, ()):
        raise UpdateError(Refusal.BAD_MANIFEST, f"format {app.format!r}, platform {app.platform!r}, kind {app.kind!r}")
    if not FILE_NAME.match(app.file_name) or app.size <= 0 or not re.fullmatch(r"[0-9a-f]{64}", app.sha256):
        raise UpdateError(Refusal.BAD_MANIFEST, "file name, size or sha256 malformed")
    key = keys.get(app.key_id)
    if key is None or app.signature_algorithm != "ed25519":
        raise UpdateError(Refusal.WRONG_SIGNATURE, f"no trusted key {app.key_id!r}")
    try:
        key.public_key.verify(base64.b64decode(app.signature, validate=True), signed_message(statement_of(app)))
    except (InvalidSignature, ValueError, binascii.Error):
        raise UpdateError(Refusal.WRONG_SIGNATURE, f"signature does not verify with {app.key_id!r}") from None
    try:
        offered, running = Version(app.version), Version(current_version)
    except InvalidVersion:
        raise UpdateError(Refusal.BAD_MANIFEST, "version is not a valid version number") from None
    if offered == running:
        raise UpdateError(Refusal.UP_TO_DATE, app.version)
    if offered < running:
        raise UpdateError(Refusal.DOWNGRADE, f"{app.version} is older than {current_version}")
    return UpdateOffer(app, current_version)


class LatestSource(Protocol):
    def latest_app(self, platform_name: str) -> AppVersion: ...


# --- the hand-off --------------------------------------------------------------------------------
class InstallerLauncher(Protocol):
    """Starts the verified package's installer, detached, so the app can quit right after."""

    def launch(self, package: VerifiedPackage) -> None: ...


class UpdateService:
    """Check, download and verify updates for one platform; Qt-free, so the CLI and tests use it too."""

    def __init__(self, source: LatestSource, *, current_version: str, cache_dir: Path,
                 keys: dict[str, TrustedKey], launcher: InstallerLauncher, platform: str | None = None,
                 session: requests.Session | None = None, timeout: tuple[float, float] = (3.05, 20.0),
                 retries: int = 3) -> None:
        self.source = source
        self.current_version = current_version
        self.folder = Path(cache_dir) / "updates"
        self.keys = keys
        self.launcher = launcher
        self.platform = platform or platform_name()
        self._http = session or requests.Session()
        self._timeout = timeout
        self._retries = retries

    def check(self) -> UpdateOffer:
        """The verified offer, or `UpdateError` (UP_TO_DATE when there is nothing newer)."""
        try:
            app = self.source.latest_app(self.platform)
        except PlatformError as err:
            raise UpdateError(Refusal.NETWORK, err.code.value) from None
        except (KeyError, TypeError, ValueError) as exc:
            raise UpdateError(Refusal.BAD_MANIFEST, type(exc).__name__) from None
        offer = verify_manifest(app, current_version=self.current_version, platform=self.platform, keys=self.keys)
        log.info("update %s offered (running %s)", offer.version, self.current_version)
        return offer

    def partial_path(self, offer: UpdateOffer) -> Path:
        return self.folder / f"{offer.app.file_name}.part"

    def download(self, offer: UpdateOffer, progress: ProgressCallback | None = None,
                 cancel: threading.Event | None = None) -> VerifiedPackage:
        """Fetch (resuming what is already there), then verify size and hash; never runs anything."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        final = self.folder / offer.app.file_name
        if final.exists():
            try:
                return self._verify(offer, final)
            except UpdateError:
                final.unlink(missing_ok=True)
        part = self.partial_path(offer)
        failures = 0
        while True:
            try:
                self._fetch(offer, part, progress, cancel)
                break
            except UpdateError as err:
                if err.refusal is Refusal.TAMPERED:  # never resume from bytes that cannot be right
                    part.unlink(missing_ok=True)
                raise
            except (requests.RequestException, OSError) as exc:
                failures += 1
                have = part.stat().st_size if part.exists() else 0
                log.info("update download interrupted at %d bytes (%s)", have, type(exc).__name__)
                if failures > self._retries:
                    raise UpdateError(Refusal.NETWORK, type(exc).__name__) from None
        os.replace(part, final)
        return self._verify(offer, final)

    def _fetch(self, offer: UpdateOffer, part: Path, progress: ProgressCallback | None,
               cancel: threading.Event | None) -> None:
        size = offer.app.size
        have = part.stat().st_size if part.exists() else 0
        if have > size:
            part.unlink()
            have = 0
        if have == size:
            return
        headers = {"Range": f"bytes={have}-"} if have else {}
        with self._http.get(offer.app.url, headers=headers, stream=True, timeout=self._timeout) as response:
            if response.status_code == 416:  # nothing left to send: the partial file is all there is
                return
            if response.status_code not in (200, 206):
                raise UpdateError(Refusal.NETWORK, f"HTTP {response.status_code}")
            if response.status_code == 200 or not _range_starts_at(response, have):
                have = 0  # the server ignored the range: start again from the first byte
            with open(part, "r+b" if have else "wb") as out:
                out.seek(have)
                out.truncate()
                for chunk in response.iter_content(CHUNK):
                    if cancel is not None and cancel.is_set():
                        raise UpdateError(Refusal.CANCELLED, f"{have} of {size} bytes kept")
                    have += len(chunk)
                    if have > size:
                        raise UpdateError(Refusal.TAMPERED, f"more than the announced {size} bytes")
                    out.write(chunk)
                    if progress is not None:
                        progress(have, size)
                out.flush()
                os.fsync(out.fileno())

    def _verify(self, offer: UpdateOffer, path: Path) -> VerifiedPackage:
        size = path.stat().st_size
        if size < offer.app.size:
            path.unlink(missing_ok=True)
            raise UpdateError(Refusal.TRUNCATED, f"{size} of {offer.app.size} bytes")
        if size > offer.app.size or sha256_file(path) != offer.app.sha256:
            path.unlink(missing_ok=True)
            raise UpdateError(Refusal.TAMPERED, "the file does not match the signed SHA-256")
        return VerifiedPackage(offer, path)

    def install(self, package: VerifiedPackage, busy: Callable[[], bool] = lambda: False) -> None:
        """Re-check the file, then start its installer; the caller quits the app afterwards."""
        if busy():
            raise UpdateError(Refusal.BUSY)
        verified = self._verify(package.offer, package.path)
        try:
            self.launcher.launch(verified)
        except OSError as exc:
            raise UpdateError(Refusal.INSTALL_FAILED, type(exc).__name__) from None
        log.info("installer for %s started", package.offer.version)

    def discard(self, offer: UpdateOffer) -> None:
        """Forget a partial or finished download (the user declined this version)."""
        for path in (self.partial_path(offer), self.folder / offer.app.file_name):
            path.unlink(missing_ok=True)


def _range_starts_at(response: requests.Response, start: int) -> bool:
    match = re.match(r"bytes (\d+)-\d+/\d+", response.headers.get("Content-Range", ""))
    return match is not None and int(match.group(1)) == start


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()
