"""Placing the head by the spec's rules: level the eyes, scale, position; then measure the result.

One affine transform maps the source photo to the output: rotate about the eye centre to level the
eyes, scale, and put the eye centre at an anchor. The crown (top of the hair) comes from the person
mask when it is plausible, else from the landmarks. The result is then measured again on the output
(re-detecting the face) and corrected, so what is checked is the photo that is delivered.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import cv2
import numpy as np

from artreview_desktop.core.photo.detect import Face, FaceDetector
from artreview_desktop.core.photo.specs import PhotoSpec, Range
from artreview_desktop.core.photo.types import BgrImage, Mask

Affine = np.ndarray  # 2×3 float64
#: Eye-to-crown (hair included) as a multiple of eye-to-chin, when the mask cannot tell.
CROWN_FROM_CHIN = 1.25


@dataclass(frozen=True)
class HeadInSource:
    """The head in the source photo, along its own axes (px of the source)."""

    eye_centre: tuple[float, float]
    roll: float  # degrees
    face_width: float
    eye_to_crown: float
    eye_to_chin: float
    crown_from_mask: bool


@dataclass(frozen=True)
class Placement:
    """Source → output: rotation (degrees), scale, and where the eye centre lands in the output."""

    roll: float
    scale: float
    eye_x: float
    eye_y: float
    eye_centre: tuple[float, float]

    def matrix(self) -> Affine:
        m = cv2.getRotationMatrix2D(self.eye_centre, self.roll, self.scale)
        m[0, 2] += self.eye_x - self.eye_centre[0]
        m[1, 2] += self.eye_y - self.eye_centre[1]
        return m


@dataclass(frozen=True)
class Adjustment:
    """A manual change on top of the automatic placement: zoom about the eyes, then shift (output px)."""

    dx: float = 0.0
    dy: float = 0.0
    zoom: float = 1.0

    def apply(self, placement: Placement) -> Placement:
        return replace(
            placement,
            scale=placement.scale * self.zoom,
            eye_x=placement.eye_x + self.dx,
            eye_y=placement.eye_y + self.dy,
        )


@dataclass(frozen=True)
class OutputMeasure:
    """The head as found in the output photo (output px). `face` is None if no face was re-detected."""

    face: Face | None
    crown_y: float
    chin_y: float
    eye_y: float
    centre_x: float
    coverage: float  # share of the output that came from inside the source photo

    @property
    def face_width(self) -> float:
        return self.face.w if self.face else 0.0

    @property
    def head_height(self) -> float:
        return self.chin_y - self.crown_y


def _up_vector(roll: float) -> tuple[float, float]:
    r = math.radians(roll)
    return (math.sin(r), -math.cos(r))


def crown_distance_in_mask(
    mask: Mask, face: Face, eye_to_chin: float, roll: float, image_size: tuple[int, int] | None = None
) -> float | None:
    """How far above the eye centre the person mask ends, along the face's up axis (None if unclear).

    The mask may be smaller than the image (`image_size`): it is sampled at the scaled positions.
    """
    height, width = mask.shape[:2]
    sx, sy = (width / image_size[0], height / image_size[1]) if image_size else (1.0, 1.0)
    ux, uy = _up_vector(roll)
    ex, ey = face.eye_centre
    steps = np.arange(0.0, 3.0 * eye_to_chin, 1.0)
    tops = []
    for offset in np.linspace(-0.2, 0.2, 9) * face.w:
        xs = (ex + offset * -uy + steps * ux) * sx
        ys = (ey + offset * ux + steps * uy) * sy
        inside = (xs >= 0) & (xs < width - 1) & (ys >= 0) & (ys < height - 1)
        values = np.zeros_like(steps)
        values[inside] = mask[ys[inside].astype(int), xs[inside].astype(int)]
        below = np.nonzero(values < 0.5)[0]
        if below.size == 0 or not inside[below[0]]:
            continue  # the head runs off the photo here
        tops.append(float(steps[below[0]]))
    if len(tops) < 3:
        return None
    return max(tops)


def head_in_source(face: Face, mask: Mask | None, roll: float, image_size: tuple[int, int]) -> HeadInSource:
    ux, uy = _up_vector(roll)
    ex, ey = face.eye_centre
    chin = (face.x + face.w / 2, face.y + face.h)
    eye_to_chin = max(1.0, -((chin[0] - ex) * ux + (chin[1] - ey) * uy))
    estimate = CROWN_FROM_CHIN * eye_to_chin
    crown = crown_distance_in_mask(mask, face, eye_to_chin, roll, image_size) if mask is not None else None
    from_mask = crown is not None and 0.85 * eye_to_chin <= crown <= 2.2 * eye_to_chin
    return HeadInSource(
        face.eye_centre, roll, face.w, crown if from_mask and crown else estimate, eye_to_chin, from_mask
    )


def _bounds(value_range: Range, measure: float) -> tuple[float, float] | None:
    low, high = value_range
    if low is None and high is None:
        return None
    return ((low or 0.0) / measure, (high if high is not None else 1e9) / measure)


def scale_range(spec: PhotoSpec, face_width: float, head_height: float) -> tuple[float, float]:
    """Scales that keep the head within the spec's size rules (both rules, where both exist)."""
    limits = [b for b in (_bounds(spec.face_width, face_width), _bounds(spec.head_height, head_height)) if b]
    if not limits:
        target = spec.target_head_height() / head_height
        return (target * 0.9, target * 1.1)
    low = max(b[0] for b in limits)
    high = min(b[1] for b in limits)
    if low > high:  # the rules disagree for this face: favour the first rule
        low, high = limits[0]
    return (low, high)


def _feasible_eye_y(spec: PhotoSpec, scale: float, crown: float, chin: float) -> float | None:
    """An eye height that puts the crown in its band and keeps eyes and chin high enough."""
    low, high = spec.crown_gap
    gaps = [spec.target_crown_gap(), *np.linspace(low or 0.0, high or spec.target_crown_gap() * 2, 9)]
    for gap in gaps:
        eye_y = gap + scale * crown
        if spec.eyes_above_bottom_min is not None and spec.height - eye_y < spec.eyes_above_bottom_min:
            continue
        if spec.chin_above_bottom_min is not None and spec.height - (eye_y + scale * chin) < spec.chin_above_bottom_min:
            continue
        return float(eye_y)
    return None


def place(spec: PhotoSpec, face_width: float, eye_to_crown: float, eye_to_chin: float) -> tuple[float, float]:
    """Scale and eye height for a head of these sizes; the mid of the rules where they allow it."""
    low, high = scale_range(spec, face_width, eye_to_crown + eye_to_chin)
    middle = (low + high) / 2
    candidates = sorted(np.linspace(low, high, 21), key=lambda s: abs(s - middle))
    for scale in candidates:
        eye_y = _feasible_eye_y(spec, float(scale), eye_to_crown, eye_to_chin)
        if eye_y is not None:
            return float(scale), eye_y
    return middle, spec.target_crown_gap() + middle * eye_to_crown


def initial_placement(spec: PhotoSpec, head: HeadInSource) -> Placement:
    scale, eye_y = place(spec, head.face_width, head.eye_to_crown, head.eye_to_chin)
    return Placement(head.roll, scale, spec.width / 2, eye_y, head.eye_centre)


def warp(image: np.ndarray, matrix: Affine, size: tuple[int, int], linear: bool = True) -> np.ndarray:
    """Render through `matrix`; shrinks the source first when the scale is small, to avoid aliasing."""
    scale = math.hypot(matrix[0, 0], matrix[0, 1])
    m = matrix.copy()
    if scale < 0.6:
        factor = min(1.0, scale / 0.8)
        image = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        m[:, :2] /= factor
    flags = cv2.INTER_LINEAR if linear else cv2.INTER_NEAREST
    return cv2.warpAffine(image, m, size, flags=flags, borderMode=cv2.BORDER_REPLICATE)


def coverage(source_size: tuple[int, int], matrix: Affine, size: tuple[int, int]) -> float:
    """Share of the output that falls inside the source photo (the rest is its edge, stretched)."""
    inverse = cv2.invertAffineTransform(matrix)
    width, height = size
    step = 4
    xs, ys = np.meshgrid(np.arange(0, width, step), np.arange(0, height, step))
    sx = inverse[0, 0] * xs + inverse[0, 1] * ys + inverse[0, 2]
    sy = inverse[1, 0] * xs + inverse[1, 1] * ys + inverse[1, 2]
    inside = (sx >= 0) & (sx <= source_size[0] - 1) & (sy >= 0) & (sy <= source_size[1] - 1)
    return float(inside.mean())


def measure_output(
    image: BgrImage, mask: Mask | None, detector: FaceDetector, expected_eye: tuple[float, float], cover: float
) -> OutputMeasure:
    """Re-detect the face in the output and find its crown, chin and centre there."""
    faces = detector.detect(image)
    face = min(faces, key=lambda f: math.dist(f.eye_centre, expected_eye), default=None)
    if face is None:
        return OutputMeasure(None, 0.0, 0.0, expected_eye[1], expected_eye[0], cover)
    eye_y = face.eye_centre[1]
    chin_y = face.y + face.h
    crown_y: float | None = None
    if mask is not None:
        distance = crown_distance_in_mask(mask, face, chin_y - eye_y, 0.0)
        if distance is not None and 0.85 * (chin_y - eye_y) <= distance <= 2.2 * (chin_y - eye_y):
            crown_y = eye_y - distance
        elif float(mask[0, int(np.clip(face.x + face.w / 2, 0, image.shape[1] - 1))]) >= 0.5:
            crown_y = 0.0  # the hair reaches the top edge: no gap at all
    if crown_y is None:
        crown_y = eye_y - CROWN_FROM_CHIN * (chin_y - eye_y)
    return OutputMeasure(face, crown_y, chin_y, eye_y, face.x + face.w / 2, cover)


def corrected(spec: PhotoSpec, placement: Placement, measure: OutputMeasure) -> Placement:
    """A placement that moves the measured head toward the spec's targets (one Newton-like step)."""
    if measure.face is None or measure.head_height <= 0:
        return placement
    eye_to_crown = (measure.eye_y - measure.crown_y) / placement.scale
    eye_to_chin = (measure.chin_y - measure.eye_y) / placement.scale
    face_width = measure.face_width / placement.scale
    scale, eye_y = place(spec, face_width, eye_to_crown, eye_to_chin)
    # The eye centre landed at measure.eye_y, not exactly where asked: shift by the difference.
    eye_shift = measure.eye_y - placement.eye_y
    centre_shift = measure.centre_x - placement.eye_x
    return replace(
        placement,
        scale=scale,
        eye_y=eye_y - eye_shift * scale / placement.scale,
        eye_x=spec.width / 2 - centre_shift * scale / placement.scale,
    )
