"""The resumable, verified multipart uploader, on oss2's low-level calls.

Why not `oss2.resumable_upload`: it writes its checkpoint once and not atomically, never retries
a part, trusts ListParts on resume and then skips the whole-object CRC check (ENGINEERING.md §4).
Here every finished part is recorded atomically; a resume re-checks each recorded part against
ListParts (ETag, size, CRC-64); parts the store holds but the checkpoint missed (killed between the
answer and the save) are adopted if their CRC matches the file; the object's CRC-64 after Complete
must equal the combination of the file's part CRCs, or the object is uploaded again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import oss2

from artreview_desktop.core.platform.errors import PlatformError
from artreview_desktop.core.privacy.data_location import EndpointNotAllowed, check_endpoint
from artreview_desktop.core.upload.auth import RefreshingCredentialsProvider, ServerClock, SkewCorrectedAuth
from artreview_desktop.core.upload.checkpoint import Checkpoint, CheckpointStore, FileIdentity, PartRecord
from artreview_desktop.core.upload.crc64 import combine_parts, crc64, native_backend
from artreview_desktop.core.upload.errors import (
    FatalUploadError,
    FileChangedError,
    FileMissingError,
    IntegrityError,
    TransientUploadError,
    UploadError,
    UploadStopped,
)
from artreview_desktop.core.upload.source import UploadSource, as_source
from artreview_desktop.core.upload.transfer import (
    BandwidthLimit,
    CrcBucket,
    PartBody,
    RetryPolicy,
    Verdict,
    classify,
    describe,
)

MIN_PART_SIZE = 100 * 1024
MAX_PARTS = 10000
DEFAULT_PART_SIZE = 8 << 20
T = TypeVar("T")


@dataclass(frozen=True)
class UploadTarget:
    endpoint: str
    bucket: str
    key: str


@dataclass(frozen=True)
class UploadOptions:
    part_size: int = DEFAULT_PART_SIZE
    threads: int = 4
    bandwidth_limit_bytes_s: int = 0
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    repairs: int = 2  # whole re-uploads after a CRC mismatch before giving up
    timeout_s: float = 60.0
    allowed_regions: tuple[str, ...] = ()
    allow_loopback: bool = False


@dataclass(frozen=True)
class UploadProgress:
    phase: str  # "uploading" | "completing" | "verifying"
    bytes_done: int
    bytes_total: int
    parts_done: int
    parts_total: int


@dataclass(frozen=True)
class UploadOutcome:
    key: str
    bucket: str
    bytes: int
    crc64: int
    parts: int
    parts_resumed: int
    parts_sent: int
    upload_id: str
    seconds: float
    repairs: int
    checkpoint: str  # "none" | "resumed" | "corrupt" | "foreign"

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "bucket": self.bucket, "bytes": self.bytes, "crc64": str(self.crc64),
                "parts": self.parts, "parts_resumed": self.parts_resumed, "parts_sent": self.parts_sent,
                "upload_id": self.upload_id, "seconds": round(self.seconds, 3), "repairs": self.repairs,
                "checkpoint": self.checkpoint}


ProgressCallback = Callable[[UploadProgress], None]


def choose_part_size(size: int, wanted: int) -> int:
    """At least the store's minimum, and large enough that the file fits in 10,000 parts."""
    part = max(MIN_PART_SIZE, wanted)
    while -(-size // part) > MAX_PARTS:
        part *= 2
    return part


class ResumableUploader:
    """Uploads one file at a time; `stop` (an Event) pauses it between blocks, checkpoint kept."""

    def __init__(self, provider: RefreshingCredentialsProvider, checkpoints: CheckpointStore,
                 options: UploadOptions | None = None, *, stop: threading.Event | None = None,
                 clock: ServerClock | None = None) -> None:
        native_backend()  # refuse to run on a pure-Python CRC rather than crawl
        self.provider = provider
        self.checkpoints = checkpoints
        self.options = options or UploadOptions()
        self.stop = stop or threading.Event()
        self.clock = clock or ServerClock()
        threads = max(1, self.options.threads)
        self._session = oss2.Session(pool_size=threads + 2)
        self._limit = BandwidthLimit(self.options.bandwidth_limit_bytes_s, self.stop.wait)
        self._abort_parts = threading.Event()

    # --- public ---------------------------------------------------------------------------
    def upload(self, path: Path | UploadSource, target: UploadTarget, *, sha256: str | None = None,
               progress: ProgressCallback | None = None) -> UploadOutcome:
        """Upload (or resume) `path` to `target`; returns when the stored object's CRC is verified.

        `path` may be an `UploadSource` (a sealed take, decrypted on the fly); a path is a plain file.
        """
        started = time.monotonic()
        try:
            check_endpoint(target.endpoint, self.options.allowed_regions, self.options.allow_loopback)
        except EndpointNotAllowed as exc:
            raise FatalUploadError(str(exc), reason="endpoint_not_allowed") from None
        source = as_source(path)
        path = source.path
        identity = self._identity(source, sha256)
        bucket = CrcBucket(SkewCorrectedAuth(self.provider, self.clock), target.endpoint, target.bucket,
                           session=self._session, connect_timeout=self.options.timeout_s, enable_crc=False)
        if identity.size == 0:
            return self._upload_empty(bucket, target, started)
        part_size = choose_part_size(identity.size, self.options.part_size)
        fresh = Checkpoint(target.endpoint, target.bucket, target.key, identity, part_size)
        checkpoint, how = self.checkpoints.load(fresh)
        run = _Run(self, bucket, source, checkpoint, progress)
        for repair in range(self.options.repairs + 1):
            resumed = run.prepare()
            if run.finished_crc is not None:  # killed after Complete, before the checkpoint was removed
                crc: int | None = run.finished_crc
            else:
                run.send_missing()
                crc = run.complete_and_verify()
            if crc is not None:
                self.checkpoints.remove(checkpoint)
                return UploadOutcome(target.key, target.bucket, identity.size, crc, run.parts_total, resumed,
                                     run.parts_sent, checkpoint.upload_id, time.monotonic() - started, repair, how)
            run.restart()  # the object's CRC disagreed with the file: upload it all again
        raise IntegrityError(f"the stored object's CRC-64 kept differing from {path.name} after "
                             f"{self.options.repairs} re-uploads")

    def discard(self, path: Path | UploadSource, target: UploadTarget, *, sha256: str | None = None) -> bool:
        """Drop a cancelled upload: abort it at the store and remove its checkpoint. True if one existed."""
        try:
            identity = as_source(path).identity(sha256)
        except (OSError, UploadError):
            return False
        part_size = choose_part_size(identity.size, self.options.part_size)
        fresh = Checkpoint(target.endpoint, target.bucket, target.key, identity, part_size)
        checkpoint, how = self.checkpoints.load(fresh)
        if how != "resumed":
            return False
        self.checkpoints.remove(checkpoint)
        if checkpoint.upload_id:
            bucket = CrcBucket(SkewCorrectedAuth(self.provider, self.clock), target.endpoint, target.bucket,
                               session=self._session, connect_timeout=self.options.timeout_s, enable_crc=False)
            try:
                self.call("abort upload", lambda: bucket.abort_multipart_upload(target.key, checkpoint.upload_id))
            except (oss2.exceptions.NoSuchUpload, UploadError):
                pass
        return True

    def close(self) -> None:
        """Close the pooled connections (an uploader left open leaks sockets until collected)."""
        self._session.session.close()

    def __enter__(self) -> ResumableUploader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- helpers shared with _Run -------------------------------------------------------------
    def _identity(self, source: UploadSource, sha256: str | None) -> FileIdentity:
        path = source.path
        try:
            return source.identity(sha256)
        except FileNotFoundError:
            raise FileMissingError(f"the file {path} does not exist (any more)") from None
        except OSError as exc:
            raise FatalUploadError(f"cannot read {path}: {exc.strerror}", reason="file_unreadable") from None

    def call(self, what: str, fn: Callable[[], T]) -> T:
        """Run one store call with retries; raises UploadError subclasses only (NoSuchUpload passes)."""
        policy = self.options.retry
        last: BaseException | None = None
        refreshed = skew_fixed = False
        attempt = 0
        while attempt < policy.attempts:
            if self.stop.is_set():
                raise UploadStopped("upload stopped")
            try:
                result = fn()
            except UploadError:
                raise
            except Exception as exc:
                verdict = classify(exc)
                last = exc
                if verdict == Verdict.NO_SUCH_UPLOAD:
                    raise
                if verdict == Verdict.FATAL:
                    raise FatalUploadError(f"{what}: {describe(exc)}",
                                           reason=_fatal_reason(exc)) from None
                if verdict == Verdict.REFRESH:
                    self.provider.invalidate(self.provider.current().access_key_id)
                    if not refreshed:
                        refreshed = True
                        continue  # the first new token is not a failed attempt
                if verdict == Verdict.SKEW and not skew_fixed:
                    self.clock.observe(getattr(exc, "headers", None))  # sign with the store's time from now on
                    skew_fixed = True
                    continue
                if self.stop.wait(policy.delay(attempt)):
                    raise UploadStopped("upload stopped") from None
                attempt += 1
                continue
            self.clock.observe(getattr(result, "headers", None))
            return result
        raise TransientUploadError(f"{what}: gave up after {policy.attempts} tries: "
                                   f"{describe(last) if last else 'unknown error'}")

    def _upload_empty(self, bucket: CrcBucket, target: UploadTarget, started: float) -> UploadOutcome:
        """OSS needs at least one part for a multipart upload; an empty file is one PUT."""
        result = self.call("upload empty object", lambda: bucket.put_object(target.key, b""))
        if result.crc is not None and int(result.crc) != 0:
            raise IntegrityError("the store's CRC-64 for an empty object is not 0")
        return UploadOutcome(target.key, target.bucket, 0, 0, 0, 0, 0, "", time.monotonic() - started, 0, "none")


def _fatal_reason(exc: BaseException) -> str:
    if isinstance(exc, PlatformError):  # fetching new credentials failed (logged out, fee unpaid...)
        return f"platform_{exc.code.value}"
    code = str(getattr(exc, "code", "") or "")
    return {"NoSuchBucket": "bucket_missing", "AccessDenied": "access_denied", "InvalidAccessKeyId":
            "access_denied", "SignatureDoesNotMatch": "access_denied", "InvalidSecurityToken":
            "access_denied"}.get(code, "store_refused")


class _Run:
    """The state of one upload attempt (the uploader object itself is reusable)."""

    def __init__(self, owner: ResumableUploader, bucket: CrcBucket, source: UploadSource, checkpoint: Checkpoint,
                 progress: ProgressCallback | None) -> None:
        self.owner = owner
        self.bucket = bucket
        self.source = source
        self.path = source.path
        self.cp = checkpoint
        self.size = checkpoint.identity.size
        self.part_size = checkpoint.part_size
        self.parts_total = -(-self.size // self.part_size)
        self.parts_sent = 0
        self.finished_crc: int | None = None
        self._lock = threading.Lock()
        self._bytes_done = 0
        self._progress = progress
        self._last_report = 0.0

    # --- layout and identity --------------------------------------------------------------------
    def span(self, number: int) -> tuple[int, int]:
        offset = (number - 1) * self.part_size
        return offset, min(self.part_size, self.size - offset)

    def check_file(self) -> None:
        """The file must be exactly the one the checkpoint describes (size and modification time)."""
        try:
            now = self.source.identity(self.cp.identity.sha256)
        except FileNotFoundError:
            raise FileMissingError(f"the file {self.path} was deleted during the upload") from None
        if (now.size, now.mtime_ns) != (self.cp.identity.size, self.cp.identity.mtime_ns):
            raise FileChangedError(f"the file {self.path.name} changed during the upload")

    def report(self, phase: str, force: bool = False) -> None:
        if self._progress is None:
            return
        now = time.monotonic()
        with self._lock:
            if not force and now - self._last_report < 0.1:
                return
            self._last_report = now
            done, parts = self._bytes_done, len(self.cp.parts)
        self._progress(UploadProgress(phase, done, self.size, parts, self.parts_total))

    def _add_bytes(self, count: int) -> None:
        with self._lock:
            self._bytes_done += count
        self.report("uploading")

    # --- steps ------------------------------------------------------------------------------------
    def prepare(self) -> int:
        """Make sure an upload id exists and the recorded parts are really stored; returns how many are."""
        self.check_file()
        self.finished_crc = None
        if self.cp.upload_id:
            try:
                stored = self._list_parts()
            except oss2.exceptions.NoSuchUpload:
                if len(self.cp.parts) == self.parts_total and self._object_matches():
                    self.finished_crc = self.expected_crc()
                    return self.parts_total
                self.cp.upload_id, self.cp.parts = "", {}
            else:
                self._reconcile(stored)
        if not self.cp.upload_id:
            result = self.owner.call("start upload", lambda: self.bucket.init_multipart_upload(self.cp.key))
            self.cp.upload_id, self.cp.parts = result.upload_id, {}
        self._save()
        with self._lock:
            self._bytes_done = sum(p.size for p in self.cp.parts.values())
        self.report("uploading", force=True)
        return len(self.cp.parts)

    def _list_parts(self) -> dict[int, Any]:
        stored: dict[int, Any] = {}
        marker = ""
        while True:
            page = self.owner.call("list parts", lambda m=marker: self.bucket.list_parts(  # type: ignore[misc]
                self.cp.key, self.cp.upload_id, marker=m))
            for part in page.parts:
                stored[int(part.part_number)] = part
            if not page.is_truncated:
                return stored
            marker = page.next_marker

    def _reconcile(self, stored: dict[int, Any]) -> None:
        """Keep recorded parts the store confirms; adopt stored parts whose CRC matches the file."""
        kept: dict[int, PartRecord] = {}
        for number, info in stored.items():
            if not 1 <= number <= self.parts_total:
                continue
            _, length = self.span(number)
            record = self.cp.parts.get(number)
            server_crc = info.part_crc
            if record is not None and record.etag == info.etag and record.size == info.size == length and (
                server_crc is None or server_crc == record.crc64
            ):
                kept[number] = record
            elif record is None and info.size == length and server_crc is not None:
                local = self._local_crc(number)
                if local == server_crc:
                    kept[number] = PartRecord(number, info.etag, local, length)
        self.cp.parts = kept

    def _local_crc(self, number: int) -> int:
        offset, length = self.span(number)
        value = 0
        with closing(self.source.open()) as f:
            f.seek(offset)
            while length > 0:
                data = f.read(min(length, 1 << 20))
                if not data:
                    break
                value = crc64(data, value)
                length -= len(data)
        return value

    def send_missing(self) -> None:
        missing = [n for n in range(1, self.parts_total + 1) if n not in self.cp.parts]
        if not missing:
            return
        self.owner._abort_parts.clear()
        with ThreadPoolExecutor(max_workers=max(1, self.owner.options.threads),
                                thread_name_prefix="artreview-upload") as pool:
            futures: list[Future[None]] = [pool.submit(self._send_part, n) for n in missing]
            done, _ = wait(futures, return_when=FIRST_EXCEPTION)
            if any(f.exception() for f in done):
                self.owner._abort_parts.set()  # in-flight parts stop at their next block
                for future in futures:
                    future.cancel()
                wait(futures)
        errors = [f.exception() for f in futures if not f.cancelled() and f.exception() is not None]
        if errors:
            stopped = [e for e in errors if isinstance(e, UploadStopped)]
            real = [e for e in errors if not isinstance(e, UploadStopped)]
            raise (real or stopped)[0]  # type: ignore[misc]

    def _stopped(self) -> bool:
        return self.owner.stop.is_set() or self.owner._abort_parts.is_set()

    def _send_part(self, number: int) -> None:
        offset, length = self.span(number)

        def attempt() -> PartRecord:
            self.check_file()
            sent = 0

            def counted(count: int) -> None:
                nonlocal sent
                sent += count
                self._add_bytes(count)

            try:
                with closing(self.source.open()) as stream:
                    body = PartBody(stream, offset, length, limit=self.owner._limit, on_bytes=counted,
                                    stopped=self._stopped)
                    result = self.bucket.upload_part(self.cp.key, self.cp.upload_id, number, body)
            except FileNotFoundError:
                raise FileMissingError(f"the file {self.path} was deleted during the upload") from None
            except BaseException:
                self._add_bytes(-sent)  # these bytes will be sent again
                raise
            if result.crc is not None and int(result.crc) != body.crc:
                self._add_bytes(-sent)
                raise oss2.exceptions.InconsistentError(
                    f"part {number}: the store's CRC-64 {result.crc} is not ours {body.crc}", result.request_id)
            return PartRecord(number, str(result.etag), body.crc, length)

        if self._stopped():
            raise UploadStopped("upload stopped")
        try:
            record = self.owner.call(f"upload part {number}", attempt)
        except oss2.exceptions.NoSuchUpload:
            raise TransientUploadError("the store forgot this upload while parts were being sent") from None
        with self._lock:
            self.cp.parts[number] = record
            self.parts_sent += 1
            self._save_locked()
        self.report("uploading", force=True)  # one report per finished part, whatever the throttle

    def _save(self) -> None:
        with self._lock:
            self._save_locked()

    def _save_locked(self) -> None:
        self.owner.checkpoints.save(self.cp)

    def expected_crc(self) -> int:
        return combine_parts((self.cp.parts[n].crc64, self.cp.parts[n].size) for n in range(1, self.parts_total + 1))

    def complete_and_verify(self) -> int | None:
        """Complete, then compare the object's CRC-64 with the file's; None means a mismatch."""
        self.check_file()
        self.report("completing", force=True)
        expected = self.expected_crc()
        infos = [oss2.models.PartInfo(n, self.cp.parts[n].etag) for n in range(1, self.parts_total + 1)]
        server_crc: int | None = None
        try:
            result = self.owner.call("complete upload", lambda: self.bucket.complete_multipart_upload(
                self.cp.key, self.cp.upload_id, infos))
            server_crc = None if result.crc is None else int(result.crc)
        except oss2.exceptions.NoSuchUpload:
            pass  # an earlier Complete may have succeeded and its answer been lost: check the object
        self.report("verifying", force=True)
        if server_crc is None:
            return expected if self._object_matches() else None
        return expected if server_crc == expected else None

    def _object_matches(self) -> bool:
        """Is the stored object already exactly our file (size and CRC-64)?"""
        try:
            head = self.owner.call("check object", lambda: self.bucket.head_object(self.cp.key))
        except oss2.exceptions.NoSuchUpload:
            return False
        except FatalUploadError:
            return False  # NoSuchKey: not there
        if head.content_length is None or int(head.content_length) != self.size or head.server_crc is None:
            return False
        return int(head.server_crc) == self.expected_crc()

    def restart(self) -> None:
        """Forget the upload (abort it if the store still has it) and start over."""
        upload_id = self.cp.upload_id
        self.cp.upload_id, self.cp.parts = "", {}
        self._save()
        if upload_id:
            try:
                self.owner.call("abort upload", lambda: self.bucket.abort_multipart_upload(self.cp.key, upload_id))
            except (oss2.exceptions.NoSuchUpload, UploadError):
                pass  # already gone, or unreachable: the store's lifecycle rule cleans it up
