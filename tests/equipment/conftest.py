"""Fixtures of the equipment-check tests: a private PulseAudio sink (so no other sound on the
machine reaches "our" microphone), tones played into it, the demo camera, and a logged-in client."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from artreview_desktop.core.account import AccountService
from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.devices import demo_camera_file
from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.models import Exam
from artreview_desktop.core.platform.tokens import MemoryTokenStore
from artreview_desktop.core.privacy.consent import ConsentLedger, Document
from artreview_desktop.core.privacy.permissions import Permission
from artreview_desktop.core.settings import Settings, SettingsStore
from artreview_platform.embedded import EmbeddedPlatform

PHONE = "13800138001"


@pytest.fixture(scope="session")
def private_sink() -> Iterator[str]:
    """A null sink of our own on the test PulseAudio server, made the default sink and source of
    this process (libpulse reads PULSE_SINK / PULSE_SOURCE when a stream opens)."""
    if not os.environ.get("ARTREVIEW_TEST_AUDIO") or shutil.which("pactl") is None:
        pytest.skip("the PulseAudio test microphone is started by scripts/test.sh (ARTREVIEW_TEST_AUDIO not set)")
    name = f"artreview_eq_{os.getpid()}"
    module = subprocess.run(["pactl", "load-module", "module-null-sink", f"sink_name={name}", "rate=48000"],
                            check=True, capture_output=True, text=True, timeout=10).stdout.strip()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PULSE_SINK", name)
        patch.setenv("PULSE_SOURCE", f"{name}.monitor")
        try:
            yield name
        finally:
            subprocess.run(["pactl", "unload-module", module], check=False, timeout=10)


ToneInto = Callable[..., subprocess.Popen[bytes]]


@pytest.fixture
def tone_into(private_sink: str) -> Iterator[ToneInto]:
    """Play a sine tone into the private sink (what its monitor — our microphone — then hears)."""
    players: list[tuple[subprocess.Popen[bytes], threading.Thread]] = []

    def play(seconds: float = 3.0, frequency: float = 440.0, volume: float = 0.5) -> subprocess.Popen[bytes]:
        t = np.arange(int(seconds * 48_000), dtype=np.float32) / 48_000
        samples = (volume * np.sin(2 * np.pi * frequency * t)).astype("<f4").tobytes()
        player = subprocess.Popen(["pacat", "--playback", f"--device={private_sink}", "--format=float32le",
                                   "--rate=48000", "--channels=1", "--latency-msec=50"], stdin=subprocess.PIPE)
        stdin = player.stdin
        assert stdin is not None

        def feed() -> None:  # pacat takes the samples as fast as they play: never block the Qt loop
            try:
                stdin.write(samples)
            except (BrokenPipeError, ValueError):  # stopped early by the teardown
                pass
            finally:
                with contextlib.suppress(BrokenPipeError):
                    stdin.close()

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        players.append((player, feeder))
        return player

    yield play
    for player, feeder in players:
        player.kill()
        feeder.join(10)
        player.wait(10)


@pytest.fixture(scope="session")
def demo_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app's demo camera clip, made once for the whole run."""
    return demo_camera_file(tmp_path_factory.mktemp("demo-camera"))


@pytest.fixture
def context(app_paths: AppPaths, demo_clip: Path) -> AppContext:
    """A returning user (consent given) whose camera is the demo pattern (a real FileCamera)."""
    shutil.copy(demo_clip, app_paths.cache_dir / demo_clip.name)
    settings = Settings()
    settings.recording.camera = "demo"
    context = AppContext(paths=app_paths, settings_store=SettingsStore(app_paths.settings_file), settings=settings,
                         api_url=None, demo=True)
    context.consent_ledger.record(Document.PRIVACY_POLICY, context.policy.privacy_policy.version)
    context.consent_ledger.record(Document.CHILDREN_STATEMENT, context.policy.children_statement.version)
    context.permissions.grant(Permission.NETWORK)
    return context


@pytest.fixture
def candidate(demo_platform: EmbeddedPlatform, app_paths: AppPaths) -> Iterator[tuple[PlatformClient, list[Exam]]]:
    """A candidate logged in to the reference platform, and their exams."""
    client = PlatformClient(demo_platform.api_url, MemoryTokenStore())
    ledger = ConsentLedger(app_paths.data_dir / "privacy" / "ledger.jsonl")
    ledger.record(Document.PRIVACY_POLICY, "1.0")
    account = AccountService(client, lambda: "e" * 64, ledger)
    account.request_code(PHONE)
    account.login(PHONE, demo_platform.latest_sms_code(PHONE))
    yield client, client.exams()
    client.close()


def exam_with_fee(exams: list[Exam], status: str) -> Exam:
    return next(exam for exam in exams if exam.fee_status == status)
