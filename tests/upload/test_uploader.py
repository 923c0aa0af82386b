"""The resumable driver against the real store: sizes, resume, CRC repair, faults, credentials, skew."""

from __future__ import annotations

import itertools
import json
import threading
from pathlib import Path

import pytest

from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.upload.auth import IssuedCredentials, RefreshingCredentialsProvider, static_provider
from artreview_desktop.core.upload.checkpoint import Checkpoint, CheckpointStore, FileIdentity
from artreview_desktop.core.upload.crc64 import crc64, native_backend
from artreview_desktop.core.upload.errors import (
    FatalUploadError,
    FileChangedError,
    FileMissingError,
    UploadStopped,
)
from artreview_desktop.core.upload.transfer import BandwidthLimit
from artreview_desktop.core.upload.uploader import (
    ProgressCallback,
    ResumableUploader,
    UploadOptions,
    UploadProgress,
    UploadTarget,
)
from artreview_platform.embedded import EmbeddedPlatform
from artreview_platform.oss_store import StoreError
from tests.upload.conftest import FAST_RETRY, PART, dev_target, object_sha256, random_file


@pytest.mark.parametrize("size", [0, 1, PART, 3 * PART, 3 * PART + 1, 2 * 1024 * 1024 + 77])
def test_any_size_arrives_intact(platform: EmbeddedPlatform, dev_uploader: ResumableUploader, tmp_path: Path,
                                 size: int) -> None:
    path = tmp_path / "file.bin"
    sha = random_file(path, size)
    outcome = dev_uploader.upload(path, dev_target(platform, "takes/尺寸 test.bin"))
    assert outcome.bytes == size
    assert outcome.crc64 == crc64(path.read_bytes())
    assert outcome.parts == -(-size // PART)
    assert object_sha256(platform, "takes/尺寸 test.bin") == sha
    assert not list((tmp_path / "checkpoints").glob("*.json"))  # finished uploads leave no checkpoint


def test_the_crc_is_the_compiled_one() -> None:
    assert native_backend().endswith(".so") or native_backend().endswith(".pyd")


def _stop_at(fraction: float, stop: threading.Event) -> tuple[list[UploadProgress], ProgressCallback]:
    seen: list[UploadProgress] = []

    def progress(p: UploadProgress) -> None:
        seen.append(p)
        if p.bytes_done >= fraction * p.bytes_total:
            stop.set()

    return seen, progress


def _uploader(platform: EmbeddedPlatform, folder: Path, stop: threading.Event | None = None,
              threads: int = 3) -> ResumableUploader:
    assert platform.dev_access_key_id and platform.dev_access_key_secret
    return ResumableUploader(static_provider(platform.dev_access_key_id, platform.dev_access_key_secret),
                             CheckpointStore(folder), UploadOptions(part_size=PART, threads=threads,
                                                                    retry=FAST_RETRY, allow_loopback=True),
                             stop=stop)


def test_stopped_upload_resumes_and_resends_only_parts_in_flight(platform: EmbeddedPlatform,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "take.mp4"
    sha = random_file(path, 30 * PART + 5)
    stop = threading.Event()
    _, progress = _stop_at(0.5, stop)
    with _uploader(platform, tmp_path / "cp", stop) as first, pytest.raises(UploadStopped):
        first.upload(path, dev_target(platform, "takes/resume.mp4"), progress=progress)
    saved = [json.loads(p.read_text()) for p in (tmp_path / "cp").glob("*.json")]
    assert len(saved) == 1 and 0 < len(saved[0]["parts"]) < 31
    sent_before = platform.oss_counters["UploadPart"]

    with _uploader(platform, tmp_path / "cp") as second:
        outcome = second.upload(path, dev_target(platform, "takes/resume.mp4"))
    assert outcome.checkpoint == "resumed"
    assert outcome.parts_resumed >= len(saved[0]["parts"])
    resent = platform.oss_counters["UploadPart"] - 31
    assert resent <= 3 and sent_before + outcome.parts_sent == platform.oss_counters["UploadPart"]
    assert object_sha256(platform, "takes/resume.mp4") == sha


def _stored_parts(platform: EmbeddedPlatform) -> list[Path]:
    return sorted((platform.data_dir / "oss").rglob("part-*.json"))


def test_a_stored_part_whose_crc_disagrees_is_sent_again(platform: EmbeddedPlatform, tmp_path: Path) -> None:
    path = tmp_path / "take.mp4"
    sha = random_file(path, 12 * PART)
    stop = threading.Event()
    _, progress = _stop_at(0.6, stop)
    with _uploader(platform, tmp_path / "cp", stop) as first, pytest.raises(UploadStopped):
        first.upload(path, dev_target(platform, "takes/crc.mp4"), progress=progress)
    stored_before = len(_stored_parts(platform))
    record_file = _stored_parts(platform)[0]
    assert record_file.name == "part-00001.json"
    record = json.loads(record_file.read_text())
    record["crc64"] = (record["crc64"] + 1) % 2**64  # the store now claims other bytes for part 1
    record_file.write_text(json.dumps(record))
    before = platform.oss_counters["UploadPart"]
    with _uploader(platform, tmp_path / "cp") as second:
        outcome = second.upload(path, dev_target(platform, "takes/crc.mp4"))
    assert outcome.parts_sent == outcome.parts - outcome.parts_resumed
    assert platform.oss_counters["UploadPart"] - before == outcome.parts_sent
    assert outcome.parts_resumed == stored_before - 1  # every stored part but the disowned one
    assert object_sha256(platform, "takes/crc.mp4") == sha


def test_object_crc_mismatch_after_complete_is_repaired_not_accepted(platform: EmbeddedPlatform,
                                                                     tmp_path: Path) -> None:
    path = tmp_path / "take.mp4"
    sha = random_file(path, 6 * PART)
    tampered = threading.Event()

    def corrupt_before_complete(p: UploadProgress) -> None:
        if p.phase == "completing" and not tampered.is_set():
            tampered.set()  # bit rot in the store: part 2's bytes and CRC change, its ETag does not
            record_file = _stored_parts(platform)[1]
            record = json.loads(record_file.read_text())
            data_file = record_file.with_name(record["data_file"])
            data = bytearray(data_file.read_bytes())
            data[10] ^= 0xFF
            data_file.write_bytes(bytes(data))
            record["crc64"] = crc64(bytes(data))
            record_file.write_text(json.dumps(record))

    with _uploader(platform, tmp_path / "cp") as uploader:
        outcome = uploader.upload(path, dev_target(platform, "takes/rot.mp4"), progress=corrupt_before_complete)
    assert tampered.is_set()
    assert outcome.repairs == 1
    assert object_sha256(platform, "takes/rot.mp4") == sha


@pytest.mark.parametrize("fault", ["drop", "5xx", "slow", "complete_5xx"])
def test_store_faults_do_not_stop_the_upload(platform: EmbeddedPlatform, dev_uploader: ResumableUploader,
                                             tmp_path: Path, fault: str) -> None:
    path = tmp_path / "take.mp4"
    sha = random_file(path, 8 * PART + 3)
    if fault == "drop":
        platform.faults.drop_after(40_000, count=4, path_prefix=f"/{platform.bucket}/takes")
    elif fault == "5xx":
        platform.faults.fail_next(4, 503, path_prefix=f"/{platform.bucket}/takes", method="PUT")
        platform.faults.fail_next(2, 500, "InternalError", path_prefix=f"/{platform.bucket}/takes", method="POST")
    elif fault == "slow":
        platform.faults.slow_down(0.2)
    else:
        platform.faults.fail_next(3, 502, "BadGateway", path_prefix=f"/{platform.bucket}/takes", method="POST")
    outcome = dev_uploader.upload(path, dev_target(platform, "takes/faulty.mp4"))
    assert object_sha256(platform, "takes/faulty.mp4") == sha
    assert outcome.crc64 == crc64(path.read_bytes())
    if fault == "drop":  # the dropped parts reached the store and were sent again
        assert platform.oss_counters["UploadPart"] >= outcome.parts + 3
    if fault != "slow":  # every injected failure was used up: the upload really went through them
        assert platform.faults.take_failure("PUT", f"/{platform.bucket}/takes") is None
        assert platform.faults.take_failure("POST", f"/{platform.bucket}/takes") is None
        assert platform.faults.take_drop(f"/{platform.bucket}/takes", "request") is None


def test_sts_token_expiring_mid_upload_is_refreshed(platform: EmbeddedPlatform, client: PlatformClient,
                                                    dance_exam: str, tmp_path: Path) -> None:
    path = tmp_path / "take.mp4"
    sha = random_file(path, 10 * PART)
    provider = RefreshingCredentialsProvider(
        lambda: IssuedCredentials.from_platform(client.upload_credentials(dance_exam)))
    first = provider.current()
    expired = threading.Event()

    def expire_once(p: UploadProgress) -> None:
        if p.bytes_done >= 0.3 * p.bytes_total and not expired.is_set():
            expired.set()
            platform.faults.expire_tokens_now(platform.clock.now())
            platform.clock.advance(1)  # tokens issued from now on are valid again

    key = first.key_prefix + "expiring.mp4"
    with ResumableUploader(provider, CheckpointStore(tmp_path / "cp"),
                           UploadOptions(part_size=PART, threads=2, retry=FAST_RETRY, allow_loopback=True)) as up:
        outcome = up.upload(path, UploadTarget(first.endpoint, first.bucket, key), progress=expire_once)
    assert expired.is_set() and provider.refreshes >= 2
    assert provider.current().access_key_id != first.access_key_id
    assert outcome.parts_resumed == 0  # the same upload went on; nothing restarted
    assert object_sha256(platform, key) == sha


def test_clock_skew_is_learnt_from_the_store(platform: EmbeddedPlatform, dev_uploader: ResumableUploader,
                                             tmp_path: Path) -> None:
    path = tmp_path / "take.mp4"
    sha = random_file(path, 3 * PART)
    platform.faults.skew_clock(3600)  # the store is an hour ahead of us: OSS allows 15 minutes
    dev_uploader.upload(path, dev_target(platform, "takes/skew.mp4"))
    assert 3590 < dev_uploader.clock.offset_s < 3610
    assert object_sha256(platform, "takes/skew.mp4") == sha


def test_wrong_secret_stops_at_once(platform: EmbeddedPlatform, tmp_path: Path) -> None:
    path = tmp_path / "take.mp4"
    random_file(path, PART)
    assert platform.dev_access_key_id
    with ResumableUploader(static_provider(platform.dev_access_key_id, "wrong"), CheckpointStore(tmp_path),
                           UploadOptions(part_size=PART, retry=FAST_RETRY, allow_loopback=True)) as uploader, \
            pytest.raises(FatalUploadError) as caught:
        uploader.upload(path, dev_target(platform, "takes/denied.mp4"))
    assert caught.value.reason == "access_denied"


def test_missing_bucket_and_foreign_region_are_fatal(platform: EmbeddedPlatform, dev_uploader: ResumableUploader,
                                                     tmp_path: Path) -> None:
    path = tmp_path / "take.mp4"
    random_file(path, PART)
    with pytest.raises(FatalUploadError) as caught:
        dev_uploader.upload(path, UploadTarget(platform.oss_endpoint, "no-such-bucket", "k"))
    assert caught.value.reason == "bucket_missing"
    with pytest.raises(FatalUploadError) as caught:
        dev_uploader.upload(path, UploadTarget("https://oss-eu-central-1.aliyuncs.com", "b", "k"))
    assert caught.value.reason == "endpoint_not_allowed"


@pytest.mark.parametrize("change", ["append", "delete"])
def test_file_changed_or_deleted_mid_upload(platform: EmbeddedPlatform, dev_uploader: ResumableUploader,
                                            tmp_path: Path, change: str) -> None:
    path = tmp_path / "take.mp4"
    random_file(path, 10 * PART)
    done = threading.Event()

    def meddle(p: UploadProgress) -> None:
        if p.parts_done >= 3 and not done.is_set():
            done.set()
            if change == "append":
                with open(path, "ab") as f:
                    f.write(b"more")
            else:
                path.unlink()

    expected = FileChangedError if change == "append" else FileMissingError
    with pytest.raises(expected):
        dev_uploader.upload(path, dev_target(platform, "takes/meddled.mp4"), progress=meddle)
    with pytest.raises(StoreError):
        platform.store.head(platform.bucket, "takes/meddled.mp4")


@pytest.mark.parametrize("kind", ["corrupt", "foreign"])
def test_corrupt_or_foreign_checkpoint_is_set_aside(platform: EmbeddedPlatform, dev_uploader: ResumableUploader,
                                                    tmp_path: Path, kind: str) -> None:
    path = tmp_path / "take.mp4"
    sha = random_file(path, 4 * PART)
    target = dev_target(platform, "takes/cp.mp4")
    fresh = Checkpoint(target.endpoint, target.bucket, target.key, FileIdentity.of(path), PART)
    where = dev_uploader.checkpoints.path_for(fresh)
    where.parent.mkdir(parents=True, exist_ok=True)
    if kind == "corrupt":
        where.write_text('{"version": 1, "parts": [')
    else:  # a valid checkpoint of another upload, with a made-up upload id and parts
        other = Checkpoint(target.endpoint, target.bucket, "takes/other.mp4", fresh.identity, PART, "feedface",
                           {})
        where.write_text(json.dumps(other.to_json()))
    outcome = dev_uploader.upload(path, target)
    assert outcome.checkpoint == kind and outcome.parts_resumed == 0
    assert where.with_name(where.name + ".rejected").exists()
    assert object_sha256(platform, "takes/cp.mp4") == sha


def test_bandwidth_limit_spaces_the_bytes_out() -> None:
    waits: list[float] = []
    limit = BandwidthLimit(1_000_000, waits.append)
    for _ in range(10):
        limit.take(200_000)
    # 2 MB at 1 MB/s: the first block goes at once, each next one waits 0.2 s longer (nothing
    # really waited here, so the bucket's schedule is what we see): the last one about 1.8 s.
    assert len(waits) == 9
    assert all(0.15 < later - earlier < 0.25 for earlier, later in itertools.pairwise(waits))
    assert 1.7 < waits[-1] < 1.9


def test_killed_between_complete_and_checkpoint_removal_sends_nothing_again(platform: EmbeddedPlatform,
                                                                           dev_uploader: ResumableUploader,
                                                                           tmp_path: Path) -> None:
    path = tmp_path / "take.mp4"
    sha = random_file(path, 5 * PART)
    target = dev_target(platform, "takes/late-kill.mp4")
    saved: dict[Path, bytes] = {}

    def keep_checkpoint(p: UploadProgress) -> None:
        if p.phase == "completing" and not saved:  # what a kill right after Complete would leave behind
            saved.update({f: f.read_bytes() for f in (tmp_path / "checkpoints").glob("*.json")})

    dev_uploader.upload(path, target, progress=keep_checkpoint)
    for where, data in saved.items():
        where.write_bytes(data)
    sent = platform.oss_counters["UploadPart"]
    again = dev_uploader.upload(path, target)
    assert again.checkpoint == "resumed" and again.parts_sent == 0 and again.parts_resumed == again.parts
    assert platform.oss_counters["UploadPart"] == sent
    assert object_sha256(platform, "takes/late-kill.mp4") == sha


def test_credentials_are_refreshed_before_they_expire(client: PlatformClient, dance_exam: str) -> None:
    now = [1_000.0]
    provider = RefreshingCredentialsProvider(
        lambda: IssuedCredentials.from_platform(client.upload_credentials(dance_exam), now=now[0]),
        now=lambda: now[0])
    first = provider.current()
    assert first.expires_at is not None
    lifetime = first.expires_at - now[0]
    now[0] += lifetime - 400  # 400 s left: kept
    assert provider.current() is first
    now[0] += 200  # 200 s left, inside the 5-minute margin: replaced before the store would refuse it
    fresh = provider.current()
    assert fresh.access_key_id != first.access_key_id and provider.refreshes == 2
    provider.invalidate(first.access_key_id)  # a late report about the old token changes nothing
    assert provider.current() is fresh
