"""The kiosk's side of the upload queue: every take and ID photo is sealed (a per-item key in the
keyring) as it is handed over, uploaded with the token of the candidate who checked in, and the
token is dropped once that candidate has left and nothing of their exam is left to upload."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from pathlib import Path

from artreview_desktop.core.capture.manifest import journal_path_for, manifest_path_for
from artreview_desktop.core.kiosk import CheckInUploads
from artreview_desktop.core.photo.submission import queue_photo, staged_photo_folder, sweep_unsealed_photos
from artreview_desktop.core.upload.queue import ItemState, QueueError, QueueItem
from artreview_desktop.core.upload.runner import QueueRunner
from artreview_desktop.core.upload.sealed import SEALED_SUFFIX, open_sealed_take
from artreview_desktop.core.upload.source import FileSource, UploadSource
from artreview_desktop.core.upload.takekeys import TakeKeys

log = logging.getLogger(__name__)

FINISHED = (ItemState.DONE, ItemState.CANCELLED)


class KioskUploads:
    def __init__(self, runner: QueueRunner, uploads: CheckInUploads, data_dir: Path) -> None:
        self.runner = runner
        self.uploads = uploads
        self.photo_folder = staged_photo_folder(data_dir)
        self._present: set[str] = set()  # exams of candidates still at the machine: their tokens stay
        self._lock = threading.Lock()
        runner.queue.listeners.append(self._on_item)

    def sweep(self) -> int:
        """At start-up, before the queue runs: photos that never reached the queue are wiped."""
        return sweep_unsealed_photos(self.photo_folder, {item.take_path for item in self.runner.queue.items()})

    def remember(self, exam_id: str, candidate_token: str) -> None:
        with self._lock:
            self._present.add(exam_id)
        self.uploads.remember(exam_id, candidate_token)

    def candidate_left(self, exam_id: str) -> None:
        """The candidate was handed off (or left early): their token goes as soon as their exam has
        nothing left to upload — at once if nothing was queued."""
        with self._lock:
            self._present.discard(exam_id)
        self._forget_if_finished(exam_id)

    def add_take(self, take_path: Path, exam_id: str) -> QueueItem:
        """Slow for a big take (it is encrypted and read back): call it from a worker."""
        item = self.runner.queue.add_take(Path(take_path), exam_id, seal=True)
        self.runner.wake()
        return item

    def add_photo(self, exam_id: str, jpeg: bytes, spec_name: str) -> QueueItem:
        item = queue_photo(self.runner.queue, jpeg, self.photo_folder, exam_id, spec_name)
        self.runner.wake()
        return item

    def stranded_takes(self, recordings_dir: Path) -> list[tuple[Path, str]]:
        """Finished takes (plain or already sealed) that no queue item names: a hand-off cut short by
        a crash, a power cut or a failure. Their exam is in the take's folder name and manifest."""
        queued = {str(Path(item.take_path).resolve()) for item in self.runner.queue.items()}
        found: list[tuple[Path, str]] = []
        seen: set[Path] = set()
        root = Path(recordings_dir)
        if not root.is_dir():
            return found
        for exam_folder in sorted(p for p in root.iterdir() if p.is_dir()):
            for path in sorted(exam_folder.glob("*.mp4")) + sorted(exam_folder.glob(f"*.mp4{SEALED_SUFFIX}")):
                take = Path(str(path).removesuffix(SEALED_SUFFIX))
                if str(take.resolve()) in queued or journal_path_for(take).exists():
                    continue
                if path == take and not manifest_path_for(take).exists():
                    continue  # not a finished take (recovery is offered elsewhere)
                if take not in seen:
                    seen.add(take)
                    found.append((take, _exam_of(take, exam_folder.name)))
        return found

    def requeue_stranded(self, recordings_dir: Path) -> int:
        """Queue (sealed) every stranded take; slow for big takes: call it off the UI thread.
        A take that cannot be queued stays where it is and is logged."""
        count = 0
        for take, exam_id in self.stranded_takes(recordings_dir):
            try:
                self.add_take(take, exam_id)
                count += 1
            except QueueError as error:
                log.warning("kiosk: a stranded take could not be queued (%s)", error.reason or "error")
        return count

    def export_unfinished(self, target_dir: Path) -> list[Path]:
        """The invigilator's way out when takes cannot go up (no network for days, a platform that
        refuses them): every item not yet verified is written, decrypted, to `target_dir` (e.g. a
        USB drive) and checked against its SHA-256. The queue and the sealed copies stay as they are."""
        written = []
        for item in self.runner.queue.items():
            if item.state in FINISHED:
                continue
            written.append(export_item(item, self.runner.queue.keys, Path(target_dir)))
        return written

    def retry_failed(self) -> int:
        """The invigilator's "retry failed uploads": every failed item waits again (it resumes from
        its checkpoint). Returns how many."""
        failed = [item for item in self.runner.queue.items() if item.state == ItemState.FAILED]
        for item in failed:
            self.runner.retry(item.id)
        return len(failed)

    def _on_item(self, item: QueueItem) -> None:
        if item.state in FINISHED:
            self._forget_if_finished(item.exam_id)

    def _forget_if_finished(self, exam_id: str) -> None:
        with self._lock:
            if exam_id in self._present:
                return  # the candidate is still here: more takes may come
        if not any(other.exam_id == exam_id and other.state not in FINISHED for other in self.runner.queue.items()):
            self.uploads.forget(exam_id)


def _exam_of(take: Path, folder_name: str) -> str:
    """The exam id from a plain take's manifest; for a sealed one (manifest sealed too), its folder."""
    try:
        metadata = json.loads(manifest_path_for(take).read_text("utf-8")).get("metadata", {})
        return str(metadata.get("exam_id") or folder_name)
    except (OSError, ValueError, AttributeError):
        return folder_name


def export_item(item: QueueItem, keys: TakeKeys, target_dir: Path) -> Path:
    """Write one queued take or photo as plaintext into `target_dir` (atomically, verified)."""
    target_dir.mkdir(parents=True, exist_ok=True)
    name = f"{item.exam_id}-{Path(item.take_path).name}"
    target = target_dir / name
    partial = target_dir / f".{name}.partial"
    digest = hashlib.sha256()
    source: UploadSource = (open_sealed_take(Path(item.take_path), item.seal_id, keys) if item.sealed
                          else FileSource(Path(item.take_path)))
    reader = source.open()
    try:
        with open(partial, "wb") as out:
            while block := reader.read(1 << 20):
                digest.update(block)
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != item.sha256:
            raise QueueError(f"{name} does not match its recorded SHA-256; not exported", reason="file_changed")
        os.replace(partial, target)
    finally:
        reader.close()
        partial.unlink(missing_ok=True)
    return target
