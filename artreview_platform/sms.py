"""SMS verification codes: the gateway interface, the demo "dev inbox", and the code rules.

Rules (from the product's login requirement): 6 digits, valid 5 minutes, 5 wrong tries burn a
code, at most one request per 60 s and 10 per day for a number, and the same for a client address.
Codes and numbers are stored only as keyed hashes; the gateway is the only place a code is in clear.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import re
import secrets
import sqlite3
import threading
from collections import deque
from dataclasses import dataclass
from typing import Protocol

from artreview_desktop.core.privacy.redact import redact
from artreview_platform.clock import Clock
from artreview_platform.db import Database
from artreview_platform.errors import ApiError

log = logging.getLogger("artreview_platform.sms")

PHONE_RE = re.compile(r"^(?:\+86|0086|86)?(1[3-9]\d{9})$")
PURPOSES = ("login", "change_phone", "delete_account", "guardian")


def normalize_phone(raw: str) -> str:
    """'+86' + 11 digits, or ApiError 400 for anything that is not a mainland mobile number."""
    compact = re.sub(r"[\s-]", "", raw or "")
    match = PHONE_RE.match(compact)
    if not match:
        raise ApiError(400, "invalid_phone", "not a mainland China (+86) mobile number")
    return "+86" + match.group(1)


def mask_phone(phone: str) -> str:
    """'+86 138****5678': what the UI and exports show to a person looking over a shoulder."""
    digits = phone[-11:]
    return f"+86 {digits[:3]}****{digits[-4:]}"


@dataclass(frozen=True)
class SmsLimits:
    code_digits: int = 6
    code_ttl_s: int = 300
    max_wrong_attempts: int = 5
    resend_interval_s: int = 60
    per_day: int = 10
    day_s: int = 86400


class SmsGateway(Protocol):
    """Delivers a text message; a production platform plugs an SMS provider in here."""

    def send(self, phone: str, text: str) -> None: ...


@dataclass(frozen=True)
class InboxMessage:
    phone: str
    text: str
    code: str
    purpose: str
    sent_at: float


class DevInboxGateway:
    """The demo gateway: keeps messages in memory so a person (or a test) can read the code."""

    def __init__(self, clock: Clock, keep: int = 200) -> None:
        self._clock = clock
        self._messages: deque[InboxMessage] = deque(maxlen=keep)
        self._lock = threading.Lock()

    def send(self, phone: str, text: str) -> None:
        code_match = re.search(r"\d{6}", text)
        purpose_match = re.search(r"\[(\w+)\]", text)
        message = InboxMessage(phone, text, code_match.group(0) if code_match else "",
                               purpose_match.group(1) if purpose_match else "", self._clock.now())
        with self._lock:
            self._messages.append(message)
        log.info(redact(f"dev inbox: message for {phone} queued; read it at GET /api/v1/dev/sms-inbox"))

    def messages(self, phone: str | None = None) -> list[InboxMessage]:
        """Newest first, optionally only those sent to `phone` (any accepted spelling)."""
        wanted = normalize_phone(phone) if phone else None
        with self._lock:
            items = list(self._messages)
        return [m for m in reversed(items) if wanted is None or m.phone == wanted]

    def latest_code(self, phone: str, purpose: str = "login") -> str:
        for message in self.messages(phone):
            if message.purpose == purpose:
                return message.code
        raise LookupError("no code was sent to that number for that purpose")


class CodeService:
    """Issues and checks codes, enforcing the per-number and per-address limits."""

    def __init__(self, db: Database, clock: Clock, gateway: SmsGateway, secret: bytes,
                 limits: SmsLimits | None = None) -> None:
        self._db = db
        self._clock = clock
        self._gateway = gateway
        self._secret = secret
        self.limits = limits or SmsLimits()

    def _hash(self, *parts: str) -> str:
        return hmac.new(self._secret, "\x1f".join(parts).encode(), hashlib.sha256).hexdigest()

    def _check_limit(self, conn: sqlite3.Connection, subject: str, now: float) -> None:
        limits = self.limits
        rows = conn.execute(
            "SELECT at FROM sms_sends WHERE subject = ? AND at > ? ORDER BY at",
            (subject, now - limits.day_s),
        ).fetchall()
        if rows and now - rows[-1]["at"] < limits.resend_interval_s:
            wait = limits.resend_interval_s - (now - rows[-1]["at"])
            raise ApiError(429, "rate_limited", "a code was sent moments ago; wait before asking again",
                           retry_after=max(1, math.ceil(wait)))
        if len(rows) >= limits.per_day:
            wait = rows[-limits.per_day]["at"] + limits.day_s - now
            raise ApiError(429, "daily_limit", "too many codes today", retry_after=max(1, math.ceil(wait)))

    def request_code(self, phone: str, purpose: str, client_address: str) -> None:
        """Send a fresh code to `phone` (normalised), replacing any earlier one for that purpose.

        The limit checks and the bookkeeping share one transaction, so two simultaneous requests
        cannot both slip under a limit.
        """
        if purpose not in PURPOSES:
            raise ApiError(400, "invalid_purpose", f"purpose must be one of {', '.join(PURPOSES)}")
        now = self._clock.now()
        phone_hash = self._hash("phone", phone)
        phone_subject = "phone:" + phone_hash
        address_subject = "addr:" + self._hash("addr", client_address)
        code = "".join(secrets.choice("0123456789") for _ in range(self.limits.code_digits))
        with self._db.tx() as conn:
            self._check_limit(conn, phone_subject, now)
            self._check_limit(conn, address_subject, now)
            conn.execute("UPDATE sms_codes SET state = 'replaced' WHERE phone_hash = ? AND purpose = ? "
                         "AND state = 'active'", (phone_hash, purpose))
            conn.execute(
                "INSERT INTO sms_codes (phone_hash, purpose, code_hash, created_at, expires_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (phone_hash, purpose, self._hash("code", phone, purpose, code), now, now + self.limits.code_ttl_s),
            )
            conn.executemany("INSERT INTO sms_sends (subject, at) VALUES (?, ?)",
                             [(phone_subject, now), (address_subject, now)])
            conn.execute("DELETE FROM sms_sends WHERE at < ?", (now - 2 * self.limits.day_s,))
        minutes = self.limits.code_ttl_s // 60
        self._gateway.send(phone, f"【艺术评价】[{purpose}] 验证码 {code}，{minutes} 分钟内有效，请勿告诉他人。")

    def verify(self, phone: str, purpose: str, code: str) -> None:
        """Consume the code if right; otherwise count a wrong try (the 5th burns it) and raise."""
        now = self._clock.now()
        phone_hash = self._hash("phone", phone)
        with self._db.tx() as conn:
            row = conn.execute(
                "SELECT id, code_hash, expires_at, failed_attempts FROM sms_codes "
                "WHERE phone_hash = ? AND purpose = ? AND state = 'active' ORDER BY id DESC LIMIT 1",
                (phone_hash, purpose),
            ).fetchone()
            if row is None:
                raise ApiError(400, "code_invalid", "no valid code: request a new one")
            if now >= row["expires_at"]:
                conn.execute("UPDATE sms_codes SET state = 'expired' WHERE id = ?", (row["id"],))
                outcome = "expired"
            elif hmac.compare_digest(row["code_hash"], self._hash("code", phone, purpose, str(code))):
                conn.execute("UPDATE sms_codes SET state = 'used' WHERE id = ?", (row["id"],))
                return
            else:
                outcome = "wrong"
                failed = row["failed_attempts"] + 1
                burned = failed >= self.limits.max_wrong_attempts
                conn.execute("UPDATE sms_codes SET failed_attempts = ?, state = ? WHERE id = ?",
                             (failed, "burned" if burned else "active", row["id"]))
        if outcome == "expired":
            raise ApiError(400, "code_expired", "the code has expired: request a new one")
        left = self.limits.max_wrong_attempts - failed
        if burned:
            raise ApiError(400, "code_burned", "too many wrong codes: request a new one",
                           details={"attempts_left": 0})
        raise ApiError(400, "code_wrong", "wrong code", details={"attempts_left": left})
