"""CRC-64/XZ, the checksum OSS calls ``crc64ecma`` (``x-oss-hash-crc64ecma``), at C speed.

oss2's own path goes through ``crcmod``, which silently falls back to pure Python (~4 MB/s) where
its C extension did not build; ``anycrc`` ships wheels for every platform we target and runs at
memory speed. Both the uploader and the reference store use this module, so they agree bit for bit.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

import anycrc  # type: ignore[import-untyped]

_MODEL = anycrc.Model("CRC64-XZ")
_CHUNK = 1 << 20


def crc64(data: bytes | bytearray | memoryview, previous: int = 0) -> int:
    """CRC-64/XZ of `data`, continuing from the CRC `previous` of the bytes before it."""
    if not data:
        return previous
    if previous:
        return int(_MODEL.calc(data, previous))
    return int(_MODEL.calc(data))


def combine(crc_first: int, crc_second: int, second_length: int) -> int:
    """CRC of A+B from CRC(A), CRC(B) and len(B): how OSS derives a multipart object's CRC."""
    if second_length == 0:
        return crc_first
    return int(_MODEL.combine(crc_first, crc_second, second_length))


def combine_parts(parts: Iterable[tuple[int, int]]) -> int:
    """CRC of the concatenation of parts given as (crc, length) in order."""
    total = 0
    for part_crc, length in parts:
        total = combine(total, part_crc, length)
    return total


def crc64_file(stream: BinaryIO, chunk_size: int = _CHUNK) -> int:
    """CRC-64/XZ of everything left in `stream`, read in chunks (never the whole file in RAM)."""
    value = 0
    while chunk := stream.read(chunk_size):
        value = crc64(chunk, value)
    return value


class Crc64:
    """Incremental CRC-64/XZ with the same shape as hashlib objects (``update`` / ``value``)."""

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def update(self, data: bytes | bytearray | memoryview) -> None:
        self.value = crc64(data, self.value)
        self.length += len(data)


class SlowCrcError(RuntimeError):
    """anycrc is not its compiled extension (a pure-Python CRC would cap uploads near 4 MB/s)."""


def native_backend() -> str:
    """The compiled module doing the CRC work; raises SlowCrcError if it is not a C extension."""
    import importlib.machinery

    backend = getattr(anycrc, "crc", None)
    path = str(getattr(backend, "__file__", "") or "")
    if not path.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
        raise SlowCrcError(f"anycrc's CRC module is not a compiled extension: {path or backend!r}")
    return path
