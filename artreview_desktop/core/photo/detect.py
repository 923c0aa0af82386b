"""Face detection with YuNet (`cv2.FaceDetectorYN`), the model shipped in resources/models.

Images are detected at most `DETECT_SIDE` pixels on their long side: faces in an ID photo are large,
so nothing is lost, and a 720p frame or a 12 MP photo costs the same few tens of milliseconds.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from artreview_desktop.core.photo.types import BgrImage
from artreview_desktop.core.resources import resource

MODEL_NAME = "face_detection_yunet_2023mar.onnx"
MODEL_SHA256 = "8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4"
#: Below ~0.8 YuNet finds faces in badges and patterns (shared/models/README.md).
SCORE_THRESHOLD = 0.8
DETECT_SIDE = 640

Point = tuple[float, float]


@dataclass(frozen=True)
class Face:
    """One face in image coordinates. Eyes are named as seen in the picture (left = smaller x)."""

    x: float
    y: float
    w: float
    h: float
    left_eye: Point
    right_eye: Point
    nose: Point
    mouth_left: Point
    mouth_right: Point
    score: float

    @property
    def eye_centre(self) -> Point:
        return ((self.left_eye[0] + self.right_eye[0]) / 2, (self.left_eye[1] + self.right_eye[1]) / 2)

    @property
    def mouth_centre(self) -> Point:
        return ((self.mouth_left[0] + self.mouth_right[0]) / 2, (self.mouth_left[1] + self.mouth_right[1]) / 2)

    @property
    def roll_degrees(self) -> float:
        """Angle of the eye line; positive when the picture's right eye is lower."""
        dx = self.right_eye[0] - self.left_eye[0]
        dy = self.right_eye[1] - self.left_eye[1]
        return float(np.degrees(np.arctan2(dy, dx)))

    @property
    def eye_distance(self) -> float:
        return float(np.hypot(self.right_eye[0] - self.left_eye[0], self.right_eye[1] - self.left_eye[1]))

    def scaled(self, k: float) -> Face:
        """The same face in an image resized by `k`."""

        def point(p: Point) -> Point:
            return (p[0] * k, p[1] * k)

        return Face(self.x * k, self.y * k, self.w * k, self.h * k, point(self.left_eye), point(self.right_eye),
                    point(self.nose), point(self.mouth_left), point(self.mouth_right), self.score)

    def as_dict(self) -> dict[str, int]:
        return {"x": round(self.x), "y": round(self.y), "w": round(self.w), "h": round(self.h)}


def model_path() -> Path:
    return resource("models", MODEL_NAME)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _face_from_row(row: np.ndarray, scale: float) -> Face:
    v = [float(value) / scale for value in row[:14]]
    eyes = sorted([(v[4], v[5]), (v[6], v[7])])
    mouth = sorted([(v[10], v[11]), (v[12], v[13])])
    return Face(v[0], v[1], v[2], v[3], eyes[0], eyes[1], (v[8], v[9]), mouth[0], mouth[1], float(row[14]))


class FaceDetector:
    """A YuNet detector; one instance per thread is cheapest, but calls are serialised to be safe."""

    def __init__(self, path: Path | None = None, score_threshold: float = SCORE_THRESHOLD) -> None:
        self._path = path or model_path()
        try:  # OpenCV's DNN prints a WARN line about targets on every load; it is harmless here
            cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
        except AttributeError:  # pragma: no cover - builds without the logging module
            pass
        self._net = cv2.FaceDetectorYN.create(str(self._path), "", (320, 320), score_threshold, 0.3, 50)
        self._lock = threading.Lock()

    def detect(self, image: BgrImage, max_side: int = DETECT_SIDE) -> list[Face]:
        """Faces, largest first; the image is searched at most `max_side` px on its long side."""
        height, width = image.shape[:2]
        scale = min(1.0, max_side / max(height, width))
        small = image if scale == 1.0 else cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        with self._lock:
            self._net.setInputSize((small.shape[1], small.shape[0]))
            _, rows = self._net.detect(small)
        if rows is None:
            return []
        faces = [_face_from_row(row, scale) for row in rows]
        return sorted(faces, key=lambda face: face.w * face.h, reverse=True)
