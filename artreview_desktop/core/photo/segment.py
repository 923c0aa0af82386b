"""Person segmentation with MediaPipe's Selfie Segmentation model (Apache-2.0, shipped in
resources/models), run by OpenCV's own TFLite importer: no extra runtime, nothing downloaded.

The model's 256×256 mask is warped into the output photo with the same transform as the picture and
refined there with a guided filter (the photo's own edges steer the mask edge), so hair and
shoulders get a soft edge; `replace_background` then swaps the colour without a halo.
"""

from __future__ import annotations

import threading
from pathlib import Path

import cv2
import numpy as np

from artreview_desktop.core.photo.types import BgrImage, Mask
from artreview_desktop.core.resources import resource

MODEL_NAME = "selfie_segmentation.tflite"
MODEL_SHA256 = "9ee168ec7c8f2a16c56fe8e1cfbc514974cbbb7e434051b455635f1bd1462f5c"
INPUT_SIDE = 256


def model_path() -> Path:
    return resource("models", MODEL_NAME)


def _box(image: np.ndarray, radius: int) -> np.ndarray:
    return cv2.boxFilter(image, cv2.CV_32F, (2 * radius + 1, 2 * radius + 1), borderType=cv2.BORDER_REFLECT)


def guided_filter(guide: np.ndarray, source: np.ndarray, radius: int, eps: float) -> np.ndarray:
    """He et al.'s guided filter (grey guide): edge-aware smoothing of `source` along `guide`."""
    mean_i = _box(guide, radius)
    mean_p = _box(source, radius)
    cov_ip = _box(guide * source, radius) - mean_i * mean_p
    var_i = _box(guide * guide, radius) - mean_i * mean_i
    a = cov_ip / (var_i + eps)
    b = mean_p - a * mean_i
    return np.asarray(_box(a, radius) * guide + _box(b, radius), dtype=np.float32)


class PersonSegmenter:
    def __init__(self, path: Path | None = None) -> None:
        self._net = cv2.dnn.readNetFromTFLite(str(path or model_path()))
        self._lock = threading.Lock()

    def raw_mask(self, image: BgrImage) -> Mask:
        """The model's 256×256 person probability."""
        blob = cv2.dnn.blobFromImage(image, 1 / 255.0, (INPUT_SIDE, INPUT_SIDE), swapRB=True)
        with self._lock:
            self._net.setInput(blob)
            out = self._net.forward()
        return np.ascontiguousarray(out.reshape(INPUT_SIDE, INPUT_SIDE), dtype=np.float32)

    @staticmethod
    def unsure_share(raw: Mask) -> float:
        """Share of the person the model could not decide about, away from the outline itself."""
        person = raw > 0.5
        band = (raw > 0.15) & (raw < 0.85)
        edge = cv2.morphologyEx(person.astype(np.uint8), cv2.MORPH_GRADIENT, np.ones((7, 7), np.uint8)) > 0
        return float(np.count_nonzero(band & ~edge)) / max(1, int(np.count_nonzero(person)))


def _local_mean(image: np.ndarray, weight: np.ndarray, radius: int) -> tuple[np.ndarray, np.ndarray]:
    """Mean colour of the pixels where `weight` is 1, around each pixel; and how many there were."""
    kernel = (2 * radius + 1, 2 * radius + 1)
    count = cv2.GaussianBlur(weight, kernel, 0)[:, :, None]
    total = cv2.GaussianBlur(image * weight[:, :, None], kernel, 0)
    return total / np.maximum(count, 1e-4), count


def replace_background(image: BgrImage, mask: Mask, colour: tuple[int, int, int]) -> BgrImage:
    """Composite the person over a plain colour, without the old background's colour fringe (halo).

    An edge pixel is a mix: I = a·F + (1−a)·B. B is estimated from the nearby pure-background pixels,
    so swapping it for the new colour keeps fine hair while removing the old colour from the edge;
    where the person share is tiny, F comes from the nearby pure-person pixels instead.
    """
    alpha = np.clip(mask, 0.0, 1.0)
    image_f = image.astype(np.float32)
    new = np.array(colour, dtype=np.float32)[None, None, :]
    radius = max(3, round(max(image.shape[:2]) / 100))
    old_bg, bg_count = _local_mean(image_f, (alpha < 0.1).astype(np.float32), radius)
    old_bg = np.where(bg_count > 0.02, old_bg, image_f)
    inner, inner_count = _local_mean(image_f, (alpha > 0.9).astype(np.float32), radius)
    a = alpha[:, :, None]
    swapped = image_f + (1 - a) * (new - old_bg)
    faint = a * np.where(inner_count > 0.02, inner, image_f) + (1 - a) * new
    out = np.where(a >= 0.25, swapped, faint)
    out = np.where(a >= 0.98, image_f, out)
    out = np.where(a <= 0.02, new, out)
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)
