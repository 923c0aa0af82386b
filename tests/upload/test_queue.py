"""The upload queue end to end: upload, platform verification, release, restart, pause/resume/cancel."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.settings import UploadSettings
from artreview_desktop.core.upload.queue import DAY_S, ItemState, QueueError, UploadQueue
from artreview_desktop.core.upload.runner import ItemProgress, QueueRunner
from artreview_platform.embedded import EmbeddedPlatform
from tests.upload.conftest import FAST_RETRY, PART, Take, object_sha256


def test_take_is_uploaded_verified_and_kept_seven_days(platform: EmbeddedPlatform, queue: UploadQueue,
                                                       runner: QueueRunner, make_take: Callable[..., Take],
                                                       dance_exam: str) -> None:
    take = make_take()
    item = queue.add_take(take.path, dance_exam)
    assert item.state == ItemState.WAITING and item.sha256 == take.sha256 and item.size == take.size
    seen: list[ItemProgress] = []
    runner.progress_listeners.append(seen.append)
    [done] = runner.run_until_idle()
    assert done.state == ItemState.DONE, done.detail
    assert done.submission_id.startswith("sub_") and done.key.endswith(item.object_name)
    assert object_sha256(platform, done.key) == take.sha256
    assert done.released == "kept" and take.path.exists()
    assert done.keep_until is not None and abs(done.keep_until - (done.finished_at or 0) - 7 * DAY_S) < 60
    assert seen and seen[-1].bytes_done <= take.size and all(p.item_id == item.id for p in seen)


def test_keep_zero_days_deletes_the_take_after_verification(platform: EmbeddedPlatform, tmp_path: Path,
                                                            client: PlatformClient, make_take: Callable[..., Take],
                                                            dance_exam: str) -> None:
    queue = UploadQueue(tmp_path / "q.json")
    runner = QueueRunner(queue, client, tmp_path / "cp", UploadSettings(threads=2, keep_uploaded_days=0),
                         allow_loopback=True, part_size=PART, retry=FAST_RETRY)
    take = make_take()
    queue.add_take(take.path, dance_exam)
    [done] = runner.run_until_idle()
    assert done.state == ItemState.DONE and done.released == "deleted"
    assert not take.path.exists() and not done.manifest_path.exists()


def test_expiry_sweep_deletes_only_verified_takes_whose_time_is_up(tmp_path: Path,
                                                                   make_take: Callable[..., Take]) -> None:
    now = [1_000_000.0]
    queue = UploadQueue(tmp_path / "q.json", now=lambda: now[0])
    verified, pending = make_take(), make_take()
    a = queue.add_take(verified.path, "exam")
    b = queue.add_take(pending.path, "exam")
    queue.update(a.id, state=ItemState.DONE)
    queue.release(a.id, 7)
    with pytest.raises(QueueError):
        queue.release(b.id, 0)  # not verified: never deleted
    now[0] += 7 * DAY_S - 1
    assert queue.sweep() == [] and verified.path.exists()
    now[0] += 2
    [swept] = queue.sweep()
    assert swept.id == a.id and swept.released == "deleted"
    assert not verified.path.exists() and pending.path.exists()


def test_queue_survives_a_restart_in_order(tmp_path: Path, make_take: Callable[..., Take]) -> None:
    path = tmp_path / "q.json"
    queue = UploadQueue(path)
    items = [queue.add_take(make_take().path, "exam") for _ in range(3)]
    queue.pause(items[1].id)
    queue.update(items[2].id, state=ItemState.UPLOADING)  # the app died during this upload
    queue.move(items[2].id, 0)
    again = UploadQueue(path)
    assert [i.id for i in again.items()] == [items[2].id, items[0].id, items[1].id]
    assert [i.state for i in again.items()] == [ItemState.WAITING, ItemState.WAITING, ItemState.PAUSED]
    assert again.items()[0].sha256 == items[2].sha256


def test_corrupt_queue_file_is_kept_aside_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "q.json"
    path.write_text('{"version": 1, "items": [{"id": ')
    queue = UploadQueue(path)
    assert queue.items() == [] and queue.load_problem
    assert len(list(tmp_path.glob("q.json.corrupt-*"))) == 1


def test_unfinished_or_manifestless_takes_are_refused(tmp_path: Path, queue: UploadQueue,
                                                      make_take: Callable[..., Take]) -> None:
    bare = tmp_path / "bare.mp4"
    bare.write_bytes(b"x")
    with pytest.raises(QueueError, match="no manifest"):
        queue.add_take(bare, "exam")
    take = make_take()
    take.path.with_name(take.path.name + ".recording").write_text("{}")
    with pytest.raises(QueueError, match="still being recorded"):
        queue.add_take(take.path, "exam")


def _pause_when(runner: QueueRunner, fraction: float, action: Callable[[str], object]) -> threading.Event:
    fired = threading.Event()

    def listener(p: ItemProgress) -> None:
        if p.phase == "uploading" and p.fraction >= fraction and not fired.is_set():
            fired.set()
            action(p.item_id)

    runner.progress_listeners.append(listener)
    return fired


def test_pause_then_resume_continues_where_it_stopped(platform: EmbeddedPlatform, queue: UploadQueue,
                                                      runner: QueueRunner, make_take: Callable[..., Take],
                                                      dance_exam: str, tmp_path: Path) -> None:
    take = make_take(20 * PART)
    item = queue.add_take(take.path, dance_exam)
    fired = _pause_when(runner, 0.4, runner.pause)
    [paused] = runner.run_until_idle()
    assert fired.is_set() and paused.state == ItemState.PAUSED
    [checkpoint] = (tmp_path / "data" / "upload-checkpoints").glob("*.json")
    recorded = len(json.loads(checkpoint.read_text())["parts"])
    assert 0 < recorded < 20
    assert runner.run_until_idle() == []  # paused items are not picked up
    runner.progress_listeners.clear()
    runner.resume(item.id)
    [done] = runner.run_until_idle()
    assert done.state == ItemState.DONE
    assert platform.oss_counters["UploadPart"] - 20 <= 2  # only the parts in flight went twice
    assert object_sha256(platform, done.key) == take.sha256


def test_cancel_drops_the_upload_but_keeps_the_take(platform: EmbeddedPlatform, queue: UploadQueue,
                                                    runner: QueueRunner, make_take: Callable[..., Take],
                                                    dance_exam: str, tmp_path: Path) -> None:
    take = make_take(20 * PART)
    queue.add_take(take.path, dance_exam)
    _pause_when(runner, 0.4, runner.cancel)
    [cancelled] = runner.run_until_idle()
    assert cancelled.state == ItemState.CANCELLED
    assert take.path.exists()
    assert platform.store.list_uploads(platform.bucket) == []  # aborted at the store
    assert not list((tmp_path / "data" / "upload-checkpoints").glob("*.json"))


def test_take_changed_after_recording_fails_clearly(platform: EmbeddedPlatform, queue: UploadQueue,
                                                    runner: QueueRunner, make_take: Callable[..., Take],
                                                    dance_exam: str) -> None:
    grown, rewritten = make_take(), make_take()
    with open(grown.path, "ab") as f:
        f.write(b"extra")
    data = bytearray(rewritten.path.read_bytes())
    data[100] ^= 1  # same size, different bytes: only the platform's SHA-256 check can tell
    rewritten.path.write_bytes(bytes(data))
    a = queue.add_take(grown.path, dance_exam)
    b = queue.add_take(rewritten.path, dance_exam)
    runner.run_until_idle()
    first, second = queue.get(a.id), queue.get(b.id)
    assert (first.state, first.reason) == (ItemState.FAILED, "file_changed")
    assert (second.state, second.reason) == (ItemState.FAILED, "rejected") and "sha256_mismatch" in second.detail
    assert second.uploaded_crc64 == ""  # a retry uploads again rather than resubmitting
    assert grown.path.exists() and rewritten.path.exists()


def test_deleted_take_and_rejected_manifest_are_failures_not_done(platform: EmbeddedPlatform, queue: UploadQueue,
                                                                  runner: QueueRunner,
                                                                  make_take: Callable[..., Take],
                                                                  dance_exam: str) -> None:
    gone, too_short = make_take(), make_take(duration_s=5.0)  # the exam needs 30..300 s
    a = queue.add_take(gone.path, dance_exam)
    b = queue.add_take(too_short.path, dance_exam)
    gone.path.unlink()
    runner.run_until_idle()
    missing, rejected = queue.get(a.id), queue.get(b.id)
    assert (missing.state, missing.reason) == (ItemState.FAILED, "file_missing")
    assert (rejected.state, rejected.reason) == (ItemState.FAILED, "rejected")
    assert "duration_out_of_range" in rejected.detail and too_short.path.exists()


def test_platform_down_during_submit_resubmits_without_reuploading(platform: EmbeddedPlatform, queue: UploadQueue,
                                                                   runner: QueueRunner,
                                                                   make_take: Callable[..., Take],
                                                                   dance_exam: str) -> None:
    take = make_take()
    item = queue.add_take(take.path, dance_exam)
    platform.faults.fail_next(10, 503, "unavailable", path_prefix=f"/api/v1/exams/{dance_exam}/submissions",
                              method="POST")
    [failed] = runner.run_until_idle()
    assert failed.uploaded_crc64  # the object is up and verified by CRC; only the platform's check is missing
    assert (failed.state, failed.reason) == (ItemState.FAILED, "platform_unavailable")
    sent = platform.oss_counters["UploadPart"]
    platform.faults.reset()
    runner.retry(item.id)
    [done] = runner.run_until_idle()
    assert done.state == ItemState.DONE and platform.oss_counters["UploadPart"] == sent
