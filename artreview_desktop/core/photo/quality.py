"""Quality measures of the face in the photo: pose, sharpness, exposure, evenness, glare, background.

Each returns a plain number; `checks.py` turns numbers into pass/fail with advice. The face region is
resampled to a fixed width first, so the numbers do not depend on the photo's resolution.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from artreview_desktop.core.photo.detect import Face
from artreview_desktop.core.photo.types import BgrImage, Mask

#: A generic adult face (mm; x right, y up, z toward the camera; nose tip at the origin),
#: for the 5 YuNet landmarks in picture order: left eye, right eye, nose, mouth left, mouth right.
FACE_MODEL = np.array(
    [(-32.0, 38.0, -28.0), (32.0, 38.0, -28.0), (0.0, 0.0, 0.0), (-25.0, -28.0, -25.0), (25.0, -28.0, -25.0)],
    dtype=np.float64,
)
FACE_SAMPLE_WIDTH = 128


def head_pose(face: Face, image_size: tuple[int, int]) -> tuple[float, float]:
    """(yaw, pitch) in degrees from the landmarks, by solvePnP against a generic face."""
    width, height = image_size
    points = np.array([face.left_eye, face.right_eye, face.nose, face.mouth_left, face.mouth_right], dtype=np.float64)
    focal = float(max(width, height))
    camera = np.array([[focal, 0, width / 2], [0, focal, height / 2], [0, 0, 1]], dtype=np.float64)
    model = FACE_MODEL * np.array([1.0, -1.0, -1.0])  # to OpenCV's camera axes (y down, z away)
    ok, rvec, _ = cv2.solvePnP(model, points, camera, None, flags=cv2.SOLVEPNP_EPNP)
    if not ok:
        return (0.0, 0.0)
    ok, rvec, _ = cv2.solvePnP(model, points, camera, None, rvec, np.array([[0.0], [0.0], [1000.0]]), True)
    rotation, _ = cv2.Rodrigues(rvec)
    yaw = math.degrees(math.asin(float(np.clip(-rotation[2, 0], -1.0, 1.0))))
    pitch = math.degrees(math.atan2(float(rotation[2, 1]), float(rotation[2, 2])))
    return (yaw, pitch)


def face_patch(image: BgrImage, face: Face, roll: float | None = None) -> BgrImage:
    """The inner face (forehead to chin, cheek to cheek), levelled and resampled to a fixed width."""
    ex, ey = face.eye_centre
    scale = FACE_SAMPLE_WIDTH / max(face.w * 0.8, 1.0)
    matrix = cv2.getRotationMatrix2D((ex, ey), face.roll_degrees if roll is None else roll, scale)
    height = round(FACE_SAMPLE_WIDTH * face.h / max(face.w, 1.0))
    matrix[0, 2] += FACE_SAMPLE_WIDTH / 2 - ex
    matrix[1, 2] += height * 0.35 - ey
    patch = cv2.warpAffine(image, matrix, (FACE_SAMPLE_WIDTH, height), flags=cv2.INTER_AREA,
                           borderMode=cv2.BORDER_REFLECT)
    return np.asarray(patch, dtype=np.uint8)


def sharpness(patch: BgrImage) -> float:
    """Variance of the Laplacian of the face: low when the photo is blurred."""
    grey = cv2.cvtColor(patch, cv2.COLOR_BGR2GRAY)
    return float(cv2.Laplacian(grey, cv2.CV_64F).var())


def brightness(patch: BgrImage) -> float:
    """Mean lightness (0–255) of the face."""
    return float(cv2.cvtColor(patch, cv2.COLOR_BGR2GRAY).mean())


def unevenness(patch: BgrImage) -> float:
    """Left/right lightness difference of the face as a share of its mean (阴阳脸), in percent."""
    grey = cv2.cvtColor(patch, cv2.COLOR_BGR2GRAY).astype(np.float32)
    height, width = grey.shape
    band = grey[int(height * 0.2) : int(height * 0.8)]
    left = float(band[:, int(width * 0.08) : int(width * 0.42)].mean())
    right = float(band[:, int(width * 0.58) : int(width * 0.92)].mean())
    return 100.0 * abs(left - right) / max((left + right) / 2, 1.0)


def glare(patch: BgrImage) -> float:
    """Percent of the face that is blown-out highlight (flash, oily skin, glasses reflection)."""
    hsv = cv2.cvtColor(patch, cv2.COLOR_BGR2HSV)
    blown = (hsv[:, :, 2] >= 250) & (hsv[:, :, 1] <= 40)
    return 100.0 * float(np.count_nonzero(blown)) / blown.size


def background_spread(image: BgrImage, mask: Mask) -> float | None:
    """Colour spread (mean per-channel standard deviation) of the pixels the mask calls background."""
    background = mask < 0.1
    if np.count_nonzero(background) < 0.03 * mask.size:
        return None
    pixels = image[background].astype(np.float32)
    return float(pixels.std(axis=0).mean())


def symmetric_roll(image: BgrImage, face: Face, search: float = 30.0, step: float = 1.5) -> float:
    """The head's roll in degrees, found as the angle that makes the face most mirror-symmetric.

    A cross-check for `pupil_roll` (glasses and closed eyes defeat the iris search); a face is
    symmetric about its own vertical axis. Accurate to about a degree or two.
    """
    side = 64
    # Work on a small grey copy of the face's surroundings only: the same result, a fraction of the cost.
    reach = int(face.w * 1.2)
    left, top = max(0, int(face.x + face.w / 2) - reach), max(0, int(face.y + face.h / 2) - reach)
    shrink = min(1.0, 2 * side / max(face.w, 1.0))
    region = cv2.resize(image[top : top + 2 * reach, left : left + 2 * reach], None, fx=shrink, fy=shrink,
                        interpolation=cv2.INTER_AREA)
    grey = cv2.cvtColor(region, cv2.COLOR_BGR2GRAY)
    cx, cy = (face.x + face.w / 2 - left) * shrink, (face.y + face.h * 0.5 - top) * shrink
    scale = side / max(face.w * 0.9 * shrink, 1.0)
    best, best_score = 0.0, -2.0
    for angle in np.arange(-search, search + 0.1, step):
        matrix = cv2.getRotationMatrix2D((cx, cy), float(angle), scale)
        matrix[0, 2] += side / 2 - cx
        matrix[1, 2] += side / 2 - cy
        patch = cv2.warpAffine(grey, matrix, (side, side), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
        patch = patch.astype(np.float32)
        for shift in (-3, -1, 1, 3):
            a = patch[:, 6 + shift : side - 6 + shift]
            a = a - a.mean()
            b = a[:, ::-1]
            score = float((a * b).sum() / max(float((a * a).sum()), 1e-6))  # a and b share their norm
            if score > best_score:
                best, best_score = float(angle), score
    return best


def _dark_centre(grey: np.ndarray, centre: tuple[float, float], half_w: int, half_h: int) -> tuple[float, float] | None:
    """Centre of the darkest pixels (the iris and pupil) in a window around a landmark."""
    x0, y0 = round(centre[0]) - half_w, round(centre[1]) - half_h
    if x0 < 0 or y0 < 0 or x0 + 2 * half_w > grey.shape[1] or y0 + 2 * half_h > grey.shape[0]:
        return None
    window = cv2.GaussianBlur(grey[y0 : y0 + 2 * half_h, x0 : x0 + 2 * half_w].astype(np.float32), (0, 0),
                              max(half_w / 6, 0.5))
    ys, xs = np.nonzero(window <= np.percentile(window, 8))
    if xs.size == 0:
        return None
    return (x0 + float(xs.mean()), y0 + float(ys.mean()))


def pupil_roll(image: BgrImage, face: Face) -> float | None:
    """The eye line through the two irises (the darkest spots near YuNet's eye landmarks).

    YuNet's own eye landmarks lean toward level on a tilted head (a 20° tilt reads as ~6°); the
    irises themselves do not. None when an eye cannot be found (at the edge, or too small).
    """
    half_w, half_h = round(0.12 * face.w), round(0.07 * face.w)
    if half_h < 2:
        return None
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    left = _dark_centre(grey, face.left_eye, half_w, half_h)
    right = _dark_centre(grey, face.right_eye, half_w, half_h)
    if left is None or right is None or right[0] - left[0] < 0.2 * face.w:
        return None
    return math.degrees(math.atan2(right[1] - left[1], right[0] - left[0]))
