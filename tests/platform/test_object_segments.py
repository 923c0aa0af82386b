"""Multipart objects stored as their part files: reads across parts, overwrite, delete, sweep, crashes."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import oss2
import pytest

from artreview_desktop.core.upload.crc64 import crc64
from artreview_platform import oss_store
from artreview_platform.clock import Clock
from artreview_platform.oss_store import MIN_PART_SIZE, ObjectMeta, ObjectStore, StoreError

BUCKET = "takes"
RNG = random.Random(20261130)
PIECES = [RNG.randbytes(MIN_PART_SIZE), RNG.randbytes(MIN_PART_SIZE + 7), RNG.randbytes(12_345)]
WHOLE = b"".join(PIECES)
FIRST_END = len(PIECES[0])  # offset of the first byte of part 2
SECOND_END = FIRST_END + len(PIECES[1])


class PowerLoss(BaseException):
    """Stands for the process dying at an exact point."""


def _store(root: Path) -> ObjectStore:
    return ObjectStore(root, [BUCKET], Clock())


def _folder(root: Path, key: str) -> Path:
    """Where the store keeps `key`'s record and data files (the documented layout)."""
    key_id = hashlib.sha256(key.encode()).hexdigest()
    return root / BUCKET / "objects" / key_id[:2]


def _data_files(root: Path, key: str) -> set[str]:
    return {p.name for p in _folder(root, key).glob("*.data")}


def _upload_parts(store: ObjectStore, key: str, pieces: list[bytes]) -> tuple[str, list[tuple[int, str]]]:
    upload_id = store.initiate(BUCKET, key)
    wanted = [(n, store.upload_part(BUCKET, key, upload_id, n, [piece]).etag) for n, piece in enumerate(pieces, 1)]
    return upload_id, wanted


def _multipart(store: ObjectStore, key: str, pieces: list[bytes] = PIECES) -> ObjectMeta:
    upload_id, wanted = _upload_parts(store, key, pieces)
    return store.complete(BUCKET, key, upload_id, wanted)


def _read(store: ObjectStore, key: str) -> bytes:
    with store.open_data(BUCKET, store.head(BUCKET, key)) as data:
        return data.read()


def test_complete_keeps_the_parts_as_the_object_and_reads_stream_across_them(tmp_path: Path) -> None:
    store = _store(tmp_path)
    meta = _multipart(store, "a.mp4")
    assert [s.size for s in meta.segments] == [len(p) for p in PIECES]
    assert _data_files(tmp_path, "a.mp4") == {s.file for s in meta.segments}  # no joined copy was made
    assert meta.crc64 == crc64(WHOLE)
    assert list((tmp_path / BUCKET / "uploads").iterdir()) == []
    with store.open_data(BUCKET, meta) as data:
        got = b"".join(iter(lambda: data.read(7777), b""))  # reads that straddle both boundaries
        assert got == WHOLE
        data.seek(FIRST_END - 3)
        assert data.read(10) == WHOLE[FIRST_END - 3:FIRST_END + 7]  # one read spanning two files
        data.seek(FIRST_END - 1)
        assert data.read(len(PIECES[1]) + 2) == WHOLE[FIRST_END - 1:SECOND_END + 1]  # and three
        data.seek(-5, 2)
        assert data.read() == WHOLE[-5:]
        assert data.read(10) == b""
    assert _read(_store(tmp_path), "a.mp4") == WHOLE  # and after a restart


def test_get_and_range_get_across_part_boundaries_through_oss2(dev_bucket: oss2.Bucket) -> None:
    key = "multi/ranges.mp4"
    upload_id = dev_bucket.init_multipart_upload(key).upload_id
    infos = [oss2.models.PartInfo(n, dev_bucket.upload_part(key, upload_id, n, piece).etag)
             for n, piece in enumerate(PIECES, 1)]
    dev_bucket.complete_multipart_upload(key, upload_id, infos)
    got = dev_bucket.get_object(key)
    assert got.read() == WHOLE
    assert got.server_crc == crc64(WHOLE)
    for first, last in [(FIRST_END - 1, FIRST_END), (FIRST_END - 100, SECOND_END + 99),
                        (0, FIRST_END - 1), (SECOND_END, len(WHOLE) - 1), (FIRST_END, FIRST_END)]:
        assert dev_bucket.get_object(key, byte_range=(first, last)).read() == WHOLE[first:last + 1], (first, last)
    assert dev_bucket.get_object(key, byte_range=(None, 12_350)).read() == WHOLE[-12_350:]  # suffix range
    assert dev_bucket.head_object(key).content_length == len(WHOLE)


def test_a_put_over_a_multipart_object_removes_its_parts(tmp_path: Path) -> None:
    store = _store(tmp_path)
    old = _multipart(store, "a.mp4")
    new = store.put_object(BUCKET, "a.mp4", [b"replacement"])
    assert _data_files(tmp_path, "a.mp4") == {new.segments[0].file}
    assert not {s.file for s in old.segments} & _data_files(tmp_path, "a.mp4")
    assert _read(store, "a.mp4") == b"replacement"
    assert _read(_store(tmp_path), "a.mp4") == b"replacement"


def test_a_multipart_object_over_a_multipart_object(tmp_path: Path) -> None:
    store = _store(tmp_path)
    _multipart(store, "a.mp4")
    second = [RNG.randbytes(MIN_PART_SIZE), b"tail"]
    new = _multipart(store, "a.mp4", second)
    assert _data_files(tmp_path, "a.mp4") == {s.file for s in new.segments}
    assert _read(store, "a.mp4") == b"".join(second)


def test_delete_removes_the_record_and_every_part(tmp_path: Path) -> None:
    store = _store(tmp_path)
    _multipart(store, "a.mp4")
    store.delete_object(BUCKET, "a.mp4")
    assert list(_folder(tmp_path, "a.mp4").iterdir()) == []
    with pytest.raises(StoreError) as missing:
        store.head(BUCKET, "a.mp4")
    assert missing.value.code == "NoSuchKey"
    with pytest.raises(StoreError):
        _store(tmp_path).head(BUCKET, "a.mp4")


def test_the_sweep_keeps_referenced_parts_and_removes_orphans(tmp_path: Path) -> None:
    store = _store(tmp_path)
    meta = _multipart(store, "a.mp4")
    folder = _folder(tmp_path, "a.mp4")
    stem = next(folder.glob("*.json")).stem
    orphans = [folder / f"{stem}.{'e' * 32}.00001.data",  # links of a Complete that died before its record
               folder / f"{stem}.{'f' * 32}.data", folder / f"{stem}.{'f' * 32}.tmp"]
    for orphan in orphans:
        orphan.write_bytes(b"orphan")
    reopened = _store(tmp_path)
    assert _data_files(tmp_path, "a.mp4") == {s.file for s in meta.segments}
    assert not any(o.exists() for o in orphans)
    assert _read(reopened, "a.mp4") == WHOLE


def test_an_object_with_a_missing_part_is_not_served(tmp_path: Path) -> None:
    _multipart(_store(tmp_path), "a.mp4")
    folder = _folder(tmp_path, "a.mp4")
    sorted(folder.glob("*.data"))[1].unlink()  # lost outside the store's control
    with pytest.raises(StoreError):
        _store(tmp_path).head(BUCKET, "a.mp4")
    assert list(folder.glob("*.data")) == []  # its surviving parts are orphans now


def test_a_crash_after_the_record_before_the_old_parts_go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store(tmp_path)
    old = _multipart(store, "a.mp4")

    def die(self: ObjectStore, paths: list[Path]) -> None:
        raise PowerLoss

    monkeypatch.setattr(ObjectStore, "_discard", die)
    with pytest.raises(PowerLoss):
        store.put_object(BUCKET, "a.mp4", [b"new version"])
    assert {s.file for s in old.segments} <= _data_files(tmp_path, "a.mp4")  # the old parts outlived the crash
    monkeypatch.undo()
    reopened = _store(tmp_path)
    assert _read(reopened, "a.mp4") == b"new version"
    assert len(_data_files(tmp_path, "a.mp4")) == 1  # the old parts were swept


def test_a_crash_before_the_record_leaves_the_old_object_and_the_upload(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store(tmp_path)
    store.put_object(BUCKET, "a.mp4", [b"old version"])
    upload_id, wanted = _upload_parts(store, "a.mp4", PIECES)

    def die(path: Path, value: object) -> None:
        raise PowerLoss

    monkeypatch.setattr(oss_store, "atomic_write_json", die)
    with pytest.raises(PowerLoss):
        store.complete(BUCKET, "a.mp4", upload_id, wanted)
    assert len(_data_files(tmp_path, "a.mp4")) == 1 + len(PIECES)  # the old object and the new links
    monkeypatch.undo()
    reopened = _store(tmp_path)
    assert _read(reopened, "a.mp4") == b"old version"
    assert len(_data_files(tmp_path, "a.mp4")) == 1  # the links were swept...
    reopened.complete(BUCKET, "a.mp4", upload_id, wanted)  # ...and the upload can still complete
    assert _read(reopened, "a.mp4") == WHOLE


def test_a_crash_after_the_record_before_the_upload_folder_goes(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store(tmp_path)
    upload_id, wanted = _upload_parts(store, "a.mp4", PIECES)

    def die(path: Path, ignore_errors: bool = False) -> None:
        raise PowerLoss

    monkeypatch.setattr(oss_store.shutil, "rmtree", die)
    with pytest.raises(PowerLoss):
        store.complete(BUCKET, "a.mp4", upload_id, wanted)
    monkeypatch.undo()
    reopened = _store(tmp_path)
    assert _read(reopened, "a.mp4") == WHOLE  # the record was written: the object exists
    assert [u for u, _ in reopened.list_uploads(BUCKET)] == [upload_id]  # and the upload lingers, as before
    reopened.abort(BUCKET, "a.mp4", upload_id)  # aborting it must not take the object's parts along
    assert _read(_store(tmp_path), "a.mp4") == WHOLE


def test_an_open_reader_outlives_an_overwrite_and_the_parts_go_when_it_closes(tmp_path: Path) -> None:
    store = _store(tmp_path)
    old = _multipart(store, "a.mp4")
    reader = store.open_data(BUCKET, old)
    assert reader.read(FIRST_END + 1) == WHOLE[:FIRST_END + 1]
    new = store.put_object(BUCKET, "a.mp4", [b"new"])
    with pytest.raises(StoreError):
        store.open_data(BUCKET, old)  # a stale lookup is NoSuchKey, never the new bytes under old metadata
    assert reader.read() == WHOLE[FIRST_END + 1:]  # the rest of the old version, not a mix
    assert {s.file for s in old.segments} <= _data_files(tmp_path, "a.mp4")
    reader.close()
    assert _data_files(tmp_path, "a.mp4") == {new.segments[0].file}
    store.delete_object(BUCKET, "a.mp4")
    assert _data_files(tmp_path, "a.mp4") == set()


def test_a_record_from_before_segments_still_reads(tmp_path: Path) -> None:
    store = _store(tmp_path)
    meta = store.put_object(BUCKET, "old.bin", [b"written by the previous store"])
    record = next(_folder(tmp_path, "old.bin").glob("*.json"))
    raw = json.loads(record.read_text())
    raw["data_file"] = raw.pop("segments")[0]["file"]  # the single-file record format
    record.write_text(json.dumps(raw))
    reopened = _store(tmp_path)
    assert reopened.head(BUCKET, "old.bin").segments == meta.segments
    assert _read(reopened, "old.bin") == b"written by the previous store"
    reopened.put_object(BUCKET, "old.bin", [b"v2"])
    assert _data_files(tmp_path, "old.bin") == {reopened.head(BUCKET, "old.bin").segments[0].file}
