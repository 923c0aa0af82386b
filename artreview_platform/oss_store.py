"""The object store's disk side: objects and multipart parts, written crash-safely.

Every object is a small JSON record naming its data files ("segments") in order: one file for a
PUT, the part files themselves for a completed multipart upload, so Complete copies no data (as on
OSS, it combines the parts' known CRCs). Data is streamed to a temp file, fsynced and renamed;
Complete hard-links the parts next to the record instead. The record is then written atomically,
and only then are the previous object's files removed. A crash at any point leaves either the old
object or the new one, and files that no record names are swept when the store opens. Parts of one
upload are separate files, so concurrent part uploads never share a file.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import io
import itertools
import json
import os
import re
import shutil
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

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


@dataclass(frozen=True)
class Segment:
    """One data file of an object (a name in the record's folder) and its length."""

    file: str
    size: int


@dataclass
class ObjectMeta:
    key: str
    size: int
    etag: str  # upper-case hex, no quotes; "<hex>-<n>" for multipart objects
    crc64: int
    content_type: str
    last_modified: float
    segments: tuple[Segment, ...]  # the object's bytes, in order; one per part for multipart objects
    object_type: str = "Normal"
    user_meta: dict[str, str] = field(default_factory=dict)

    def to_record(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_record(cls, raw: dict[str, Any]) -> ObjectMeta:
        """Parse a record; one written before objects had segments names a single `data_file`."""
        fields = dict(raw)
        if "data_file" in fields:
            fields["segments"] = [{"file": fields.pop("data_file"), "size": fields["size"]}]
        segments = tuple(Segment(str(s["file"]), int(s["size"])) for s in fields.pop("segments"))
        meta = cls(**fields, segments=segments)
        if not segments or sum(s.size for s in segments) != meta.size:
            raise ValueError(f"the segments of {meta.key!r} do not add up to its size")
        return meta


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


def _has_size(path: Path, size: int) -> bool:
    try:
        return path.stat().st_size == size
    except FileNotFoundError:
        return False


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


def _link_parts(upload_dir: Path, target: Path, stem: str, parts: list[PartMeta]) -> tuple[Segment, ...]:
    """Hard-link the chosen part files next to the object's record, so Complete moves no data and the
    upload stays intact until the record is written. Sharing an inode is safe because no file here is
    ever written in place (a re-sent part is a new file)."""
    target.mkdir(parents=True, exist_ok=True)
    batch = uuid.uuid4().hex
    segments: list[Segment] = []
    try:
        for part in parts:
            link = target / f"{stem}.{batch}.{part.number:05d}.data"
            os.link(upload_dir / part.data_file, link)
            segments.append(Segment(link.name, part.size))
            if link.stat().st_size != part.size:  # the part changed on disk: refuse
                raise StoreError(500, "InternalError", "part data changed during completion")
    except BaseException:
        for segment in segments:
            (target / segment.file).unlink(missing_ok=True)
        raise
    fsync_dir(target)
    return tuple(segments)


class ObjectReader(io.RawIOBase):
    """An object's segment files read as one seekable stream, one file open at a time.

    The store keeps the files on disk until `close` (which calls `release`), so an overwrite or a
    delete meanwhile neither cuts the read short nor mixes two versions.
    """

    def __init__(self, paths: list[Path], sizes: list[int], release: Callable[[], None]) -> None:
        super().__init__()
        self._paths = paths
        self._ends = list(itertools.accumulate(sizes))
        self._size = self._ends[-1] if self._ends else 0
        self._pos = 0
        self._index = -1
        self._file: io.FileIO | None = None
        self._release = release

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._pos = base + offset
        return self._pos

    def read(self, size: int | None = -1) -> bytes:
        """Up to `size` bytes (all that is left if negative); short only at the end, as a file is."""
        left = self._size - self._pos if size is None or size < 0 else min(size, self._size - self._pos)
        pieces: list[bytes] = []
        while left > 0:
            index = bisect.bisect_right(self._ends, self._pos)
            file = self._segment_file(index)
            file.seek(self._pos - (self._ends[index - 1] if index else 0))
            piece = file.read(min(left, self._ends[index] - self._pos))
            if not piece:
                raise OSError(f"{self._paths[index]} is shorter than its record says")
            pieces.append(piece)
            self._pos += len(piece)
            left -= len(piece)
        return pieces[0] if len(pieces) == 1 else b"".join(pieces)

    def _segment_file(self, index: int) -> io.FileIO:
        file = self._file
        if file is None or index != self._index:
            if file is not None:
                self._file = None
                file.close()
            file = self._file = io.FileIO(self._paths[index], "r")
            self._index = index
        return file

    def readall(self) -> bytes:
        return self.read(-1)

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        data = self.read(len(view))
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            try:
                if self._file is not None:
                    self._file.close()
            finally:
                self._release()
        super().close()


class ObjectStore:
    """Buckets under `root`; an in-memory index of object records, rebuilt from disk on open."""

    def __init__(self, root: Path, buckets: Iterable[str], clock: Clock) -> None:
        self.root = root
        self._clock = clock
        self._lock = threading.RLock()
        self._upload_locks: dict[str, threading.Lock] = {}
        self._index: dict[str, dict[str, ObjectMeta]] = {}
        self._readers: Counter[Path] = Counter()  # data files that open readers still need
        self._unwanted: set[Path] = set()  # data files to remove when their last reader closes
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
                meta = ObjectMeta.from_record(json.loads(record.read_text("utf-8")))
            except (ValueError, TypeError, KeyError):
                continue
            if all(_has_size(record.parent / s.file, s.size) for s in meta.segments):
                index[meta.key] = meta
                referenced.update(s.file for s in meta.segments)
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
        """Point the key at freshly written data files, then drop the previous object's."""
        record = self._record_path(bucket, meta.key)
        with self._lock:
            old = self._bucket(bucket).get(meta.key)
            atomic_write_json(record, meta.to_record())
            self._index[bucket][meta.key] = meta
        if old is not None:
            self._discard([record.parent / s.file for s in old.segments if s not in meta.segments])
        return meta

    def _discard(self, paths: list[Path]) -> None:
        """Remove data files no record names any more; one an open reader uses goes when it closes."""
        with self._lock:
            busy = {path for path in paths if self._readers[path]}
            self._unwanted |= busy
        for path in paths:
            if path not in busy:
                path.unlink(missing_ok=True)

    def _release(self, paths: list[Path]) -> None:
        """A reader closed: remove the files it was the last to need."""
        with self._lock:
            self._readers.subtract(paths)
            done = {path for path in paths if self._readers[path] <= 0}
            for path in done:
                del self._readers[path]
            free = done & self._unwanted
            self._unwanted -= free
        for path in free:
            path.unlink(missing_ok=True)

    # --- objects -------------------------------------------------------------------------------
    def put_object(self, bucket: str, key: str, chunks: Iterable[bytes], *, content_type: str = "",
                   content_md5: str | None = None, user_meta: dict[str, str] | None = None) -> ObjectMeta:
        self._bucket(bucket)
        folder = self._record_path(bucket, key).parent
        written = _write_stream(folder, _key_id(key), chunks, content_md5)
        meta = ObjectMeta(key, written.size, written.md5.hex().upper(), written.crc64,
                          content_type or "application/octet-stream", self._clock.now(),
                          (Segment(written.path.name, written.size),), "Normal", dict(user_meta or {}))
        return self._commit(bucket, meta)

    def head(self, bucket: str, key: str) -> ObjectMeta:
        meta = self._bucket(bucket).get(key)
        if meta is None:
            raise StoreError(404, "NoSuchKey", "The specified key does not exist.")
        return meta

    def open_data(self, bucket: str, meta: ObjectMeta) -> ObjectReader:
        """The bytes of `meta` (from `head`) as one stream; NoSuchKey if the key has changed since."""
        folder = self._record_path(bucket, meta.key).parent
        paths = [folder / s.file for s in meta.segments]
        with self._lock:
            current = self._bucket(bucket).get(meta.key)
            if current is None or current.segments != meta.segments:
                raise StoreError(404, "NoSuchKey", "The specified key does not exist.")
            self._readers.update(paths)
        return ObjectReader(paths, [s.size for s in meta.segments], lambda: self._release(paths))

    def delete_object(self, bucket: str, key: str) -> None:
        """Remove the record (durably) then the data; deleting a missing key is not an error (as in OSS)."""
        record = self._record_path(bucket, key)
        with self._lock:
            meta = self._bucket(bucket).pop(key, None)
            if meta is None:
                return
            record.unlink(missing_ok=True)
        fsync_dir(record.parent)
        self._discard([record.parent / s.file for s in meta.segments])

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
        """Make the listed parts (validated as OSS does) one object, by reference: no data is copied."""
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
            segments = _link_parts(folder, target, _key_id(key), chosen)
            combined = combine_parts((p.crc64, p.size) for p in chosen)
            etag = hashlib.md5(b"".join(bytes.fromhex(p.etag) for p in chosen)).hexdigest().upper()
            meta = ObjectMeta(key, sum(p.size for p in chosen), f"{etag}-{len(chosen)}", combined,
                              str(info.get("content_type") or "application/octet-stream"),
                              self._clock.now(), segments, "Multipart")
            self._commit(bucket, meta)  # a failure leaves the links as orphans for the sweep
            shutil.rmtree(folder, ignore_errors=True)  # the object keeps its own links to the parts
        return meta

    def abort(self, bucket: str, key: str, upload_id: str) -> None:
        self._upload_info(bucket, key, upload_id)
        with self._upload_lock(upload_id):
            shutil.rmtree(self._upload_dir(bucket, upload_id), ignore_errors=True)
