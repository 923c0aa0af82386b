"""The kiosk's upload side without Qt: candidates' tokens kept while they may still add takes,
takes whose hand-off was cut short queued again, and the photo queue's edge cases."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from artreview_desktop.core.capture.manifest import journal_path_for, write_manifest
from artreview_desktop.core.kiosk import CheckInUploads, MemoryUploadTokens
from artreview_desktop.core.kiosk_uploads import KioskUploads
from artreview_desktop.core.photo.submission import queue_photo, sweep_unsealed_photos
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.tokens import MemoryTokenStore
from artreview_desktop.core.settings import UploadSettings
from artreview_desktop.core.upload.queue import ItemState, QueueError, UploadQueue
from artreview_desktop.core.upload.runner import QueueRunner
from artreview_desktop.core.upload.sealed import open_sealed_take, seal_take, sealed_path_for
from artreview_desktop.core.upload.takekeys import MemoryTakeKeys
from tests.upload.test_photo_upload import _photo_for

EXAM = "ex_0123456789abcdef"


def _kiosk(tmp_path: Path) -> tuple[KioskUploads, MemoryUploadTokens, MemoryTakeKeys]:
    keys, tokens = MemoryTakeKeys(), MemoryUploadTokens()
    queue = UploadQueue(tmp_path / "data" / "upload-queue.json", keys=keys)
    uploads = CheckInUploads(PlatformClient("http://127.0.0.1:9/api/v1", MemoryTokenStore()), tokens)
    runner = QueueRunner(queue, uploads, tmp_path / "data" / "checkpoints", UploadSettings())
    return KioskUploads(runner, uploads, tmp_path / "data"), tokens, keys


def _take(folder: Path, name: str, exam_id: str = EXAM, size: int = 300_000) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    take = folder / name
    data = os.urandom(size)
    take.write_bytes(data)
    write_manifest(take, {"sha256": hashlib.sha256(data).hexdigest(), "bytes": size, "duration_s": 40.0,
                          "metadata": {"exam_id": exam_id, "mode": "formal"}})
    return take


def test_a_candidate_s_token_stays_while_they_are_here_and_goes_when_all_is_up(tmp_path: Path) -> None:
    kiosk, tokens, _keys = _kiosk(tmp_path)
    kiosk.remember(EXAM, "candidate-token")
    jpeg, spec = _photo_for((295, 413))
    photo = kiosk.add_photo(EXAM, jpeg, spec.name)
    kiosk.runner.queue.update(photo.id, state=ItemState.DONE)  # the photo went up while they record
    assert tokens.get(EXAM) == "candidate-token"  # their take is still to come
    take = kiosk.add_take(_take(tmp_path / "rec" / EXAM, "formal-01.mp4"), EXAM)
    kiosk.candidate_left(EXAM)
    assert tokens.get(EXAM) == "candidate-token"  # the take has not gone up yet
    kiosk.runner.queue.update(take.id, state=ItemState.DONE)
    assert tokens.get(EXAM) is None

    kiosk.remember("ex_other", "t2")
    kiosk.candidate_left("ex_other")  # left before anything was queued: nothing to keep it for
    assert tokens.get("ex_other") is None


def test_takes_whose_hand_off_was_cut_short_are_queued_again_sealed(tmp_path: Path) -> None:
    kiosk, _tokens, keys = _kiosk(tmp_path)
    recordings = tmp_path / "rec"
    plain = _take(recordings / EXAM, "formal-01.mp4")  # the app stopped before sealing began
    half = _take(recordings / "ex_fedcba9876543210", "formal-01.mp4")
    seal_take(half, keys)  # sealed, then the power went before it was queued
    recording = _take(recordings / EXAM, "formal-02.mp4")
    journal_path_for(recording).write_text("{}", "utf-8")  # still being recorded: recovery's business
    queued = _take(recordings / EXAM, "formal-03.mp4")
    kiosk.add_take(queued, EXAM)

    stranded = kiosk.stranded_takes(recordings)
    assert sorted((take.name, exam) for take, exam in stranded) == [
        ("formal-01.mp4", EXAM), ("formal-01.mp4", "ex_fedcba9876543210")]
    assert kiosk.requeue_stranded(recordings) == 2
    items = {Path(item.take_path).resolve(): item for item in kiosk.runner.queue.items()}
    assert items[plain.resolve()].sealed and items[plain.resolve()].exam_id == EXAM
    assert items[half.resolve()].sealed and items[half.resolve()].exam_id == "ex_fedcba9876543210"
    assert not plain.exists() and sealed_path_for(plain).exists()
    assert kiosk.stranded_takes(recordings) == []


def test_a_take_that_no_longer_matches_its_manifest_is_not_sealed_and_kept(tmp_path: Path) -> None:
    kiosk, _tokens, keys = _kiosk(tmp_path)
    take = _take(tmp_path / "rec" / EXAM, "formal-01.mp4")
    take.write_bytes(b"x" * 300_000)  # changed after recording (same size)
    with pytest.raises(QueueError) as refused:
        kiosk.add_take(take, EXAM)
    assert refused.value.reason == "file_changed"
    assert take.read_bytes() == b"x" * 300_000 and not sealed_path_for(take).exists() and len(keys) == 0


def test_the_same_photo_twice_leaves_no_plaintext_and_a_resubmission_survives_the_cancelled_one(
    tmp_path: Path
) -> None:
    kiosk, _tokens, keys = _kiosk(tmp_path)
    queue, folder = kiosk.runner.queue, kiosk.photo_folder
    jpeg, spec = _photo_for((295, 413))
    first = queue_photo(queue, jpeg, folder, EXAM, spec.name)
    again = queue_photo(queue, jpeg, folder, EXAM, spec.name)  # a second click
    assert again.id == first.id and list(folder.glob("*.jpg")) == [] and list(folder.glob("*.json")) == []

    queue.cancel(first.id)
    second = queue_photo(queue, jpeg, folder, EXAM, spec.name)  # resubmitted before the cancel was processed
    assert second.id != first.id and second.take_path == first.take_path
    queue.remove_finished()  # destroys the cancelled item: not the new item's files
    assert second.data_path.exists()
    with open_sealed_take(Path(second.take_path), second.seal_id, keys).open() as reader:
        assert hashlib.sha256(reader.read()).hexdigest() == second.sha256


def test_the_sweep_keeps_a_queued_photo_under_a_symlinked_folder(tmp_path: Path) -> None:
    real = tmp_path / "real-data"
    real.mkdir()
    (tmp_path / "home").symlink_to(real)
    folder = tmp_path / "home" / "upload-photos"
    queue = UploadQueue(tmp_path / "home" / "queue.json", keys=MemoryTakeKeys())
    jpeg, spec = _photo_for((295, 413))
    item = queue_photo(queue, jpeg, folder, EXAM, spec.name)
    (folder / ".id-photo-x.jpg.1234.tmp").write_bytes(jpeg)  # an atomic write cut short
    assert sweep_unsealed_photos(folder, {i.take_path for i in queue.items()}) == 1
    assert item.data_path.exists() and not list(folder.glob(".id-photo-*"))
