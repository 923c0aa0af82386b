"""Real photographs for the ID-photo tests: scikit-image's astronaut() and variants made from it."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from skimage import data

from artreview_desktop.core.photo import PhotoMaker
from tests.ui.conftest import context, fresh_context  # noqa: F401  (the page tests use the UI app context)


def astronaut(scale: float = 2.5) -> np.ndarray:
    """The astronaut as BGR, enlarged so her face is as large as a webcam close-up gives it."""
    image = np.ascontiguousarray(data.astronaut()[:, :, ::-1])
    return cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)


def image_files_under(root: Path) -> list[Path]:
    """Every JPEG/PNG/WebP/BMP under `root`, found by content (not by name)."""
    found = []
    magics = (b"\xff\xd8\xff", b"\x89PNG", b"RIFF", b"BM")
    for path in root.rglob("*"):
        try:
            if path.is_file() and path.read_bytes()[:4].startswith(magics):
                found.append(path)
        except OSError:
            continue
    return found


@pytest.fixture(scope="session")
def maker() -> PhotoMaker:
    return PhotoMaker()


@pytest.fixture(scope="session")
def astronaut_bgr() -> np.ndarray:
    return astronaut()
