"""OSS XML bodies, shaped as oss2 parses them (no namespace, `NextPartNumberMarker` always present)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from urllib.parse import quote
from xml.sax.saxutils import escape

from artreview_platform.oss_store import ObjectMeta, PartMeta

HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'


def iso8601(moment: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(moment))


def element(tag: str, value: object) -> str:
    return f"<{tag}>{escape(str(value))}</{tag}>"


def error_xml(code: str, message: str, request_id: str, host: str) -> bytes:
    body = "".join([element("Code", code), element("Message", message), element("RequestId", request_id),
                    element("HostId", host)])
    return (HEADER + f"<Error>{body}</Error>").encode()


def initiate_result(bucket: str, key: str, upload_id: str) -> bytes:
    body = element("Bucket", bucket) + element("Key", key) + element("UploadId", upload_id)
    return (HEADER + f"<InitiateMultipartUploadResult>{body}</InitiateMultipartUploadResult>").encode()


def complete_result(bucket: str, key: str, etag: str, location: str) -> bytes:
    body = element("Location", location) + element("Bucket", bucket) + element("Key", key) + element(
        "ETag", f'"{etag}"')
    return (HEADER + f"<CompleteMultipartUploadResult>{body}</CompleteMultipartUploadResult>").encode()


def list_parts_result(bucket: str, key: str, upload_id: str, marker: int, max_parts: int,
                      parts: Sequence[PartMeta], truncated: bool) -> bytes:
    next_marker = parts[-1].number if parts else marker
    items = "".join(
        "<Part>" + element("PartNumber", p.number) + element("LastModified", iso8601(p.last_modified))
        + element("ETag", f'"{p.etag}"') + element("HashCrc64ecma", p.crc64) + element("Size", p.size)
        + "</Part>"
        for p in parts
    )
    body = (element("Bucket", bucket) + element("Key", key) + element("UploadId", upload_id)
            + element("PartNumberMarker", marker) + element("NextPartNumberMarker", next_marker)
            + element("MaxParts", max_parts) + element("IsTruncated", str(truncated).lower()) + items)
    return (HEADER + f"<ListPartsResult>{body}</ListPartsResult>").encode()


def _contents(meta: ObjectMeta, url_encode: bool) -> str:
    key = quote(meta.key, safe="") if url_encode else meta.key
    return ("<Contents>" + element("Key", key) + element("LastModified", iso8601(meta.last_modified))
            + element("ETag", f'"{meta.etag}"') + element("Type", meta.object_type) + element("Size", meta.size)
            + element("StorageClass", "Standard")
            + "<Owner>" + element("ID", "artreview") + element("DisplayName", "artreview") + "</Owner>"
            + "</Contents>")


def list_objects_result(
    *, bucket: str, prefix: str, delimiter: str, max_keys: int, objects: Sequence[ObjectMeta],
    prefixes: Sequence[str], truncated: bool, next_marker: str, url_encode: bool, version: int,
    marker: str = "", continuation_token: str = "", next_token: str = "", start_after: str = "",
) -> bytes:
    def enc(value: str) -> str:
        return quote(value, safe="") if url_encode else value

    head = element("Name", bucket) + element("Prefix", enc(prefix))
    if version == 1:
        head += element("Marker", enc(marker))
    else:
        if continuation_token:
            head += element("ContinuationToken", continuation_token)
        if start_after:
            head += element("StartAfter", enc(start_after))
    head += element("MaxKeys", max_keys) + element("Delimiter", enc(delimiter))
    head += element("IsTruncated", str(truncated).lower())
    if url_encode:
        head += element("EncodingType", "url")
    if truncated:
        head += element("NextMarker", enc(next_marker)) if version == 1 else element(
            "NextContinuationToken", next_token)
    if version == 2:
        head += element("KeyCount", len(objects) + len(prefixes))
    body = head + "".join(_contents(m, url_encode) for m in objects) + "".join(
        "<CommonPrefixes>" + element("Prefix", enc(p)) + "</CommonPrefixes>" for p in prefixes)
    return (HEADER + f"<ListBucketResult>{body}</ListBucketResult>").encode()


def list_uploads_result(bucket: str, prefix: str, key_marker: str, upload_id_marker: str, max_uploads: int,
                        uploads: Sequence[tuple[str, str, float]], truncated: bool, url_encode: bool) -> bytes:
    """ListMultipartUploads; `uploads` are (key, upload id, initiated) in listing order."""

    def enc(value: str) -> str:
        return quote(value, safe="") if url_encode else value

    next_key, next_id = (uploads[-1][0], uploads[-1][1]) if uploads else ("", "")
    body = (element("Bucket", bucket) + element("KeyMarker", enc(key_marker))
            + element("UploadIdMarker", upload_id_marker) + element("NextKeyMarker", enc(next_key))
            + element("NextUploadIdMarker", next_id) + element("Delimiter", "") + element("Prefix", enc(prefix))
            + element("MaxUploads", max_uploads) + element("IsTruncated", str(truncated).lower()))
    if url_encode:
        body += element("EncodingType", "url")
    body += "".join("<Upload>" + element("Key", enc(key)) + element("UploadId", upload_id)
                    + element("Initiated", iso8601(initiated)) + "</Upload>" for key, upload_id, initiated in uploads)
    return (HEADER + f"<ListMultipartUploadsResult>{body}</ListMultipartUploadsResult>").encode()
