"""The kiosk's side of the upload queue: every take and ID photo is sealed (a per-item key in the
keyring) as it is handed over, uploaded with the token of the candidate who checked in, and the
token is dropped once nothing of that exam is left to upload."""

from __future__ import annotations

from pathlib import Path

from artreview_desktop.core.kiosk import CheckInUploads
from artreview_desktop.core.photo.submission import queue_photo, staged_photo_folder, sweep_unsealed_photos
from artreview_desktop.core.upload.queue import ItemState, QueueItem
from artreview_desktop.core.upload.runner import QueueRunner

FINISHED = (ItemState.DONE, ItemState.CANCELLED)


class KioskUploads:
    def __init__(self, runner: QueueRunner, uploads: CheckInUploads, data_dir: Path) -> None:
        self.runner = runner
        self.uploads = uploads
        self.photo_folder = staged_photo_folder(data_dir)
        runner.queue.listeners.append(self._on_item)

    def sweep(self) -> int:
        """At start-up, before the queue runs: photos that never reached the queue are wiped."""
        return sweep_unsealed_photos(self.photo_folder, {item.take_path for item in self.runner.queue.items()})

    def remember(self, exam_id: str, candidate_token: str) -> None:
        self.uploads.remember(exam_id, candidate_token)

    def add_take(self, take_path: Path, exam_id: str) -> QueueItem:
        """Slow for a big take (it is encrypted and read back): call it from a worker."""
        item = self.runner.queue.add_take(Path(take_path), exam_id, seal=True)
        self.runner.wake()
        return item

    def add_photo(self, exam_id: str, jpeg: bytes, spec_name: str) -> QueueItem:
        item = queue_photo(self.runner.queue, jpeg, self.photo_folder, exam_id, spec_name)
        self.runner.wake()
        return item

    def retry_failed(self) -> int:
        """The invigilator's "retry failed uploads": every failed item waits again (it resumes from
        its checkpoint). Returns how many."""
        failed = [item for item in self.runner.queue.items() if item.state == ItemState.FAILED]
        for item in failed:
            self.runner.retry(item.id)
        return len(failed)

    def _on_item(self, item: QueueItem) -> None:
        if item.state in FINISHED and not any(
            other.exam_id == item.exam_id and other.state not in FINISHED for other in self.runner.queue.items()
        ):
            self.uploads.forget(item.exam_id)
