"""oss2.resumable_upload with 4 threads against the store, including a SIGKILL half-way and a resume."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import oss2
import pytest

from artreview_desktop.core.upload.crc64 import crc64
from artreview_platform.embedded import EmbeddedPlatform

PART = 100 * 1024  # oss2's minimum part size: many parts from a small file
SIZE = 4 * 1024 * 1024 + 4321
CHILD = Path(__file__).with_name("resumable_child.py")


def _file(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "take.mp4"
    data = random.Random(42).randbytes(SIZE)
    path.write_bytes(data)
    return path, hashlib.sha256(data).hexdigest()


def _sha256_of_object(bucket: oss2.Bucket, key: str) -> str:
    digest = hashlib.sha256()
    for chunk in bucket.get_object(key):
        digest.update(chunk)
    return digest.hexdigest()


def test_resumable_upload_with_four_threads(platform: EmbeddedPlatform, dev_bucket: oss2.Bucket,
                                            tmp_path: Path) -> None:
    path, sha = _file(tmp_path)
    result = oss2.resumable_upload(dev_bucket, "takes/four-threads.mp4", str(path), multipart_threshold=PART,
                                   part_size=PART, num_threads=4, store=oss2.ResumableStore(root=str(tmp_path)))
    parts = -(-SIZE // PART)
    assert platform.oss_counters["UploadPart"] == parts
    assert result.crc == crc64(path.read_bytes())
    assert _sha256_of_object(dev_bucket, "takes/four-threads.mp4") == sha


def test_upload_killed_half_way_then_resumed(platform: EmbeddedPlatform, dev_bucket: oss2.Bucket,
                                             tmp_path: Path) -> None:
    path, sha = _file(tmp_path)
    key = "takes/killed.mp4"
    store_dir = tmp_path / "checkpoints"
    assert platform.dev_access_key_id and platform.dev_access_key_secret
    child = subprocess.Popen(
        [sys.executable, str(CHILD), platform.oss_endpoint, platform.bucket, platform.dev_access_key_id,
         platform.dev_access_key_secret, key, str(path), str(store_dir), str(PART)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("HALF "), (line, child.stderr.read() if child.stderr else "")
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()

    with pytest.raises(oss2.exceptions.NotFound):
        dev_bucket.head_object(key)  # never completed
    uploads = platform.store.list_uploads(platform.bucket)
    assert [info["key"] for _, info in uploads] == [key]
    parts_total = -(-SIZE // PART)
    finished_before = len(dev_bucket.list_parts(key, uploads[0][0]).parts)
    assert parts_total // 2 - 4 <= finished_before < parts_total

    before = platform.oss_counters
    oss2.resumable_upload(dev_bucket, key, str(path), multipart_threshold=PART, part_size=PART, num_threads=4,
                          store=oss2.ResumableStore(root=str(store_dir)))
    after = platform.oss_counters
    resumed_parts = after["UploadPart"] - before["UploadPart"]
    assert 0 < resumed_parts <= parts_total - finished_before + 4  # finished parts were not sent again
    assert after.get("InitiateMultipartUpload", 0) == before.get("InitiateMultipartUpload", 0)  # same upload
    assert _sha256_of_object(dev_bucket, key) == sha
    assert dev_bucket.head_object(key).server_crc == crc64(path.read_bytes())
    assert platform.store.list_uploads(platform.bucket) == []
