"""Verification of OSS request signatures (V1 HMAC-SHA1 and V4 OSS4-HMAC-SHA256) and STS scopes.

The string-to-sign rules follow oss2 2.19's `auth.py` exactly (the client we must accept),
including its list of V1 sub-resources and its V4 URI encoding.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from artreview_platform.oss_store import StoreError

MAX_SKEW_S = 15 * 60
V4_ALGORITHM = "OSS4-HMAC-SHA256"

# The sub-resources oss2 includes in a V1 canonical resource (the subset any client here uses,
# plus the common ones; unknown parameters are ignored by both sides).
V1_SUBRESOURCES = frozenset({
    "acl", "uploadId", "uploads", "partNumber", "group", "link", "delete", "website", "location",
    "objectInfo", "objectMeta", "response-expires", "response-content-disposition", "cors", "lifecycle",
    "restore", "qos", "referer", "stat", "bucketInfo", "append", "position", "security-token", "live",
    "comp", "status", "vod", "startTime", "endTime", "x-oss-process", "symlink", "callback",
    "callback-var", "tagging", "encryption", "versions", "versioning", "versionId", "policy",
    "requestPayment", "x-oss-traffic-limit", "qosInfo", "asyncFetch", "x-oss-request-payer",
    "sequential", "inventory", "inventoryId", "continuation-token", "worm", "wormId", "wormExtend",
    "replication", "replicationLocation", "replicationProgress", "transferAcceleration", "cname",
    "metaQuery", "response-content-type", "response-content-language", "response-cache-control",
    "response-content-encoding", "logging",
})
V4_DEFAULT_SIGNED = ("content-type", "content-md5")
_V4_AUTH_RE = re.compile(r"^OSS4-HMAC-SHA256\s+(.*)$")
_V4_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-~.")


@dataclass(frozen=True)
class Credential:
    """A key pair the store accepts; STS credentials also carry a token, an expiry and a prefix."""

    access_key_id: str
    secret: str
    security_token_hash: str | None = None
    expires_at: float | None = None
    allowed_prefix: str | None = None
    issued_at: float = 0.0


@dataclass(frozen=True)
class SignedRequest:
    method: str
    bucket: str
    key: str
    params: Sequence[tuple[str, str]]
    headers: Mapping[str, str]  # lower-case names


CredentialLookup = Callable[[str], Credential | None]


def _denied(code: str, message: str, status: int = 403) -> StoreError:
    return StoreError(status, code, message)


def _check_skew(moment: datetime, now: float) -> None:
    if abs(moment.timestamp() - now) > MAX_SKEW_S:
        raise _denied("RequestTimeTooSkewed", "The difference between the request time and the current "
                      "time is too large.")


def v1_string_to_sign(req: SignedRequest) -> bytes:
    headers = req.headers
    oss_headers = sorted((k, v) for k, v in headers.items() if k.startswith("x-oss-"))
    canonical_headers = "".join(f"{k}:{v}\n" for k, v in oss_headers)
    resource = f"/{req.bucket}/{req.key}" if req.bucket else "/"
    sub = sorted((k, v) for k, v in req.params if k in V1_SUBRESOURCES)
    if sub:
        resource += "?" + "&".join(f"{k}={v}" if v else k for k, v in sub)
    date = headers.get("x-oss-date") or headers.get("date", "")
    return "\n".join([req.method, headers.get("content-md5", ""), headers.get("content-type", ""), date,
                      canonical_headers + resource]).encode("utf-8")


def v4_uri_encode(text: str, keep_slashes: bool) -> str:
    out = []
    for byte in text.encode("utf-8"):
        char = chr(byte)
        if char in _V4_SAFE or (keep_slashes and char == "/"):
            out.append(char)
        else:
            out.append(f"%{byte:02X}")
    return "".join(out)


def v4_canonical_request(req: SignedRequest, additional: Sequence[str]) -> bytes:
    uri = v4_uri_encode(f"/{req.bucket}/{req.key}" if req.bucket else "/", True)
    encoded = sorted((v4_uri_encode(k, False), v4_uri_encode(v, False)) for k, v in req.params)
    query = "&".join(f"{k}={v}" if v else k for k, v in encoded)
    signed = sorted(
        (k, v) for k, v in req.headers.items()
        if k.startswith("x-oss-") or k in V4_DEFAULT_SIGNED or k in additional
    )
    canonical_headers = "".join(f"{k}:{v}\n" for k, v in signed)
    payload = req.headers.get("x-oss-content-sha256", "UNSIGNED-PAYLOAD")
    return "\n".join([req.method, uri, query, canonical_headers, ";".join(sorted(additional)),
                      payload]).encode("utf-8")


def v4_signature(secret: str, date_time: str, region: str, product: str, canonical: bytes) -> str:
    date = date_time[:8]
    scope = f"{date}/{region}/{product}/aliyun_v4_request"
    to_sign = f"{V4_ALGORITHM}\n{date_time}\n{scope}\n{hashlib.sha256(canonical).hexdigest()}"
    key = hmac.new(("aliyun_v4" + secret).encode(), date.encode(), hashlib.sha256).digest()
    for part in (region, product, "aliyun_v4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()


class SignatureVerifier:
    """Checks who signed a request; returns the credential so the caller can apply its scope."""

    def __init__(self, lookup: CredentialLookup, region: str, now: Callable[[], float],
                 request_clock: Callable[[], float]) -> None:
        """`now` (the platform's clock) decides token expiry; `request_clock` (the wall clock, which
        clients sign with, plus any injected skew) is what request dates are compared to."""
        self._lookup = lookup
        self.region = region
        self._now = now
        self._request_clock = request_clock

    def request_time(self) -> float:
        """The store's own idea of now (what it checks request dates against, skew included)."""
        return self._request_clock()

    def _credential(self, access_key_id: str, req: SignedRequest) -> Credential:
        credential = self._lookup(access_key_id)
        if credential is None:
            raise _denied("InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.")
        if credential.security_token_hash is not None:
            token = req.headers.get("x-oss-security-token", "")
            if not token or not hmac.compare_digest(
                hashlib.sha256(token.encode()).hexdigest(), credential.security_token_hash
            ):
                raise _denied("InvalidSecurityToken", "The security token you provided is invalid.")
            if credential.expires_at is not None and self._now() >= credential.expires_at:
                raise _denied("SecurityTokenExpired", "The security token you provided has expired.")
        return credential

    def verify(self, req: SignedRequest) -> Credential:
        authorization = req.headers.get("authorization", "")
        if authorization.startswith("OSS ") and ":" in authorization:
            return self._verify_v1(req, authorization)
        if authorization.startswith(V4_ALGORITHM):
            return self._verify_v4(req, authorization)
        raise _denied("AccessDenied", "You have no right to access this object because of bucket acl.")

    def _verify_v1(self, req: SignedRequest, authorization: str) -> Credential:
        access_key_id, _, signature = authorization[4:].strip().rpartition(":")
        date_text = req.headers.get("x-oss-date") or req.headers.get("date", "")
        try:
            moment = parsedate_to_datetime(date_text)
        except (TypeError, ValueError):
            raise _denied("AccessDenied", "The request has no valid Date header.") from None
        _check_skew(moment, self._request_clock())
        credential = self._credential(access_key_id, req)
        expected = base64.b64encode(
            hmac.new(credential.secret.encode(), v1_string_to_sign(req), hashlib.sha1).digest()
        ).decode()
        if not hmac.compare_digest(expected, signature):
            raise _denied("SignatureDoesNotMatch", "The request signature we calculated does not match the "
                          "signature you provided. Check your key and signing method.")
        return credential

    def _verify_v4(self, req: SignedRequest, authorization: str) -> Credential:
        match = _V4_AUTH_RE.match(authorization)
        fields: dict[str, str] = {}
        for item in (match.group(1) if match else "").split(","):
            name, _, value = item.strip().partition("=")
            fields[name] = value
        scope = fields.get("Credential", "").split("/")
        if len(scope) != 5 or scope[4] != "aliyun_v4_request" or not fields.get("Signature"):
            raise _denied("AccessDenied", "The V4 Authorization header is malformed.", 400)
        access_key_id, scope_date, region, product = scope[:4]
        date_time = req.headers.get("x-oss-date", "")
        try:
            moment = datetime.strptime(date_time, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        except ValueError:
            raise _denied("AccessDenied", "The request has no valid x-oss-date header.") from None
        _check_skew(moment, self._request_clock())
        if scope_date != date_time[:8] or region != self.region or product != "oss":
            raise _denied("SignatureDoesNotMatch", "The credential scope does not match this request or region.")
        credential = self._credential(access_key_id, req)
        additional = [h.strip().lower() for h in fields.get("AdditionalHeaders", "").split(";") if h.strip()]
        expected = v4_signature(credential.secret, date_time, region, product,
                                v4_canonical_request(req, additional))
        if not hmac.compare_digest(expected, fields["Signature"]):
            raise _denied("SignatureDoesNotMatch", "The request signature we calculated does not match the "
                          "signature you provided. Check your key and signing method.")
        return credential


def authorize_scope(credential: Credential, req: SignedRequest) -> None:
    """STS credentials reach only keys under their prefix; listing only with such a prefix."""
    allowed = credential.allowed_prefix
    if allowed is None:
        return
    if req.key:
        if not req.key.startswith(allowed):
            raise _denied("AccessDenied", "The object is outside the prefix this security token allows.")
        return
    params = dict(req.params)
    if req.method == "GET" and params.get("prefix", "").startswith(allowed):
        return
    raise _denied("AccessDenied", "This security token does not allow bucket-level operations.")
