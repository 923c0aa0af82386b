"""Fixtures of the capture tests: camera files made on demand and the take folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from artreview_desktop.core.paths import AppPaths
from tests.capture.media import make_camera_file


@pytest.fixture
def camera_file(tmp_path: Path) -> Callable[..., Path]:
    counter = iter(range(1000))

    def make(**kwargs: object) -> Path:
        suffix = ".mkv" if int(kwargs.get("width", 320)) % 2 or int(kwargs.get("height", 240)) % 2 else ".mp4"
        return make_camera_file(tmp_path / f"camera{next(counter)}{suffix}", **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture
def takes_dir(app_paths: AppPaths) -> Path:
    folder = app_paths.recordings_dir
    folder.mkdir(parents=True, exist_ok=True)
    return folder
