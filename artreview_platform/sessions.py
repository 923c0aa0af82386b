"""Bearer sessions: short-lived access tokens, rotating refresh tokens, revocation.

Only SHA-256 hashes of tokens are stored, so a copy of the database cannot be replayed.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from artreview_platform.clock import Clock
from artreview_platform.db import Database
from artreview_platform.errors import ApiError

ACCESS_TTL_S = 15 * 60
REFRESH_TTL_S = 30 * 86400
KIOSK_TTL_S = 3 * 3600

ROLE_CANDIDATE = "candidate"
ROLE_CENTRE = "centre"
ROLE_KIOSK_CANDIDATE = "kiosk_candidate"  # a checked-in candidate on a centre's machine


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Principal:
    """Who is calling: the account (or centre) behind a valid access token."""

    session_id: str
    account_id: str
    role: str
    exam_id: str | None


class SessionService:
    def __init__(self, db: Database, clock: Clock, access_ttl_s: int = ACCESS_TTL_S) -> None:
        self._db = db
        self._clock = clock
        self.access_ttl_s = access_ttl_s

    def create(self, account_id: str, role: str, device_hash: str = "", *, exam_id: str | None = None,
               with_refresh: bool = True, access_ttl_s: int | None = None) -> dict[str, Any]:
        """A new session; returns the token pair as the API answers it."""
        now = self._clock.now()
        ttl = access_ttl_s or self.access_ttl_s
        access = "at_" + secrets.token_urlsafe(32)
        refresh = "rt_" + secrets.token_urlsafe(32) if with_refresh else None
        with self._db.tx() as conn:
            conn.execute(
                "INSERT INTO sessions (id, account_id, role, access_hash, refresh_hash, device_hash, "
                "access_expires, refresh_expires, created_at, exam_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (uuid.uuid4().hex, account_id, role, token_hash(access),
                 token_hash(refresh) if refresh else None, device_hash, now + ttl,
                 now + (REFRESH_TTL_S if refresh else ttl), now, exam_id),
            )
        return self._pair(access, refresh, ttl, account_id)

    @staticmethod
    def _pair(access: str, refresh: str | None, ttl: int, account_id: str) -> dict[str, Any]:
        answer: dict[str, Any] = {"access_token": access, "token_type": "Bearer", "expires_in": ttl,
                                  "account_id": account_id}
        if refresh:
            answer["refresh_token"] = refresh
            answer["refresh_expires_in"] = REFRESH_TTL_S
        return answer

    def authenticate(self, authorization: str | None) -> Principal:
        if not authorization or not authorization.startswith("Bearer "):
            raise ApiError(401, "token_missing", "log in first")
        digest = token_hash(authorization[len("Bearer "):].strip())
        with self._db.tx() as conn:
            row = conn.execute("SELECT * FROM sessions WHERE access_hash = ?", (digest,)).fetchone()
        if row is None or row["revoked"]:
            raise ApiError(401, "token_invalid", "the session is not valid: log in again")
        if self._clock.now() >= row["access_expires"]:
            raise ApiError(401, "token_expired", "the access token has expired: refresh it")
        return Principal(row["id"], row["account_id"], row["role"], row["exam_id"])

    def refresh(self, refresh_token: str) -> dict[str, Any]:
        """Rotate: a new access and refresh token; the old refresh token stops working."""
        now = self._clock.now()
        digest = token_hash(refresh_token or "")
        with self._db.tx() as conn:
            row = conn.execute("SELECT * FROM sessions WHERE refresh_hash = ?", (digest,)).fetchone()
            if row is None or row["revoked"] or now >= row["refresh_expires"]:
                raise ApiError(401, "refresh_invalid", "the session has ended: log in again")
            access = "at_" + secrets.token_urlsafe(32)
            refresh = "rt_" + secrets.token_urlsafe(32)
            conn.execute(
                "UPDATE sessions SET access_hash = ?, refresh_hash = ?, access_expires = ? WHERE id = ?",
                (token_hash(access), token_hash(refresh), now + self.access_ttl_s, row["id"]),
            )
        return self._pair(access, refresh, self.access_ttl_s, row["account_id"])

    def revoke(self, session_id: str) -> None:
        with self._db.tx() as conn:
            conn.execute("UPDATE sessions SET revoked = 1 WHERE id = ?", (session_id,))

    def revoke_account(self, account_id: str) -> None:
        with self._db.tx() as conn:
            conn.execute("UPDATE sessions SET revoked = 1 WHERE account_id = ?", (account_id,))
