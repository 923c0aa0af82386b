"""Redaction of personal data and secrets from text bound for logs and crash reports.

Applied to every log record and every crash report, so that a phone number, an SMS code, a token
or a key never reaches the disk in clear, whichever library logged it.
"""

from __future__ import annotations

import re

REDACTED = "[REDACTED]"

_SECRET_KEYS = (
    r"access[_-]?token|refresh[_-]?token|security[_-]?token|x-oss-security-token|token|"
    r"access[_-]?key[_-]?secret|accesskeysecret|access[_-]?key[_-]?id|accesskeyid|ossaccesskeyid|"
    r"secret|client[_-]?secret|password|passwd|pwd|api[_-]?key|private[_-]?key|signature|"
    r"authorization|cookie|set-cookie|pin|device[_-]?hash|salt"
)

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # "Authorization: Bearer abc", "OSS id:sig", "OSS4-HMAC-SHA256 Credential=…"
    (re.compile(r"(?i)\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+"), r"\1 " + REDACTED),
    (re.compile(r"(?i)\bOSS4-HMAC-SHA256\s+[^\s,;\"']+(?:,\s*[^\s,;\"']+)*"), "OSS4-HMAC-SHA256 " + REDACTED),
    (re.compile(r"\bOSS\s+[A-Za-z0-9._-]+:[A-Za-z0-9+/=._-]+"), "OSS " + REDACTED),
    # key=value, key: value, "key": "value" (JSON, query strings, headers, reprs)
    (
        re.compile(
            r"(?i)([\"']?\b(?:" + _SECRET_KEYS + r")\b[\"']?\s*[:=]\s*)(?:\"[^\"]*\"|'[^']*'|[^\s,;&\"'}\]]+)"
        ),
        r"\1" + REDACTED,
    ),
    # verification codes: code=123456, "sms_code": "123456", 验证码 123456
    (
        re.compile(
            r"(?i)([\"']?\b(?:sms[_ -]?code|verification[_ -]?code|verify[_ -]?code|code)\b[\"']?"
            r"\s*[:=]?\s*[\"']?)\d{4,8}\b"
        ),
        r"\1" + REDACTED,
    ),
    (re.compile(r"(验证码[:\uff1a\s]*)\d{4,8}"), r"\1" + REDACTED),
    # JSON Web Tokens and similar three-part tokens
    (re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+"), REDACTED),
    # mainland resident ID numbers (18 characters) before phone numbers, which they contain
    (
        re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dXx](?![0-9A-Za-z])"),
        "[ID-NUMBER]",
    ),
    # mainland mobile numbers, with or without +86 / 0086 and separators
    (
        re.compile(r"(?<![0-9A-Za-z])(?:(?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?![0-9A-Za-z])"),
        "[PHONE]",
    ),
    # e-mail addresses
    (re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b"), "[EMAIL]"),
]


def redact(text: str) -> str:
    """Return `text` with phone numbers, ID numbers, e-mails, codes, tokens and keys masked."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text
