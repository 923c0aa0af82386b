"""The fast CRC-64/XZ must equal oss2's own crc64ecma, bit for bit, including `combine`."""

from __future__ import annotations

import io
import random

import pytest
from oss2.utils import Crc64 as Oss2Crc64

from artreview_desktop.core.upload.crc64 import Crc64, combine, combine_parts, crc64, crc64_file


def _oss2_crc(data: bytes) -> int:
    reference = Oss2Crc64()
    reference.update(data)
    return int(reference.crc)


def test_check_value_of_crc64_xz() -> None:
    assert crc64(b"123456789") == 0x995DC9BBDF1939FA
    assert crc64(b"") == 0


@pytest.mark.parametrize("size", [1, 7, 4096, 1_000_003])
def test_matches_oss2_and_continues_incrementally(size: int) -> None:
    data = random.Random(size).randbytes(size)
    expected = _oss2_crc(data)
    assert crc64(data) == expected
    cut = size // 3
    assert crc64(data[cut:], crc64(data[:cut])) == expected
    incremental = Crc64()
    for start in range(0, size, 65536):
        incremental.update(memoryview(data)[start:start + 65536])
    assert (incremental.value, incremental.length) == (expected, size)
    assert crc64_file(io.BytesIO(data), chunk_size=1000) == expected


def test_combine_gives_the_crc_of_the_concatenation() -> None:
    rng = random.Random(7)
    parts = [rng.randbytes(n) for n in (102_400, 102_400, 5, 0, 33_333)]
    whole = b"".join(parts)
    assert combine_parts((crc64(p), len(p)) for p in parts) == _oss2_crc(whole)
    assert combine(crc64(parts[0]), crc64(parts[4]), len(parts[4])) == crc64(parts[0] + parts[4])
