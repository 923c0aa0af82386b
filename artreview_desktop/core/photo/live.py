"""Live camera checks (cheap enough for every preview frame) and the limits of manual adjustment."""

from __future__ import annotations

from dataclasses import dataclass

from artreview_desktop.core.photo import quality
from artreview_desktop.core.photo.checks import (
    BRIGHTNESS,
    FARTHER,
    MAX_ROLL,
    MAX_UNEVENNESS,
    MIN_SHARPNESS,
    Check,
    make_check,
)
from artreview_desktop.core.photo.detect import Face, FaceDetector
from artreview_desktop.core.photo.geometry import CROWN_FROM_CHIN, Adjustment, OutputMeasure, Placement
from artreview_desktop.core.photo.specs import PhotoSpec
from artreview_desktop.core.photo.types import BgrImage

#: Clamp this far inside each limit (px): re-detecting the face on the output wobbles by ~1 px.
MARGIN = 2.0
#: A candidate in front of the camera has a big face: a smaller search keeps the preview fluid.
LIVE_DETECT_SIDE = 480
#: The head may be this much smaller or larger than the guide before we ask to move.
SIZE_TOLERANCE = (0.85, 1.15)


@dataclass(frozen=True)
class Guide:
    """Where the photo will be cut from the frame, and the head outline inside it (frame px)."""

    crop: tuple[float, float, float, float]  # x, y, w, h
    head_centre: tuple[float, float]
    head_size: tuple[float, float]  # ellipse width, height


@dataclass(frozen=True)
class LiveReport:
    faces: list[Face]
    guide: Guide
    checks: list[Check]

    @property
    def ready(self) -> bool:
        return all(check.ok for check in self.checks)


def guide_for(spec: PhotoSpec, frame_w: int, frame_h: int) -> Guide:
    """The spec's frame, 90% of the picture's height, centred; the head where the spec wants it."""
    crop_h = 0.9 * frame_h
    crop_w = crop_h * spec.width / spec.height
    if crop_w > frame_w:
        crop_w = 0.9 * frame_w
        crop_h = crop_w * spec.height / spec.width
    x, y = (frame_w - crop_w) / 2, (frame_h - crop_h) / 2
    unit = crop_h / spec.height
    head_h = spec.target_head_height() * unit
    if spec.face_width != (None, None):
        low, high = spec.face_width
        head_h = ((low or 0) + (high or low or 0)) / 2 * unit * 1.35
    top = y + spec.target_crown_gap() * unit
    return Guide((x, y, crop_w, crop_h), (x + crop_w / 2, top + head_h / 2), (head_h * 0.74, head_h))


def analyse_frame(frame: BgrImage, spec: PhotoSpec, detector: FaceDetector) -> LiveReport:
    """Face count, distance, position, tilt, sharpness and light against the guide (~20–40 ms)."""
    height, width = frame.shape[:2]
    guide = guide_for(spec, width, height)
    faces = detector.detect(frame, LIVE_DETECT_SIDE)
    checks = [make_check("faces", len(faces), 1, 1)]
    if len(faces) != 1:
        return LiveReport(faces, guide, checks)
    face = faces[0]
    eye_y = face.eye_centre[1]
    head_h = (face.y + face.h - eye_y) * (1 + CROWN_FROM_CHIN)
    ratio = head_h / guide.head_size[1]
    low, high = SIZE_TOLERANCE
    checks.append(make_check("distance", ratio, low, high, "×", advice=FARTHER if ratio > high else None))
    offset = (face.x + face.w / 2 - guide.head_centre[0]) / guide.crop[2] * 100
    checks.append(make_check("position", offset, -8, 8, "%"))
    symmetry = quality.symmetric_roll(frame, face, step=3.0)
    iris_line = quality.pupil_roll(frame, face)
    roll = iris_line if iris_line is not None and abs(iris_line - symmetry) <= 5 else symmetry
    patch = quality.face_patch(frame, face, roll)
    checks += [
        make_check("roll", roll, -MAX_ROLL, MAX_ROLL, "°"),
        make_check("sharpness", quality.sharpness(patch), MIN_SHARPNESS, None),
        make_check("brightness", quality.brightness(patch), *BRIGHTNESS),
        make_check("evenness", quality.unevenness(patch), None, MAX_UNEVENNESS, "%"),
    ]
    return LiveReport(faces, guide, checks)


def _interval(values: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not values:
        return None
    low, high = max(v[0] for v in values), min(v[1] for v in values)
    return (low, high) if low <= high else None


def clamp_adjustment(spec: PhotoSpec, base: Placement, measure: OutputMeasure, wanted: Adjustment) -> Adjustment:
    """The nearest adjustment that keeps the head within the spec's size and position rules.

    `measure` is the automatic placement's result; the zoom is about the eye centre. Where the
    automatic result already breaks a rule, the rule does not block moves toward it.
    """
    if measure.face is None:
        return Adjustment()
    zooms = [(0.7, 1.4)]
    for (low, high), size in ((spec.face_width, measure.face_width), (spec.head_height, measure.head_height)):
        if (low is not None or high is not None) and size > 0:
            # The detector's box does not grow exactly with the zoom (±2%): keep that far inside too.
            zooms.append((((low or 0) * 1.02 + MARGIN) / size, ((high or 1e9) * 0.98 - MARGIN) / size))
    zoom_range = _interval(zooms) or (1.0, 1.0)
    zoom = min(max(wanted.zoom, zoom_range[0]), zoom_range[1])
    eye_y, crown_y, chin_y = measure.eye_y, measure.crown_y, measure.chin_y
    # After zoom z about the eye and shift dy: crown' = eye + dy − z(eye − crown), and so on.
    dys = [(-spec.height * 0.2, spec.height * 0.2)]
    low, high = spec.crown_gap
    if low is not None or high is not None:
        base_crown = eye_y - zoom * (eye_y - crown_y)
        dys.append(((low or -1e9) + MARGIN - base_crown, (high if high is not None else 1e9) - MARGIN - base_crown))
    if spec.eyes_above_bottom_min is not None:
        dys.append((-1e9, spec.height - spec.eyes_above_bottom_min - MARGIN - eye_y))
    if spec.chin_above_bottom_min is not None:
        dys.append((-1e9, spec.height - spec.chin_above_bottom_min - MARGIN - (eye_y + zoom * (chin_y - eye_y))))
    dy_range = _interval(dys) or (0.0, 0.0)
    dy = min(max(wanted.dy, dy_range[0]), dy_range[1])
    tolerance = spec.centre_tolerance * spec.width - MARGIN
    centre = spec.width / 2 - (measure.centre_x - base.eye_x) * zoom - base.eye_x
    dx = min(max(wanted.dx, centre - tolerance), centre + tolerance)
    return Adjustment(dx, dy, zoom)
