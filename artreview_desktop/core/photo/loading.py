"""Turning a file's bytes into a BGR image, safely.

The header is read first and the size judged BEFORE any pixel is decoded, so a decompression bomb
(a small file that expands to gigabytes) is refused without using the memory. EXIF orientation is
applied; CMYK, 16-bit, palette and alpha images all come out as 8-bit BGR (alpha over white).
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from artreview_desktop.core.photo.errors import PhotoError, Reason
from artreview_desktop.core.photo.types import BgrImage

#: Larger than any phone photo we expect (48 MP is 8000×6000); the decoded BGR stays < 200 MB.
MAX_PIXELS = 64_000_000
MAX_SIDE = 20_000
#: A source smaller than this on its short side cannot hold a usable face.
MIN_SHORT_SIDE = 160
FORMATS = ("JPEG", "PNG", "WEBP", "BMP")
#: Photos are worked on at most this long side: an ID photo is under 700 px tall, and a 48 MP
#: photo decoded whole would cost ~1 GB of memory on the way. JPEGs are decoded straight at a
#: reduced scale (DCT scaling), which is also much faster.
MAX_WORK_SIDE = 4096
#: A file larger than this is refused before reading (no photo needs it).
MAX_FILE_BYTES = 80 * 1024 * 1024


def read_image_file(path: Path | str) -> BgrImage:
    """Load a photo from disk; raises PhotoError with the reason."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PhotoError(Reason.TOO_LARGE, f"{size} bytes")
        data = path.read_bytes()
    except IsADirectoryError:
        raise PhotoError(Reason.NOT_AN_IMAGE, "a folder") from None
    except FileNotFoundError:
        raise PhotoError(Reason.NOT_AN_IMAGE, "file not found") from None
    return decode_image(data)


def probe_size(data: bytes) -> tuple[int, int, str]:
    """Width, height and format from the header alone (no pixels decoded)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=FORMATS) as image:
                return image.width, image.height, str(image.format)
    except Image.DecompressionBombError:
        raise PhotoError(Reason.TOO_LARGE, "decompression bomb") from None
    except (UnidentifiedImageError, ValueError, TypeError):
        raise PhotoError(Reason.NOT_AN_IMAGE) from None
    except (OSError, SyntaxError) as exc:  # a header that starts right but breaks off
        raise PhotoError(Reason.CORRUPT, str(exc)) from None


def check_dimensions(width: int, height: int) -> None:
    if width <= 0 or height <= 0:
        raise PhotoError(Reason.CORRUPT, "zero size")
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        raise PhotoError(Reason.TOO_LARGE, f"{width}x{height}")
    if min(width, height) < MIN_SHORT_SIDE:
        raise PhotoError(Reason.TOO_SMALL, f"{width}x{height}")


def _to_bgr(image: Image.Image) -> BgrImage:
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        array = np.asarray(image, dtype=np.float64)
        top = 65535.0 if mode != "F" else max(float(array.max()), 1.0)
        if mode == "I" and array.max() <= 255:
            top = 255.0
        gray = np.clip(array / top * 255.0 + 0.5, 0, 255).astype(np.uint8)
        return np.ascontiguousarray(np.stack([gray] * 3, axis=-1))
    if mode == "P" or mode == "LA" or mode == "PA":
        image = image.convert("RGBA")
    if image.mode == "RGBA":
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, image)
    rgb = np.asarray(image.convert("RGB"))  # CMYK (Adobe-inverted too), YCbCr, L, 1 …
    return np.ascontiguousarray(rgb[:, :, ::-1])


def decode_image(data: bytes) -> BgrImage:
    """Decode a photo's bytes; the size is checked from the header before the pixels are read."""
    if len(data) > MAX_FILE_BYTES:
        raise PhotoError(Reason.TOO_LARGE, f"{len(data)} bytes")
    width, height, _ = probe_size(data)
    check_dimensions(width, height)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=FORMATS) as image:
                if max(width, height) > MAX_WORK_SIDE and image.format in ("JPEG", "MPO"):
                    factor = MAX_WORK_SIDE / 2 / max(width, height)  # draft keeps at least this size
                    image.draft(image.mode, (round(width * factor), round(height * factor)))
                image.load()
                work: Image.Image = image
                if max(work.size) > MAX_WORK_SIDE:
                    factor = MAX_WORK_SIDE / max(work.size)
                    size = (max(1, round(work.width * factor)), max(1, round(work.height * factor)))
                    work = work.resize(size, Image.Resampling.BOX, reducing_gap=2.0)
                oriented = ImageOps.exif_transpose(work)
                return _to_bgr(oriented)
    except PhotoError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise PhotoError(Reason.CORRUPT, str(exc)) from None
