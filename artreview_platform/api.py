"""The platform's JSON API under /api/v1: routing, bearer auth, error answers, dev endpoints."""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from artreview_desktop.core.privacy.redact import redact
from artreview_platform import openapi, policy_texts
from artreview_platform.clock import Clock
from artreview_platform.crash_reports import CrashReportStore, OperationLogStore
from artreview_platform.errors import ApiError
from artreview_platform.faults import ConnectionDropped, FaultPlan
from artreview_platform.httpbase import CHUNK, BadRequestBody, BodyReader, LoggingHandler, throttle
from artreview_platform.releases import ReleaseStore
from artreview_platform.service_account import AccountService, require_role
from artreview_platform.service_exams import ExamService
from artreview_platform.sessions import ROLE_CANDIDATE, Principal, SessionService
from artreview_platform.sms import DevInboxGateway, mask_phone

PREFIX = "/api/v1"
JSON_LIMIT = 64 * 1024
APP_VERSION = "0.1.0"


@dataclass
class Request:
    method: str
    params: dict[str, str]
    query: dict[str, str]
    raw_body: bytes
    client_address: str
    authorization: str | None
    sessions: SessionService
    range_header: str = ""

    def json(self) -> Any:
        if not self.raw_body:
            return {}
        try:
            return json.loads(self.raw_body)
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "invalid_json", "the body is not valid JSON") from None

    @property
    def principal(self) -> Principal:
        return self.sessions.authenticate(self.authorization)

    def optional_principal(self) -> Principal | None:
        return self.principal if self.authorization else None


@dataclass(frozen=True)
class Download:
    """A binary answer (an app package): the handler streams it, honouring Range and faults."""

    data: bytes
    range_header: str


Answer = tuple[int, Any]
Route = tuple[str, re.Pattern[str], Callable[[Request], Answer]]


@dataclass
class ApiContext:
    """Everything the handler threads share."""

    accounts: AccountService
    exams: ExamService
    sessions: SessionService
    inbox: DevInboxGateway
    faults: FaultPlan
    clock: Clock
    api_url: str = ""
    releases: ReleaseStore = field(default_factory=ReleaseStore)
    crash_reports: CrashReportStore | None = None
    operation_logs: OperationLogStore | None = None
    policy: policy_texts.PolicyPublisher = field(default_factory=policy_texts.PolicyPublisher)
    routes: list[Route] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.routes = self._build_routes()

    def _build_routes(self) -> list[Route]:
        a, e = self.accounts, self.exams
        table: list[tuple[str, str, Callable[[Request], Answer]]] = [
            ("GET", "/health", lambda r: (200, {"status": "ok", "time": self.clock.now(), "version": APP_VERSION,
                                                "policy_version": self.policy.current.versions["privacy_policy"],
                                                "children_policy_version":
                                                    self.policy.current.versions["children_statement"]})),
            ("GET", "/policy/texts/{document}/{language}", self._policy_text),
            ("GET", "/openapi.json", lambda r: (200, openapi.document(self.api_url))),
            ("POST", "/auth/sms-code", lambda r: (202, a.request_code(r.json(), r.client_address,
                                                                      r.optional_principal()))),
            ("POST", "/auth/login", lambda r: (200, a.login(r.json()))),
            ("POST", "/auth/refresh", lambda r: (200, a.refresh(r.json()))),
            ("POST", "/auth/logout", self._logout),
            ("GET", "/me", lambda r: (200, a.profile(r.principal))),
            ("PATCH", "/me", lambda r: (200, a.update_profile(r.principal, r.json()))),
            ("POST", "/me/phone", lambda r: (200, a.change_phone(r.principal, r.json()))),
            ("GET", "/me/export", lambda r: (200, a.export(r.principal))),
            ("POST", "/me/delete", lambda r: (200, a.delete_account(r.principal, r.json()))),
            ("GET", "/me/consents", lambda r: (200, a.consents(r.principal))),
            ("POST", "/me/consents", lambda r: (201, a.record_consent(r.principal, r.json()))),
            ("GET", "/exams", lambda r: (200, e.exams(r.principal))),
            ("GET", "/exams/{exam_id}", lambda r: (200, e.exam(r.principal, r.params["exam_id"]))),
            ("POST", "/exams/{exam_id}/payment-orders",
             lambda r: (201, e.create_order(r.principal, r.params["exam_id"], r.json()))),
            ("GET", "/payment-orders/{order_id}", lambda r: (200, e.order(r.principal, r.params["order_id"]))),
            ("POST", "/exams/{exam_id}/upload-credentials",
             lambda r: (201, e.upload_credentials(r.principal, r.params["exam_id"]))),
            ("POST", "/exams/{exam_id}/submissions",
             lambda r: (201, e.submit(r.principal, r.params["exam_id"], r.json()))),
            ("GET", "/exams/{exam_id}/submissions",
             lambda r: (200, e.submissions(r.principal, r.params["exam_id"]))),
            ("GET", "/policy", self._policy),
            ("GET", "/app/latest", self._app_latest),
            ("GET", "/app/download/{file_name}", self._app_download),
            ("POST", "/crash-reports", self._crash_report),
            ("POST", "/me/operation-log", self._operation_log),
            ("POST", "/centre/login", lambda r: (200, e.centre_login(r.json()))),
            ("POST", "/centre/check-ins", lambda r: (201, e.check_in(r.principal, r.json()))),
            ("GET", "/centre/check-ins", lambda r: (200, e.check_ins(r.principal))),
            ("GET", "/dev/sms-inbox", self._inbox),
            ("POST", "/dev/payment-orders/{order_id}/settle", lambda r: (200, e.settle_order(r.params["order_id"]))),
            ("POST", "/dev/faults", self._faults),
            ("POST", "/dev/clock", self._clock),
        ]
        routes = []
        for method, template, func in table:
            pattern = re.sub(r"\{(\w+)\}", r"(?P<\1>[A-Za-z0-9_.-]{1,64})", template)
            routes.append((method, re.compile(f"^{pattern}$"), func))
        return routes

    def _logout(self, request: Request) -> Answer:
        self.sessions.revoke(request.principal.session_id)
        return 200, {"logged_out": True}

    def _policy(self, request: Request) -> Answer:
        release = self.policy.current
        return 200, {"version": release.versions["privacy_policy"],
                     "children_version": release.versions["children_statement"],
                     "published_at": release.effective,
                     "changes": release.changes,
                     "text_url": f"{self.api_url}/policy/texts/privacy_policy/zh_CN",
                     "children_text_url": f"{self.api_url}/policy/texts/children_statement/zh_CN"}

    def _policy_text(self, request: Request) -> Answer:
        document, language = request.params["document"], request.params["language"]
        if document not in policy_texts.DOCUMENTS or language not in policy_texts.LANGUAGES:
            raise ApiError(404, "not_found", "no such policy text")
        release = self.policy.current
        return 200, {"document": document, "language": language, "version": release.versions[document],
                     "markdown": release.text(document, language)}

    def _app_latest(self, request: Request) -> Answer:
        platform_name = request.query.get("platform", "linux")
        if platform_name not in ("linux", "windows", "macos"):
            raise ApiError(400, "invalid_request", "platform must be linux, windows or macos")
        manifest = self.releases.manifest(platform_name, self.api_url)
        if manifest is None:
            raise ApiError(404, "no_release", f"no release for {platform_name}")
        return 200, manifest

    def _app_download(self, request: Request) -> Answer:
        data = self.releases.payload(request.params["file_name"])
        if data is None:
            raise ApiError(404, "not_found", "no such package")
        return 200, Download(data, request.range_header)

    def _crash_report(self, request: Request) -> Answer:
        if self.crash_reports is None:
            raise ApiError(404, "not_found", "crash reports are not collected here")
        return 201, self.crash_reports.store(request.json(), self.clock.now())

    def _operation_log(self, request: Request) -> Answer:
        require_role(request.principal, ROLE_CANDIDATE)
        if self.operation_logs is None:
            raise ApiError(404, "not_found", "operation logs are not collected here")
        return 201, self.operation_logs.store(request.principal.account_id, request.json(), self.clock.now())

    def _inbox(self, request: Request) -> Answer:
        phone = request.query.get("phone") or None
        messages = self.inbox.messages(phone)
        return 200, {"messages": [{"phone_masked": mask_phone(m.phone), "purpose": m.purpose, "code": m.code,
                                   "text": m.text, "sent_at": m.sent_at} for m in messages]}

    def _faults(self, request: Request) -> Answer:
        body = request.json()
        if not isinstance(body, dict):
            raise ApiError(400, "invalid_request", "the body must be a JSON object")
        try:
            self.faults.configure(body)
        except (KeyError, TypeError, ValueError) as exc:
            raise ApiError(400, "invalid_request", f"bad fault description: {exc}") from None
        if body.get("expire_tokens_now"):
            self.faults.expire_tokens_now(self.clock.now())
        return 200, {"configured": True}

    def _clock(self, request: Request) -> Answer:
        body = request.json()
        seconds = body.get("advance_s") if isinstance(body, dict) else None
        if not isinstance(seconds, int | float) or isinstance(seconds, bool):
            raise ApiError(400, "invalid_request", "'advance_s' must be a number")
        self.clock.advance(float(seconds))
        return 200, {"now": self.clock.now()}


def make_handler(ctx: ApiContext) -> type[LoggingHandler]:
    class ApiHandler(LoggingHandler):
        logger = logging.getLogger("artreview_platform.api.http")

        def _answer(self, status: int, payload: Any, extra: dict[str, str] | None = None) -> None:
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Request-Id", self.request_id)
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _send_download(self, download: Download, path: str) -> None:
            """Bytes with `Accept-Ranges`; a `Range: bytes=N-[M]` gets 206 (416 if past the end)."""
            total = len(download.data)
            first, last, status = 0, total - 1, 200
            match = re.fullmatch(r"bytes=(\d+)-(\d*)", download.range_header.strip())
            if match:
                first = int(match.group(1))
                last = min(int(match.group(2)), total - 1) if match.group(2) else total - 1
                if first >= total or last < first:
                    self._answer(416, ApiError(416, "range_not_satisfiable", "range outside the file").body(),
                                 {"Content-Range": f"bytes */{total}"})
                    return
                status = 206
            body = download.data[first:last + 1]
            self.send_response(status)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("X-Request-Id", self.request_id)
            if status == 206:
                self.send_header("Content-Range", f"bytes {first}-{last}/{total}")
            self.end_headers()
            if self.command == "HEAD":
                return
            drop_after = ctx.faults.take_drop(path, "response")
            for offset in range(0, len(body), CHUNK):
                chunk = body[offset:offset + CHUNK]
                if drop_after is not None and offset + len(chunk) >= drop_after:
                    self.wfile.write(chunk[: max(0, drop_after - offset)])
                    self.wfile.flush()
                    raise ConnectionDropped("fault injection: drop response")
                self.wfile.write(chunk)
                throttle(ctx.faults, len(chunk))

        def _handle(self) -> None:
            self.request_id = uuid.uuid4().hex
            parts = urlsplit(self.path)
            try:
                reader = BodyReader(self.rfile, self.headers, ctx.faults, ctx.faults.take_drop(parts.path, "request"))
                raw = reader.read_all(JSON_LIMIT)
                failure = ctx.faults.take_failure(self.command, parts.path)
                if failure is not None:
                    raise ApiError(failure[0], "server_fault", "fault injection")
                if not parts.path.startswith(PREFIX + "/"):
                    raise ApiError(404, "not_found", "no such endpoint")
                route_path = parts.path[len(PREFIX):]
                allowed = []
                for method, pattern, func in ctx.routes:
                    match = pattern.match(route_path)
                    if match is None:
                        continue
                    allowed.append(method)
                    if method != self.command:
                        continue
                    request = Request(self.command, match.groupdict(), dict(parse_qsl(parts.query)), raw,
                                      self.client_address[0], self.headers.get("Authorization"), ctx.sessions,
                                      self.headers.get("Range") or "")
                    status, payload = func(request)
                    if isinstance(payload, Download):
                        self._send_download(payload, parts.path)
                    else:
                        self._answer(status, payload)
                    return
                if allowed:
                    raise ApiError(405, "method_not_allowed", "method not allowed",
                                   details={"allowed": sorted(set(allowed))})
                raise ApiError(404, "not_found", "no such endpoint")
            except ApiError as err:
                extra = {"Retry-After": str(err.retry_after)} if err.retry_after is not None else {}
                if err.status == 405:
                    extra["Allow"] = ", ".join(err.details.get("allowed", []))
                if err.status == 401:
                    extra["WWW-Authenticate"] = 'Bearer realm="artreview"'
                self._answer(err.status, err.body(), extra)
            except BadRequestBody as exc:
                self.close_connection = True
                self._answer(400, ApiError(400, "invalid_request", str(exc)).body())
            except (ConnectionDropped, ConnectionError):
                self.drop_connection()
            except Exception:
                self.logger.exception("unexpected error in %s %s", self.command, redact(parts.path))
                self._answer(500, ApiError(500, "internal_error", "unexpected server error").body())

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _handle

    return ApiHandler
