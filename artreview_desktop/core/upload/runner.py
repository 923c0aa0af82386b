"""Runs the upload queue: upload each take, have the platform verify it, then release the local file.

One item at a time (its parts go up in parallel), on whichever thread calls `run` — the GUI's
`UploadWorker` thread, or the CLI. Pause and cancel come from other threads and stop the running
upload at its next block; its checkpoint stays so a resume re-sends only what is missing.
A sealed item is read through its `SealedSource` (decrypted on the fly; the store gets the
plaintext) and needs its key from the queue's keyring; without it the item fails as "key_missing"
and its sealed file stays.
"""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from artreview_desktop.core.platform.errors import ErrorCode, PlatformError
from artreview_desktop.core.platform.models import SubmissionManifest, SubmissionResult, UploadCredentials
from artreview_desktop.core.settings import UploadSettings
from artreview_desktop.core.upload.auth import IssuedCredentials, RefreshingCredentialsProvider
from artreview_desktop.core.upload.checkpoint import CheckpointStore
from artreview_desktop.core.upload.errors import FileChangedError, FileMissingError, UploadError, UploadStopped
from artreview_desktop.core.upload.queue import ACTIVE, ItemState, QueueItem, UploadQueue
from artreview_desktop.core.upload.sealed import SealedSource, open_sealed_take
from artreview_desktop.core.upload.source import FileSource, UploadSource
from artreview_desktop.core.upload.takekeys import TakeKeys
from artreview_desktop.core.upload.transfer import RetryPolicy
from artreview_desktop.core.upload.uploader import (
    DEFAULT_PART_SIZE,
    ResumableUploader,
    UploadOptions,
    UploadProgress,
    UploadTarget,
)

RETRYABLE_REASONS = frozenset({"network", "platform_unavailable"})
OBJECT_MISMATCHES = frozenset({"object_missing", "size_mismatch", "crc64_mismatch", "sha256_mismatch"})


class UploadPlatform(Protocol):
    """What the runner needs from the platform (`PlatformClient` provides it)."""

    def upload_credentials(self, exam_id: str) -> UploadCredentials: ...

    def submit(self, exam_id: str, manifest: SubmissionManifest) -> SubmissionResult: ...


@dataclass(frozen=True)
class ItemProgress:
    item_id: str
    phase: str  # "uploading" | "completing" | "verifying"
    bytes_done: int
    bytes_total: int
    speed_bps: float
    eta_s: float | None

    @property
    def fraction(self) -> float:
        return 1.0 if self.bytes_total <= 0 else min(1.0, self.bytes_done / self.bytes_total)


class _Speedometer:
    """Bytes per second over the last few seconds (a whole-upload average hides a stalled network)."""

    def __init__(self, window_s: float = 5.0) -> None:
        self._window = window_s
        self._samples: collections.deque[tuple[float, int]] = collections.deque()

    def add(self, done: int) -> float:
        now = time.monotonic()
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[0][0] > self._window:
            self._samples.popleft()
        (t0, b0), (t1, b1) = self._samples[0], self._samples[-1]
        return max(0.0, (b1 - b0) / (t1 - t0)) if t1 > t0 else 0.0


class QueueRunner:
    """Ties the queue, the uploader and the platform together; every dependency is passed in."""

    def __init__(self, queue: UploadQueue, platform: UploadPlatform, checkpoint_dir: Path, settings: UploadSettings,
                 *, allow_loopback: bool = False, part_size: int = DEFAULT_PART_SIZE,
                 retry: RetryPolicy | None = None, auto_retry_s: float = 60.0) -> None:
        self.queue = queue
        self.platform = platform
        self.checkpoints = CheckpointStore(checkpoint_dir)
        self.settings = settings
        self.options = UploadOptions(part_size=part_size, threads=settings.threads,
                                     bandwidth_limit_bytes_s=settings.bandwidth_limit_kib_s * 1024,
                                     retry=retry or RetryPolicy(), allowed_regions=tuple(settings.allowed_regions),
                                     allow_loopback=allow_loopback)
        self.auto_retry_s = auto_retry_s
        self.progress_listeners: list[Callable[[ItemProgress], None]] = []
        self._lock = threading.Lock()
        self._running_id: str | None = None
        self._item_stop = threading.Event()
        self._wake = threading.Event()
        self._to_discard: list[QueueItem] = []

    # --- intent from the UI (any thread) ----------------------------------------------------------
    def pause(self, item_id: str) -> QueueItem:
        item = self.queue.pause(item_id)
        self._stop_if_running(item_id)
        return item

    def resume(self, item_id: str) -> QueueItem:
        item = self.queue.resume(item_id)
        self.wake()
        return item

    retry = resume

    def cancel(self, item_id: str) -> QueueItem:
        """Returns at once (safe on the UI thread); the store-side abort happens on the runner's thread."""
        item = self.queue.cancel(item_id)
        if not self._stop_if_running(item_id):
            with self._lock:
                self._to_discard.append(item)
            self.wake()
        return item

    def wake(self) -> None:
        self._wake.set()

    def _stop_if_running(self, item_id: str) -> bool:
        with self._lock:
            if self._running_id == item_id:
                self._item_stop.set()
                return True
        return False

    # --- the loop ------------------------------------------------------------------------------
    def run(self, stop: threading.Event, idle_wait_s: float = 5.0) -> None:
        """Upload until `stop` is set; waits for new items (or `wake()`) when the queue is idle."""
        self.queue.sweep()
        while not stop.is_set():
            self._auto_retry()
            self._discard_cancelled()
            if self.run_next(stop) is None:
                self._wake.wait(idle_wait_s)
                self._wake.clear()

    def run_until_idle(self, stop: threading.Event | None = None) -> list[QueueItem]:
        """Upload every waiting item once (the CLI and tests); returns the items as they ended."""
        stop = stop or threading.Event()
        finished = []
        while not stop.is_set():
            self._discard_cancelled()
            item = self.run_next(stop)
            if item is None:
                break
            finished.append(item)
        self._discard_cancelled()
        return finished

    def _discard_cancelled(self) -> None:
        with self._lock:
            pending, self._to_discard = self._to_discard, []
        for item in pending:
            self._discard(self.queue.get(item.id))

    def run_next(self, stop: threading.Event | None = None) -> QueueItem | None:
        item = self.queue.next_runnable()
        if item is None:
            return None
        with self._lock:
            self._running_id = item.id
            self._item_stop.clear()
        watcher = _link(stop, self._item_stop) if stop is not None else None
        try:
            return self._run_item(item)
        finally:
            if watcher is not None:
                watcher.set()
            with self._lock:
                self._running_id = None

    def _auto_retry(self) -> None:
        now = time.time()
        for item in self.queue.items():
            if item.state == ItemState.FAILED and item.reason in RETRYABLE_REASONS and (
                item.finished_at is None or now - item.finished_at >= self.auto_retry_s
            ):
                self.queue.resume(item.id)

    # --- one item ------------------------------------------------------------------------------
    def _set(self, item_id: str, **changes: object) -> QueueItem:
        """Change an item only while it is still ours (the person may have paused or cancelled it)."""
        current = self.queue.get(item_id)
        if current.state not in (*ACTIVE, ItemState.WAITING):
            return current
        return self.queue.update(item_id, **changes)

    def _fail(self, item_id: str, reason: str, detail: str) -> QueueItem:
        return self._set(item_id, state=ItemState.FAILED, reason=reason, detail=detail, finished_at=time.time())

    def _run_item(self, waiting: QueueItem) -> QueueItem:
        claimed = self.queue.claim(waiting.id)
        if claimed is None:
            return self.queue.get(waiting.id)
        item = claimed
        uploader: ResumableUploader | None = None
        try:
            if not item.uploaded_crc64:
                source = self._source_for(item)  # a sealed take without its key fails here, offline
                uploader, target = self._uploader_for(item)
                item = self.queue.update(item.id, key=target.key)
                self._check_take(item, source)
                speed = _Speedometer()
                outcome = uploader.upload(source, target, sha256=item.sha256,
                                          progress=lambda p: self._progress(item, p, speed))
                item = self._set(item.id, state=ItemState.VERIFYING, uploaded_crc64=str(outcome.crc64),
                                 bytes_done=item.size)
                if item.state != ItemState.VERIFYING:
                    return item
            return self._submit(item)
        except UploadStopped:
            current = self.queue.get(item.id)
            if current.state == ItemState.CANCELLED:
                self._discard(current)
                current = self.queue.get(item.id)
            elif current.state in ACTIVE:  # the app is closing: wait again next time
                current = self.queue.update(item.id, state=ItemState.WAITING)
            return current
        except UploadError as exc:
            return self._fail(item.id, exc.reason, str(exc))
        except PlatformError as exc:
            retryable = exc.code in (ErrorCode.NETWORK_DOWN, ErrorCode.TIMEOUT, ErrorCode.SERVER_ERROR,
                                     ErrorCode.RATE_LIMITED)
            return self._fail(item.id, "platform_unavailable" if retryable else f"platform_{exc.code.value}",
                              exc.message)
        finally:
            if uploader is not None:
                uploader.close()

    def _source_for(self, item: QueueItem) -> UploadSource:
        if item.sealed:
            return open_sealed_take(Path(item.take_path), item.seal_id, self.queue.keys)
        return FileSource(Path(item.take_path))

    def _check_take(self, item: QueueItem, source: UploadSource) -> None:
        """The take on disk must still be the one its manifest describes."""
        try:
            size = source.identity().size
        except FileNotFoundError:
            raise FileMissingError(f"{item.name} is no longer on this computer") from None
        if size != item.size:
            raise FileChangedError(f"{item.name} has changed since it was recorded ({size} bytes, "
                                   f"the manifest says {item.size})")

    def _uploader_for(self, item: QueueItem, stop: threading.Event | None = None,
                      ) -> tuple[ResumableUploader, UploadTarget]:
        def fetch() -> IssuedCredentials:
            return IssuedCredentials.from_platform(self.platform.upload_credentials(item.exam_id))

        provider = RefreshingCredentialsProvider(fetch)
        first = provider.current()
        uploader = ResumableUploader(provider, self.checkpoints, self.options,
                                     stop=self._item_stop if stop is None else stop)
        return uploader, UploadTarget(first.endpoint, first.bucket, first.key_prefix + item.object_name)

    def _progress(self, item: QueueItem, progress: UploadProgress, speed: _Speedometer) -> None:
        self.queue.set_progress(item.id, progress.bytes_done)
        bps = speed.add(progress.bytes_done)
        left = max(0, progress.bytes_total - progress.bytes_done)
        eta = left / bps if bps > 0 else None
        update = ItemProgress(item.id, progress.phase, progress.bytes_done, progress.bytes_total, bps, eta)
        for listener in list(self.progress_listeners):
            listener(update)

    def _submit(self, item: QueueItem) -> QueueItem:
        manifest = SubmissionManifest(item.key, item.size, item.sha256, int(item.uploaded_crc64), item.duration_s,
                                      item.stats, kind=item.kind)
        result = self.platform.submit(item.exam_id, manifest)
        if not result.accepted:
            # If the stored object is not what the manifest promises, a retry uploads it again;
            # either way the take stays on disk.
            object_wrong = bool(OBJECT_MISMATCHES.intersection(result.mismatches))
            return self._set(item.id, state=ItemState.FAILED, reason="rejected",
                             uploaded_crc64="" if object_wrong else item.uploaded_crc64,
                             detail=", ".join(result.mismatches) or "rejected", finished_at=time.time())
        item = self._set(item.id, state=ItemState.DONE, submission_id=result.submission_id,
                         finished_at=time.time(), bytes_done=item.size)
        if item.state == ItemState.DONE:
            item = self.queue.release(item.id, self.settings.keep_uploaded_days)
        return item

    def _discard(self, item: QueueItem) -> None:
        """A cancelled upload: abort it at the store and drop its checkpoint. A plain take stays;
        a sealed one is destroyed (nobody could open it again), after the abort needed its identity."""
        try:
            self._abort_upload(item)
        finally:
            if item.sealed and item.state == ItemState.CANCELLED:
                self.queue.destroy_sealed(item.id)

    def _abort_upload(self, item: QueueItem) -> None:
        if not item.key or item.uploaded_crc64:
            return
        try:
            uploader, target = self._uploader_for(item, threading.Event())  # its own: the item's stop is set
        except (PlatformError, UploadError):
            return  # offline: the store's lifecycle rule removes abandoned uploads
        source: UploadSource = SealedSource(item.data_path, None, item.seal_id) if item.sealed else \
            FileSource(Path(item.take_path))
        try:
            uploader.discard(source, target, sha256=item.sha256)
        finally:
            uploader.close()


def _link(outer: threading.Event, inner: threading.Event) -> threading.Event:
    """Set `inner` when `outer` is set; returns an event that ends the watcher thread."""
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            if outer.wait(0.2):
                inner.set()
                return

    threading.Thread(target=watch, daemon=True, name="artreview-upload-stop").start()
    return done


def app_runner(data_dir: Path, platform: UploadPlatform, settings: UploadSettings, *, demo: bool,
               keys: TakeKeys | None = None) -> QueueRunner:
    """The app's runner: queue and checkpoints in the data folder; a loopback store only in demo mode.

    `keys` holds the per-take keys of sealed (kiosk) takes; by default the OS keyring.
    """
    queue = UploadQueue(Path(data_dir) / "upload-queue.json", keys=keys)
    return QueueRunner(queue, platform, Path(data_dir) / "upload-checkpoints", settings, allow_loopback=demo)
