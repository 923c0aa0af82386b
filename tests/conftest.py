"""Shared fixtures: every test gets fresh app folders (never the user's) and offscreen Qt."""

from __future__ import annotations

import gc
import logging
import os
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Qt must be offscreen before any QApplication exists; a test that needs Xvfb sets DISPLAY itself.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from artreview_desktop.core.paths import HOME_ENV, AppPaths
from artreview_desktop.core.settings import Settings, SettingsStore
from artreview_platform.embedded import EmbeddedPlatform, start_embedded


@pytest.fixture(autouse=True)
def app_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    """Fresh folders for every test; `AppPaths.default()` also points there."""
    home = tmp_path / "artreview-home"
    monkeypatch.setenv(HOME_ENV, str(home))
    paths = AppPaths.under(home)
    paths.ensure()
    return paths


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """Tests that configure the app's logging must not leave handlers on the root logger."""
    root = logging.getLogger()
    level = root.level
    yield
    for handler in list(root.handlers):
        if getattr(handler, "_artreview", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.fixture
def settings_store(app_paths: AppPaths) -> SettingsStore:
    return SettingsStore(app_paths.settings_file)


@pytest.fixture
def settings() -> Settings:
    return Settings()


def _need_env(name: str, what: str) -> None:
    if not os.environ.get(name):
        pytest.skip(f"{what} is started by scripts/test.sh ({name} not set)")


@pytest.fixture
def pulse_microphone() -> None:
    """The PulseAudio null sink + monitor source started by scripts/test.sh."""
    _need_env("ARTREVIEW_TEST_AUDIO", "the PulseAudio test microphone")


@pytest.fixture
def real_keyring() -> None:
    """The Secret Service keyring of the D-Bus session started by scripts/test.sh."""
    _need_env("ARTREVIEW_TEST_KEYRING", "the gnome-keyring Secret Service")


@pytest.fixture
def xvfb_display(monkeypatch: pytest.MonkeyPatch) -> str:
    """The Xvfb display started by scripts/test.sh, for tests that need real pixels on screen."""
    _need_env("ARTREVIEW_TEST_DISPLAY", "Xvfb")
    display = os.environ["ARTREVIEW_TEST_DISPLAY"]
    monkeypatch.setenv("DISPLAY", display)
    return display


@pytest.fixture
def demo_platform(tmp_path: Path) -> Iterator[EmbeddedPlatform]:
    """The reference platform and OSS store, real servers on loopback."""
    with start_embedded(tmp_path / "demo-platform", dev_credentials=True) as running:
        yield running


@pytest.fixture(autouse=True)
def _collect_http_connections() -> Iterator[None]:
    """oss2 gives each Bucket an HTTP session it never closes, and tests make many throwaway
    clients. Collect their sockets at the end of the test that made them (quietly), instead of
    letting a later, unrelated test trip over the ResourceWarning at a random garbage collection."""
    yield
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


def _write_still_video(path: Path, frame: Any) -> Path:
    import av

    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=30)
        stream.width, stream.height, stream.pix_fmt = frame.shape[1], frame.shape[0], "yuv420p"
        for _ in range(30):
            video_frame = av.VideoFrame.from_ndarray(frame, format="bgr24")
            for packet in stream.encode(video_frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


@pytest.fixture(scope="session")
def astronaut_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A short 1280×720 video of scikit-image's astronaut, to play as a camera with a real face."""
    import cv2
    import numpy as np
    from skimage import data

    frame = np.full((720, 1280, 3), 235, np.uint8)
    face = cv2.resize(np.ascontiguousarray(data.astronaut()[:, :, ::-1]), (700, 700))
    frame[20:720, 290:990] = face[:700]
    return _write_still_video(tmp_path_factory.mktemp("camera") / "astronaut.mp4", frame)


@pytest.fixture(scope="session")
def close_up_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The astronaut closer to the camera: enough pixels across her face for every ID-photo spec
    (the plain `astronaut_video` is refused by the resolution check, as a real far-away face is)."""
    import cv2
    import numpy as np
    from skimage import data

    big = cv2.resize(np.ascontiguousarray(data.astronaut()[:, :, ::-1]), (1024, 1024), interpolation=cv2.INTER_CUBIC)
    frame = np.full((720, 1280, 3), 235, np.uint8)
    frame[:, 128:1152] = big[:720]
    return _write_still_video(tmp_path_factory.mktemp("camera") / "close-up.mp4", frame)
