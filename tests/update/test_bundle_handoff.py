"""The Linux hand-off for a one-folder bundle: unpack beside it, swap after the app exits, restart."""

from __future__ import annotations

import io
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
import requests

from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.update import Refusal, TrustedKey, UpdateError, UpdateService
from artreview_desktop.core.update_install import LinuxLauncher
from artreview_platform.embedded import EmbeddedPlatform
from tests.update.conftest import CURRENT

EXE = "artreview-desktop"


def _script(marker: Path, text: str) -> bytes:
    return f'#!/bin/sh\necho "{text} $*" > "{marker}"\n'.encode()


def _bundle_tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o755
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _service(client: PlatformClient, keys: dict[str, TrustedKey], launcher: LinuxLauncher, cache: Path,
             http: requests.Session) -> UpdateService:
    return UpdateService(client, current_version=CURRENT, cache_dir=cache, keys=keys, launcher=launcher,
                         platform="linux", session=http)


def _installed(root: Path, marker: Path) -> Path:
    bundle = root / EXE
    (bundle / "_internal").mkdir(parents=True)
    (bundle / EXE).write_bytes(_script(marker, "old"))
    (bundle / EXE).chmod(0o755)
    (bundle / "_internal" / "old-only.txt").write_text("old")
    return bundle


def test_the_bundle_is_replaced_only_after_the_app_exits_then_restarted(
    tmp_path: Path, demo_platform: EmbeddedPlatform, client: PlatformClient, dev_keys: dict[str, TrustedKey],
    http: requests.Session,
) -> None:
    marker = tmp_path / "started.txt"
    bundle = _installed(tmp_path / "opt", marker)
    payload = _bundle_tarball({f"{EXE}/{EXE}": _script(marker, "new"), f"{EXE}/_internal/new.txt": b"new"})
    demo_platform.releases.publish("linux", "0.2.0", payload, kind="linux-bundle-tar.gz",
                                   file_name="artreview-desktop-0.2.0-linux.tar.gz")
    app = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    launcher = LinuxLauncher(install_dir=bundle, app_pid=app.pid)
    service = _service(client, dev_keys, launcher, tmp_path / "cache", http)

    service.install(service.download(service.check()))
    assert launcher.process is not None
    assert (bundle / "_internal" / "old-only.txt").exists()  # the running app's files are untouched …
    assert app.stdin is not None
    app.stdin.close()
    app.wait(timeout=30)  # … until it has quit
    assert launcher.process.wait(timeout=30) == 0

    assert marker.read_text().strip() == "new"  # the new bundle was started
    assert (bundle / "_internal" / "new.txt").read_text() == "new"
    assert not (bundle / "_internal" / "old-only.txt").exists()
    assert sorted(p.name for p in bundle.parent.iterdir()) == [EXE]  # no staging or backup left


def test_a_bundle_that_escapes_its_folder_is_not_installed(
    tmp_path: Path, demo_platform: EmbeddedPlatform, client: PlatformClient, dev_keys: dict[str, TrustedKey],
    http: requests.Session,
) -> None:
    marker = tmp_path / "started.txt"
    bundle = _installed(tmp_path / "opt", marker)
    payload = _bundle_tarball({f"{EXE}/{EXE}": _script(marker, "new"), "../../escaped.txt": b"x"})
    demo_platform.releases.publish("linux", "0.2.0", payload, kind="linux-bundle-tar.gz",
                                   file_name="artreview-desktop-0.2.0-linux.tar.gz")
    launcher = LinuxLauncher(install_dir=bundle, app_pid=1)
    service = _service(client, dev_keys, launcher, tmp_path / "cache", http)
    with pytest.raises(UpdateError) as refused:
        service.install(service.download(service.check()))
    assert refused.value.refusal is Refusal.INSTALL_FAILED
    assert launcher.process is None
    assert not list(tmp_path.rglob("escaped.txt"))
    assert sorted(p.name for p in bundle.parent.iterdir()) == [EXE]
