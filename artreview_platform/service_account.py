"""Login, sessions and the account rights (access/export, correction, deletion, consents)."""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from typing import Any

from artreview_desktop.core.privacy.redact import redact
from artreview_platform.clock import Clock
from artreview_platform.db import Database
from artreview_platform.errors import ApiError
from artreview_platform.oss_store import ObjectStore
from artreview_platform.seed import seed_exams
from artreview_platform.sessions import ROLE_CANDIDATE, Principal, SessionService
from artreview_platform.sms import CodeService, mask_phone, normalize_phone
from artreview_platform.validation import get_str, require_object

log = logging.getLogger("artreview_platform.account")

CONSENT_SCOPES = ("privacy_policy", "children_statement", "camera", "microphone", "storage", "network",
                  "login_sms", "device_log", "crash_reports", "upload", "account", "id_photo", "exam_recording",
                  "operation_log")
AGE_BANDS = ("adult", "14-17", "under14")


@dataclass
class Core:
    """The shared parts every service uses."""

    db: Database
    clock: Clock
    sessions: SessionService
    codes: CodeService
    store: ObjectStore
    bucket: str

    @staticmethod
    def candidate_prefix(account_id: str) -> str:
        return f"candidates/{account_id}/"


def require_role(principal: Principal, *roles: str) -> None:
    if principal.role not in roles:
        raise ApiError(403, "forbidden", "this session may not do that")


class AccountService:
    def __init__(self, core: Core) -> None:
        self.core = core

    def request_code(self, body: Any, client_address: str, principal: Principal | None) -> dict[str, Any]:
        body = require_object(body)
        purpose = get_str(body, "purpose", required=False, default="login", max_len=32)
        if purpose == "login":
            phone = normalize_phone(get_str(body, "phone", max_len=32))
        else:
            if principal is None:
                raise ApiError(401, "token_missing", "log in first")
            require_role(principal, ROLE_CANDIDATE)
            if purpose in ("change_phone", "guardian"):
                phone = normalize_phone(get_str(body, "phone", max_len=32))
            else:
                phone = self._account(principal.account_id)["phone"]
        self.core.codes.request_code(phone, purpose, client_address)
        limits = self.core.codes.limits
        log.info(redact(f"code sent for {purpose} to {phone}"))
        return {"sent": True, "expires_in": limits.code_ttl_s, "resend_after": limits.resend_interval_s}

    def _account(self, account_id: str) -> dict[str, Any]:
        with self.core.db.tx() as conn:
            row = conn.execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()
        if row is None:
            raise ApiError(401, "token_invalid", "the account no longer exists")
        return dict(row)

    def login(self, body: Any) -> dict[str, Any]:
        body = require_object(body)
        phone = normalize_phone(get_str(body, "phone", max_len=32))
        code = get_str(body, "code", max_len=16)
        device_hash = get_str(body, "device_hash", max_len=128)
        self.core.codes.verify(phone, "login", code)
        now = self.core.clock.now()
        with self.core.db.tx() as conn:
            row = conn.execute("SELECT id FROM accounts WHERE phone = ?", (phone,)).fetchone()
            if row is None:
                account_id = "acc_" + uuid.uuid4().hex[:16]
                conn.execute("INSERT INTO accounts (id, phone, created_at) VALUES (?, ?, ?)",
                             (account_id, phone, now))
                seed_exams(conn, account_id, now)
            else:
                account_id = row["id"]
        log.info(redact(f"login for {phone} as {account_id}"))
        return self.core.sessions.create(account_id, ROLE_CANDIDATE, device_hash)

    def refresh(self, body: Any) -> dict[str, Any]:
        return self.core.sessions.refresh(get_str(require_object(body), "refresh_token", max_len=256))

    def profile(self, principal: Principal) -> dict[str, Any]:
        require_role(principal, ROLE_CANDIDATE)
        account = self._account(principal.account_id)
        return {"account_id": account["id"], "phone": account["phone"], "phone_masked": mask_phone(account["phone"]),
                "name": account["name"], "created_at": account["created_at"]}

    def update_profile(self, principal: Principal, body: Any) -> dict[str, Any]:
        require_role(principal, ROLE_CANDIDATE)
        name = get_str(require_object(body), "name", max_len=64).strip()
        with self.core.db.tx() as conn:
            conn.execute("UPDATE accounts SET name = ? WHERE id = ?", (name, principal.account_id))
        return self.profile(principal)

    def change_phone(self, principal: Principal, body: Any) -> dict[str, Any]:
        require_role(principal, ROLE_CANDIDATE)
        body = require_object(body)
        new_phone = normalize_phone(get_str(body, "new_phone", max_len=32))
        code = get_str(body, "code", max_len=16)
        with self.core.db.tx() as conn:
            taken = conn.execute("SELECT id FROM accounts WHERE phone = ?", (new_phone,)).fetchone()
        if taken is not None:
            raise ApiError(409, "phone_taken", "that number already belongs to an account")
        self.core.codes.verify(new_phone, "change_phone", code)
        with self.core.db.tx() as conn:
            conn.execute("UPDATE accounts SET phone = ? WHERE id = ?", (new_phone, principal.account_id))
        return self.profile(principal)

    def export(self, principal: Principal) -> dict[str, Any]:
        """Everything held about the account, as the right of access requires."""
        require_role(principal, ROLE_CANDIDATE)
        account_id = principal.account_id

        def rows(sql: str) -> list[dict[str, Any]]:
            with self.core.db.tx() as conn:
                return [dict(r) for r in conn.execute(sql, (account_id,)).fetchall()]

        exams = rows("SELECT * FROM exams WHERE account_id = ?")
        for exam in exams:
            exam["data"] = json.loads(exam["data"])
        consents = rows("SELECT policy_version, scopes, guardian, age_band, accepted, recorded_at "
                        "FROM consents WHERE account_id = ?")
        for consent in consents:
            consent["scopes"] = json.loads(consent["scopes"])
            consent["guardian"] = json.loads(consent["guardian"]) if consent["guardian"] else None
            consent["accepted"] = bool(consent["accepted"])
        submissions = rows("SELECT * FROM submissions WHERE account_id = ?")
        for submission in submissions:
            submission["manifest"] = json.loads(submission["manifest"])
            submission["found"] = json.loads(submission["found"])
        objects = [{"key": m.key, "size": m.size, "last_modified": m.last_modified}
                   for m in self.core.store.list_keys(self.core.bucket, Core.candidate_prefix(account_id))]
        return {
            "exported_at": self.core.clock.now(),
            "account": self._account(account_id),
            "sessions": rows("SELECT device_hash, created_at, access_expires, refresh_expires, revoked "
                             "FROM sessions WHERE account_id = ?"),
            "consents": consents,
            "exams": exams,
            "payment_orders": rows("SELECT * FROM orders WHERE account_id = ?"),
            "submissions": submissions,
            "upload_credentials": rows("SELECT access_key_id, exam_id, prefix, issued_at, expires_at "
                                       "FROM sts_tokens WHERE account_id = ?"),
            "stored_objects": objects,
        }

    def delete_account(self, principal: Principal, body: Any) -> dict[str, Any]:
        """Irreversible: objects in the store, then every row about the account, then its sessions."""
        require_role(principal, ROLE_CANDIDATE)
        code = get_str(require_object(body), "code", max_len=16)
        account = self._account(principal.account_id)
        self.core.codes.verify(account["phone"], "delete_account", code)
        deleted = self.core.store.delete_prefix(self.core.bucket, Core.candidate_prefix(account["id"]))
        with self.core.db.tx() as conn:
            for table in ("consents", "exams", "orders", "submissions", "sts_tokens", "checkins"):
                conn.execute(f"DELETE FROM {table} WHERE account_id = ?", (account["id"],))
            conn.execute("DELETE FROM sessions WHERE account_id = ?", (account["id"],))
            conn.execute("DELETE FROM accounts WHERE id = ?", (account["id"],))
        log.info("account %s deleted with %d stored objects", account["id"], deleted)
        return {"deleted": True, "deleted_objects": deleted}

    def record_consent(self, principal: Principal, body: Any) -> dict[str, Any]:
        require_role(principal, ROLE_CANDIDATE)
        body = require_object(body)
        version = get_str(body, "policy_version", max_len=32)
        scopes = body.get("scopes")
        if not isinstance(scopes, list) or not scopes or not all(s in CONSENT_SCOPES for s in scopes):
            raise ApiError(400, "invalid_request", f"'scopes' must list some of {', '.join(CONSENT_SCOPES)}")
        accepted = body.get("accepted", True)
        if not isinstance(accepted, bool):
            raise ApiError(400, "invalid_request", "'accepted' must be true or false")
        age_band = get_str(body, "age_band", required=False, default="adult", max_len=16)
        if age_band not in AGE_BANDS:
            raise ApiError(400, "invalid_request", f"'age_band' must be one of {', '.join(AGE_BANDS)}")
        guardian = body.get("guardian")
        if guardian is not None:
            guardian = require_object(guardian)
            guardian_phone = normalize_phone(get_str(guardian, "phone", max_len=32))
            # The guardian proves it is them with a code sent to their own phone (purpose "guardian").
            self.core.codes.verify(guardian_phone, "guardian", get_str(guardian, "code", max_len=16))
            guardian = {"name": get_str(guardian, "name", max_len=64),
                        "relation": get_str(guardian, "relation", max_len=32),
                        "phone_masked": mask_phone(guardian_phone), "verified": True}
        if age_band == "under14" and guardian is None:
            raise ApiError(400, "guardian_required", "a guardian must consent for a child under 14")
        now = self.core.clock.now()
        with self.core.db.tx() as conn:
            conn.execute(
                "INSERT INTO consents (account_id, policy_version, scopes, guardian, age_band, accepted, "
                "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (principal.account_id, version, json.dumps(sorted(set(scopes))),
                 json.dumps(guardian, ensure_ascii=False) if guardian else None, age_band, int(accepted), now),
            )
        return {"policy_version": version, "scopes": sorted(set(scopes)), "accepted": accepted,
                "age_band": age_band, "guardian": guardian, "recorded_at": now}

    def consents(self, principal: Principal) -> dict[str, Any]:
        return {"consents": self.export(principal)["consents"]}
