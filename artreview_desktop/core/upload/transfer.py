"""The pieces one part upload needs: a streaming body with CRC, a bandwidth limit, retry rules.

The body is read from disk in the HTTP library's own block size while it is sent, so memory stays
at a few blocks per thread whatever the file or part size; its CRC-64 is computed on the way
(anycrc, C speed) and compared with the store's `x-oss-hash-crc64ecma` answer.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from xml.etree import ElementTree

import oss2
import requests

from artreview_desktop.core.platform.errors import ErrorCode, PlatformError
from artreview_desktop.core.upload.crc64 import crc64
from artreview_desktop.core.upload.errors import FatalUploadError, UploadStopped
from artreview_desktop.core.upload.source import Readable

READ_BLOCK = 1 << 20

# Store answers that no retry can change.
FATAL_CODES = frozenset({
    "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "NoSuchBucket", "InvalidSecurityToken",
    "InvalidBucketName", "InvalidObjectName", "EntityTooLarge", "KeyTooLong", "InvalidArgument",
})


class BandwidthLimit:
    """A token bucket shared by all part threads (0 = unlimited)."""

    def __init__(self, bytes_per_s: int, wait: Callable[[float], object] | None = None) -> None:
        self.rate = max(0, bytes_per_s)
        self._lock = threading.Lock()
        self._next_free = time.monotonic()
        self._wait = wait or time.sleep

    def take(self, nbytes: int) -> None:
        if not self.rate or nbytes <= 0:
            return
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_free)
            self._next_free = start + nbytes / self.rate
            delay = start - now
        if delay > 0:
            self._wait(delay)


class PartBody:
    """A sized, streaming request body for one part; checks the stop flag between blocks.

    It is an iterable of 1 MiB blocks, not a file object: urllib3 reads file objects 16 KiB at a
    time, and the Python work per block (CRC call, progress, bandwidth) then costs real throughput.
    """

    def __init__(self, stream: Readable, offset: int, size: int, *, limit: BandwidthLimit,
                 on_bytes: Callable[[int], None], stopped: Callable[[], bool]) -> None:
        self._stream = stream
        self._offset = offset
        self._size = size
        self._limit = limit
        self._on_bytes = on_bytes
        self._stopped = stopped
        self.crc = 0
        self.sent = 0

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[bytes]:
        self._stream.seek(self._offset)
        self.crc = self.sent = 0
        remaining = self._size
        while remaining > 0:
            if self._stopped():
                raise UploadStopped("upload stopped")
            data = self._stream.read(min(remaining, READ_BLOCK))
            if not data:
                raise FatalUploadError("the file got shorter while it was being uploaded", reason="file_changed")
            remaining -= len(data)
            self.sent += len(data)
            self.crc = crc64(data, self.crc)
            self._limit.take(len(data))
            self._on_bytes(len(data))
            yield data


class CrcBucket(oss2.Bucket):  # type: ignore[misc]
    """oss2's Bucket, plus the per-part CRC-64 that ListParts returns (oss2 2.19 drops it)."""

    def _parse_result(self, resp: object, parse_func: Callable[..., object], klass: type) -> object:
        if klass is not oss2.models.ListPartsResult:
            return oss2.Bucket._parse_result(resp, parse_func, klass)
        result = klass(resp)
        body = resp.read()  # type: ignore[attr-defined]
        parse_func(result, body)
        crcs: dict[int, int] = {}
        for node in ElementTree.fromstring(body).findall("Part"):
            number, crc_text = node.findtext("PartNumber"), node.findtext("HashCrc64ecma")
            if number and crc_text and number.strip().isdigit() and crc_text.strip().isdigit():
                crcs[int(number)] = int(crc_text)
        for part in result.parts:
            part.part_crc = crcs.get(part.part_number)
        return result


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter; `attempts` tries in all for one operation."""

    attempts: int = 8
    base_s: float = 0.5
    cap_s: float = 30.0

    def delay(self, attempt: int) -> float:
        ceiling = min(self.cap_s, self.base_s * (2 ** attempt))
        return random.uniform(ceiling / 2, ceiling)


class Verdict:
    RETRY = "retry"
    REFRESH = "refresh"  # credentials expired: fetch new ones, then retry
    SKEW = "skew"  # our clock is off: learn the offset from the answer, then retry
    FATAL = "fatal"
    NO_SUCH_UPLOAD = "no_such_upload"


def classify(exc: BaseException) -> str:
    """What to do about an exception from one store or platform call."""
    if isinstance(exc, oss2.exceptions.NoSuchUpload):
        return Verdict.NO_SUCH_UPLOAD
    if isinstance(exc, oss2.exceptions.RequestError | requests.RequestException | ConnectionError | TimeoutError):
        return Verdict.RETRY
    if isinstance(exc, oss2.exceptions.InconsistentError):
        return Verdict.RETRY  # the bytes the store got differ from ours: send them again
    if isinstance(exc, oss2.exceptions.OssError):
        code = str(getattr(exc, "code", "") or "")
        status = int(getattr(exc, "status", 0) or 0)
        if code == "SecurityTokenExpired":
            return Verdict.REFRESH
        if code == "RequestTimeTooSkewed":
            return Verdict.SKEW
        if status >= 500 or status in (408, 429):
            return Verdict.RETRY
        return Verdict.FATAL
    if isinstance(exc, PlatformError):
        if exc.code in (ErrorCode.NETWORK_DOWN, ErrorCode.TIMEOUT, ErrorCode.SERVER_ERROR, ErrorCode.RATE_LIMITED):
            return Verdict.RETRY
        return Verdict.FATAL
    return Verdict.FATAL


def describe(exc: BaseException) -> str:
    """One line for a person (or a log): the store's code and message, no request noise."""
    if isinstance(exc, oss2.exceptions.OssError):
        code = getattr(exc, "code", "") or ""
        message = getattr(exc, "message", "") or ""
        status = getattr(exc, "status", "")
        if code or message:
            return f"{code or 'error'} (HTTP {status}): {message}".strip()
        inner = getattr(exc, "exception", None)
        return f"network error: {inner or exc}"
    return str(exc) or type(exc).__name__
