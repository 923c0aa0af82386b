"""What the API server and the store share: a threading server, body streaming and safe logging.

Request bodies are read in chunks (Content-Length or ``Transfer-Encoding: chunked``) so that a
multi-GB upload never sits in memory, and every log line goes through `redact` first.
"""

from __future__ import annotations

import io
import logging
import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from artreview_desktop.core.privacy.redact import redact
from artreview_platform.faults import ConnectionDropped, FaultPlan

CHUNK = 1 << 20
MIB = float(1 << 20)


class QuietThreadingServer(ThreadingHTTPServer):
    """Threads per connection, daemon threads, and no tracebacks on stderr for dropped clients."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def handle_error(self, request: Any, client_address: Any) -> None:
        logging.getLogger("artreview_platform.http").debug("connection ended abruptly", exc_info=True)


class BadRequestBody(Exception):
    """The body is malformed (bad chunk framing) or longer than allowed."""


class BodyReader:
    """Reads a request body in pieces, honouring chunked framing, faults and throttling."""

    def __init__(self, rfile: io.BufferedIOBase, headers: Any, faults: FaultPlan, drop_after: int | None) -> None:
        self._rfile = rfile
        self._faults = faults
        self._drop_after = drop_after
        self.chunked = "chunked" in (headers.get("Transfer-Encoding") or "").lower()
        length = headers.get("Content-Length")
        try:
            self._remaining = 0 if self.chunked else int(length or 0)
        except ValueError as exc:
            raise BadRequestBody("Content-Length is not a number") from exc
        if self._remaining < 0:
            raise BadRequestBody("negative Content-Length")
        self._chunk_left = 0
        self._chunked_done = False
        self.bytes_read = 0

    def _read_raw(self, size: int) -> bytes:
        data = self._rfile.read(size)
        if len(data) < size:
            raise ConnectionDropped("client closed the connection mid-body")
        return data

    def _next_chunked(self, size: int) -> bytes:
        if self._chunked_done:
            return b""
        if self._chunk_left == 0:
            line = self._rfile.readline(1024)
            if not line:
                raise ConnectionDropped("client closed the connection mid-body")
            try:
                self._chunk_left = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError as exc:
                raise BadRequestBody("bad chunk size line") from exc
            if self._chunk_left == 0:
                while self._rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                self._chunked_done = True
                return b""
        data = self._read_raw(min(size, self._chunk_left))
        self._chunk_left -= len(data)
        if self._chunk_left == 0:
            self._rfile.readline(8)
        return data

    def read(self, size: int = CHUNK) -> bytes:
        """Up to `size` bytes of the body; b"" at its end."""
        if self.chunked:
            data = self._next_chunked(size)
        else:
            if self._remaining <= 0:
                return b""
            data = self._read_raw(min(size, self._remaining))
            self._remaining -= len(data)
        if self._drop_after is not None and self.bytes_read + len(data) >= self._drop_after:
            raise ConnectionDropped("fault injection: drop after bytes")
        self.bytes_read += len(data)
        throttle(self._faults, len(data))
        return data

    def __iter__(self) -> Iterator[bytes]:
        while data := self.read():
            yield data

    def read_all(self, limit: int) -> bytes:
        """The whole body, for small JSON/XML bodies; refuses anything over `limit` bytes."""
        parts: list[bytes] = []
        total = 0
        for data in self:
            total += len(data)
            if total > limit:
                raise BadRequestBody("body too large")
            parts.append(data)
        return b"".join(parts)

    def drain(self) -> None:
        for _ in self:
            pass


def throttle(faults: FaultPlan, nbytes: int) -> None:
    """Slow the server down when a test asked for it (fault injection)."""
    delay = faults.delay_per_mib_s
    if delay > 0:
        time.sleep(delay * nbytes / MIB)


class LoggingHandler(BaseHTTPRequestHandler):
    """Base handler: HTTP/1.1 keep-alive, redacted access log, hard connection drops."""

    protocol_version = "HTTP/1.1"
    server_version = "ArtReviewReference/1.0"
    logger = logging.getLogger("artreview_platform.http")

    def log_message(self, format: str, *args: Any) -> None:
        self.logger.info(redact(f"{self.address_string()} {format % args}"))

    def drop_connection(self) -> None:
        """Abandon the connection at once, as a failing network would."""
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
