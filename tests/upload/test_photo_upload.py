"""The ID photo through the upload queue: staged, sealed at once, uploaded, checked by the platform
against the exam's spec, then destroyed — a real photo, the real queue and the reference platform."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

import pytest

from artreview_desktop.core.capture.manifest import manifest_path_for
from artreview_desktop.core.photo import PhotoMaker
from artreview_desktop.core.photo.export import encode_jpeg
from artreview_desktop.core.photo.specs import BUILTIN_SPECS, PhotoSpec
from artreview_desktop.core.photo.submission import (
    exam_photo_spec,
    photo_object_name,
    required_photo_size,
    stage_photo,
    sweep_unsealed_photos,
)
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.settings import UploadSettings
from artreview_desktop.core.upload.queue import ItemState, UploadQueue
from artreview_desktop.core.upload.runner import QueueRunner
from artreview_desktop.core.upload.takekeys import MemoryTakeKeys
from artreview_platform.embedded import EmbeddedPlatform
from tests.photo.conftest import astronaut
from tests.upload.conftest import FAST_RETRY, PART, object_sha256


def _photo_for(size: tuple[int, int]) -> tuple[bytes, PhotoSpec]:
    spec = next(s for s in BUILTIN_SPECS.values() if (s.width, s.height) == size)
    maker = PhotoMaker()
    photo = maker.compose(maker.analyse(astronaut()), spec, spec.background_bgr)
    return encode_jpeg(photo.image, spec).data, spec


def _runner(tmp_path: Path, client: PlatformClient, keys: MemoryTakeKeys) -> QueueRunner:
    queue = UploadQueue(tmp_path / "data" / "upload-queue.json", keys=keys)
    return QueueRunner(queue, client, tmp_path / "data" / "upload-checkpoints", UploadSettings(threads=2),
                       allow_loopback=True, part_size=PART, retry=FAST_RETRY)


def _image_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.read_bytes()[:3] == b"\xff\xd8\xff"]


def test_a_staged_photo_is_private_and_only_a_jpeg_is_accepted(tmp_path: Path) -> None:
    jpeg, spec = _photo_for((295, 413))
    path = stage_photo(jpeg, tmp_path / "staged", "ex_1", spec.name)
    assert path.read_bytes() == jpeg
    assert stat.S_IMODE(os.stat(tmp_path / "staged").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    manifest = json.loads(manifest_path_for(path).read_text("utf-8"))
    assert manifest["kind"] == "id_photo" and manifest["bytes"] == len(jpeg)
    assert manifest["sha256"] == hashlib.sha256(jpeg).hexdigest() and manifest["spec"] == spec.name
    with pytest.raises(ValueError, match="JPEG"):
        stage_photo(b"\x89PNG\r\n\x1a\n" + bytes(100), tmp_path / "staged", "ex_1", spec.name)


def test_the_photo_is_sealed_uploaded_verified_against_the_exam_and_destroyed(
    tmp_path: Path, client: PlatformClient, platform: EmbeddedPlatform
) -> None:
    exam = next(e for e in client.exams() if e.subject == "dance")
    size = required_photo_size(exam)
    assert size == (413, 531)  # the demo dance exam wants 小二寸
    jpeg, spec = _photo_for(size)
    keys = MemoryTakeKeys()
    runner = _runner(tmp_path, client, keys)
    staged = tmp_path / "data" / "upload-photos"
    item = runner.queue.add_take(stage_photo(jpeg, staged, exam.id, spec.name), exam.id,
                                 photo_object_name(hashlib.sha256(jpeg).hexdigest()), seal=True)
    assert item.sealed and item.kind == "id_photo"
    assert _image_files(tmp_path) == []  # no readable face image waits on disk
    runner.run_until_idle()
    done = runner.queue.get(item.id)
    assert done.state == ItemState.DONE, (done.reason, done.detail)
    assert object_sha256(platform, done.key) == hashlib.sha256(jpeg).hexdigest()
    assert done.submission_id  # the platform accepted it as this exam's ID photo
    assert list(staged.iterdir()) == []  # the sealed copy and its manifest are gone
    assert keys.get(item.seal_id) is None and len(keys) == 0  # and so is its key


def test_a_photo_of_the_wrong_size_for_the_exam_is_rejected_and_kept(
    tmp_path: Path, client: PlatformClient
) -> None:
    exam = next(e for e in client.exams() if e.subject == "dance")  # wants 413×531
    jpeg, spec = _photo_for((295, 413))
    runner = _runner(tmp_path, client, MemoryTakeKeys())
    item = runner.queue.add_take(stage_photo(jpeg, tmp_path / "staged", exam.id, spec.name), exam.id,
                                 photo_object_name(hashlib.sha256(jpeg).hexdigest()), seal=True)
    runner.run_until_idle()
    failed = runner.queue.get(item.id)
    assert failed.state == ItemState.FAILED and failed.reason == "rejected"
    assert "photo_size_mismatch" in failed.detail
    assert failed.data_path.exists()  # nothing is destroyed that the platform did not accept


def test_the_start_up_sweep_wipes_photos_that_never_reached_the_queue(tmp_path: Path) -> None:
    folder = tmp_path / "upload-photos"
    jpeg, spec = _photo_for((295, 413))
    unsealed = stage_photo(jpeg, folder, "ex_a", spec.name)  # the app stopped before sealing
    queue = UploadQueue(tmp_path / "queue.json", keys=MemoryTakeKeys())
    queued = queue.add_take(stage_photo(jpeg, folder, "ex_b", spec.name), "ex_b", seal=True)
    orphan = queue.add_take(stage_photo(jpeg, folder, "ex_c", spec.name), "ex_c", seal=True)
    orphan_files = {p for p in folder.iterdir() if p.name.startswith("id-photo-ex_c")}
    assert orphan_files
    (folder / "id-photo-ex_d-0123456789ab.jpg.wipe").write_bytes(jpeg)  # a wipe cut short

    removed = sweep_unsealed_photos(folder, {queued.take_path})  # ex_c's item was lost with the crash
    assert removed == 3
    left = sorted(p.name for p in folder.iterdir())
    assert all(name.startswith("id-photo-ex_b") for name in left) and left
    assert not unsealed.exists() and not any(p.exists() for p in orphan_files)
    assert orphan.seal_id  # (its key stays in the keyring; it opens nothing that still exists)


def test_an_exam_s_photo_spec_is_an_offered_one_of_its_size_or_built_from_its_detail() -> None:
    class Exam:
        id_photo_spec = "exam-x"
        id_photo_spec_detail = {"name": "考试专用", "width_px": 390, "height_px": 567, "dpi": 300,
                                "background": "blue"}

    assert exam_photo_spec(Exam(), BUILTIN_SPECS.values()) is BUILTIN_SPECS["large-1-inch"]
    Exam.id_photo_spec_detail = {**Exam.id_photo_spec_detail, "width_px": 300, "height_px": 400}
    built = exam_photo_spec(Exam(), BUILTIN_SPECS.values())
    assert built is not None and (built.width, built.height, built.dpi) == (300, 400, 300)
    assert built.head_height != (None, None)  # head rules by proportion, so geometry is still checked
    Exam.id_photo_spec_detail = {}
    assert exam_photo_spec(Exam(), BUILTIN_SPECS.values()) is None
