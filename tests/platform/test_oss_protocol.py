"""The store through the unmodified oss2 client: objects, ranges, listings, multipart, persistence."""

from __future__ import annotations

import base64
import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

import oss2
import pytest
import requests

from artreview_desktop.core.upload.crc64 import crc64
from artreview_platform.embedded import EmbeddedPlatform, start_embedded

RNG = random.Random(20261129)


def _data(size: int) -> bytes:
    return RNG.randbytes(size)


@pytest.mark.parametrize("bucket_fixture", ["dev_bucket", "dev_bucket_v4"])
def test_put_get_range_head_delete(bucket_fixture: str, request: pytest.FixtureRequest) -> None:
    bucket: oss2.Bucket = request.getfixturevalue(bucket_fixture)
    data = _data(300_001)
    key = "exams/一级/take 1+a.mp4"  # non-ASCII, space and '+' must survive both signatures
    put = bucket.put_object(key, data, headers={"Content-Type": "video/mp4", "x-oss-meta-take": "1"})
    assert put.crc == crc64(data)  # oss2 also checks this itself
    assert put.etag == hashlib.md5(data).hexdigest().upper()
    assert put.request_id
    got = bucket.get_object(key)
    assert got.read() == data
    assert got.headers["Content-Type"] == "video/mp4"
    assert bucket.get_object(key, byte_range=(1000, 1999)).read() == data[1000:2000]
    assert bucket.get_object(key, byte_range=(300_000, None)).read() == data[300_000:]
    head = bucket.head_object(key)
    assert head.content_length == len(data)
    assert head.server_crc == crc64(data)
    assert head.headers["x-oss-meta-take"] == "1"
    bucket.delete_object(key)
    with pytest.raises(oss2.exceptions.NoSuchKey):
        bucket.get_object(key)
    with pytest.raises(oss2.exceptions.NotFound) as missing:
        bucket.head_object(key)
    assert missing.value.code == "NoSuchKey"


def test_range_beyond_the_end_is_invalid(dev_bucket: oss2.Bucket) -> None:
    dev_bucket.put_object("small", b"0123456789")
    with pytest.raises(oss2.exceptions.ServerError) as err:
        dev_bucket.get_object("small", byte_range=(50, 60))
    assert (err.value.status, err.value.code) == (416, "InvalidRange")


def test_chunked_upload_body(dev_bucket: oss2.Bucket) -> None:
    pieces = [_data(70_000) for _ in range(5)]
    # A generator has no length, so requests sends it with Transfer-Encoding: chunked.
    result = dev_bucket.put_object("chunked.bin", (p for p in pieces))
    whole = b"".join(pieces)
    assert result.crc == crc64(whole)
    assert dev_bucket.get_object("chunked.bin").read() == whole


def test_content_md5_is_honoured(dev_bucket: oss2.Bucket) -> None:
    data = b"exam take bytes"
    good = base64.b64encode(hashlib.md5(data).digest()).decode()
    dev_bucket.put_object("md5-ok", data, headers={"Content-MD5": good})
    bad = base64.b64encode(hashlib.md5(b"other").digest()).decode()
    with pytest.raises(oss2.exceptions.InvalidDigest):
        dev_bucket.put_object("md5-bad", data, headers={"Content-MD5": bad})
    with pytest.raises(oss2.exceptions.NoSuchKey):
        dev_bucket.get_object("md5-bad")


def test_listing_v1_and_v2_by_prefix_delimiter_and_pages(dev_bucket: oss2.Bucket) -> None:
    keys = [f"candidates/a/{i:02d}.mp4" for i in range(7)] + ["candidates/b/x.mp4", "other/y.mp4"]
    for key in keys:
        dev_bucket.put_object(key, key.encode())
    v1 = [o.key for o in oss2.ObjectIterator(dev_bucket, prefix="candidates/a/", max_keys=3)]
    v2 = [o.key for o in oss2.ObjectIteratorV2(dev_bucket, prefix="candidates/a/", max_keys=2)]
    assert v1 == v2 == sorted(keys[:7])
    page = dev_bucket.list_objects_v2(prefix="candidates/", delimiter="/")
    assert page.prefix_list == ["candidates/a/", "candidates/b/"] and page.object_list == []
    first = dev_bucket.list_objects(prefix="candidates/a/", max_keys=4)
    assert first.is_truncated and len(first.object_list) == 4
    rest = dev_bucket.list_objects(prefix="candidates/a/", marker=first.next_marker)
    assert not rest.is_truncated and len(rest.object_list) == 3


def test_multipart_parts_listing_completion_and_combined_crc(dev_bucket: oss2.Bucket) -> None:
    key = "multi/take.mp4"
    parts_data = [_data(100 * 1024) for _ in range(4)] + [_data(12_345)]
    upload_id = dev_bucket.init_multipart_upload(key).upload_id
    infos = []
    for number in (3, 1, 5, 2, 4):  # any order, as parallel uploads finish
        result = dev_bucket.upload_part(key, upload_id, number, parts_data[number - 1])
        assert result.crc == crc64(parts_data[number - 1])
        infos.append(oss2.models.PartInfo(number, result.etag))
    listed = list(oss2.PartIterator(dev_bucket, key, upload_id, max_parts=2))  # three pages
    assert [p.part_number for p in listed] == [1, 2, 3, 4, 5]
    assert [p.size for p in listed] == [len(d) for d in parts_data]
    with pytest.raises(oss2.exceptions.ServerError) as bad_etag:
        dev_bucket.complete_multipart_upload(key, upload_id, [oss2.models.PartInfo(1, "0" * 32)])
    assert bad_etag.value.code == "InvalidPart"
    done = dev_bucket.complete_multipart_upload(key, upload_id, infos)
    whole = b"".join(parts_data)
    assert done.crc == crc64(whole)
    assert done.etag.endswith("-5")
    assert dev_bucket.get_object(key).read() == whole
    with pytest.raises(oss2.exceptions.NoSuchUpload):
        dev_bucket.list_parts(key, upload_id)


def _raw(bucket: oss2.Bucket, method: str, key: str, *, params: dict[str, str] | None = None,
         data: bytes | None = None, headers: dict[str, str] | None = None) -> requests.Response:
    """A request signed by oss2's own signer but sent as we choose (e.g. out-of-order parts)."""
    url = f"{bucket.endpoint}/{bucket.bucket_name}/{oss2.compat.urlquote(key, '')}"
    req = oss2.http.Request(method, url, data=data, params=params or {}, headers=headers or {})
    bucket.auth._sign_request(req, bucket.bucket_name, key)
    return requests.request(method, url, params=req.params, data=data, headers=dict(req.headers), timeout=10)


def test_complete_refuses_parts_out_of_order_and_too_small(dev_bucket: oss2.Bucket) -> None:
    key = "multi/order.mp4"
    upload_id = dev_bucket.init_multipart_upload(key).upload_id
    small = [dev_bucket.upload_part(key, upload_id, n, b"x" * 10).etag for n in (1, 2)]
    xml = ("<CompleteMultipartUpload>" + "".join(
        f"<Part><PartNumber>{n}</PartNumber><ETag>\"{small[n - 1]}\"</ETag></Part>" for n in (2, 1))
        + "</CompleteMultipartUpload>").encode()
    answer = _raw(dev_bucket, "POST", key, params={"uploadId": upload_id}, data=xml)
    assert answer.status_code == 400 and "<Code>InvalidPartOrder</Code>" in answer.text
    infos = [oss2.models.PartInfo(n, small[n - 1]) for n in (1, 2)]
    with pytest.raises(oss2.exceptions.ServerError) as too_small:
        dev_bucket.complete_multipart_upload(key, upload_id, infos)
    assert too_small.value.code == "EntityTooSmall"
    dev_bucket.abort_multipart_upload(key, upload_id)
    with pytest.raises(oss2.exceptions.NoSuchUpload):
        dev_bucket.upload_part(key, upload_id, 3, b"late")


def test_virtual_host_style_addressing(platform: EmbeddedPlatform, dev_bucket: oss2.Bucket) -> None:
    dev_bucket.put_object("vhost/a.txt", b"virtual host")
    url = f"{platform.oss_endpoint}/vhost/a.txt"
    req = oss2.http.Request("GET", url, headers={"Host": f"{platform.bucket}.oss-cn-hangzhou.localhost"})
    dev_bucket.auth._sign_request(req, platform.bucket, "vhost/a.txt")
    answer = requests.get(url, headers=dict(req.headers), timeout=10)
    assert answer.status_code == 200 and answer.content == b"virtual host"
    assert answer.headers["x-oss-hash-crc64ecma"] == str(crc64(b"virtual host"))
    assert answer.headers["x-oss-request-id"]


def test_unknown_bucket(platform: EmbeddedPlatform) -> None:
    assert platform.dev_access_key_id and platform.dev_access_key_secret
    other = oss2.Bucket(oss2.Auth(platform.dev_access_key_id, platform.dev_access_key_secret),
                        platform.oss_endpoint, "no-such-bucket")
    with pytest.raises(oss2.exceptions.NoSuchBucket):
        other.put_object("k", b"v")


def test_objects_survive_a_restart_and_crash_leftovers_are_swept(tmp_path: Path) -> None:
    data_dir = tmp_path / "persist"
    with start_embedded(data_dir, dev_credentials=True) as first:
        assert first.dev_access_key_id and first.dev_access_key_secret
        auth = oss2.Auth(first.dev_access_key_id, first.dev_access_key_secret)
        oss2.Bucket(auth, first.oss_endpoint, first.bucket).put_object("kept.bin", b"durable")
        bucket_name = first.bucket
    objects_dir = data_dir / "oss" / bucket_name / "objects"
    leftover = next(objects_dir.glob("*/")) / "deadbeef.1234.tmp"  # a write that crashed midway
    leftover.write_bytes(b"half")
    with start_embedded(data_dir, dev_credentials=True) as second:
        bucket = oss2.Bucket(auth, second.oss_endpoint, second.bucket)
        assert bucket.get_object("kept.bin").read() == b"durable"
        assert not leftover.exists()


def test_listing_keys_that_need_url_encoding(dev_bucket: oss2.Bucket) -> None:
    keys = sorted(["odd/钢琴 五级/第1首.mp4", "odd/a+b&c=d.mp4", "odd/100%.jpg"])
    for key in keys:
        dev_bucket.put_object(key, b"x")
    assert [o.key for o in oss2.ObjectIterator(dev_bucket, prefix="odd/")] == keys
    assert [o.key for o in oss2.ObjectIteratorV2(dev_bucket, prefix="odd/", max_keys=1)] == keys


def test_large_bodies_stream_through_in_chunks(dev_bucket: oss2.Bucket) -> None:
    """48 MiB up and down while Python's peak allocation stays a fraction of it (no whole-body buffers)."""
    import tracemalloc

    block = RNG.randbytes(1 << 20)
    count = 48

    def blocks() -> Iterator[bytes]:
        for index in range(count):
            yield index.to_bytes(4, "big") + block[4:]

    expected = hashlib.sha256()
    for piece in blocks():
        expected.update(piece)
    tracemalloc.start()
    try:
        dev_bucket.put_object("big/stream.bin", blocks())
        received = hashlib.sha256()
        for chunk in dev_bucket.get_object("big/stream.bin"):
            received.update(chunk)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert received.hexdigest() == expected.hexdigest()
    assert peak < 16 << 20, f"peak {peak / (1 << 20):.1f} MiB for a {count} MiB object"


def test_list_multipart_uploads_in_pages(dev_bucket: oss2.Bucket) -> None:
    started = sorted((key, dev_bucket.init_multipart_upload(key).upload_id)
                     for key in ("up/a.mp4", "up/b.mp4", "up/b.mp4", "other/c.mp4"))
    listed = [(u.key, u.upload_id) for u in oss2.MultipartUploadIterator(dev_bucket, prefix="up/", max_uploads=1)]
    assert listed == [s for s in started if s[0].startswith("up/")]
    for key, upload_id in started:
        dev_bucket.abort_multipart_upload(key, upload_id)
    assert list(oss2.MultipartUploadIterator(dev_bucket)) == []
