"""JPEG export at the exact pixel size, with the DPI tag, inside the spec's KB range.

The size is reached by searching the JPEG quality, never by padding the file with filler bytes
(HivisionIDPhotos pads with zeros, ENGINEERING.md §6): a file that cannot reach the minimum at the
best quality is reported as failing, not inflated.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image

from artreview_desktop.core.photo.checks import Check, make_check
from artreview_desktop.core.photo.specs import PhotoSpec
from artreview_desktop.core.photo.types import BgrImage


@dataclass(frozen=True)
class Encoded:
    data: bytes
    quality: int
    check: Check


def _encode(image: Image.Image, dpi: int, quality: int, subsampling: int = 2) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, dpi=(dpi, dpi), subsampling=subsampling, optimize=True)
    return buffer.getvalue()


def encode_jpeg(image: BgrImage, spec: PhotoSpec) -> Encoded:
    """The best quality whose file fits the spec's KB range."""
    if image.shape[1] != spec.width or image.shape[0] != spec.height:
        raise ValueError(f"image is {image.shape[1]}x{image.shape[0]}, spec wants {spec.width}x{spec.height}")
    picture = Image.fromarray(image[:, :, ::-1].copy())
    low_kb, high_kb = spec.kb_range
    high = None if high_kb is None else high_kb * 1024
    low = None if low_kb is None else low_kb * 1024

    def fits_max(data: bytes) -> bool:
        return high is None or len(data) <= high

    best = _encode(picture, spec.dpi, 95)
    quality = 95
    if not fits_max(best):
        lo, hi = 5, 94
        found: tuple[int, bytes] | None = None
        while lo <= hi:
            mid = (lo + hi) // 2
            data = _encode(picture, spec.dpi, mid)
            if fits_max(data):
                found, lo = (mid, data), mid + 1
            else:
                hi = mid - 1
        quality, best = found if found else (5, _encode(picture, spec.dpi, 5))
    elif low is not None and len(best) < low:
        for quality, subsampling in ((98, 2), (100, 0)):
            best = _encode(picture, spec.dpi, quality, subsampling)
            if len(best) >= low:
                break
    size_kb = len(best) / 1024
    return Encoded(best, quality, make_check("file_size", size_kb, low_kb, high_kb, "KB"))
