"""The ID photo meets each spec, measured independently on the output: re-detect the face there,
and find the crown as the first row (above the face) that is not the new background colour."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from artreview_desktop.core.photo import (
    BUILTIN_SPECS,
    COLOURS,
    Adjustment,
    PhotoError,
    PhotoMaker,
    Reason,
    clamp_adjustment,
    encode_jpeg,
    spec_from_dict,
)
from artreview_desktop.core.photo.detect import MODEL_SHA256 as YUNET_SHA
from artreview_desktop.core.photo.detect import file_sha256
from artreview_desktop.core.photo.detect import model_path as yunet_path
from artreview_desktop.core.photo.segment import MODEL_SHA256 as SEG_SHA
from artreview_desktop.core.photo.segment import model_path as seg_path
from artreview_desktop.core.photo.specs import PhotoSpec

from .conftest import astronaut

TOLERANCE = 3.0  # px: the test's own measurement (e.g. crown on anti-aliased hair) is itself this exact


def test_shipped_models_are_the_audited_files() -> None:
    assert file_sha256(yunet_path()) == YUNET_SHA
    assert file_sha256(seg_path()) == SEG_SHA
    assert "9ee168ec7c8f2a16" in (seg_path().parent / "README.md").read_text(encoding="utf-8")


def independent_measure(image: np.ndarray, background: tuple[int, int, int]) -> dict[str, float]:
    detector = cv2.FaceDetectorYN.create(str(yunet_path()), "", (image.shape[1], image.shape[0]), 0.8, 0.3, 50)
    _, rows = detector.detect(image)
    assert rows is not None and len(rows) == 1, "exactly one face in the output"
    x, y, w, h = (float(v) for v in rows[0][:4])
    eye_y = (rows[0][5] + rows[0][7]) / 2
    centre = int(x + w / 2)
    band = image[: int(eye_y), centre - int(w * 0.15) : centre + int(w * 0.15)].astype(int)
    differs = np.abs(band - np.array(background)).sum(axis=2) > 60
    rows_with_person = np.nonzero(differs.mean(axis=1) > 0.2)[0]
    crown = float(rows_with_person[0]) if rows_with_person.size else float(eye_y)
    return {"face_width": w, "crown": crown, "eye_y": float(eye_y), "chin": y + h, "centre": x + w / 2}


def within(value: float, low: float | None, high: float | None, slack: float = TOLERANCE) -> bool:
    return (low is None or value >= low - slack) and (high is None or value <= high + slack)


def assert_meets(spec: PhotoSpec, image: np.ndarray, background: tuple[int, int, int]) -> None:
    assert image.shape == (spec.height, spec.width, 3)
    m = independent_measure(image, background)
    if spec.face_width != (None, None):
        assert within(m["face_width"], *spec.face_width), m
    if spec.head_height != (None, None):
        assert within(m["chin"] - m["crown"], *spec.head_height, slack=0.05 * spec.height), m
    assert within(m["crown"], *spec.crown_gap), m
    if spec.eyes_above_bottom_min is not None:
        assert spec.height - m["eye_y"] >= spec.eyes_above_bottom_min - TOLERANCE, m
    if spec.chin_above_bottom_min is not None:
        assert spec.height - m["chin"] >= spec.chin_above_bottom_min - TOLERANCE, m
    assert abs(m["centre"] - spec.width / 2) <= spec.centre_tolerance * spec.width + TOLERANCE, m


@pytest.mark.parametrize("name", list(BUILTIN_SPECS))
def test_every_spec_is_met(maker: PhotoMaker, astronaut_bgr: np.ndarray, name: str) -> None:
    spec = BUILTIN_SPECS[name]
    photo = maker.make(astronaut_bgr, spec, COLOURS["white"])
    assert_meets(spec, photo.image, COLOURS["white"])
    geometry = {c.name: c for c in photo.checks if c.unit == "px"}
    assert geometry and all(c.ok for c in geometry.values()), photo.checks


def _rotated(image: np.ndarray, degrees: float) -> np.ndarray:
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 3), degrees, 1.0)
    return cv2.warpAffine(image, m, (w, h), borderMode=cv2.BORDER_REPLICATE)


def _shifted(image: np.ndarray) -> np.ndarray:
    h, w = image.shape[:2]
    canvas = np.full((h + 600, w + 900, 3), 230, np.uint8)
    canvas[500 : 500 + h, 800 : 800 + w] = image
    return canvas


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda im: _rotated(im, 15), id="rotated"),
        pytest.param(lambda im: cv2.resize(im, None, fx=0.6, fy=0.6, interpolation=cv2.INTER_AREA), id="scaled"),
        pytest.param(_shifted, id="shifted"),
        pytest.param(lambda im: np.ascontiguousarray(np.rot90(np.rot90(im))[::-1, ::-1]), id="portrait-canvas"),
    ],
)
def test_variants_still_meet_id_card(maker: PhotoMaker, astronaut_bgr: np.ndarray, variant) -> None:
    spec = BUILTIN_SPECS["id-card"]
    photo = maker.make(variant(astronaut_bgr), spec, COLOURS["blue"])
    assert_meets(spec, photo.image, COLOURS["blue"])


@pytest.mark.parametrize("degrees", [-20, -8, 8, 20])
def test_tilt_is_measured(maker: PhotoMaker, astronaut_bgr: np.ndarray, degrees: float) -> None:
    """Turning the photo by N° changes the measured roll by N° (counter-clockwise reads negative)."""
    upright = maker.analyse(astronaut_bgr).roll
    tilted = maker.analyse(_rotated(astronaut_bgr, degrees)).roll
    assert abs((upright - tilted) - degrees) <= 2.5, (upright, tilted)


def test_output_eyes_are_level(maker: PhotoMaker, astronaut_bgr: np.ndarray) -> None:
    from artreview_desktop.core.photo.quality import pupil_roll

    for degrees in (0, 15):
        photo = maker.make(_rotated(astronaut_bgr, degrees), BUILTIN_SPECS["id-card"], COLOURS["white"])
        assert photo.measure.face is not None
        roll = pupil_roll(photo.image, photo.measure.face)
        assert roll is not None and abs(roll) <= 2.0, (degrees, roll)


def test_dark_photo_fails_brightness_with_advice(maker: PhotoMaker, astronaut_bgr: np.ndarray) -> None:
    dark = (astronaut_bgr.astype(np.float32) * 0.25).astype(np.uint8)
    photo = maker.make(dark, BUILTIN_SPECS["1-inch"], COLOURS["white"])
    brightness = next(c for c in photo.checks if c.name == "brightness")
    assert not brightness.ok and brightness.value is not None and brightness.value < 80
    assert "光" in brightness.advice
    normal = maker.make(astronaut_bgr, BUILTIN_SPECS["1-inch"], COLOURS["white"])
    assert next(c for c in normal.checks if c.name == "brightness").ok


def test_blurred_photo_fails_sharpness(maker: PhotoMaker, astronaut_bgr: np.ndarray) -> None:
    analysis = maker.analyse(cv2.GaussianBlur(astronaut_bgr, (0, 0), 6))
    assert not next(c for c in analysis.checks if c.name == "sharpness").ok


def test_two_faces_are_refused(maker: PhotoMaker) -> None:
    one = astronaut(1.5)
    with pytest.raises(PhotoError) as caught:
        maker.analyse(np.ascontiguousarray(np.hstack([one, one])))
    assert caught.value.reason is Reason.SEVERAL_FACES


def test_no_face_is_refused(maker: PhotoMaker) -> None:
    rocket = np.ascontiguousarray(astronaut(1.0)[0:300, 330:512])  # the shuttle model, no person
    with pytest.raises(PhotoError) as caught:
        maker.analyse(cv2.resize(rocket, None, fx=3, fy=3))
    assert caught.value.reason is Reason.NO_FACE


def test_face_far_too_small_is_refused(maker: PhotoMaker) -> None:
    tiny_face = cv2.resize(astronaut(1.0), None, fx=0.45, fy=0.45, interpolation=cv2.INTER_AREA)
    canvas = np.full((480, 640, 3), 230, np.uint8)
    canvas[100 : 100 + tiny_face.shape[0], 200 : 200 + tiny_face.shape[1]] = tiny_face
    with pytest.raises(PhotoError) as caught:
        maker.make(canvas, BUILTIN_SPECS["id-card"], COLOURS["white"])
    assert caught.value.reason is Reason.TOO_SMALL


def test_manual_zoom_is_clamped_to_the_spec(maker: PhotoMaker, astronaut_bgr: np.ndarray) -> None:
    spec = BUILTIN_SPECS["id-card"]
    analysis = maker.analyse(astronaut_bgr)
    base = maker.compose(analysis, spec, COLOURS["white"])
    wanted = Adjustment(dx=80, dy=-90, zoom=1.5)
    clamped = clamp_adjustment(spec, base.placement, base.measure, wanted)
    assert clamped.zoom < 1.5 and clamped.dy > -90 and clamped.dx < 80
    adjusted = maker.compose(analysis, spec, COLOURS["white"], clamped, base.placement)
    assert all(c.ok for c in adjusted.checks if c.unit == "px"), adjusted.checks
    unclamped = maker.compose(analysis, spec, COLOURS["white"], wanted, base.placement)
    assert not next(c for c in unclamped.checks if c.name == "face_width").ok


def test_background_replaced_without_halo(maker: PhotoMaker, astronaut_bgr: np.ndarray) -> None:
    photo = maker.make(astronaut_bgr, BUILTIN_SPECS["2-inch"], COLOURS["red"])
    corner = photo.image[:20, :20].reshape(-1, 3).astype(int)
    assert np.abs(corner - np.array(COLOURS["red"])).max() <= 2
    assert photo.mask is not None
    edge = (photo.mask > 0.05) & (photo.mask < 0.5)
    # Old background was grey-white; a halo would leave light pixels on the red background's side.
    light = photo.image[edge].astype(int).min(axis=1) > 200
    assert light.mean() < 0.05


def test_export_is_exact_with_dpi_and_within_kb(maker: PhotoMaker, astronaut_bgr: np.ndarray) -> None:
    spec = spec_from_dict({"name": "exam", "unit": "mm", "width": 26, "height": 32, "dpi": 350,
                           "face_width": [14, 16], "crown_gap": [0.5, 1.5], "kb": [10, 20]})
    photo = maker.make(astronaut_bgr, spec, COLOURS["white"])
    encoded = encode_jpeg(photo.image, spec)
    assert 10 * 1024 <= len(encoded.data) <= 20 * 1024 and encoded.check.ok
    with Image.open(io.BytesIO(encoded.data)) as image:
        assert image.size == (spec.width, spec.height)
        assert tuple(round(v) for v in image.info["dpi"]) == (350, 350)
    plain = np.full((spec.height, spec.width, 3), 255, np.uint8)
    too_small = encode_jpeg(plain, spec)  # a white page cannot reach 10 KB honestly
    assert not too_small.check.ok and len(too_small.data) < 10 * 1024
    assert not too_small.data.endswith(b"\x00" * 64)


def test_exam_spec_validation() -> None:
    with pytest.raises(ValueError):
        spec_from_dict({"width": 10})
    with pytest.raises(ValueError):
        spec_from_dict({"width": 358, "height": 441, "face_width": [250, 200]})
    spec = spec_from_dict({"width": 358, "height": 441, "background": "#438EDB"})
    assert spec.background_bgr == (219, 142, 67) and spec.head_height[0] is not None


def test_cli_like_file_round_trip(tmp_path: Path, maker: PhotoMaker, astronaut_bgr: np.ndarray) -> None:
    path = tmp_path / "in.png"
    cv2.imwrite(str(path), astronaut_bgr)
    from artreview_desktop.core.photo import read_image_file

    assert read_image_file(path).shape == astronaut_bgr.shape
