"""The typed HTTP client for the exam platform.

Every call has a timeout. Only idempotent calls (GET, and a few POSTs the API defines as safe to
repeat) are retried, with exponential backoff, on network errors and 502/503/504. An expired
access token is refreshed once, transparently, and the call repeated (a 401 means the server did
nothing). Tokens go only to the `TokenStore`; nothing here logs a token, a number or a code.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from typing import Any

import requests

from artreview_desktop.core.platform.errors import ErrorCode, PlatformError, code_for
from artreview_desktop.core.platform.models import (
    AppVersion,
    CheckIn,
    Exam,
    PaymentOrder,
    PolicyInfo,
    Profile,
    SubmissionManifest,
    SubmissionResult,
    TokenPair,
    UploadCredentials,
)
from artreview_desktop.core.platform.tokens import TokenStore
from artreview_desktop.core.privacy.redact import redact

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({502, 503, 504})
DEFAULT_TIMEOUT = (3.05, 20.0)  # (connect, read) seconds
REFRESH_MARGIN_S = 30.0


class PlatformClient:
    """One client per platform URL; thread-safe (token refresh is serialised)."""

    def __init__(self, api_url: str, tokens: TokenStore, *, session: requests.Session | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT, retries: int = 3, backoff_s: float = 0.5,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.api_url = api_url.rstrip("/")
        self.tokens = tokens
        self._http = session or requests.Session()
        self._timeout = timeout
        self._retries = retries
        self._backoff_s = backoff_s
        self._sleep = sleep
        self._refresh_lock = threading.Lock()

    def close(self) -> None:
        self._http.close()

    # --- transport -------------------------------------------------------------------------
    def _send_once(self, method: str, path: str, body: Any, headers: dict[str, str],
                   params: dict[str, str] | None) -> requests.Response:
        try:
            return self._http.request(method, self.api_url + path, json=body, headers=headers, params=params,
                                      timeout=self._timeout)
        except requests.Timeout:
            raise PlatformError(ErrorCode.TIMEOUT, "the platform did not answer in time") from None
        except requests.RequestException as exc:
            raise PlatformError(ErrorCode.NETWORK_DOWN, f"cannot reach the platform ({type(exc).__name__})") from None

    def _send(self, method: str, path: str, body: Any, headers: dict[str, str], params: dict[str, str] | None,
              idempotent: bool) -> requests.Response:
        attempts = self._retries + 1 if idempotent else 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                response = self._send_once(method, path, body, headers, params)
            except PlatformError as err:
                if last:
                    raise
                log.info("retrying %s %s after %s", method, redact(path), err.code.value)
                self._backoff(attempt, None)
                continue
            if response.status_code in RETRY_STATUSES and not last:
                log.info("retrying %s %s after HTTP %d", method, redact(path), response.status_code)
                self._backoff(attempt, _retry_after(response))
                continue
            return response
        raise AssertionError("unreachable")

    def _backoff(self, attempt: int, retry_after: float | None) -> None:
        delay = self._backoff_s * (2**attempt) * (0.5 + random.random() / 2)
        self._sleep(min(30.0, max(delay, retry_after or 0.0)))

    @staticmethod
    def _error(response: requests.Response) -> PlatformError:
        try:
            error = response.json()["error"]
            server_code, message = str(error.get("code", "")), str(error.get("message", ""))
            details = error.get("details") if isinstance(error.get("details"), dict) else {}
        except (ValueError, KeyError, TypeError, AttributeError):
            server_code, message, details = "", f"HTTP {response.status_code}", {}
        return PlatformError(code_for(response.status_code, server_code), message, status=response.status_code,
                             server_code=server_code, retry_after=_retry_after(response), details=details)

    def _call(self, method: str, path: str, body: Any = None, *, auth: bool = True, idempotent: bool | None = None,
              params: dict[str, str] | None = None, bearer: str | None = None) -> Any:
        """One API call; returns the decoded JSON or raises `PlatformError`."""
        safe = method in ("GET", "HEAD") if idempotent is None else idempotent
        headers = {"Accept": "application/json"}
        tokens: TokenPair | None = None
        if auth:
            if bearer is None:
                tokens = self.tokens.load()
                if tokens is None:
                    raise PlatformError(ErrorCode.NOT_LOGGED_IN, "log in first")
                if tokens.refresh_token and time.time() >= tokens.access_expires_at - REFRESH_MARGIN_S:
                    tokens = self._refresh(tokens)  # about to expire: refresh first, save a round trip
                bearer = tokens.access_token
            headers["Authorization"] = f"Bearer {bearer}"
        response = self._send(method, path, body, headers, params, safe)
        if response.status_code == 401 and tokens is not None:
            server_code = self._error(response).server_code
            if server_code == "token_expired" and tokens.refresh_token:
                fresh = self._refresh(tokens)
                headers["Authorization"] = f"Bearer {fresh.access_token}"
                response = self._send(method, path, body, headers, params, safe)
            elif server_code == "token_invalid":
                self.tokens.clear()  # revoked (logged out elsewhere, account deleted): useless now
        log.debug("%s %s -> %d", method, redact(path), response.status_code)
        if response.status_code >= 400:
            raise self._error(response)
        try:
            return response.json()
        except ValueError:
            raise PlatformError(ErrorCode.BAD_RESPONSE, "the platform's answer is not JSON",
                                status=response.status_code) from None

    def _store_pair(self, data: dict[str, Any]) -> TokenPair:
        pair = TokenPair(str(data["access_token"]), data.get("refresh_token"),
                         time.time() + float(data["expires_in"]), str(data["account_id"]))
        self.tokens.save(pair)
        return pair

    def _refresh(self, stale: TokenPair) -> TokenPair:
        """Swap the refresh token for a new pair (once, even if several threads notice together)."""
        with self._refresh_lock:
            current = self.tokens.load()
            if current is not None and current.access_token != stale.access_token:
                return current  # another thread already refreshed
            try:
                data = self._call("POST", "/auth/refresh", {"refresh_token": stale.refresh_token}, auth=False,
                                  idempotent=False)
            except PlatformError as err:
                if err.status == 401:
                    self.tokens.clear()
                    raise PlatformError(ErrorCode.SESSION_EXPIRED, "the session has ended: log in again",
                                        status=401, server_code=err.server_code) from None
                raise
            return self._store_pair(data)

    # --- auth --------------------------------------------------------------------------------
    def health(self) -> bool:
        self._call("GET", "/health", auth=False)
        return True

    def request_code(self, phone: str | None = None, purpose: str = "login") -> int:
        """Ask for an SMS code; returns seconds before another may be asked for."""
        body: dict[str, Any] = {"purpose": purpose}
        if phone is not None:
            body["phone"] = phone
        data = self._call("POST", "/auth/sms-code", body, auth=purpose != "login", idempotent=False)
        return int(data.get("resend_after", 60))

    def login(self, phone: str, code: str, device_hash: str) -> TokenPair:
        data = self._call("POST", "/auth/login", {"phone": phone, "code": code, "device_hash": device_hash},
                          auth=False, idempotent=False)
        return self._store_pair(data)

    def refresh(self) -> TokenPair:
        tokens = self.tokens.load()
        if tokens is None or not tokens.refresh_token:
            raise PlatformError(ErrorCode.NOT_LOGGED_IN, "log in first")
        return self._refresh(tokens)

    def logout(self) -> None:
        """End the session on the platform (best effort) and forget the tokens locally."""
        try:
            if self.tokens.load() is not None:
                self._call("POST", "/auth/logout", idempotent=True)
        except PlatformError as err:
            if err.code in (ErrorCode.NETWORK_DOWN, ErrorCode.TIMEOUT, ErrorCode.SERVER_ERROR):
                raise
        finally:
            self.tokens.clear()

    # --- account -----------------------------------------------------------------------------
    def profile(self) -> Profile:
        return Profile.from_json(self._call("GET", "/me"))

    def update_name(self, name: str) -> Profile:
        return Profile.from_json(self._call("PATCH", "/me", {"name": name}, idempotent=True))

    def change_phone(self, new_phone: str, code: str) -> Profile:
        return Profile.from_json(self._call("POST", "/me/phone", {"new_phone": new_phone, "code": code}))

    def export_data(self) -> dict[str, Any]:
        data: dict[str, Any] = self._call("GET", "/me/export")
        return data

    def delete_account(self, code: str) -> int:
        """Irreversible. Returns how many stored objects were deleted; forgets the local tokens."""
        data = self._call("POST", "/me/delete", {"code": code}, idempotent=False)
        self.tokens.clear()
        return int(data["deleted_objects"])

    def record_consent(self, policy_version: str, scopes: list[str], *, accepted: bool = True,
                       age_band: str = "adult", guardian: dict[str, str] | None = None) -> dict[str, Any]:
        body = {"policy_version": policy_version, "scopes": scopes, "accepted": accepted, "age_band": age_band,
                "guardian": guardian}
        data: dict[str, Any] = self._call("POST", "/me/consents", body, idempotent=False)
        return data

    # --- exams, payment, upload ----------------------------------------------------------------
    def exams(self, *, bearer: str | None = None) -> list[Exam]:
        return [Exam.from_json(e) for e in self._call("GET", "/exams", bearer=bearer)["exams"]]

    def exam(self, exam_id: str) -> Exam:
        return Exam.from_json(self._call("GET", f"/exams/{exam_id}"))

    def create_payment_order(self, exam_id: str, channel: str = "wechat") -> PaymentOrder:
        return PaymentOrder.from_json(self._call("POST", f"/exams/{exam_id}/payment-orders", {"channel": channel},
                                                 idempotent=False))

    def payment_order(self, order_id: str) -> PaymentOrder:
        return PaymentOrder.from_json(self._call("GET", f"/payment-orders/{order_id}"))

    def upload_credentials(self, exam_id: str, *, bearer: str | None = None) -> UploadCredentials:
        # Issuing a second set of credentials is harmless, so this POST may be retried.
        return UploadCredentials.from_json(self._call("POST", f"/exams/{exam_id}/upload-credentials",
                                                      idempotent=True, bearer=bearer))

    def submit(self, exam_id: str, manifest: SubmissionManifest, *, bearer: str | None = None) -> SubmissionResult:
        return SubmissionResult.from_json(self._call("POST", f"/exams/{exam_id}/submissions", manifest.to_json(),
                                                     idempotent=False, bearer=bearer))

    # --- policy, app, centre -------------------------------------------------------------------
    def policy(self) -> PolicyInfo:
        return PolicyInfo.from_json(self._call("GET", "/policy", auth=False))

    def policy_text(self, document: str, language: str) -> tuple[str, str]:
        """One published text: (version, markdown)."""
        data = self._call("GET", f"/policy/texts/{document}/{language}", auth=False)
        return str(data["version"]), str(data["markdown"])

    def latest_app(self, platform_name: str) -> AppVersion:
        return AppVersion.from_json(self._call("GET", "/app/latest", auth=False, params={"platform": platform_name}))

    def send_crash_report(self, report: dict[str, str]) -> bool:
        """Send one (already redacted) crash report; True if the platform already had it.

        Safe to retry: the platform stores a report id once. No session is attached, so a report
        is never tied to an account.
        """
        data = self._call("POST", "/crash-reports", report, auth=False, idempotent=True)
        return bool(data.get("duplicate", False))

    def send_operation_log(self, entries: list[dict[str, str]]) -> int:
        """Send the (redacted) operation log; only ever called after the user chose to send it."""
        data = self._call("POST", "/me/operation-log", {"entries": entries}, idempotent=False)
        return int(data["received"])

    def centre_login(self, centre_code: str, password: str) -> TokenPair:
        data = self._call("POST", "/centre/login", {"centre_code": centre_code, "password": password},
                          auth=False, idempotent=False)
        return self._store_pair(data)

    def centre_check_ins(self) -> list[dict[str, Any]]:
        """Today's check-ins at this centre (also a cheap way to see the centre session is valid)."""
        data = self._call("GET", "/centre/check-ins")
        return list(data.get("check_ins", []))

    def check_in(self, ticket_number: str) -> CheckIn:
        return CheckIn.from_json(self._call("POST", "/centre/check-ins", {"ticket_number": ticket_number},
                                            idempotent=False))


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
