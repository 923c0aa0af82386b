"""The upload queue: ordered takes waiting to go up, persisted (atomic JSON) across restarts.

The queue only records intent and state; `QueueRunner` (runner.py) does the work. Every change is
written to disk before it is announced, so a crash never leaves the file claiming less than was
done, and an item is `done` only after the platform confirmed the stored object's SHA-256 and size.

Sealed items (kiosk mode, `add_take(..., seal=True)`) keep their take only encrypted with a per-take
key in the keyring (sealed.py) and are destroyed, key first, once verified or cancelled.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from artreview_desktop.core.capture.manifest import journal_path_for, manifest_path_for
from artreview_desktop.core.fileutil import atomic_write_json
from artreview_desktop.core.privacy.deletion import overwrite_and_unlink
from artreview_desktop.core.upload.errors import UploadError
from artreview_desktop.core.upload.sealed import destroy_sealed_take, seal_take, sealed_path_for
from artreview_desktop.core.upload.takekeys import KeyringTakeKeys, TakeKeys

QUEUE_VERSION = 1
DAY_S = 86400.0


class ItemState(StrEnum):
    WAITING = "waiting"
    UPLOADING = "uploading"
    VERIFYING = "verifying"
    DONE = "done"
    FAILED = "failed"
    PAUSED = "paused"
    CANCELLED = "cancelled"


ACTIVE = (ItemState.UPLOADING, ItemState.VERIFYING)


class QueueError(Exception):
    """A request the queue cannot honour (unknown item, a take without a manifest...).

    `reason` is machine-readable where a caller may act on it (e.g. "keyring_unavailable").
    """

    def __init__(self, message: str, *, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class QueueItem:
    id: str
    take_path: str
    exam_id: str
    object_name: str  # appended to the platform's key prefix
    sha256: str
    size: int
    duration_s: float
    stats: dict[str, Any] = field(default_factory=dict)
    state: ItemState = ItemState.WAITING
    reason: str = ""  # machine-readable, for failed items
    detail: str = ""  # one line for people
    key: str = ""  # the full object key, known once credentials were fetched
    bytes_done: int = 0
    uploaded_crc64: str = ""  # set once the object is complete and CRC-verified
    submission_id: str = ""
    added_at: float = 0.0
    finished_at: float | None = None
    keep_until: float | None = None
    released: str = ""  # "" | "kept" | "deleted" | "missing"
    seal_id: str = ""  # set for a sealed take: names its key in the keyring (not secret)
    kind: str = "take"  # "take" (an exam video) or "id_photo"; the platform checks each by its kind

    @property
    def name(self) -> str:
        return Path(self.take_path).name

    @property
    def sealed(self) -> bool:
        return bool(self.seal_id)

    @property
    def data_path(self) -> Path:
        """The file on disk: the take, or for a sealed item its `.sealed` file (take_path is gone)."""
        return sealed_path_for(Path(self.take_path)) if self.sealed else Path(self.take_path)

    @property
    def manifest_path(self) -> Path:
        return manifest_path_for(Path(self.take_path))

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["state"] = self.state.value
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QueueItem:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["state"] = ItemState(values.get("state", "waiting"))
        return cls(**values)


Listener = Callable[[QueueItem], None]


class UploadQueue:
    """Thread-safe; `listeners` are called (from whichever thread changed it) after each saved change."""

    def __init__(self, path: Path, *, now: Callable[[], float] = time.time, keys: TakeKeys | None = None) -> None:
        self.path = Path(path)
        self._now = now
        self.keys = keys if keys is not None else KeyringTakeKeys()  # touched only by sealed items
        self._lock = threading.RLock()
        self._seal_lock = threading.Lock()
        self._items: list[QueueItem] = []
        self.listeners: list[Listener] = []
        self.load_problem = ""
        self._load()

    # --- persistence -------------------------------------------------------------------------
    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            items = [QueueItem.from_json(item) for item in data["items"]]
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError) as exc:
            # Never lose the record of what was queued: keep the bad file for a person to inspect.
            self.load_problem = f"{type(exc).__name__}: {exc}"
            os.replace(self.path, self.path.with_name(self.path.name + f".corrupt-{int(self._now())}"))
            return
        # A crash mid-upload: the checkpoint lets it resume, so it simply waits again.
        self._items = [replace(i, state=ItemState.WAITING) if i.state == ItemState.UPLOADING else i for i in items]

    def _save_locked(self) -> None:
        atomic_write_json(self.path, {"version": QUEUE_VERSION, "items": [i.to_json() for i in self._items]})

    def _announce(self, item: QueueItem) -> None:
        for listener in list(self.listeners):
            listener(item)

    # --- reading ------------------------------------------------------------------------------
    def items(self) -> list[QueueItem]:
        with self._lock:
            return list(self._items)

    def get(self, item_id: str) -> QueueItem:
        with self._lock:
            for item in self._items:
                if item.id == item_id:
                    return item
        raise QueueError(f"no upload with id {item_id!r}")

    def next_runnable(self) -> QueueItem | None:
        """The first waiting item, in queue order."""
        with self._lock:
            return next((i for i in self._items if i.state == ItemState.WAITING), None)

    # --- changing -----------------------------------------------------------------------------
    def add_take(self, take_path: Path, exam_id: str, object_name: str | None = None, *,
                 seal: bool = False) -> QueueItem:
        """Queue a finished take; its manifest (written by the recorder) gives SHA-256, size, duration.

        `seal=True` (kiosk mode): first encrypt the take and its manifest with a new per-take key
        kept only in `self.keys` (the keyring) and wipe both plaintexts; the uploaded object is
        still the plaintext. Sealing reads the take twice, so call it off the UI thread. A take
        that is already queued is returned as it is (sealing it would pull it from under its item).
        """
        take_path = Path(take_path).resolve()
        if journal_path_for(take_path).exists():
            raise QueueError(f"{take_path.name} is still being recorded (or needs recovery first)")
        if seal:
            return self._add_sealed(take_path, exam_id, object_name)
        return self._append(self._new_item(take_path, exam_id, object_name, self._read_manifest(take_path)))

    @staticmethod
    def _read_manifest(take_path: Path) -> dict[str, Any]:
        try:
            data = json.loads(manifest_path_for(take_path).read_text("utf-8"))
        except FileNotFoundError:
            raise QueueError(f"{take_path.name} has no manifest: the recording did not finish") from None
        except (OSError, ValueError) as exc:
            raise QueueError(f"the manifest of {take_path.name} is unreadable: {exc}") from None
        if not isinstance(data, dict):
            raise QueueError(f"the manifest of {take_path.name} is unreadable: not a JSON object")
        return data

    def _new_item(self, take_path: Path, exam_id: str, object_name: str | None, data: dict[str, Any],
                  seal_id: str = "") -> QueueItem:
        try:
            sha256, size = str(data["sha256"]), int(data["bytes"])
            duration = float(data.get("duration_s", 0.0))
        except (ValueError, KeyError, TypeError) as exc:
            raise QueueError(f"the manifest of {take_path.name} is unreadable: {exc}") from None
        stats: dict[str, Any] = {k: data[k] for k in ("frames", "audio", "width", "height", "fps", "spec")
                                 if k in data}
        name = object_name or f"{take_path.stem}-{sha256[:12]}{take_path.suffix}"
        kind = str(data.get("kind") or "take")
        return QueueItem(uuid.uuid4().hex[:12], str(take_path), exam_id, name, sha256, size, duration, stats,
                         added_at=self._now(), seal_id=seal_id, kind=kind)

    def _add_sealed(self, take_path: Path, exam_id: str, object_name: str | None) -> QueueItem:
        with self._seal_lock:  # one seal at a time; the queue itself stays usable meanwhile
            for existing in self.items():
                if existing.take_path == str(take_path) and existing.state != ItemState.CANCELLED and not (
                    existing.state == ItemState.DONE and existing.released in ("deleted", "missing")
                ):
                    return existing
            if take_path.exists():  # refuse a bad manifest before anything is encrypted or wiped
                self._new_item(take_path, exam_id, object_name, self._read_manifest(take_path))
            try:
                sealed = seal_take(take_path, self.keys)
            except FileNotFoundError:
                raise QueueError(f"{take_path.name} is not on this computer (or has no manifest)",
                                 reason="file_missing") from None
            except UploadError as exc:
                raise QueueError(f"{take_path.name} could not be sealed: {exc}", reason=exc.reason) from None
            except (OSError, ValueError) as exc:
                raise QueueError(f"{take_path.name} could not be sealed: {exc}", reason="seal_failed") from None
            return self._append(self._new_item(take_path, exam_id, object_name, sealed.manifest, sealed.seal_id))

    def _append(self, item: QueueItem) -> QueueItem:
        sha256 = item.sha256
        with self._lock:
            for existing in self._items:
                if existing.take_path == item.take_path and existing.sha256 == sha256 and existing.state not in (
                    ItemState.CANCELLED,
                ):
                    return existing  # queued twice by mistake: one upload is enough
            self._items.append(item)
            self._save_locked()
        self._announce(item)
        return item

    def update(self, item_id: str, **changes: Any) -> QueueItem:
        with self._lock:
            for index, item in enumerate(self._items):
                if item.id == item_id:
                    new = replace(item, **changes)
                    if new == item:
                        return item
                    self._items[index] = new
                    self._save_locked()
                    break
            else:
                raise QueueError(f"no upload with id {item_id!r}")
        self._announce(new)
        return new

    def claim(self, item_id: str) -> QueueItem | None:
        """Waiting → uploading (or verifying, if the object is already up), atomically; None if
        the item is no longer waiting (paused or cancelled a moment ago)."""
        with self._lock:
            item = self.get(item_id)
            if item.state != ItemState.WAITING:
                return None
            state = ItemState.VERIFYING if item.uploaded_crc64 else ItemState.UPLOADING
            return self.update(item_id, state=state, reason="", detail="")

    def set_progress(self, item_id: str, bytes_done: int) -> None:
        """Progress is not worth an fsync per block: kept in memory, saved with the next change."""
        with self._lock:
            for index, item in enumerate(self._items):
                if item.id == item_id:
                    self._items[index] = replace(item, bytes_done=bytes_done)

    def pause(self, item_id: str) -> QueueItem:
        item = self.get(item_id)
        if item.state in (ItemState.WAITING, ItemState.FAILED, *ACTIVE):
            return self.update(item_id, state=ItemState.PAUSED)
        return item

    def resume(self, item_id: str) -> QueueItem:
        """Paused or failed items wait again (a retry); the checkpoint makes the upload resume."""
        item = self.get(item_id)
        if item.state in (ItemState.PAUSED, ItemState.FAILED):
            return self.update(item_id, state=ItemState.WAITING, reason="", detail="")
        return item

    retry = resume

    def cancel(self, item_id: str) -> QueueItem:
        """Only the upload is dropped: a plain take stays on disk (it is the candidate's recording); a
        sealed item (kiosk take, ID photo) is destroyed with its key, as nothing else may read it."""
        item = self.get(item_id)
        if item.state == ItemState.DONE:
            raise QueueError("a verified upload cannot be cancelled")
        return self.update(item_id, state=ItemState.CANCELLED)

    def move(self, item_id: str, position: int) -> None:
        with self._lock:
            item = self.get(item_id)
            self._items.remove(item)
            self._items.insert(max(0, min(position, len(self._items))), item)
            self._save_locked()
        self._announce(item)

    def remove_finished(self) -> int:
        """Forget done and cancelled items (their files are handled by release/sweep, not here).

        A cancelled sealed take is destroyed first: once forgotten, nothing could remove it.
        """
        for item in self.items():
            if item.sealed and item.state == ItemState.CANCELLED and not item.released:
                self.destroy_sealed(item.id)
        with self._lock:
            before = len(self._items)
            # Done items whose take is still kept stay listed: the expiry sweep needs them.
            finished = [i for i in self._items if i.state == ItemState.CANCELLED
                        or (i.state == ItemState.DONE and i.released in ("deleted", "missing"))]
            self._items = [i for i in self._items if i not in finished]
            self._save_locked()
            return before - len(self._items)

    # --- releasing local files -------------------------------------------------------------------
    def release(self, item_id: str, keep_days: int) -> QueueItem:
        """After the platform confirmed the object: delete the take now, or keep it `keep_days`.

        A sealed take is never kept: it only waited for this verification.
        """
        item = self.get(item_id)
        if keep_days <= 0 or item.sealed:
            return self._delete_files(item)
        return self.update(item_id, released="kept", keep_until=self._now() + keep_days * DAY_S)

    def sweep(self) -> list[QueueItem]:
        """Delete kept takes whose time is up, and sealed takes verified or cancelled but not yet
        destroyed (the app stopped in between); call at start-up and now and then."""
        now = self._now()
        due = [i for i in self.items() if i.state == ItemState.DONE and i.released == "kept"
               and i.keep_until is not None and i.keep_until <= now]
        sealed = [i for i in self.items() if i.sealed and not i.released
                  and i.state in (ItemState.DONE, ItemState.CANCELLED)]
        return [self._delete_files(item) for item in due] + [self.destroy_sealed(item.id) for item in sealed]

    def destroy_sealed(self, item_id: str) -> QueueItem:
        """Remove a verified or cancelled sealed take: its key, then its overwritten files."""
        item = self.get(item_id)
        if not item.sealed or item.released in ("deleted", "missing"):
            return item
        if item.state not in (ItemState.DONE, ItemState.CANCELLED):
            raise QueueError("only a verified or cancelled sealed take may be destroyed")
        existed = destroy_sealed_take(Path(item.take_path), item.seal_id, self.keys)
        return self.update(item.id, released="deleted" if existed else "missing", keep_until=None)

    def _delete_files(self, item: QueueItem) -> QueueItem:
        item = self.get(item.id)
        if item.state != ItemState.DONE:  # the one rule that protects a child's exam
            raise QueueError("only a take the platform has verified may be deleted")
        if item.sealed:
            return self.destroy_sealed(item.id)
        removed = overwrite_and_unlink(Path(item.take_path))
        overwrite_and_unlink(item.manifest_path)
        return self.update(item.id, released="deleted" if removed else "missing", keep_until=None)
