"""Handing a finished ID photo to the upload queue (6/9), which seals it at once.

The photo page keeps its photo in memory and deletes its own files when it is left; the copy
written here belongs to the upload queue. `UploadQueue.add_take(..., seal=True)` encrypts it with a
key of its own in the OS keyring and overwrites the plaintext, so no face image stays readable on
disk while it waits; once the platform verified it, the key and the sealed copy are destroyed.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from artreview_desktop.core.capture.manifest import iso_time, manifest_path_for, write_manifest
from artreview_desktop.core.fileutil import atomic_write_bytes
from artreview_desktop.core.photo.specs import PhotoSpec, SpecError, spec_from_dict
from artreview_desktop.core.privacy.deletion import overwrite_and_unlink
from artreview_desktop.core.upload.queue import QueueItem, UploadQueue

PHOTO_KIND = "id_photo"
JPEG_MAGIC = b"\xff\xd8\xff"


def required_photo_size(exam: Any) -> tuple[int, int] | None:
    """The pixel size an exam's `id_photo_spec_detail` asks for (`width_px`, `height_px`), if any."""
    detail = getattr(exam, "id_photo_spec_detail", None) or {}
    try:
        width, height = int(detail["width_px"]), int(detail["height_px"])
    except (KeyError, TypeError, ValueError):
        return None
    return (width, height) if width > 0 and height > 0 else None


def spec_of_size(specs: Iterable[PhotoSpec], size: tuple[int, int]) -> PhotoSpec | None:
    """The first spec that makes photos of exactly `size` pixels."""
    return next((spec for spec in specs if (spec.width, spec.height) == size), None)


def exam_photo_spec(exam: Any, offered: Iterable[PhotoSpec]) -> PhotoSpec | None:
    """The spec to make an exam's photo with: an offered spec of the size the exam asks for, else
    one built from the exam's own detail (size, dpi, background; head rules by proportion)."""
    size = required_photo_size(exam)
    if size is None:
        return None
    offered_spec = spec_of_size(offered, size)
    if offered_spec is not None:
        return offered_spec
    detail = dict(getattr(exam, "id_photo_spec_detail", None) or {})
    try:
        return spec_from_dict({"name": str(getattr(exam, "id_photo_spec", "exam")),
                               "label": str(detail.get("name") or getattr(exam, "id_photo_spec", "exam")),
                               "unit": "px", "width": size[0], "height": size[1], "dpi": detail.get("dpi", 300),
                               "background": str(detail.get("background", "white"))})
    except SpecError:
        return None


def staged_photo_folder(data_dir: Path) -> Path:
    return Path(data_dir) / "upload-photos"


def photo_object_name(sha256: str) -> str:
    return f"id-photo-{sha256[:12]}.jpg"


def stage_photo(jpeg: bytes, folder: Path, exam_id: str, spec_name: str) -> Path:
    """Write the JPEG and its manifest (kind, SHA-256, size, spec) into `folder` (0700) for the
    queue; returns the photo's path. Refuses anything that is not a JPEG."""
    if not jpeg.startswith(JPEG_MAGIC):
        raise ValueError("an ID photo is handed on as the exported JPEG")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    sha256 = hashlib.sha256(jpeg).hexdigest()
    path = folder / f"id-photo-{exam_id}-{sha256[:12]}.jpg"
    atomic_write_bytes(path, jpeg, mode=0o600)
    write_manifest(path, {"kind": PHOTO_KIND, "exam_id": exam_id, "sha256": sha256, "bytes": len(jpeg),
                          "duration_s": 0.0, "spec": spec_name, "created": iso_time(time.time())})
    return path


def queue_photo(queue: UploadQueue, jpeg: bytes, folder: Path, exam_id: str, spec_name: str) -> QueueItem:
    """Stage the photo and queue it sealed. If sealing fails (a locked keyring...), the staged
    plaintext is wiped before the error goes on: a photo is never left readable on disk."""
    photo = stage_photo(jpeg, folder, exam_id, spec_name)
    try:
        return queue.add_take(photo, exam_id, photo_object_name(hashlib.sha256(jpeg).hexdigest()), seal=True)
    finally:
        # Sealed, refused, or already queued (the same photo submitted twice): either way no
        # plaintext copy may stay behind.
        for leftover in (photo, manifest_path_for(photo)):
            if leftover.exists():
                overwrite_and_unlink(leftover)


def sweep_unsealed_photos(folder: Path, queued: set[str]) -> int:
    """At start-up, before the queue runs: a plaintext photo here was never sealed (the app stopped
    in between), a `.wipe` file is a plaintext whose wipe was cut short, and a sealed copy that no
    queue item names was sealed but never queued. None of them can be uploaded: overwrite and delete
    them (with their manifests). `queued` holds the queue's take paths. Returns how many went."""
    removed = 0
    folder = Path(folder)
    if not folder.is_dir():
        return 0
    folder = folder.resolve()  # the queue keeps resolved paths (a symlinked home must match)
    queued = {str(Path(path).resolve()) for path in queued}
    for fragment in folder.glob(".id-photo-*"):  # a temp file of an interrupted atomic write
        overwrite_and_unlink(fragment)
        removed += 1
    for path in sorted(folder.glob("id-photo-*")):
        if path.name.endswith(".manifest.json") or ".manifest.json." in path.name:
            continue  # handled with their photo below
        photo = Path(str(path).removesuffix(".wipe").removesuffix(".sealed"))
        if path.name.endswith(".sealed") and str(photo) in queued:
            continue
        overwrite_and_unlink(path)
        manifest = manifest_path_for(photo)
        for leftover in (manifest, Path(f"{manifest}.sealed"), Path(f"{manifest}.wipe")):
            if leftover.exists():
                overwrite_and_unlink(leftover)
        removed += 1
    return removed
