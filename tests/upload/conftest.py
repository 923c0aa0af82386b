"""Fixtures for the uploader tests: the real platform + store on loopback, a logged-in client, takes."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from artreview_desktop.core.capture.manifest import write_manifest
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.tokens import MemoryTokenStore
from artreview_desktop.core.settings import UploadSettings
from artreview_desktop.core.upload.auth import static_provider
from artreview_desktop.core.upload.checkpoint import CheckpointStore
from artreview_desktop.core.upload.queue import UploadQueue
from artreview_desktop.core.upload.runner import QueueRunner
from artreview_desktop.core.upload.transfer import RetryPolicy
from artreview_desktop.core.upload.uploader import ResumableUploader, UploadOptions, UploadTarget
from artreview_platform.embedded import EmbeddedPlatform, start_embedded

PHONE = "13800138000"
DEVICE = "d" * 64
PART = 100 * 1024  # the store's minimum part size: many parts from a small file
FAST_RETRY = RetryPolicy(attempts=6, base_s=0.01, cap_s=0.05)


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[EmbeddedPlatform]:
    with start_embedded(tmp_path / "platform-data", dev_credentials=True) as running:
        yield running


@pytest.fixture
def client(platform: EmbeddedPlatform) -> Iterator[PlatformClient]:
    """A candidate logged in through the real SMS flow (the code read from the dev inbox)."""
    api = PlatformClient(platform.api_url, MemoryTokenStore(), retries=1, backoff_s=0.01)
    api.request_code(PHONE)
    api.login(PHONE, platform.latest_sms_code(PHONE), DEVICE)
    yield api
    api.close()


@pytest.fixture
def dance_exam(client: PlatformClient) -> str:
    return next(e.id for e in client.exams() if e.subject == "dance")  # fee paid, 30..300 s


def random_file(path: Path, size: int, seed: int = 7) -> str:
    data = random.Random(seed).randbytes(size)
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


@dataclass
class Take:
    path: Path
    sha256: str
    size: int


@pytest.fixture
def make_take(tmp_path: Path) -> Callable[..., Take]:
    """A recorded take: random bytes plus the manifest the recorder writes next to it."""
    counter = iter(range(1000))

    def make(size: int = 700 * 1024, *, duration_s: float = 60.0, name: str | None = None) -> Take:
        number = next(counter)
        folder = tmp_path / "takes"
        folder.mkdir(exist_ok=True)
        path = folder / (name or f"take-{number}.mp4")
        sha = random_file(path, size, seed=number)
        write_manifest(path, {"path": str(path), "file_name": path.name, "sha256": sha, "bytes": size,
                              "duration_s": duration_s, "width": 1280, "height": 720, "fps": 30})
        return Take(path, sha, size)

    return make


def object_sha256(platform: EmbeddedPlatform, key: str) -> str:
    meta = platform.store.head(platform.bucket, key)
    digest = hashlib.sha256()
    with platform.store.open_data(platform.bucket, meta) as data:
        while chunk := data.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@pytest.fixture
def dev_uploader(platform: EmbeddedPlatform, tmp_path: Path) -> Iterator[ResumableUploader]:
    assert platform.dev_access_key_id and platform.dev_access_key_secret
    uploader = ResumableUploader(static_provider(platform.dev_access_key_id, platform.dev_access_key_secret),
                                 CheckpointStore(tmp_path / "checkpoints"),
                                 UploadOptions(part_size=PART, threads=3, retry=FAST_RETRY, allow_loopback=True))
    yield uploader
    uploader.close()


def dev_target(platform: EmbeddedPlatform, key: str) -> UploadTarget:
    return UploadTarget(platform.oss_endpoint, platform.bucket, key)


@pytest.fixture
def upload_settings() -> UploadSettings:
    return UploadSettings(threads=2, keep_uploaded_days=7)


@pytest.fixture
def queue(tmp_path: Path) -> UploadQueue:
    return UploadQueue(tmp_path / "data" / "upload-queue.json")


@pytest.fixture
def runner(queue: UploadQueue, client: PlatformClient, tmp_path: Path, upload_settings: UploadSettings) -> QueueRunner:
    return QueueRunner(queue, client, tmp_path / "data" / "upload-checkpoints", upload_settings, allow_loopback=True,
                       part_size=PART, retry=FAST_RETRY)

