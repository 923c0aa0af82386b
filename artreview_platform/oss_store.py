"""The object store's disk side: objects and multipart parts, written crash-safely.

Every object is a data file plus a small JSON record that names it. Data is streamed to a temp
file, fsynced and renamed; the record is then written atomically, and only then is an older data
file removed. A crash at any point leaves either the old object or the new one, and orphaned
files are swept when the store opens. Parts of one upload are separate files, so concurrent part
uploads never share a file.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import threading
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from artreview_desktop.core.fileutil import atomic_write_json, fsync_dir
from artreview_desktop.core.upload.crc64 import Crc64, combine_parts
from artreview_platform.clock import Clock

MIN_PART_SIZE = 100 * 1024
MAX_PARTS = 10000
_UPLOAD_ID_RE = re.compile(r"^[0-9a-f]{32}$")


class StoreError(Exception):
    """An OSS error answer: HTTP status, OSS error code, message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


@dataclass
class ObjectMeta:
    key: str
    size: int
    etag: str  # upper-case hex, no quotes; "<hex>-<n>" for multipart objects
    crc64: int
    content_type: str
    last_modified: float
    data_file: str
    object_type: str = "Normal"
    user_meta: dict[str, str] = field(default_factory=dict)


@dataclass
class PartMeta:
    number: int
    size: int
    etag: str
    crc64: int
    last_modified: float
    data_file: str


@dataclass
class _Written:
    path: Path
    size: int
    md5: bytes
    crc64: int


def _key_id(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _write_stream(folder: Path, stem: str, chunks: Iterable[bytes], content_md5: str | None) -> _Written:
    """Stream `chunks` to a new durable file in `folder`; checks Content-MD5 when given."""
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{stem}.{uuid.uuid4().hex}.data"
    tmp = final.with_suffix(".tmp")
    md5 = hashlib.md5()
    crc = Crc64()
    try:
        with open(tmp, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
                md5.update(chunk)
                crc.update(chunk)
            out.flush()
            os.fsync(out.fileno())
        if content_md5 is not None and base64.b64encode(md5.digest()).decode() != content_md5.strip():
            raise StoreError(400, "InvalidDigest", "The Content-MD5 you specified did not match what we received.")
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(folder)
    return _Written(final, crc.length, md5.digest(), crc.value)


def _assemble(folder: Path, stem: str, parts: list[tuple[Path, int]]) -> Path:
    """Join part files into a new durable object file, copying in the kernel (no Python loop over
    the bytes): like OSS, Complete combines the parts' known CRCs instead of reading the data again."""
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{stem}.{uuid.uuid4().hex}.data"
    tmp = final.with_suffix(".tmp")
    try:
        with open(tmp, "wb") as out:
            for path, size in parts:
                with open(path, "rb") as src:
                    if os.fstat(src.fileno()).st_size != size:  # the part changed on disk: refuse
                        raise StoreError(500, "InternalError", "part data changed during completion")
                    copied = 0
                    while copied < size:
                        try:
                            step = os.copy_file_range(src.fileno(), out.fileno(), size - copied)
                        except (AttributeError, OSError):
                            src.seek(copied)
                            out.seek(0, os.SEEK_END)
                            shutil.copyfileobj(src, out, 1 << 20)
                            break
                        if step == 0:
                            raise StoreError(500, "InternalError", "part data ended early during completion")
                        copied += step
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(folder)
    return final


class ObjectStore:
    """Buckets under `root`; an in-memory index of object records, rebuilt from disk on open."""

    def __init__(self, root: Path, buckets: Iterable[str], clock: Clock) -> None:
        self.root = root
        self._clock = clock
        self._lock = threading.RLock()
        self._upload_locks: dict[str, threading.Lock] = {}
        self._index: dict[str, dict[str, ObjectMeta]] = {}
        for bucket in buckets:
            self._open_bucket(bucket)

    # --- buckets and the index -------------------------------------------------------------
    def _objects_dir(self, bucket: str) -> Path:
        return self.root / bucket / "objects"

    def _uploads_dir(self, bucket: str) -> Path:
        return self.root / bucket / "uploads"

    def _open_bucket(self, bucket: str) -> None:
        objects = self._objects_dir(bucket)
        objects.mkdir(parents=True, exist_ok=True)
        self._uploads_dir(bucket).mkdir(parents=True, exist_ok=True)
        index: dict[str, ObjectMeta] = {}
        referenced: set[str] = set()
        for record in objects.glob("*/*.json"):
            try:
                meta = ObjectMeta(**json.loads(record.read_text("utf-8")))
            except (ValueError, TypeError):
                continue
            if (record.parent / meta.data_file).exists():
                index[meta.key] = meta
                referenced.add(meta.data_file)
        for leftover in [*objects.glob("*/*.data"), *objects.glob("*/*.tmp"), *objects.glob("*/.*.tmp")]:
            if leftover.name not in referenced:
                leftover.unlink(missing_ok=True)  # a write that crashed before its record
        self._index[bucket] = index

    def has_bucket(self, bucket: str) -> bool:
        return bucket in self._index

    def _bucket(self, bucket: str) -> dict[str, ObjectMeta]:
        try:
            return self._index[bucket]
        except KeyError:
            raise StoreError(404, "NoSuchBucket", "The specified bucket does not exist.") from None

    def _record_path(self, bucket: str, key: str) -> Path:
        key_id = _key_id(key)
        return self._objects_dir(bucket) / key_id[:2] / f"{key_id}.json"

    def _commit(self, bucket: str, meta: ObjectMeta) -> ObjectMeta:
        """Point the key at a freshly written data file, then drop the previous one."""
        record = self._record_path(bucket, meta.key)
        with self._lock:
            old = self._bucket(bucket).get(meta.key)
            atomic_write_json(record, asdict(meta))
            self._index[bucket][meta.key] = meta
        if old is not None and old.data_file != meta.data_file:
            (record.parent / old.data_file).unlink(missing_ok=True)
        return meta

    # --- objects -------------------------------------------------------------------------------
    def put_object(self, bucket: str, key: str, chunks: Iterable[bytes], *, content_type: str = "",
                   content_md5: str | None = None, user_meta: dict[str, str] | None = None) -> ObjectMeta:
        self._bucket(bucket)
        folder = self._record_path(bucket, key).parent
        written = _write_stream(folder, _key_id(key), chunks, content_md5)
        meta = ObjectMeta(key, written.size, written.md5.hex().upper(), written.crc64,
                          content_type or "application/octet-stream", self._clock.now(),
                          written.path.name, "Normal", dict(user_meta or {}))
        return self._commit(bucket, meta)

    def head(self, bucket: str, key: str) -> ObjectMeta:
        meta = self._bucket(bucket).get(key)
        if meta is None:
            raise StoreError(404, "NoSuchKey", "The specified key does not exist.")
        return meta

    def open_data(self, bucket: str, meta: ObjectMeta) -> BinaryIO:
        return open(self._record_path(bucket, meta.key).parent / meta.data_file, "rb")

    def delete_object(self, bucket: str, key: str) -> None:
        """Remove the record then the data; deleting a missing key is not an error (as in OSS)."""
        record = self._record_path(bucket, key)
        with self._lock:
            meta = self._bucket(bucket).pop(key, None)
            if meta is None:
                return
            record.unlink(missing_ok=True)
        (record.parent / meta.data_file).unlink(missing_ok=True)
        fsync_dir(record.parent)

    def list_keys(self, bucket: str, prefix: str = "") -> list[ObjectMeta]:
        """Every object under `prefix`, sorted by key (the listing handlers page through it)."""
        with self._lock:
            items = [m for k, m in self._bucket(bucket).items() if k.startswith(prefix)]
        return sorted(items, key=lambda m: m.key)

    def delete_prefix(self, bucket: str, prefix: str) -> int:
        """Delete every object and abort every multipart upload under `prefix`; returns objects deleted."""
        if not prefix:
            raise ValueError("refusing to delete a whole bucket by an empty prefix")
        objects = self.list_keys(bucket, prefix)
        for meta in objects:
            self.delete_object(bucket, meta.key)
        for upload_id, info in self.list_uploads(bucket):
            if str(info["key"]).startswith(prefix):
                self.abort(bucket, str(info["key"]), upload_id)
        return len(objects)

    # --- multipart -----------------------------------------------------------------------------
    def _upload_dir(self, bucket: str, upload_id: str) -> Path:
        if not _UPLOAD_ID_RE.match(upload_id):
            raise StoreError(404, "NoSuchUpload", "The specified upload does not exist.")
        return self._uploads_dir(bucket) / upload_id

    def _upload_info(self, bucket: str, key: str, upload_id: str) -> dict[str, Any]:
        folder = self._upload_dir(bucket, upload_id)
        try:
            info: dict[str, Any] = json.loads((folder / "upload.json").read_text("utf-8"))
        except (OSError, ValueError):
            raise StoreError(404, "NoSuchUpload", "The specified upload does not exist.") from None
        if info.get("key") != key:
            raise StoreError(404, "NoSuchUpload", "The specified upload does not exist.")
        return info

    def _upload_lock(self, upload_id: str) -> threading.Lock:
        with self._lock:
            return self._upload_locks.setdefault(upload_id, threading.Lock())

    def list_uploads(self, bucket: str) -> list[tuple[str, dict[str, Any]]]:
        self._bucket(bucket)
        found = []
        for record in sorted(self._uploads_dir(bucket).glob("*/upload.json")):
            try:
                found.append((record.parent.name, json.loads(record.read_text("utf-8"))))
            except (OSError, ValueError):
                continue
        return found

    def initiate(self, bucket: str, key: str, content_type: str = "") -> str:
        self._bucket(bucket)
        upload_id = uuid.uuid4().hex
        folder = self._uploads_dir(bucket) / upload_id
        folder.mkdir(parents=True)
        atomic_write_json(folder / "upload.json", {"key": key, "content_type": content_type,
                                                   "initiated": self._clock.now()})
        return upload_id

    def upload_part(self, bucket: str, key: str, upload_id: str, number: int, chunks: Iterable[bytes],
                    content_md5: str | None = None) -> PartMeta:
        self._upload_info(bucket, key, upload_id)
        if not 1 <= number <= MAX_PARTS:
            raise StoreError(400, "InvalidArgument", "Part number must be an integer between 1 and 10000.")
        folder = self._upload_dir(bucket, upload_id)
        written = _write_stream(folder, f"part-{number:05d}", chunks, content_md5)
        part = PartMeta(number, written.size, written.md5.hex().upper(), written.crc64, self._clock.now(),
                        written.path.name)
        record = folder / f"part-{number:05d}.json"
        with self._upload_lock(upload_id):
            if not (folder / "upload.json").exists():  # aborted or completed meanwhile
                written.path.unlink(missing_ok=True)
                raise StoreError(404, "NoSuchUpload", "The specified upload does not exist.")
            old: PartMeta | None = None
            if record.exists():
                old = PartMeta(**json.loads(record.read_text("utf-8")))
            atomic_write_json(record, asdict(part))
        if old is not None and old.data_file != part.data_file:
            (folder / old.data_file).unlink(missing_ok=True)
        return part

    def parts(self, bucket: str, key: str, upload_id: str) -> list[PartMeta]:
        self._upload_info(bucket, key, upload_id)
        folder = self._upload_dir(bucket, upload_id)
        found = []
        for record in sorted(folder.glob("part-*.json")):
            try:
                found.append(PartMeta(**json.loads(record.read_text("utf-8"))))
            except (OSError, ValueError, TypeError):
                continue
        return found

    def complete(self, bucket: str, key: str, upload_id: str, wanted: list[tuple[int, str]]) -> ObjectMeta:
        """Assemble the listed parts (validated as OSS does) into one object."""
        info = self._upload_info(bucket, key, upload_id)
        folder = self._upload_dir(bucket, upload_id)
        with self._upload_lock(upload_id):
            have = {p.number: p for p in self.parts(bucket, key, upload_id)}
            if not wanted:
                raise StoreError(400, "InvalidPart", "One or more of the specified parts could not be found.")
            numbers = [n for n, _ in wanted]
            if numbers != sorted(numbers) or len(set(numbers)) != len(numbers):
                raise StoreError(400, "InvalidPartOrder", "The list of parts was not in ascending order.")
            chosen: list[PartMeta] = []
            for number, etag in wanted:
                part = have.get(number)
                if part is None or part.etag != etag.strip().strip('"').upper():
                    raise StoreError(400, "InvalidPart", "One or more of the specified parts could not be found "
                                     "or the specified entity tag might not have matched the part's entity tag.")
                chosen.append(part)
            for part in chosen[:-1]:
                if part.size < MIN_PART_SIZE:
                    raise StoreError(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum "
                                     "allowed object size.")

            target = self._record_path(bucket, key).parent
            assembled = _assemble(target, _key_id(key), [(folder / p.data_file, p.size) for p in chosen])
            combined = combine_parts((p.crc64, p.size) for p in chosen)
            etag = hashlib.md5(b"".join(bytes.fromhex(p.etag) for p in chosen)).hexdigest().upper()
            meta = ObjectMeta(key, sum(p.size for p in chosen), f"{etag}-{len(chosen)}", combined,
                              str(info.get("content_type") or "application/octet-stream"),
                              self._clock.now(), assembled.name, "Multipart")
            self._commit(bucket, meta)
            shutil.rmtree(folder, ignore_errors=True)
        return meta

    def abort(self, bucket: str, key: str, upload_id: str) -> None:
        self._upload_info(bucket, key, upload_id)
        with self._upload_lock(upload_id):
            shutil.rmtree(self._upload_dir(bucket, upload_id), ignore_errors=True)
