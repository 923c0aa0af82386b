"""Sealed takes in the upload queue (kiosk mode): sealing wipes the plaintext, the runner uploads the
plaintext from the sealed file, the platform verifies it, then the key and the sealed file go.
Also: SIGKILL mid-upload and resume, a missing key, tampering, cancel, crashes while sealing."""

from __future__ import annotations

import base64
import dataclasses
import json
import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from artreview_desktop.core.capture.manifest import manifest_path_for, sha256_of_file, write_manifest
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.settings import UploadSettings
from artreview_desktop.core.upload.errors import KeyStoreError, SealedTakeError
from artreview_desktop.core.upload.queue import ItemState, QueueError, UploadQueue
from artreview_desktop.core.upload.runner import ItemProgress, QueueRunner
from artreview_desktop.core.upload.sealed import (
    HEADER_SIZE,
    WIPE_SUFFIX,
    read_header,
    seal_file,
    seal_take,
    sealed_path_for,
)
from artreview_desktop.core.upload.takekeys import KeyringTakeKeys, MemoryTakeKeys, TakeKeys
from artreview_platform.embedded import EmbeddedPlatform
from tests.takes import write_interrupted_take
from tests.upload.conftest import FAST_RETRY, PART, Take, object_sha256
from tests.upload.sealed_child import THREADS, FileTakeKeys

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def keys() -> MemoryTakeKeys:
    return MemoryTakeKeys()


def _queue(tmp_path: Path, keys: TakeKeys) -> UploadQueue:
    return UploadQueue(tmp_path / "data" / "upload-queue.json", keys=keys)


def _runner(queue: UploadQueue, client: PlatformClient, tmp_path: Path, keep_days: int = 7) -> QueueRunner:
    # keep_days=7 on purpose: a sealed take is destroyed once verified whatever the setting says.
    return QueueRunner(queue, client, tmp_path / "data" / "upload-checkpoints",
                       UploadSettings(threads=THREADS, keep_uploaded_days=keep_days), allow_loopback=True,
                       part_size=PART, retry=FAST_RETRY)


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _assert_no_plaintext(folder: Path, take: Take, plain: bytes) -> None:
    """Nothing under the take folder holds the take's bytes or its manifest in clear."""
    samples = [plain[i:i + 32] for i in range(0, len(plain) - 32, max(1, len(plain) // 16))]
    for path in folder.rglob("*"):
        content = path.read_bytes()
        assert take.sha256.encode() not in content, path.name  # the manifest names the SHA-256
        assert not any(s in content for s in samples), path.name


def _real_take(folder: Path, exam_id: str) -> Take:
    """A decodable H.264 take (the crash helper's), finished: journal gone, manifest written."""
    path = folder / "考场 take-real.mp4"
    write_interrupted_take(path, exam_id, "exam", frames=40)
    (path.with_name(path.name + ".recording")).unlink()
    sha = sha256_of_file(path)
    size = path.stat().st_size
    write_manifest(path, {"path": str(path), "file_name": path.name, "sha256": sha, "bytes": size,
                          "duration_s": 60.0, "watermark": {"text": "考生 A-0042"}, "metadata": {"exam_id": exam_id}})
    return Take(path, sha, size)


def test_sealed_take_is_uploaded_verified_then_key_and_file_destroyed(
        platform: EmbeddedPlatform, client: PlatformClient, keys: MemoryTakeKeys, tmp_path: Path,
        dance_exam: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    take = _real_take(tmp_path / "takes", dance_exam)
    plain = take.path.read_bytes()
    queue = _queue(tmp_path, keys)
    item = queue.add_take(take.path, dance_exam, seal=True)
    assert item.sealed and item.sha256 == take.sha256 and item.size == take.size and item.take_path == str(take.path)
    assert _files(take.path.parent) == sorted([take.path.name + ".sealed", take.path.name + ".manifest.json.sealed"])
    _assert_no_plaintext(take.path.parent, take, plain)
    key = keys.get(item.seal_id)
    assert key is not None and len(keys) == 1
    assert read_header(item.data_path)[0].seal_id == item.seal_id
    assert queue.add_take(take.path, dance_exam, seal=True) == item  # queued twice: one item, one key
    assert len(keys) == 1

    [done] = _runner(queue, client, tmp_path).run_until_idle()
    assert done.state == ItemState.DONE, done.detail
    assert done.released == "deleted" and done.keep_until is None
    assert object_sha256(platform, done.key) == take.sha256  # the store holds the plaintext, verified
    assert _files(take.path.parent) == []
    assert keys.get(item.seal_id) is None and len(keys) == 0
    assert not list((tmp_path / "data" / "upload-checkpoints").glob("*.json"))
    for secret in (key.hex(), key.hex().upper(), base64.b64encode(key).decode()):
        assert secret not in caplog.text and secret not in (tmp_path / "data" / "upload-queue.json").read_text()


def test_sealed_item_survives_a_restart_and_old_queue_files_still_load(tmp_path: Path, keys: MemoryTakeKeys,
                                                                       make_take: Callable[..., Take]) -> None:
    queue = _queue(tmp_path, keys)
    sealed = queue.add_take(make_take().path, "exam", seal=True)
    plain = queue.add_take(make_take().path, "exam")
    data = json.loads(queue.path.read_text())
    del data["items"][1]["seal_id"]  # what a queue file from before sealing looks like
    queue.path.write_text(json.dumps(data))
    again = _queue(tmp_path, keys)
    assert again.get(sealed.id).seal_id == sealed.seal_id and again.get(sealed.id).sealed
    assert not again.get(plain.id).sealed and again.get(plain.id).data_path == Path(plain.take_path)


def test_killed_sealed_upload_resumes_and_completes(platform: EmbeddedPlatform, client: PlatformClient,
                                                    tmp_path: Path, dance_exam: str,
                                                    make_take: Callable[..., Take]) -> None:
    take = make_take(24 * PART + 1234)
    keys = FileTakeKeys(tmp_path / "keys.json")
    queue = _queue(tmp_path, keys)
    item = queue.add_take(take.path, dance_exam, seal=True)
    tokens = client.tokens.load()
    assert tokens is not None
    (tmp_path / "tokens.json").write_text(json.dumps(dataclasses.asdict(tokens)))
    checkpoints = tmp_path / "data" / "upload-checkpoints"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.upload.sealed_child", str(queue.path), str(checkpoints), str(keys.path),
         platform.api_url, str(tmp_path / "tokens.json"), "0.5"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"})
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "PARKED", (line, child.stderr.read() if child.stderr else "")
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()

    [checkpoint] = checkpoints.glob("*.json")
    recorded = len(json.loads(checkpoint.read_text())["parts"])
    parts = -(-take.size // PART)
    assert 0 < recorded < parts
    restarted = _queue(tmp_path, keys)
    assert restarted.get(item.id).state == ItemState.WAITING  # it was uploading when the process died
    [done] = _runner(restarted, client, tmp_path).run_until_idle()
    assert done.state == ItemState.DONE, done.detail
    assert platform.oss_counters["UploadPart"] - parts <= THREADS  # only the parts in flight went twice
    assert object_sha256(platform, done.key) == take.sha256
    assert not item.data_path.exists() and keys.get(item.seal_id) is None
    assert not list(checkpoints.glob("*.json"))


def test_paused_sealed_upload_resumes_where_it_stopped(platform: EmbeddedPlatform, client: PlatformClient,
                                                       keys: MemoryTakeKeys, tmp_path: Path, dance_exam: str,
                                                       make_take: Callable[..., Take]) -> None:
    take = make_take(20 * PART)
    queue = _queue(tmp_path, keys)
    item = queue.add_take(take.path, dance_exam, seal=True)
    runner = _runner(queue, client, tmp_path)
    fired = threading.Event()

    def pause_half_way(p: ItemProgress) -> None:
        if p.phase == "uploading" and p.fraction >= 0.4 and not fired.is_set():
            fired.set()
            runner.pause(p.item_id)

    runner.progress_listeners.append(pause_half_way)
    [paused] = runner.run_until_idle()
    assert paused.state == ItemState.PAUSED and item.data_path.exists() and keys.get(item.seal_id)
    runner.progress_listeners.clear()
    runner.resume(item.id)
    [done] = runner.run_until_idle()
    assert done.state == ItemState.DONE and platform.oss_counters["UploadPart"] - 20 <= THREADS
    assert object_sha256(platform, done.key) == take.sha256 and not item.data_path.exists()


def test_missing_key_fails_clearly_and_keeps_the_sealed_file(platform: EmbeddedPlatform, client: PlatformClient,
                                                             keys: MemoryTakeKeys, tmp_path: Path, dance_exam: str,
                                                             make_take: Callable[..., Take]) -> None:
    queue = _queue(tmp_path, keys)
    item = queue.add_take(make_take().path, dance_exam, seal=True)
    keys.delete(item.seal_id)
    [failed] = _runner(queue, client, tmp_path).run_until_idle()
    assert (failed.state, failed.reason) == (ItemState.FAILED, "key_missing")
    assert "not in the keyring" in failed.detail
    assert item.data_path.exists() and sealed_path_for(manifest_path_for(Path(item.take_path))).exists()
    assert platform.oss_counters.get("UploadPart", 0) == 0 and failed.released == ""


def test_tampered_sealed_file_fails_and_is_kept(platform: EmbeddedPlatform, client: PlatformClient,
                                                keys: MemoryTakeKeys, tmp_path: Path, dance_exam: str,
                                                make_take: Callable[..., Take]) -> None:
    queue = _queue(tmp_path, keys)
    item = queue.add_take(make_take(8 * PART).path, dance_exam, seal=True)
    with open(item.data_path, "r+b") as f:
        f.seek(HEADER_SIZE + 5 * PART)
        byte = f.read(1)
        f.seek(-1, os.SEEK_CUR)
        f.write(bytes([byte[0] ^ 0x80]))
    [failed] = _runner(queue, client, tmp_path).run_until_idle()
    assert (failed.state, failed.reason) == (ItemState.FAILED, "sealed_damaged")
    assert "fail authentication" in failed.detail
    assert item.data_path.exists() and keys.get(item.seal_id) is not None


def test_cancelled_sealed_take_is_destroyed_with_its_key(platform: EmbeddedPlatform, client: PlatformClient,
                                                         keys: MemoryTakeKeys, tmp_path: Path, dance_exam: str,
                                                         make_take: Callable[..., Take]) -> None:
    queue = _queue(tmp_path, keys)
    take = make_take(20 * PART)
    queue.add_take(take.path, dance_exam, seal=True)
    runner = _runner(queue, client, tmp_path)
    fired = threading.Event()

    def cancel_half_way(p: ItemProgress) -> None:
        if p.phase == "uploading" and p.fraction >= 0.4 and not fired.is_set():
            fired.set()
            runner.cancel(p.item_id)

    runner.progress_listeners.append(cancel_half_way)
    [cancelled] = runner.run_until_idle()
    assert cancelled.state == ItemState.CANCELLED and cancelled.released == "deleted"
    assert _files(take.path.parent) == [] and len(keys) == 0
    assert platform.store.list_uploads(platform.bucket) == []  # aborted at the store first

    # Cancelled while nothing ran (and the runner never got to it): removing it destroys it too.
    other = queue.add_take(make_take().path, dance_exam, seal=True)
    queue.cancel(other.id)
    assert other.data_path.exists() and queue.remove_finished() == 2
    assert not other.data_path.exists() and len(keys) == 0


def test_verified_but_not_destroyed_before_a_crash_is_swept(tmp_path: Path, keys: MemoryTakeKeys,
                                                            make_take: Callable[..., Take]) -> None:
    queue = _queue(tmp_path, keys)
    item = queue.add_take(make_take().path, "exam", seal=True)
    queue.update(item.id, state=ItemState.DONE)  # the app died between "done" and the release
    with pytest.raises(QueueError):
        queue.destroy_sealed(queue.add_take(make_take().path, "exam", seal=True).id)  # waiting: never destroyed
    [swept] = _queue(tmp_path, keys).sweep()
    assert swept.id == item.id and swept.released == "deleted"
    assert not item.data_path.exists() and keys.get(item.seal_id) is None and len(keys) == 1


def test_sealing_is_safe_to_repeat_after_a_crash(tmp_path: Path, keys: MemoryTakeKeys,
                                                 make_take: Callable[..., Take]) -> None:
    take = make_take(3 * PART)
    plain = take.path.read_bytes()
    manifest = manifest_path_for(take.path).read_bytes()
    # 1. Killed after the sealed files were renamed into place, before the plaintext was wiped:
    #    nothing was committed, so the take is sealed again with a new key and the old key goes.
    first = seal_take(take.path, keys)
    take.path.write_bytes(plain)
    manifest_path_for(take.path).write_bytes(manifest)
    # ... and an even earlier attempt died while writing its temporary file (its key is in the keyring).
    orphan = "0f" * 16
    keys.put(orphan, bytes(32))
    seal_file(take.path, take.path.with_name(f".{take.path.name}.sealed.x1y2z3.tmp"), bytes(32), orphan)
    second = seal_take(take.path, keys)
    assert second.seal_id != first.seal_id and keys.get(first.seal_id) is None and keys.get(orphan) is None
    assert len(keys) == 1
    assert not take.path.exists() and not manifest_path_for(take.path).exists()
    # 2. Killed after the commit (plaintext renamed for wiping), the manifest not yet wiped:
    #    the sealed copy is the take; the leftovers are wiped and the queue gets the same seal.
    take.path.with_name(take.path.name + WIPE_SUFFIX).write_bytes(plain)
    manifest_path_for(take.path).write_bytes(manifest)
    item = _queue(tmp_path, keys).add_take(take.path, "exam", seal=True)
    assert item.seal_id == second.seal_id and item.sha256 == take.sha256 and item.size == take.size
    assert _files(take.path.parent) == sorted([take.path.name + ".sealed", take.path.name + ".manifest.json.sealed"])
    _assert_no_plaintext(take.path.parent, take, plain)


def test_unsealable_takes_are_refused_before_anything_is_wiped(tmp_path: Path, keys: MemoryTakeKeys,
                                                               make_take: Callable[..., Take]) -> None:
    queue = _queue(tmp_path, keys)
    take = make_take()
    manifest_path_for(take.path).write_text('{"sha256": "x"}')  # no size
    with pytest.raises(QueueError, match="unreadable"):
        queue.add_take(take.path, "exam", seal=True)
    assert take.path.exists() and len(keys) == 0 and not sealed_path_for(take.path).exists()
    with pytest.raises(QueueError, match="not on this computer") as gone:
        queue.add_take(tmp_path / "nope.mp4", "exam", seal=True)
    assert gone.value.reason == "file_missing"

    sealed_take = make_take()
    item = queue.add_take(sealed_take.path, "exam", seal=True)
    queue.cancel(item.id)
    keys.delete(item.seal_id)
    with pytest.raises(QueueError) as no_key:  # sealed earlier, its key lost: it cannot be read back
        UploadQueue(tmp_path / "other.json", keys=keys).add_take(sealed_take.path, "exam", seal=True)
    assert no_key.value.reason == "key_missing"


def test_sealing_fails_cleanly_when_the_keyring_refuses(tmp_path: Path, make_take: Callable[..., Take]) -> None:
    class LockedKeyring(MemoryTakeKeys):
        def put(self, seal_id: str, key: bytes) -> None:
            raise KeyStoreError("the system keyring is not available: KeyringLocked")

    take = make_take()
    with pytest.raises(QueueError) as refused:
        _queue(tmp_path, LockedKeyring()).add_take(take.path, "exam", seal=True)
    assert refused.value.reason == "keyring_unavailable"
    assert take.path.exists() and _files(take.path.parent) == sorted([take.path.name,
                                                                      take.path.name + ".manifest.json"])


def test_reading_a_sealed_manifest_with_another_key_is_refused(tmp_path: Path, keys: MemoryTakeKeys,
                                                               make_take: Callable[..., Take]) -> None:
    take = make_take()
    sealed = seal_take(take.path, keys)
    keys.put(sealed.seal_id, bytes(32))
    with pytest.raises(SealedTakeError, match="fail authentication"):
        seal_take(take.path, keys)


@pytest.mark.keyring
def test_keys_live_in_the_real_keyring_until_verification(real_keyring: None, platform: EmbeddedPlatform,
                                                          client: PlatformClient, tmp_path: Path, dance_exam: str,
                                                          make_take: Callable[..., Take]) -> None:
    import keyring

    keys = KeyringTakeKeys(service="artreview-desktop-test")
    take = make_take(5 * PART)
    queue = _queue(tmp_path, keys)
    item = queue.add_take(take.path, dance_exam, seal=True)
    stored = keyring.get_password("artreview-desktop-test", KeyringTakeKeys.username(item.seal_id))
    assert stored and keys.get(item.seal_id) is not None
    for path in tmp_path.rglob("*"):  # the key is in the keyring, never in the app's files
        if path.is_file():
            assert stored.encode() not in path.read_bytes(), path
    [done] = _runner(_queue(tmp_path, KeyringTakeKeys(service="artreview-desktop-test")), client,
                     tmp_path).run_until_idle()
    assert done.state == ItemState.DONE and done.released == "deleted"
    assert object_sha256(platform, done.key) == take.sha256
    assert keyring.get_password("artreview-desktop-test", KeyringTakeKeys.username(item.seal_id)) is None
    assert not item.data_path.exists()
