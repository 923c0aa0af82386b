"""The Linux one-folder bundle: built by packaging/build_linux.sh into a temporary folder, then started.

Slow (a PyInstaller build: about 1-2 minutes here). Set ARTREVIEW_BUNDLE=/path/to/artreview-desktop to
test a bundle built just before (e.g. by a separate CI step) instead of building one.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from artreview_desktop import __version__
from artreview_desktop.core.platform.models import AppVersion
from artreview_desktop.core.resources import resource
from artreview_desktop.core.update import trusted_keys, verify_manifest
from artreview_platform.releases import demo_version

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    given = os.environ.get("ARTREVIEW_BUNDLE")
    if given:
        yield Path(given)
        return
    pytest.importorskip("PyInstaller", reason="the build extra is not installed: pip install -e '.[build]'")
    out = tmp_path_factory.mktemp("bundle")
    before = {name: (REPO / name).exists() for name in ("build", "dist")}
    result = subprocess.run(
        ["bash", str(REPO / "packaging" / "build_linux.sh"), "--dist", str(out / "dist"), "--work", str(out / "work")],
        capture_output=True, text=True, timeout=170, cwd=REPO,
        env={**os.environ, "ARTREVIEW_BUILD_TIMEOUT": "160"},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert f"bundle: {out / 'dist' / 'artreview-desktop'}" in result.stdout
    assert {name: (REPO / name).exists() for name in before} == before  # nothing written into the repository
    yield out / "dist" / "artreview-desktop"


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARTREVIEW_")}
    return {**env, "ARTREVIEW_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def test_the_bundle_holds_what_the_app_needs(bundle: Path) -> None:
    internal = bundle / "_internal"
    for needed in ("resources/i18n/artreview_en.qm", "resources/update-keys/dev-2026.pub",
                   "resources/models/face_detection_yunet_2023mar.onnx", "resources/policy/policy.json",
                   "resources/licenses/THIRD-PARTY-NOTICES.md", "THIRD-PARTY-NOTICES.txt"):
        assert (internal / needed).is_file(), needed
    assert not list(internal.glob("resources/i18n/*.ts"))
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for plugin_dir in ("platforms", "multimedia", "texttospeech", "imageformats"):
        assert list((plugins / plugin_dir).glob("*.so")), plugin_dir
    assert list(internal.glob("av.libs/libx264*"))  # PyAV's encoder came along …
    notices = (bundle / "THIRD-PARTY-NOTICES.txt").read_text("utf-8")
    assert "libx264" in notices and "GPL-2.0-or-later" in notices  # … and the notice says it is GPL
    assert (bundle / "artreview-desktop.desktop").is_file() and (bundle / "artreview.png").is_file()


def test_the_bundled_app_prints_its_version(bundle: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(bundle / "artreview-desktop"), "--version"], capture_output=True, text=True,
                            timeout=60, env=_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"artreview-desktop {__version__}"


def _read_line(proc: subprocess.Popen[str], timeout_s: float) -> str:
    assert proc.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        if not selector.select(timeout_s):
            proc.kill()
            raise AssertionError(f"no line from the bundle in {timeout_s} s: {proc.communicate()[1][-3000:]}")
    return proc.stdout.readline()


def _why_it_exited(proc: subprocess.Popen[str], home: Path) -> str:
    """Everything that explains an early exit: status, stderr, the log's end and any crash report."""
    _, stderr = proc.communicate(timeout=30)
    log = home / "logs" / "artreview.log"
    reports = [p.read_text("utf-8")[:3000] for p in (home / "data" / "crash-reports").glob("*.json")]
    log_tail = log.read_text("utf-8")[-3000:] if log.exists() else "(no log)"
    return f"exit {proc.returncode}\nstderr: {stderr[-3000:]}\nlog: {log_tail}\nreports: {reports}"


def test_the_bundled_app_runs_in_demo_mode_and_quits_cleanly(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    proc = subprocess.Popen([str(bundle / "artreview-desktop"), "--demo", "--print-ready"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=_env(home))
    try:
        line = _read_line(proc, 90)
        assert line, _why_it_exited(proc, home)
        ready = json.loads(line)
        assert ready["ready"] is True and ready["demo"] is True
        api = ready["api_url"]
        assert requests.get(f"{api}/health", timeout=10).status_code == 200
        # The frozen platform serves a signed demo update that the app's own keys accept.
        manifest = requests.get(f"{api}/app/latest", params={"platform": "linux"}, timeout=10).json()
        offer = verify_manifest(AppVersion.from_json(manifest), current_version=__version__, platform="linux",
                                keys=trusted_keys(resource("update-keys"), allow_dev=True))
        assert offer.version == demo_version(__version__)
        package = requests.get(manifest["url"], timeout=10)
        assert len(package.content) == manifest["size"]
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr[-3000:]
    assert "Traceback" not in stderr
    assert list((home / "data" / "crash-reports").glob("*.json")) == []
