"""Live checks on camera-sized frames: the guide, distance advice in the right direction, no face."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from artreview_desktop.core.photo import BUILTIN_SPECS, PhotoMaker, analyse_frame, guide_for
from artreview_desktop.core.photo.checks import FARTHER, TEXTS

from .conftest import astronaut


def frame_with_face(face_side: int) -> np.ndarray:
    """A 1280×720 frame with the astronaut photo `face_side` px tall, centred on the guide."""
    frame = np.full((720, 1280, 3), 228, np.uint8)
    picture = cv2.resize(astronaut(1.0), (face_side, face_side), interpolation=cv2.INTER_AREA)
    x = 640 - int(face_side * 0.43)  # her face is a little left of the photo's centre
    top = max(0, int(face_side * 0.10) - 40)  # her hair starts ~10% down the photo: keep it in view
    visible = picture[top : top + 700, max(0, -x) : min(face_side, 1280 - x)]
    frame[20 : 20 + visible.shape[0], max(0, x) : max(0, x) + visible.shape[1]] = visible
    return frame


def test_guide_keeps_the_spec_shape() -> None:
    spec = BUILTIN_SPECS["id-card"]
    guide = guide_for(spec, 1280, 720)
    x, y, w, h = guide.crop
    assert abs(w / h - spec.width / spec.height) < 1e-6 and x >= 0 and x + w <= 1280 and h <= 720
    assert y < guide.head_centre[1] < y + h / 2


@pytest.mark.parametrize(("side", "advice"), [(250, TEXTS["distance"][1]), (2400, FARTHER)])
def test_distance_advice_points_the_right_way(maker: PhotoMaker, side: int, advice: str) -> None:
    report = analyse_frame(frame_with_face(side), BUILTIN_SPECS["id-card"], maker.detector)
    distance = next(c for c in report.checks if c.name == "distance")
    assert not distance.ok and distance.advice == advice
    assert not report.ready


def test_right_distance_passes(maker: PhotoMaker) -> None:
    """Move to where the first reading says the head fits the guide: the check then passes."""
    spec = BUILTIN_SPECS["id-card"]
    first = analyse_frame(frame_with_face(600), spec, maker.detector)
    ratio = next(c for c in first.checks if c.name == "distance").value
    assert ratio is not None
    report = analyse_frame(frame_with_face(round(600 / ratio)), spec, maker.detector)
    distance = next(c for c in report.checks if c.name == "distance")
    assert distance.ok and distance.value is not None and abs(distance.value - 1) < 0.1, report.checks


def test_no_face_in_frame(maker: PhotoMaker) -> None:
    report = analyse_frame(np.full((720, 1280, 3), 200, np.uint8), BUILTIN_SPECS["1-inch"], maker.detector)
    assert [c.name for c in report.checks] == ["faces"] and not report.checks[0].ok and not report.faces
