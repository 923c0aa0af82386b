"""App releases the reference platform offers: signed manifests and the package bytes behind them.

At start the platform publishes a small, genuinely signed demo package for each OS (a script that
says it ran), one version above the app, so the whole update flow works in demo mode. Tests
publish their own releases, including deliberately broken ones (other keys, other bytes).
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from packaging.version import Version

from artreview_desktop.core.update import MANIFEST_FORMAT, sign_manifest
from artreview_platform.dev_update_key import DEV_KEY_ID, dev_private_key

PLATFORMS = ("linux", "windows", "macos")
_DEMO_FILES = {
    "linux": ("linux-installer", "linux-demo-installer.sh"),
    "windows": ("windows-installer", "windows-demo-setup.cmd"),
    "macos": ("macos-installer", "macos-demo-installer.command"),
}


@dataclass
class Release:
    manifest: dict[str, Any]  # signed fields + key_id, signature_algorithm, signature, published_at
    payload: bytes


def demo_version(app_version: str) -> str:
    """One micro version above the app, so the demo platform always has something to offer."""
    release = (*Version(app_version).release, 0, 0)
    return f"{release[0]}.{release[1]}.{release[2] + 1}"


def demo_payload(platform: str, version: str) -> bytes:
    if platform == "windows":
        return (f"@echo off\r\nrem ArtReview Desktop {version}: demo update package from the reference platform.\r\n"
                f"echo ArtReview Desktop {version} demo update ran (nothing was changed).\r\n").encode("ascii")
    return (f"#!/bin/sh\n# ArtReview Desktop {version}: demo update package from the reference platform.\n"
            "# A real release is the installer (Windows, macOS) or the one-folder bundle (Linux).\n"
            f'echo "ArtReview Desktop {version} demo update ran (nothing was changed)."\n').encode("ascii")


class ReleaseStore:
    """The current release per platform; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._releases: dict[str, Release] = {}

    def publish(self, platform: str, version: str, payload: bytes, *, kind: str, file_name: str,
                notes: dict[str, str] | None = None, mandatory: bool = False,
                private_key: Ed25519PrivateKey | None = None, key_id: str = DEV_KEY_ID,
                published_at: str = "2026-11-01T00:00:00Z") -> dict[str, Any]:
        """Sign and publish a release (with the dev key unless told otherwise); returns its manifest."""
        if platform not in PLATFORMS:
            raise ValueError(f"unknown platform {platform!r}")
        fields = {"format": MANIFEST_FORMAT, "platform": platform, "version": version, "file_name": file_name,
                  "kind": kind, "size": len(payload), "sha256": hashlib.sha256(payload).hexdigest(),
                  "notes": dict(notes or {}), "mandatory": mandatory}
        manifest = sign_manifest(fields, private_key or dev_private_key(), key_id)
        manifest["published_at"] = published_at
        with self._lock:
            self._releases[platform] = Release(manifest, payload)
        return dict(manifest)

    def publish_demo(self, app_version: str) -> None:
        version = demo_version(app_version)
        notes = {"zh_CN": f"演示更新 {version}：验证签名和安装流程（不会更改任何文件）。",
                 "en": f"Demo update {version}: exercises signature checks and the installer hand-off "
                       "(changes nothing)."}
        for platform, (kind, suffix) in _DEMO_FILES.items():
            self.publish(platform, version, demo_payload(platform, version), kind=kind,
                         file_name=f"artreview-desktop-{version}-{suffix}", notes=notes)

    def replace_payload(self, platform: str, payload: bytes) -> None:
        """Serve other bytes under the same signed manifest (a compromised mirror, for tests)."""
        with self._lock:
            self._releases[platform].payload = payload

    def manifest(self, platform: str, api_url: str) -> dict[str, Any] | None:
        with self._lock:
            release = self._releases.get(platform)
        if release is None:
            return None
        return {**release.manifest, "url": f"{api_url}/app/download/{release.manifest['file_name']}"}

    def payload(self, file_name: str) -> bytes | None:
        with self._lock:
            for release in self._releases.values():
                if release.manifest["file_name"] == file_name:
                    return release.payload
        return None
