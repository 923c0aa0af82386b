"""Exams, fee payments, upload credentials, submissions, and the exam centres' check-in."""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import re
import secrets
import time
import uuid
from typing import Any

from PIL import Image

from artreview_platform.errors import ApiError
from artreview_platform.faults import FaultPlan
from artreview_platform.oss_auth import Credential
from artreview_platform.oss_store import StoreError
from artreview_platform.service_account import Core, require_role
from artreview_platform.sessions import KIOSK_TTL_S, ROLE_CANDIDATE, ROLE_CENTRE, ROLE_KIOSK_CANDIDATE, Principal
from artreview_platform.sms import mask_phone
from artreview_platform.validation import get_int, get_number, get_str, require_object

STS_TTL_S = 3600
ORDER_TTL_S = 15 * 60
CHANNELS = ("wechat", "alipay")
_HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")
CANDIDATE_ROLES = (ROLE_CANDIDATE, ROLE_KIOSK_CANDIDATE)
DURATION_TOLERANCE_S = 1.0


def _iso(moment: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(moment))


SUBMISSION_KINDS = ("take", "id_photo")


def _jpeg_size(head: bytes) -> list[int] | None:
    """[width, height] from a JPEG's first bytes (its frame header), None if they do not say."""
    try:
        with Image.open(io.BytesIO(head)) as image:
            return [int(image.width), int(image.height)]
    except (OSError, ValueError, Image.DecompressionBombError):
        return None


class ExamService:
    def __init__(self, core: Core, faults: FaultPlan, oss_endpoint: str, region: str) -> None:
        self.core = core
        self.faults = faults
        self.oss_endpoint = oss_endpoint
        self.region = region

    # --- exams -----------------------------------------------------------------------------
    @staticmethod
    def _exam_view(row: Any) -> dict[str, Any]:
        exam: dict[str, Any] = json.loads(row["data"])
        exam.update({"id": row["id"], "fee_status": row["fee_status"], "fee_fen": row["fee_fen"],
                     "ticket_number": row["ticket_number"]})
        return exam

    def _exam_row(self, principal: Principal, exam_id: str) -> Any:
        require_role(principal, *CANDIDATE_ROLES)
        if principal.exam_id is not None and principal.exam_id != exam_id:
            raise ApiError(404, "exam_not_found", "no such exam for this candidate")
        with self.core.db.tx() as conn:
            row = conn.execute("SELECT * FROM exams WHERE id = ? AND account_id = ?",
                               (exam_id, principal.account_id)).fetchone()
        if row is None:
            raise ApiError(404, "exam_not_found", "no such exam for this candidate")
        return row

    def exams(self, principal: Principal) -> dict[str, Any]:
        require_role(principal, *CANDIDATE_ROLES)
        with self.core.db.tx() as conn:
            rows = conn.execute("SELECT * FROM exams WHERE account_id = ? ORDER BY created_at, rowid",
                                (principal.account_id,)).fetchall()
        views = [self._exam_view(r) for r in rows if principal.exam_id in (None, r["id"])]
        return {"exams": views}

    def exam(self, principal: Principal, exam_id: str) -> dict[str, Any]:
        return self._exam_view(self._exam_row(principal, exam_id))

    # --- payments ----------------------------------------------------------------------------
    def _order_view(self, row: Any) -> dict[str, Any]:
        status = row["status"]
        if status == "pending" and self.core.clock.now() >= row["expires_at"]:
            status = "expired"
        return {"order_id": row["id"], "exam_id": row["exam_id"], "amount_fen": row["amount_fen"],
                "currency": "CNY", "channel": row["channel"], "status": status,
                "qr_payload": f"artreview-pay://{row['channel']}/order/{row['id']}?amount_fen={row['amount_fen']}",
                "created_at": row["created_at"], "expires_at": row["expires_at"], "paid_at": row["paid_at"]}

    def create_order(self, principal: Principal, exam_id: str, body: Any) -> dict[str, Any]:
        require_role(principal, ROLE_CANDIDATE)
        row = self._exam_row(principal, exam_id)
        channel = get_str(require_object(body), "channel", max_len=16)
        if channel not in CHANNELS:
            raise ApiError(400, "invalid_request", f"'channel' must be one of {', '.join(CHANNELS)}")
        if row["fee_status"] != "unpaid":
            raise ApiError(409, "fee_not_due", f"the fee is already {row['fee_status']}")
        now = self.core.clock.now()
        order_id = "ord_" + uuid.uuid4().hex[:16]
        with self.core.db.tx() as conn:
            conn.execute("INSERT INTO orders (id, account_id, exam_id, amount_fen, channel, status, created_at, "
                         "expires_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)",
                         (order_id, principal.account_id, exam_id, row["fee_fen"], channel, now, now + ORDER_TTL_S))
        return self.order(principal, order_id)

    def order(self, principal: Principal, order_id: str) -> dict[str, Any]:
        require_role(principal, ROLE_CANDIDATE)
        with self.core.db.tx() as conn:
            row = conn.execute("SELECT * FROM orders WHERE id = ? AND account_id = ?",
                               (order_id, principal.account_id)).fetchone()
        if row is None:
            raise ApiError(404, "order_not_found", "no such payment order")
        return self._order_view(row)

    def update_exam_rules(self, exam_id: str, **rules: Any) -> None:
        """Reference platform only: change a registered exam's rules (durations, attempts…)."""
        allowed = {"min_duration_s", "max_duration_s", "attempts_allowed", "practice_available", "identity_rule"}
        unknown = set(rules) - allowed
        if unknown:
            raise ValueError(f"not an exam rule: {', '.join(sorted(unknown))}")
        with self.core.db.tx() as conn:
            row = conn.execute("SELECT data FROM exams WHERE id = ?", (exam_id,)).fetchone()
            if row is None:
                raise KeyError(exam_id)
            data = json.loads(row["data"])
            data.update(rules)
            conn.execute("UPDATE exams SET data = ? WHERE id = ?", (json.dumps(data, ensure_ascii=False), exam_id))

    def settle_order(self, order_id: str) -> dict[str, Any]:
        """Demo only: what the payment provider's callback would do."""
        with self.core.db.tx() as conn:
            row = conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
        if row is None:
            raise ApiError(404, "order_not_found", "no such payment order")
        view = self._order_view(row)
        if view["status"] == "expired":
            raise ApiError(409, "order_expired", "the order expired before it was paid")
        if view["status"] == "pending":
            now = self.core.clock.now()
            with self.core.db.tx() as conn:
                conn.execute("UPDATE orders SET status = 'paid', paid_at = ? WHERE id = ?", (now, order_id))
                conn.execute("UPDATE exams SET fee_status = 'paid' WHERE id = ?", (row["exam_id"],))
            view.update(status="paid", paid_at=now)
        return view

    # --- uploads -----------------------------------------------------------------------------
    def upload_credentials(self, principal: Principal, exam_id: str) -> dict[str, Any]:
        """Short-lived credentials that reach only `candidates/<account>/<exam>/` in the bucket."""
        row = self._exam_row(principal, exam_id)
        if row["fee_status"] == "unpaid":
            raise ApiError(402, "fee_unpaid", "pay the exam fee before uploading")
        now = self.core.clock.now()
        lifetime = float(STS_TTL_S)
        if self.faults.sts_lifetime_cap_s is not None:
            lifetime = min(lifetime, self.faults.sts_lifetime_cap_s)
        access_key_id = "STS." + secrets.token_hex(12)
        secret = secrets.token_urlsafe(30)
        token = secrets.token_urlsafe(96)
        prefix = f"{Core.candidate_prefix(principal.account_id)}{exam_id}/"
        with self.core.db.tx() as conn:
            conn.execute("INSERT INTO sts_tokens (access_key_id, secret, token_hash, account_id, exam_id, prefix, "
                         "issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (access_key_id, secret, hashlib.sha256(token.encode()).hexdigest(), principal.account_id,
                          exam_id, prefix, now, now + lifetime))
        return {"access_key_id": access_key_id, "access_key_secret": secret, "security_token": token,
                "expiration": _iso(now + lifetime), "expires_in": int(lifetime), "bucket": self.core.bucket,
                "endpoint": self.oss_endpoint, "region": self.region, "key_prefix": prefix}

    def sts_credential(self, access_key_id: str) -> Credential | None:
        """The store's view of an STS key (fault injection may have expired it early)."""
        with self.core.db.tx() as conn:
            row = conn.execute("SELECT * FROM sts_tokens WHERE access_key_id = ?", (access_key_id,)).fetchone()
        if row is None:
            return None
        expires_at = row["expires_at"]
        if row["issued_at"] <= self.faults.expire_tokens_before:
            expires_at = min(expires_at, row["issued_at"])
        return Credential(row["access_key_id"], row["secret"], row["token_hash"], expires_at, row["prefix"],
                          row["issued_at"])

    def _inspect(self, key: str) -> dict[str, Any]:
        """What is really stored under `key`: size, CRC64 and a SHA-256 read from the bytes."""
        try:
            meta = self.core.store.head(self.core.bucket, key)
            data = self.core.store.open_data(self.core.bucket, meta)
        except StoreError:
            return {"exists": False}
        sha = hashlib.sha256()
        head = b""
        with data:
            while chunk := data.read(1 << 20):
                if len(head) < 1 << 16:
                    head += chunk[: (1 << 16) - len(head)]
                sha.update(chunk)
        found: dict[str, Any] = {"exists": True, "size": meta.size, "crc64": str(meta.crc64),
                                 "sha256": sha.hexdigest(), "jpeg": head.startswith(b"\xff\xd8\xff")}
        if found["jpeg"]:
            found["pixels"] = _jpeg_size(head)
        return found

    def submit(self, principal: Principal, exam_id: str, body: Any) -> dict[str, Any]:
        row = self._exam_row(principal, exam_id)
        body = require_object(body)
        key = get_str(body, "object_key", max_len=1023)
        size = get_int(body, "size")
        sha256 = get_str(body, "sha256", max_len=64).lower()
        crc_text = get_str(body, "crc64", max_len=20)
        duration = get_number(body, "duration_s", maximum=86400.0)
        kind = get_str(body, "kind", required=False, default="take", max_len=16)
        if kind not in SUBMISSION_KINDS:
            raise ApiError(400, "invalid_request", f"'kind' must be one of {', '.join(SUBMISSION_KINDS)}")
        stats = body.get("stats", {})
        if not _HEX64.match(sha256) or not crc_text.isdigit() or int(crc_text) >= 2**64:
            raise ApiError(400, "invalid_request", "'sha256' must be 64 hex digits and 'crc64' a decimal u64")
        if not isinstance(stats, dict):
            raise ApiError(400, "invalid_request", "'stats' must be an object")
        prefix = f"{Core.candidate_prefix(principal.account_id)}{exam_id}/"
        if not key.startswith(prefix):
            raise ApiError(403, "key_outside_prefix", f"the object key must start with {prefix}")
        found = self._inspect(key)
        exam = json.loads(row["data"])
        mismatches = []
        if not found["exists"]:
            mismatches.append("object_missing")
        else:
            for name, claimed in (("size", size), ("crc64", str(int(crc_text))), ("sha256", sha256)):
                if found[name] != claimed:
                    mismatches.append(f"{name}_mismatch")
        if kind == "take":
            # A recorder stops at the maximum on the next frame or audio block: allow that much over.
            if not exam["min_duration_s"] <= duration <= exam["max_duration_s"] + DURATION_TOLERANCE_S:
                mismatches.append("duration_out_of_range")
        elif found["exists"] and not found.get("jpeg", False):
            mismatches.append("not_a_jpeg")  # an ID photo is the exported JPEG, nothing else
        elif found["exists"]:
            detail = exam.get("id_photo_spec_detail") or {}
            wanted = [detail.get("width_px"), detail.get("height_px")]
            if None not in wanted and found.get("pixels") != wanted:
                mismatches.append("photo_size_mismatch")  # not made to this exam's spec
        status = "rejected" if mismatches else "accepted"
        submission_id = "sub_" + uuid.uuid4().hex[:16]
        now = self.core.clock.now()
        manifest = {"object_key": key, "size": size, "sha256": sha256, "crc64": crc_text, "duration_s": duration,
                    "stats": stats, "kind": kind}
        with self.core.db.tx() as conn:
            conn.execute("INSERT INTO submissions (id, account_id, exam_id, object_key, manifest, status, found, "
                         "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (submission_id, principal.account_id, exam_id, key, json.dumps(manifest), status,
                          json.dumps(found), now))
        return {"submission_id": submission_id, "exam_id": exam_id, "status": status, "mismatches": mismatches,
                "found": found, "created_at": now}

    def submissions(self, principal: Principal, exam_id: str) -> dict[str, Any]:
        self._exam_row(principal, exam_id)
        with self.core.db.tx() as conn:
            rows = conn.execute("SELECT * FROM submissions WHERE account_id = ? AND exam_id = ? ORDER BY created_at",
                                (principal.account_id, exam_id)).fetchall()
        return {"submissions": [{"submission_id": r["id"], "exam_id": r["exam_id"], "status": r["status"],
                                 "object_key": r["object_key"], "found": json.loads(r["found"]),
                                 "created_at": r["created_at"]} for r in rows]}

    # --- exam centres ------------------------------------------------------------------------
    @staticmethod
    def _password_hash(password: str, salt: bytes, work: int) -> str:
        digest = hashlib.scrypt(password.encode(), salt=salt, n=work, r=8, p=1).hex()
        return f"scrypt${work}${digest}"

    def create_centre(self, code: str, name: str, password: str, *, work: int = 2**14) -> str:
        """A centre account. `work` is scrypt's cost; a lower one is fine only for random passwords."""
        salt = secrets.token_bytes(16)
        centre_id = "ctr_" + uuid.uuid4().hex[:12]
        with self.core.db.tx() as conn:
            conn.execute("INSERT INTO centres (id, code, name, password_hash, salt, created_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         (centre_id, code, name, self._password_hash(password, salt, work), salt.hex(),
                          self.core.clock.now()))
        return centre_id

    def centre_login(self, body: Any) -> dict[str, Any]:
        body = require_object(body)
        code = get_str(body, "centre_code", max_len=64)
        password = get_str(body, "password", max_len=256)
        with self.core.db.tx() as conn:
            row = conn.execute("SELECT * FROM centres WHERE code = ?", (code,)).fetchone()
        stored = row["password_hash"] if row else "scrypt$16384$"
        work = int(stored.split("$")[1])
        actual = self._password_hash(password, bytes.fromhex(row["salt"]) if row else b"x" * 16, work)
        if row is None or not hmac.compare_digest(stored, actual):
            raise ApiError(401, "bad_credentials", "wrong centre code or password")
        return self.core.sessions.create(row["id"], ROLE_CENTRE)

    def check_in(self, principal: Principal, body: Any) -> dict[str, Any]:
        """A candidate arrives with an admission ticket; the kiosk gets a session for that exam only."""
        require_role(principal, ROLE_CENTRE)
        ticket = get_str(require_object(body), "ticket_number", max_len=32).strip().upper()
        with self.core.db.tx() as conn:
            exam = conn.execute("SELECT * FROM exams WHERE ticket_number = ?", (ticket,)).fetchone()
            account = conn.execute("SELECT * FROM accounts WHERE id = ?",
                                   (exam["account_id"],)).fetchone() if exam else None
        if exam is None or account is None:
            raise ApiError(404, "ticket_not_found", "no exam has that admission-ticket number")
        checkin_id = "chk_" + uuid.uuid4().hex[:12]
        with self.core.db.tx() as conn:
            conn.execute("INSERT INTO checkins (id, centre_id, exam_id, account_id, at) VALUES (?, ?, ?, ?, ?)",
                         (checkin_id, principal.account_id, exam["id"], account["id"], self.core.clock.now()))
        session = self.core.sessions.create(account["id"], ROLE_KIOSK_CANDIDATE, exam_id=exam["id"],
                                            with_refresh=False, access_ttl_s=KIOSK_TTL_S)
        return {"checkin_id": checkin_id, "exam": self._exam_view(exam),
                "candidate": {"account_id": account["id"], "name": account["name"],
                              "phone_masked": mask_phone(account["phone"])},
                "candidate_access_token": session["access_token"], "expires_in": session["expires_in"]}

    def check_ins(self, principal: Principal) -> dict[str, Any]:
        require_role(principal, ROLE_CENTRE)
        with self.core.db.tx() as conn:
            rows = conn.execute("SELECT id, exam_id, at FROM checkins WHERE centre_id = ? ORDER BY at",
                                (principal.account_id,)).fetchall()
        return {"check_ins": [{"checkin_id": r["id"], "exam_id": r["exam_id"], "at": r["at"]} for r in rows]}
