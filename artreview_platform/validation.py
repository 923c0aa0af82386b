"""Request-body checks that turn any malformed input into a 400, never a 500."""

from __future__ import annotations

from typing import Any, TypeVar

from artreview_platform.errors import ApiError

T = TypeVar("T")


def require_object(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_request", "the body must be a JSON object")
    return body


def get_str(body: dict[str, Any], name: str, *, required: bool = True, max_len: int = 500,
            default: str = "") -> str:
    value = body.get(name)
    if value is None:
        if required:
            raise ApiError(400, "invalid_request", f"'{name}' is required")
        return default
    if not isinstance(value, str) or len(value) > max_len:
        raise ApiError(400, "invalid_request", f"'{name}' must be a string of at most {max_len} characters")
    return value


def get_int(body: dict[str, Any], name: str, *, minimum: int = 0, maximum: int = 2**62) -> int:
    value = body.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or not minimum <= value <= maximum:
        raise ApiError(400, "invalid_request", f"'{name}' must be an integer in [{minimum}, {maximum}]")
    return value


def get_number(body: dict[str, Any], name: str, *, minimum: float = 0.0, maximum: float = 1e9) -> float:
    value = body.get(name)
    if not isinstance(value, int | float) or isinstance(value, bool) or not minimum <= value <= maximum:
        raise ApiError(400, "invalid_request", f"'{name}' must be a number in [{minimum}, {maximum}]")
    return float(value)
