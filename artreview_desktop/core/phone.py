"""Mainland-China mobile numbers: the account name of every candidate."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-()\u00a0]")
_MOBILE = re.compile(r"1[3-9]\d{9}")


class InvalidPhoneNumber(ValueError):
    """Not an 11-digit mainland mobile number (+86 optional)."""


def normalize_mobile(text: str) -> str:
    """'+86 138-1234-5678' → '13812345678'; raises InvalidPhoneNumber otherwise."""
    digits = _SEPARATORS.sub("", text.strip())
    for prefix in ("+86", "0086", "86"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 11:
            digits = digits[len(prefix):]
            break
    if not _MOBILE.fullmatch(digits):
        raise InvalidPhoneNumber(text)
    return digits


def mask(phone: str) -> str:
    """'13812345678' → '138****5678', for showing on screen (never for logs: they redact)."""
    return phone[:3] + "****" + phone[-4:] if len(phone) == 11 else "****"
