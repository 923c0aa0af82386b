"""From a photo to a checked standard ID photo: analyse once, compose per spec/background/adjustment.

`PhotoMaker.analyse` does the costly part (detection, segmentation, quality); `compose` places the
head by the spec's rules, verifies the output by re-detecting the face in it, and can be re-run
cheaply for a manual adjustment or another background colour.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import cv2
import numpy as np

from artreview_desktop.core.photo import geometry as geo
from artreview_desktop.core.photo import quality
from artreview_desktop.core.photo.checks import (
    BRIGHTNESS,
    MAX_BACKGROUND_SPREAD,
    MAX_GLARE,
    MAX_PITCH,
    MAX_ROLL,
    MAX_UNEVENNESS,
    MAX_UNSURE,
    MAX_UPSCALE,
    MAX_YAW,
    MIN_COVERAGE,
    MIN_SHARPNESS,
    Check,
    make_check,
)
from artreview_desktop.core.photo.detect import Face, FaceDetector
from artreview_desktop.core.photo.errors import PhotoError, Reason
from artreview_desktop.core.photo.segment import PersonSegmenter, guided_filter, replace_background
from artreview_desktop.core.photo.specs import PhotoSpec
from artreview_desktop.core.photo.types import BgrImage, Mask

#: A face wider than this (px) is more than any spec needs: the photo is shrunk to it first, so
#: every later step (and each re-render while adjusting) works on a small image.
WORK_FACE_WIDTH = 300
#: Above this upscale the photo cannot make the spec at all (refused, not just warned).
REFUSE_UPSCALE = 3.0


@dataclass
class Analysis:
    image: BgrImage
    face: Face
    face_count: int
    roll: float
    raw_mask: Mask | None
    unsure: float | None
    head: geo.HeadInSource
    checks: list[Check]
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class IdPhoto:
    image: BgrImage
    spec: PhotoSpec
    placement: geo.Placement
    adjustment: geo.Adjustment
    measure: geo.OutputMeasure
    checks: list[Check]
    mask: Mask | None

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)


def quality_checks(image: BgrImage, face: Face, face_count: int, roll: float) -> list[Check]:
    height, width = image.shape[:2]
    yaw, pitch = quality.head_pose(face, (width, height))
    patch = quality.face_patch(image, face, roll)
    return [
        make_check("faces", face_count, 1, 1),
        make_check("roll", roll, -MAX_ROLL, MAX_ROLL, "°"),
        make_check("yaw", yaw, -MAX_YAW, MAX_YAW, "°"),
        make_check("pitch", pitch, -MAX_PITCH, MAX_PITCH, "°"),
        make_check("sharpness", quality.sharpness(patch), MIN_SHARPNESS, None),
        make_check("brightness", quality.brightness(patch), *BRIGHTNESS),
        make_check("evenness", quality.unevenness(patch), None, MAX_UNEVENNESS, "%"),
        make_check("glare", quality.glare(patch), None, MAX_GLARE, "%"),
    ]


def geometry_checks(spec: PhotoSpec, measure: geo.OutputMeasure, upscale: float) -> list[Check]:
    found = measure.face is not None
    checks = [make_check("faces", 1 if found else 0, 1, 1)]
    if spec.face_width != (None, None):
        checks.append(make_check("face_width", measure.face_width if found else None, *spec.face_width, "px"))
    if spec.head_height != (None, None):
        checks.append(make_check("head_height", measure.head_height if found else None, *spec.head_height, "px"))
    if spec.crown_gap != (None, None):
        checks.append(make_check("crown_gap", measure.crown_y if found else None, *spec.crown_gap, "px"))
    if spec.eyes_above_bottom_min is not None:
        eyes = spec.height - measure.eye_y if found else None
        checks.append(make_check("eyes_above_bottom", eyes, spec.eyes_above_bottom_min, None, "px"))
    if spec.chin_above_bottom_min is not None:
        chin = spec.height - measure.chin_y if found else None
        checks.append(make_check("chin_above_bottom", chin, spec.chin_above_bottom_min, None, "px"))
    tolerance = spec.centre_tolerance * spec.width
    offset = measure.centre_x - spec.width / 2 if found else None
    checks.append(make_check("centred", offset, -tolerance, tolerance, "px"))
    checks.append(make_check("coverage", 100.0 * measure.coverage, 100.0 * MIN_COVERAGE, None, "%"))
    checks.append(make_check("resolution", upscale, None, MAX_UPSCALE, "×"))
    return checks


class PhotoMaker:
    """Detector and segmenter, loaded once and reused (both are thread-safe here)."""

    def __init__(self, detector: FaceDetector | None = None, segmenter: PersonSegmenter | None = None) -> None:
        self.detector = detector or FaceDetector()
        self.segmenter = segmenter or PersonSegmenter()

    def analyse(self, image: BgrImage, segment: bool = True) -> Analysis:
        """Find the one face, its roll, the person mask and the photo's quality; refuse unusable photos."""
        timings: dict[str, float] = {}
        start = time.perf_counter()
        faces = self.detector.detect(image)
        timings["detect"] = time.perf_counter() - start
        if not faces:
            raise PhotoError(Reason.NO_FACE)
        main = faces[0]
        others = [f for f in faces[1:] if f.w * f.h >= 0.25 * main.w * main.h]
        if others:
            raise PhotoError(Reason.SEVERAL_FACES, f"{1 + len(others)} faces")
        start = time.perf_counter()
        if main.w > WORK_FACE_WIDTH:
            k = WORK_FACE_WIDTH / main.w
            image = np.asarray(cv2.resize(image, None, fx=k, fy=k, interpolation=cv2.INTER_AREA), dtype=np.uint8)
            main = main.scaled(k)
        roll = level_roll(quality.pupil_roll(image, main), quality.symmetric_roll(image, main))
        raw_mask, unsure = None, None
        timings["geometry"] = time.perf_counter() - start
        if segment:
            start = time.perf_counter()
            raw_mask = self.segmenter.raw_mask(image)
            unsure = self.segmenter.unsure_share(raw_mask)
            timings["segment"] = time.perf_counter() - start
        start = time.perf_counter()
        height, width = image.shape[:2]
        head = geo.head_in_source(main, raw_mask, roll, (width, height))
        checks = quality_checks(image, main, len(faces), roll)
        timings["geometry"] += time.perf_counter() - start
        return Analysis(image, main, len(faces), roll, raw_mask, unsure, head, checks, timings)

    def _render(self, analysis: Analysis, spec: PhotoSpec, placement: geo.Placement) -> tuple[BgrImage, Mask | None]:
        size = (spec.width, spec.height)
        matrix = placement.matrix()
        out = geo.warp(analysis.image, matrix, size)
        mask = None
        if analysis.raw_mask is not None:
            height, width = analysis.image.shape[:2]
            side = analysis.raw_mask.shape[0]
            to_source = np.array([[width / side, 0, 0], [0, height / side, 0], [0, 0, 1]])
            mask_matrix = (np.vstack([matrix, [0, 0, 1]]) @ to_source)[:2]
            coarse = cv2.warpAffine(analysis.raw_mask, mask_matrix, size, flags=cv2.INTER_LINEAR,
                                    borderMode=cv2.BORDER_REPLICATE)
            guide = cv2.cvtColor(out, cv2.COLOR_BGR2GRAY).astype(np.float32) / 255.0
            refined = guided_filter(guide, coarse, max(2, spec.width // 90), 1e-3)
            mask = np.clip((refined - 0.5) * 1.6 + 0.5, 0.0, 1.0).astype(np.float32)
        return out, mask

    def _measure(self, analysis: Analysis, spec: PhotoSpec, placement: geo.Placement) -> tuple[
        BgrImage, Mask | None, geo.OutputMeasure
    ]:
        out, mask = self._render(analysis, spec, placement)
        height, width = analysis.image.shape[:2]
        cover = geo.coverage((width, height), placement.matrix(), (spec.width, spec.height))
        measure = geo.measure_output(out, mask, self.detector, (placement.eye_x, placement.eye_y), cover)
        return out, mask, measure

    def auto_placement(self, analysis: Analysis, spec: PhotoSpec) -> geo.Placement:
        """Place by the rules, then correct twice against what is measured on the output."""
        placement = geo.initial_placement(spec, analysis.head)
        if placement.scale > REFUSE_UPSCALE:
            raise PhotoError(Reason.TOO_SMALL, f"the face would be enlarged {placement.scale:.1f}×")
        for _ in range(2):
            _, _, measure = self._measure(analysis, spec, placement)
            placement = geo.corrected(spec, placement, measure)
        return placement

    def compose(
        self,
        analysis: Analysis,
        spec: PhotoSpec,
        background: tuple[int, int, int] | None,
        adjustment: geo.Adjustment | None = None,
        placement: geo.Placement | None = None,
    ) -> IdPhoto:
        """The ID photo for this spec; `background` None keeps the original background."""
        base = placement or self.auto_placement(analysis, spec)
        adjustment = adjustment or geo.Adjustment()
        final = adjustment.apply(base)
        out, mask, measure = self._measure(analysis, spec, final)
        checks = list(analysis.checks[1:]) + geometry_checks(spec, measure, final.scale)
        checks.insert(0, make_check("faces", analysis.face_count, 1, 1))
        if mask is not None:
            spread = quality.background_spread(out, mask)
            if background is None:
                checks.append(make_check("background", spread, None, MAX_BACKGROUND_SPREAD))
            else:
                checks.append(make_check("segmentation", analysis.unsure, None, MAX_UNSURE))
                out = replace_background(out, mask, background)
        checks = _dedupe(checks)
        return IdPhoto(out, spec, final, adjustment, measure, checks, mask)

    def make(self, image: BgrImage, spec: PhotoSpec, background: tuple[int, int, int] | None) -> IdPhoto:
        return self.compose(self.analyse(image), spec, background)


def _dedupe(checks: list[Check]) -> list[Check]:
    """The output's face count wins over the source's when both say something."""
    seen: dict[str, Check] = {}
    for check in checks:
        if check.name == "faces" and "faces" in seen:
            seen["faces"] = seen["faces"] if not seen["faces"].ok else check
            continue
        seen[check.name] = check
    return list(seen.values())


#: Where the iris line and the face's symmetry disagree by more than this, the iris search failed.
ROLL_AGREEMENT = 5.0


def level_roll(iris_line: float | None, symmetry: float) -> float:
    """The roll to correct: the line through the irises (precise to under a degree when found),
    unless the symmetry estimate says it went wrong (glasses, closed eyes, hair over an eye)."""
    if iris_line is None or abs(symmetry - iris_line) > ROLL_AGREEMENT:
        return symmetry
    return iris_line
