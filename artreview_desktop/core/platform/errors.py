"""Typed platform errors: a code the UI translates, plus HTTP status and retry-after when known."""

from __future__ import annotations

from enum import Enum
from typing import Any


class ErrorCode(Enum):
    NETWORK_DOWN = "network_down"  # refused, DNS, reset: nothing reached the platform
    TIMEOUT = "timeout"
    RATE_LIMITED = "rate_limited"  # too soon: wait `retry_after` seconds
    DAILY_LIMIT = "daily_limit"
    INVALID_PHONE = "invalid_phone"
    CODE_WRONG = "code_wrong"
    CODE_EXPIRED = "code_expired"
    CODE_BURNED = "code_burned"  # too many wrong tries: ask for a new code
    CODE_INVALID = "code_invalid"  # no code pending
    NOT_LOGGED_IN = "not_logged_in"
    SESSION_EXPIRED = "session_expired"  # refresh failed: log in again
    FORBIDDEN = "forbidden"
    BAD_CREDENTIALS = "bad_credentials"  # a centre code and password that do not match
    NOT_FOUND = "not_found"
    FEE_UNPAID = "fee_unpaid"
    CONFLICT = "conflict"
    INVALID_REQUEST = "invalid_request"
    SERVER_ERROR = "server_error"
    BAD_RESPONSE = "bad_response"  # the answer was not what the API promises


_SERVER_CODES: dict[str, ErrorCode] = {
    "rate_limited": ErrorCode.RATE_LIMITED,
    "daily_limit": ErrorCode.DAILY_LIMIT,
    "invalid_phone": ErrorCode.INVALID_PHONE,
    "code_wrong": ErrorCode.CODE_WRONG,
    "code_expired": ErrorCode.CODE_EXPIRED,
    "code_burned": ErrorCode.CODE_BURNED,
    "code_invalid": ErrorCode.CODE_INVALID,
    "token_missing": ErrorCode.NOT_LOGGED_IN,
    "token_invalid": ErrorCode.SESSION_EXPIRED,
    "token_expired": ErrorCode.SESSION_EXPIRED,
    "refresh_invalid": ErrorCode.SESSION_EXPIRED,
    "bad_credentials": ErrorCode.BAD_CREDENTIALS,
    "forbidden": ErrorCode.FORBIDDEN,
    "key_outside_prefix": ErrorCode.FORBIDDEN,
    "fee_unpaid": ErrorCode.FEE_UNPAID,
    "phone_taken": ErrorCode.CONFLICT,
    "fee_not_due": ErrorCode.CONFLICT,
    "order_expired": ErrorCode.CONFLICT,
}


def code_for(status: int, server_code: str) -> ErrorCode:
    """Map the API's (status, error.code) to the enum; unknown codes fall back on the status."""
    if server_code in _SERVER_CODES:
        return _SERVER_CODES[server_code]
    if status >= 500:
        return ErrorCode.SERVER_ERROR
    if status == 404:
        return ErrorCode.NOT_FOUND
    if status in (401,):
        return ErrorCode.SESSION_EXPIRED
    if status == 403:
        return ErrorCode.FORBIDDEN
    if status == 409:
        return ErrorCode.CONFLICT
    if status == 429:
        return ErrorCode.RATE_LIMITED
    return ErrorCode.INVALID_REQUEST


class PlatformError(Exception):
    """Any failure of a platform call. `code` is what the UI should branch on and translate."""

    def __init__(self, code: ErrorCode, message: str, *, status: int | None = None, server_code: str = "",
                 retry_after: float | None = None, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.server_code = server_code
        self.retry_after = retry_after
        self.details = details or {}

    def __repr__(self) -> str:
        return f"PlatformError({self.code.value}, status={self.status}, retry_after={self.retry_after})"
