"""The OSS REST protocol over `http.server`: enough of it that the unmodified oss2 client works.

Routing accepts path-style (`/bucket/key`) and virtual-host-style (`Host: bucket.endpoint`)
addresses. Every request is authenticated (V1 or V4 signature), scoped (STS prefix) and then
served from `ObjectStore`. Bodies stream in both directions.
"""

from __future__ import annotations

import base64
import logging
import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import formatdate
from urllib.parse import parse_qsl, unquote, urlsplit
from xml.etree import ElementTree

from artreview_platform import oss_xml
from artreview_platform.faults import ConnectionDropped, FaultPlan
from artreview_platform.httpbase import CHUNK, BadRequestBody, BodyReader, LoggingHandler, throttle
from artreview_platform.oss_auth import SignatureVerifier, SignedRequest, authorize_scope
from artreview_platform.oss_store import ObjectMeta, ObjectReader, ObjectStore, StoreError

log = logging.getLogger("artreview_platform.oss")
DRAIN_LIMIT = 64 << 20
XML_LIMIT = 1 << 20


@dataclass
class OssContext:
    """What every store request handler needs; shared by all handler threads."""

    store: ObjectStore
    verifier: SignatureVerifier
    faults: FaultPlan
    counters: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, operation: str) -> None:
        with self._lock:
            self.counters[operation] = self.counters.get(operation, 0) + 1

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return dict(self.counters)


def _parse_range(header: str, size: int) -> tuple[int, int] | None:
    """(first, last) inclusive, or None for 'whole object' (OSS ignores malformed ranges)."""
    if not header.startswith("bytes=") or "," in header:
        return None
    first_text, _, last_text = header[6:].strip().partition("-")
    try:
        if first_text == "":
            length = int(last_text)
            if length <= 0:
                return None
            return max(0, size - length), size - 1
        first = int(first_text)
        last = int(last_text) if last_text else size - 1
    except ValueError:
        return None
    if first > last and last_text:
        return None
    if first >= size:
        raise StoreError(416, "InvalidRange", "The requested range cannot be satisfied.")
    return first, min(last, size - 1)


def make_handler(ctx: OssContext) -> type[LoggingHandler]:
    class OssHandler(LoggingHandler):
        logger = logging.getLogger("artreview_platform.oss.http")

        def date_time_string(self, timestamp: float | None = None) -> str:
            """The one `Date` header (send_response adds it) shows the store's clock, skew included,
            so clients can correct their clocks from it as they do with OSS."""
            return formatdate(ctx.verifier.request_time() if timestamp is None else timestamp, usegmt=True)

        # --- plumbing ------------------------------------------------------------------------
        def _setup(self) -> None:
            self.request_id = uuid.uuid4().hex[:24].upper()
            parts = urlsplit(self.path)
            self.params = parse_qsl(parts.query, keep_blank_values=True)
            self.param = dict(self.params)
            host = (self.headers.get("Host") or "").split(":")[0]
            path = parts.path
            first_label = host.split(".")[0] if "." in host else ""
            if first_label and ctx.store.has_bucket(first_label) and not host.replace(".", "").isdigit():
                self.bucket, self.key = first_label, unquote(path[1:])  # virtual-host style
            else:
                bucket, _, key = path[1:].partition("/")
                self.bucket, self.key = unquote(bucket), unquote(key)
            self.body: BodyReader | None = None
            self.body_done = False

        def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None,
                  content_type: str = "application/xml") -> None:
            self.send_response(status)
            self.send_header("x-oss-request-id", self.request_id)
            self.send_header("Server", "AliyunOSS")
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            if body or status not in (204,):
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body and self.command != "HEAD":
                self.wfile.write(body)

        def _error(self, err: StoreError) -> None:
            if self.body is not None and not self.body_done:
                # Read what the client is still sending so it sees our answer, not a broken pipe.
                try:
                    if self.body.chunked or int(self.headers.get("Content-Length") or 0) <= DRAIN_LIMIT:
                        self.body.drain()
                    else:
                        self.close_connection = True
                except (ConnectionDropped, BadRequestBody):
                    self.close_connection = True
            body = oss_xml.error_xml(err.code, err.message, self.request_id, self.headers.get("Host") or "")
            headers = {"x-oss-ec": err.code}
            if self.command == "HEAD":
                headers["x-oss-err"] = base64.b64encode(body).decode()
            self._send(err.status, body, headers)

        def _object_headers(self, meta: ObjectMeta) -> dict[str, str]:
            headers = {
                "ETag": f'"{meta.etag}"', "x-oss-hash-crc64ecma": str(meta.crc64),
                "Last-Modified": formatdate(meta.last_modified, usegmt=True),
                "x-oss-object-type": meta.object_type, "x-oss-storage-class": "Standard",
                "Accept-Ranges": "bytes",
            }
            headers.update({f"x-oss-meta-{k}": v for k, v in meta.user_meta.items()})
            return headers

        def _handle(self) -> None:
            self._setup()
            try:
                self.body = BodyReader(self.rfile, self.headers, ctx.faults,
                                       ctx.faults.take_drop(self.path, "request"))
                failure = ctx.faults.take_failure(self.command, self.path)
                if failure is not None:
                    raise StoreError(failure[0], failure[1], "fault injection")
                if not self.bucket:
                    raise StoreError(403, "AccessDenied", "Listing buckets is not supported here.")
                if not ctx.store.has_bucket(self.bucket):
                    raise StoreError(404, "NoSuchBucket", "The specified bucket does not exist.")
                signed = SignedRequest(self.command, self.bucket, self.key, self.params,
                                       {k.lower(): v for k, v in self.headers.items()})
                credential = ctx.verifier.verify(signed)
                authorize_scope(credential, signed)
                self._dispatch()
            except BadRequestBody as exc:
                self.close_connection = True
                self._error(StoreError(400, "InvalidArgument", str(exc)))
            except StoreError as err:
                self._error(err)
            except ConnectionDropped:
                self.drop_connection()
            except ConnectionError:
                self.drop_connection()  # the client went away mid-request or mid-answer
            except Exception:
                self.logger.exception("unexpected error in %s", self.command)
                self.close_connection = True
                self._error(StoreError(500, "InternalError", "We encountered an internal error. Please try again."))

        do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle

        def _chunks(self) -> Iterable[bytes]:
            assert self.body is not None
            yield from self.body
            self.body_done = True

        def _xml_body(self) -> ElementTree.Element:
            assert self.body is not None
            data = self.body.read_all(XML_LIMIT)
            self.body_done = True
            try:
                return ElementTree.fromstring(data)
            except ElementTree.ParseError:
                raise StoreError(400, "MalformedXML", "The XML you provided was not well-formed.") from None

        # --- operations ------------------------------------------------------------------------
        def _dispatch(self) -> None:
            method, param = self.command, self.param
            if not self.key:
                if method == "GET" and "uploads" in param:
                    return self._list_uploads()
                if method == "GET":
                    return self._list_objects()
                raise StoreError(400, "NotImplemented", "Only listings are implemented at bucket level.")
            if method == "PUT" and "uploadId" in param:
                return self._upload_part()
            if method == "PUT":
                return self._put_object()
            if method == "POST" and "uploads" in param:
                ctx.count("InitiateMultipartUpload")
                upload_id = ctx.store.initiate(self.bucket, self.key, self.headers.get("Content-Type") or "")
                self.body_done = True
                return self._send(200, oss_xml.initiate_result(self.bucket, self.key, upload_id))
            if method == "POST" and "uploadId" in param:
                return self._complete()
            if method == "GET" and "uploadId" in param:
                return self._list_parts()
            if method == "DELETE" and "uploadId" in param:
                ctx.count("AbortMultipartUpload")
                ctx.store.abort(self.bucket, self.key, param["uploadId"])
                return self._send(204)
            if method in ("GET", "HEAD"):
                return self._get_object()
            if method == "DELETE":
                ctx.count("DeleteObject")
                ctx.store.delete_object(self.bucket, self.key)
                return self._send(204)
            raise StoreError(405, "MethodNotAllowed", "The specified method is not allowed against this resource.")

        def _put_object(self) -> None:
            ctx.count("PutObject")
            meta_headers = {k.lower()[len("x-oss-meta-"):]: v for k, v in self.headers.items()
                            if k.lower().startswith("x-oss-meta-")}
            meta = ctx.store.put_object(self.bucket, self.key, self._chunks(),
                                        content_type=self.headers.get("Content-Type") or "",
                                        content_md5=self.headers.get("Content-MD5"), user_meta=meta_headers)
            self._send(200, headers={"ETag": f'"{meta.etag}"', "x-oss-hash-crc64ecma": str(meta.crc64)})

        def _part_number(self, name: str = "partNumber") -> int:
            try:
                return int(self.param.get(name, ""))
            except ValueError:
                raise StoreError(400, "InvalidArgument", f"{name} must be an integer.") from None

        def _upload_part(self) -> None:
            ctx.count("UploadPart")
            part = ctx.store.upload_part(self.bucket, self.key, self.param["uploadId"], self._part_number(),
                                         self._chunks(), self.headers.get("Content-MD5"))
            self._send(200, headers={"ETag": f'"{part.etag}"', "x-oss-hash-crc64ecma": str(part.crc64)})

        def _list_parts(self) -> None:
            ctx.count("ListParts")
            marker = self._part_number("part-number-marker") if self.param.get("part-number-marker") else 0
            max_parts = max(1, min(1000, self._part_number("max-parts") if self.param.get("max-parts") else 1000))
            parts = [p for p in ctx.store.parts(self.bucket, self.key, self.param["uploadId"]) if p.number > marker]
            page = parts[:max_parts]
            self._send(200, oss_xml.list_parts_result(self.bucket, self.key, self.param["uploadId"], marker,
                                                      max_parts, page, len(parts) > max_parts))

        def _complete(self) -> None:
            ctx.count("CompleteMultipartUpload")
            root = self._xml_body()
            wanted: list[tuple[int, str]] = []
            for node in root.findall("Part"):
                number, etag = node.findtext("PartNumber"), node.findtext("ETag")
                if number is None or etag is None or not number.strip().isdigit():
                    raise StoreError(400, "MalformedXML", "Each Part needs a PartNumber and an ETag.")
                wanted.append((int(number), etag))
            meta = ctx.store.complete(self.bucket, self.key, self.param["uploadId"], wanted)
            location = f"http://{self.headers.get('Host')}/{self.bucket}/{self.key}"
            self._send(200, oss_xml.complete_result(self.bucket, self.key, meta.etag, location),
                       {"ETag": f'"{meta.etag}"', "x-oss-hash-crc64ecma": str(meta.crc64)})

        def _get_object(self) -> None:
            ctx.count("HeadObject" if self.command == "HEAD" else "GetObject")
            meta = ctx.store.head(self.bucket, self.key)
            with ctx.store.open_data(self.bucket, meta) as data:  # NoSuchKey if replaced since `head`
                self._send_object(meta, data)

        def _send_object(self, meta: ObjectMeta, data: ObjectReader) -> None:
            headers = self._object_headers(meta)
            span = _parse_range(self.headers.get("Range", ""), meta.size) if self.headers.get("Range") else None
            status, first, length = 200, 0, meta.size
            if span is not None:
                status, first, length = 206, span[0], span[1] - span[0] + 1
                headers["Content-Range"] = f"bytes {span[0]}-{span[1]}/{meta.size}"
            self.send_response(status)
            self.send_header("x-oss-request-id", self.request_id)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Type", meta.content_type)
            self.send_header("Content-Length", str(length))
            self.end_headers()
            if self.command == "HEAD":
                return
            drop_after = ctx.faults.take_drop(self.path, "response")
            sent = 0
            data.seek(first)
            while sent < length:
                chunk = data.read(min(CHUNK, length - sent))
                if not chunk:
                    break
                if drop_after is not None and sent + len(chunk) >= drop_after:
                    self.wfile.write(chunk[: max(0, drop_after - sent)])
                    self.wfile.flush()
                    raise ConnectionDropped("fault injection: drop response")
                self.wfile.write(chunk)
                sent += len(chunk)
                throttle(ctx.faults, len(chunk))

        def _list_uploads(self) -> None:
            ctx.count("ListMultipartUploads")
            param = self.param
            prefix, key_marker, id_marker = param.get("prefix", ""), param.get("key-marker", ""), param.get(
                "upload-id-marker", "")
            try:
                max_uploads = max(1, min(1000, int(param.get("max-uploads") or 1000)))
            except ValueError:
                raise StoreError(400, "InvalidArgument", "max-uploads must be an integer.") from None
            everything = sorted((str(info["key"]), upload_id, float(info.get("initiated", 0)))
                                for upload_id, info in ctx.store.list_uploads(self.bucket)
                                if str(info["key"]).startswith(prefix))
            after = [u for u in everything if u[0] > key_marker or (u[0] == key_marker and id_marker
                                                                     and u[1] > id_marker)]
            page = after[:max_uploads]
            self._send(200, oss_xml.list_uploads_result(self.bucket, prefix, key_marker, id_marker, max_uploads,
                                                        page, len(after) > max_uploads,
                                                        param.get("encoding-type") == "url"))

        def _list_objects(self) -> None:
            ctx.count("ListObjects")
            param = self.param
            version = 2 if param.get("list-type") == "2" else 1
            prefix, delimiter = param.get("prefix", ""), param.get("delimiter", "")
            try:
                max_keys = max(1, min(1000, int(param.get("max-keys") or 100)))
            except ValueError:
                raise StoreError(400, "InvalidArgument", "max-keys must be an integer.") from None
            token = param.get("continuation-token", "")
            if version == 2:
                try:
                    marker = base64.urlsafe_b64decode(token.encode()).decode() if token else param.get(
                        "start-after", "")
                except (ValueError, UnicodeDecodeError):
                    raise StoreError(400, "InvalidArgument", "The continuation token is not valid.") from None
            else:
                marker = param.get("marker", "")
            objects: list[ObjectMeta] = []
            prefixes: list[str] = []
            truncated, last = False, ""
            for meta in ctx.store.list_keys(self.bucket, prefix):
                if meta.key <= marker or (delimiter and marker.endswith(delimiter) and meta.key.startswith(marker)):
                    continue
                rest = meta.key[len(prefix):]
                common = prefix + rest[: rest.index(delimiter) + len(delimiter)] if delimiter and delimiter in rest \
                    else None
                if common is not None and prefixes and prefixes[-1] == common:
                    continue
                if len(objects) + len(prefixes) >= max_keys:
                    truncated = True
                    break
                if common is not None:
                    prefixes.append(common)
                    last = common
                else:
                    objects.append(meta)
                    last = meta.key
            next_token = base64.urlsafe_b64encode(last.encode()).decode() if truncated else ""
            body = oss_xml.list_objects_result(
                bucket=self.bucket, prefix=prefix, delimiter=delimiter, max_keys=max_keys, objects=objects,
                prefixes=prefixes, truncated=truncated, next_marker=last,
                url_encode=param.get("encoding-type") == "url", version=version, marker=marker,
                continuation_token=token, next_token=next_token, start_after=param.get("start-after", ""),
            )
            self._send(200, body)

    return OssHandler

