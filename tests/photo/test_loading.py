"""Inputs: every format and mode we accept, and refusals with the right reason before decoding."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from artreview_desktop.core.photo import PhotoError, Reason, decode_image
from artreview_desktop.core.photo.loading import MAX_PIXELS


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


@pytest.fixture
def photo(astronaut_bgr: np.ndarray) -> Image.Image:
    return Image.fromarray(astronaut_bgr[:400, :600, ::-1].copy())


@pytest.mark.parametrize(
    ("fmt", "mode"),
    [("JPEG", "RGB"), ("JPEG", "L"), ("JPEG", "CMYK"), ("PNG", "RGBA"), ("PNG", "LA"), ("PNG", "P"),
     ("PNG", "I;16"), ("WEBP", "RGB"), ("BMP", "RGB")],
)
def test_formats_and_modes_become_8bit_bgr(photo: Image.Image, fmt: str, mode: str) -> None:
    if mode == "I;16":  # a real 16-bit photo uses the whole 0–65535 range
        image = Image.fromarray(np.asarray(photo.convert("L")).astype(np.uint16) * 257)
    else:
        image = photo.convert(mode)
    out = decode_image(encoded(image, fmt))
    assert out.shape == (400, 600, 3) and out.dtype == np.uint8
    assert 40 < out.mean() < 220  # real content, not a blank or an inverted CMYK


def test_alpha_is_flattened_on_white(photo: Image.Image) -> None:
    rgba = photo.convert("RGBA")
    rgba.putalpha(0)
    out = decode_image(encoded(rgba, "PNG"))
    assert out.min() == 255


def test_exif_orientation_is_applied(photo: Image.Image) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: rotate 90° clockwise to view
    out = decode_image(encoded(photo, "JPEG", exif=exif.tobytes(), quality=95))
    assert out.shape == (600, 400, 3)
    upright = np.asarray(photo.transpose(Image.Transpose.ROTATE_270))[:, :, ::-1].astype(int)
    assert np.abs(out.astype(int) - upright).mean() < 6


def _png_with_header(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge image (a decompression bomb's shape)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    idat = zlib.compress(b"\x00" * 64)
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))
            + struct.pack(">I", len(idat)) + b"IDAT" + idat + struct.pack(">I", zlib.crc32(b"IDAT" + idat)))


@pytest.mark.parametrize("side", [9000, 60000])
def test_bomb_refused_from_the_header(side: int) -> None:
    assert side * side > MAX_PIXELS
    with pytest.raises(PhotoError) as caught:
        decode_image(_png_with_header(side, side))
    assert caught.value.reason is Reason.TOO_LARGE


def test_not_an_image() -> None:
    with pytest.raises(PhotoError) as caught:
        decode_image(b"%PDF-1.7 this is a document, not a photo" * 20)
    assert caught.value.reason is Reason.NOT_AN_IMAGE


def test_truncated_jpeg(photo: Image.Image) -> None:
    data = encoded(photo, "JPEG")
    with pytest.raises(PhotoError) as caught:
        decode_image(data[: len(data) // 2])
    assert caught.value.reason is Reason.CORRUPT


def test_too_small(photo: Image.Image) -> None:
    with pytest.raises(PhotoError) as caught:
        decode_image(encoded(photo.resize((120, 90)), "PNG"))
    assert caught.value.reason is Reason.TOO_SMALL
