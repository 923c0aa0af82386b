"""In-app update against the reference platform: offered, downloaded (resumed), verified, handed off;
and every bad case refused before anything runs."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from artreview_desktop import __version__
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.models import AppVersion
from artreview_desktop.core.platform.tokens import MemoryTokenStore
from artreview_desktop.core.resources import resource
from artreview_desktop.core.update import (
    Refusal,
    TrustedKey,
    UpdateError,
    UpdateService,
    dev_key_allowed,
    trusted_keys,
    verify_manifest,
)
from artreview_platform.embedded import EmbeddedPlatform
from artreview_platform.releases import demo_version
from tests.update.conftest import CURRENT, RecordingInstaller

PACKAGE = os.urandom(3 * 1024 * 1024 + 12345)  # several download chunks, not a round number
PREFIX = "/api/v1/app/download/"


def publish(platform: EmbeddedPlatform, version: str = "0.2.0", payload: bytes = PACKAGE, **extra: object) -> dict:
    return platform.releases.publish("linux", version, payload, kind="linux-installer",
                                     file_name=f"artreview-desktop-{version}-linux.run",
                                     notes={"zh_CN": "修复了录制问题。", "en": "Fixes a recording problem."}, **extra)


def test_the_demo_platform_offers_a_genuinely_signed_update(service: UpdateService) -> None:
    offer = service.check()
    assert offer.version == demo_version(__version__)
    assert offer.app.key_id == "dev-2026"
    assert offer.notes("zh_CN").startswith("演示更新")
    package = service.download(offer)
    assert package.path.read_bytes().startswith(b"#!/bin/sh")


def test_a_good_update_resumes_after_a_cut_is_verified_and_reaches_the_installer(
    service: UpdateService, demo_platform: EmbeddedPlatform, installer: RecordingInstaller, ranges: list[str | None],
) -> None:
    manifest = publish(demo_platform)
    cut = 1_000_000
    demo_platform.faults.drop_after(cut, path_prefix=PREFIX, direction="response")
    seen: list[int] = []

    offer = service.check()
    assert offer.version == "0.2.0" and offer.notes("en") == "Fixes a recording problem."
    package = service.download(offer, progress=lambda done, total: seen.append(done))

    assert ranges[0] is None  # the first request asked for everything …
    resumed_from = int(ranges[1].removeprefix("bytes=").removesuffix("-"))  # … the second only for the rest
    assert 0 < resumed_from <= cut
    assert seen[-1] == len(PACKAGE)
    assert package.path.read_bytes() == PACKAGE
    assert not service.partial_path(offer).exists()

    service.install(package)
    assert installer.launcher.process is not None
    assert installer.launcher.process.wait(timeout=30) == 0
    record = json.loads(installer.record.read_text("utf-8"))
    assert record["args"] == [str(package.path)]
    assert record["sha256"] == manifest["sha256"] == hashlib.sha256(PACKAGE).hexdigest()


def test_a_cancelled_download_keeps_its_bytes_and_resumes_with_a_range_request(
    service: UpdateService, demo_platform: EmbeddedPlatform, ranges: list[str | None],
) -> None:
    publish(demo_platform)
    offer = service.check()
    cancel = threading.Event()

    def stop_after_first_chunk(done: int, total: int) -> None:
        cancel.set()

    with pytest.raises(UpdateError) as stopped:
        service.download(offer, progress=stop_after_first_chunk, cancel=cancel)
    assert stopped.value.refusal is Refusal.CANCELLED
    kept = service.partial_path(offer).stat().st_size
    assert 0 < kept < len(PACKAGE)

    package = service.download(offer)
    assert ranges[-1] == f"bytes={kept}-"
    assert package.path.read_bytes() == PACKAGE


def test_tampered_bytes_are_refused_and_never_reach_the_installer(
    service: UpdateService, demo_platform: EmbeddedPlatform, installer: RecordingInstaller,
) -> None:
    publish(demo_platform)
    evil = bytearray(PACKAGE)
    evil[len(evil) // 2] ^= 0xFF
    demo_platform.releases.replace_payload("linux", bytes(evil))  # same size, signed hash no longer matches

    offer = service.check()
    with pytest.raises(UpdateError) as refused:
        service.download(offer)
    assert refused.value.refusal is Refusal.TAMPERED
    assert list(service.folder.iterdir()) == []  # nothing left that could be run later
    assert installer.launcher.process is None


def test_a_longer_file_than_announced_is_refused(service: UpdateService, demo_platform: EmbeddedPlatform) -> None:
    publish(demo_platform)
    demo_platform.releases.replace_payload("linux", PACKAGE + b"#!/bin/sh\nrm -rf ~\n")
    with pytest.raises(UpdateError) as refused:
        service.download(service.check())
    assert refused.value.refusal is Refusal.TAMPERED
    assert list(service.folder.iterdir()) == []  # not even a partial file to resume from


def test_a_truncated_download_is_refused(service: UpdateService, demo_platform: EmbeddedPlatform) -> None:
    publish(demo_platform)
    demo_platform.releases.replace_payload("linux", PACKAGE[:-4096])  # the server says it is complete
    with pytest.raises(UpdateError) as refused:
        service.download(service.check())
    assert refused.value.refusal is Refusal.TRUNCATED
    assert list(service.folder.iterdir()) == []


def test_a_connection_that_keeps_breaking_is_a_network_error_and_keeps_the_partial_file(
    service: UpdateService, demo_platform: EmbeddedPlatform,
) -> None:
    publish(demo_platform)
    demo_platform.faults.drop_after(300_000, count=10, path_prefix=PREFIX, direction="response")
    offer = service.check()
    with pytest.raises(UpdateError) as refused:
        service.download(offer)
    assert refused.value.refusal is Refusal.NETWORK
    assert service.partial_path(offer).stat().st_size > 0  # resumable later


def test_a_manifest_signed_by_another_key_is_refused(service: UpdateService, demo_platform: EmbeddedPlatform) -> None:
    publish(demo_platform, private_key=Ed25519PrivateKey.generate())  # claims to be dev-2026, is not
    with pytest.raises(UpdateError) as refused:
        service.check()
    assert refused.value.refusal is Refusal.WRONG_SIGNATURE
    assert not service.folder.exists()  # nothing was even downloaded


def test_a_manifest_from_an_unknown_key_is_refused(service: UpdateService, demo_platform: EmbeddedPlatform) -> None:
    publish(demo_platform, private_key=Ed25519PrivateKey.generate(), key_id="release-2099")
    with pytest.raises(UpdateError) as refused:
        service.check()
    assert refused.value.refusal is Refusal.WRONG_SIGNATURE


@pytest.mark.parametrize("change", [{"version": "9.9.9"}, {"sha256": "0" * 64}, {"size": 1},
                                   {"kind": "linux-bundle-tar.gz"}, {"notes": {"zh_CN": "假的说明"}}])
def test_changing_any_signed_field_breaks_the_signature(
    client: PlatformClient, demo_platform: EmbeddedPlatform, dev_keys: dict[str, TrustedKey], change: dict,
) -> None:
    publish(demo_platform)
    genuine = client.latest_app("linux")
    assert verify_manifest(genuine, current_version=CURRENT, platform="linux", keys=dev_keys).version == "0.2.0"
    forged: AppVersion = replace(genuine, **change)
    with pytest.raises(UpdateError) as refused:
        verify_manifest(forged, current_version=CURRENT, platform="linux", keys=dev_keys)
    assert refused.value.refusal is Refusal.WRONG_SIGNATURE


def test_a_manifest_for_another_os_is_refused(client: PlatformClient, dev_keys: dict[str, TrustedKey]) -> None:
    windows = client.latest_app("windows")  # genuinely signed, but a Windows installer
    with pytest.raises(UpdateError) as refused:
        verify_manifest(windows, current_version=CURRENT, platform="linux", keys=dev_keys)
    assert refused.value.refusal is Refusal.BAD_MANIFEST


@pytest.mark.parametrize(("offered", "running", "refusal"), [
    ("0.0.9", "0.1.0", Refusal.DOWNGRADE),
    ("0.1.0rc1", "0.1.0", Refusal.DOWNGRADE),
    ("0.1.0", "0.1.0", Refusal.UP_TO_DATE),
    ("0.9.0", "0.10.0", Refusal.DOWNGRADE),  # compared as versions, not as text
])
def test_downgrades_and_the_same_version_are_not_offered(
    client: PlatformClient, demo_platform: EmbeddedPlatform, dev_keys: dict[str, TrustedKey],
    offered: str, running: str, refusal: Refusal,
) -> None:
    publish(demo_platform, version=offered)  # genuinely signed: an old release replayed
    service = UpdateService(client, current_version=running, cache_dir=Path("unused"), keys=dev_keys,
                            launcher=_Unused(), platform="linux")
    with pytest.raises(UpdateError) as refused:
        service.check()
    assert refused.value.refusal is refusal


def test_a_newer_version_is_offered_when_compared_properly(
    client: PlatformClient, demo_platform: EmbeddedPlatform, dev_keys: dict[str, TrustedKey],
) -> None:
    publish(demo_platform, version="0.10.0")
    offer = verify_manifest(client.latest_app("linux"), current_version="0.9.0", platform="linux", keys=dev_keys)
    assert offer.version == "0.10.0"


def test_no_install_while_busy(service: UpdateService, installer: RecordingInstaller) -> None:
    package = service.download(service.check())
    with pytest.raises(UpdateError) as refused:
        service.install(package, busy=lambda: True)
    assert refused.value.refusal is Refusal.BUSY
    assert installer.launcher.process is None
    service.install(package, busy=lambda: False)
    assert installer.launcher.process is not None and installer.launcher.process.wait(timeout=30) == 0


def test_a_file_changed_on_disk_after_verification_is_not_installed(
    service: UpdateService, installer: RecordingInstaller,
) -> None:
    package = service.download(service.check())
    package.path.write_bytes(b"#!/bin/sh\necho swapped\n")
    with pytest.raises(UpdateError) as refused:
        service.install(package)
    assert refused.value.refusal in (Refusal.TAMPERED, Refusal.TRUNCATED)
    assert installer.launcher.process is None


def test_the_platform_unreachable_is_a_network_error(tmp_path: Path, dev_keys: dict[str, TrustedKey],
                                                     demo_platform: EmbeddedPlatform) -> None:
    url = demo_platform.api_url
    demo_platform.stop()
    client = PlatformClient(url, MemoryTokenStore(), retries=0)
    service = UpdateService(client, current_version=CURRENT, cache_dir=tmp_path, keys=dev_keys, launcher=_Unused())
    with pytest.raises(UpdateError) as refused:
        service.check()
    assert refused.value.refusal is Refusal.NETWORK
    client.close()


@pytest.mark.usefixtures("no_dev_key_env")
def test_the_development_key_is_trusted_only_in_demo_mode_or_when_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert dev_key_allowed(demo=True)
    assert not dev_key_allowed(demo=False)
    assert "dev-2026" not in trusted_keys(resource("update-keys"), allow_dev=dev_key_allowed(demo=False))
    monkeypatch.setenv("ARTREVIEW_TRUST_DEV_UPDATE_KEY", "1")
    assert "dev-2026" in trusted_keys(resource("update-keys"), allow_dev=dev_key_allowed(demo=False))


def test_a_release_app_refuses_the_demo_platform_s_packages(client: PlatformClient, tmp_path: Path) -> None:
    keys = trusted_keys(resource("update-keys"), allow_dev=False)
    service = UpdateService(client, current_version=CURRENT, cache_dir=tmp_path, keys=keys, launcher=_Unused(),
                            platform="linux")
    with pytest.raises(UpdateError) as refused:
        service.check()
    assert refused.value.refusal is Refusal.WRONG_SIGNATURE


class _Unused:
    def launch(self, package: object) -> None:
        raise AssertionError("nothing may be launched in this test")
