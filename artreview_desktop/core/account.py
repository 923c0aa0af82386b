"""The candidate's account on this machine: login, session restore, consent sync, logout.

Qt-free; the UI runs each call in a worker. Tokens live only in the `TokenStore` (the OS keyring);
the phone number is used for the call and never logged.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from artreview_desktop.core.fileutil import atomic_write_json
from artreview_desktop.core.phone import normalize_mobile
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.errors import ErrorCode, PlatformError
from artreview_desktop.core.platform.models import Profile
from artreview_desktop.core.privacy.consent import DEFAULT_SCOPES, Action, Actor, ConsentLedger, Document
from artreview_desktop.core.privacy.minors import AgeGroup, age_group

log = logging.getLogger(__name__)

#: How the platform names the consent groups of minors' protection.
AGE_BANDS = {"child": "under14", "teen": "14-17", "adult": "adult"}


class AccountService:
    def __init__(self, client: PlatformClient, device_hash: Callable[[], str], ledger: ConsentLedger) -> None:
        """`device_hash` is called at login only, so nothing about the device is read before."""
        self.client = client
        self.device_hash = device_hash
        self.ledger = ledger
        self.profile: Profile | None = None

    @property
    def logged_in(self) -> bool:
        return self.profile is not None

    def request_code(self, phone_text: str, purpose: str = "login") -> int:
        """Send a code; returns the seconds before another may be requested."""
        return self.client.request_code(normalize_mobile(phone_text), purpose)

    def login(self, phone_text: str, code: str) -> Profile:
        self.client.login(normalize_mobile(phone_text), code.strip(), self.device_hash())
        self.profile = self.client.profile()
        log.info("logged in")
        return self.profile

    def restore(self) -> Profile | None:
        """Resume a session kept in the keyring; None when there is none or it has expired."""
        if self.client.tokens.load() is None:
            return None
        try:
            self.profile = self.client.profile()
        except PlatformError as err:
            if err.code in (ErrorCode.NOT_LOGGED_IN, ErrorCode.SESSION_EXPIRED):
                self.client.tokens.clear()
                return None
            raise
        return self.profile

    def _mark_ledger_synced(self) -> None:
        """The consent just sent to the platform stands for every record not yet sent."""
        pending = {record.record_id for record in self.ledger.unsynced()}
        if pending:
            self.ledger.mark_synced(pending)

    def withdraw_consent(self, policy_version: str) -> None:
        """Record the withdrawal locally first (it must never be lost), then tell the platform."""
        self.ledger.record(Document.PRIVACY_POLICY, policy_version, action=Action.WITHDRAW)
        if self.profile is not None:
            self.client.record_consent(policy_version, ["privacy_policy"], accepted=False)
            self._mark_ledger_synced()

    def request_guardian_code(self, guardian_phone_text: str) -> int:
        """A code to the guardian's own phone: the guardian proves it is them."""
        return self.client.request_code(normalize_mobile(guardian_phone_text), "guardian")

    def record_guardian_consent(
        self, birth_date: date, today: date, name: str, relation: str, guardian_phone_text: str, code: str,
        policy_version: str, children_version: str,
    ) -> MinorStatus:
        """Send the guardian's verified consent to the platform, then record it locally."""
        band = AGE_BANDS[age_group(birth_date, today).value]
        self.client.record_consent(
            policy_version, ["privacy_policy", "children_statement", *DEFAULT_SCOPES], age_band=band,
            guardian={"name": name.strip(), "relation": relation, "phone": normalize_mobile(guardian_phone_text),
                      "code": code.strip()},
        )
        self.ledger.record(Document.CHILDREN_STATEMENT, children_version, actor=Actor.GUARDIAN, guardian_verified=True)
        self._mark_ledger_synced()
        return MinorStatus(birth_date, guardian_verified=True)

    def record_own_consent(self, birth_date: date, today: date, policy_version: str) -> MinorStatus:
        """An adult, or a 14–17-year-old consenting themself."""
        group = age_group(birth_date, today)
        if group is AgeGroup.CHILD:
            raise ValueError("a child under 14 needs a guardian's consent")
        self.client.record_consent(policy_version, ["privacy_policy", *DEFAULT_SCOPES],
                                   age_band=AGE_BANDS[group.value])
        self._mark_ledger_synced()
        return MinorStatus(birth_date, own_consent=group is AgeGroup.TEEN)

    def change_phone(self, new_phone_text: str, code: str) -> Profile:
        self.profile = self.client.change_phone(normalize_mobile(new_phone_text), code.strip())
        return self.profile

    def delete_account(self, code: str) -> int:
        """Irreversible: the platform deletes the account and its stored objects."""
        deleted = self.client.delete_account(code.strip())
        self.profile = None
        return deleted

    def logout(self) -> None:
        try:
            self.client.logout()
        finally:
            self.profile = None


@dataclass(frozen=True)
class MinorStatus:
    """What minors' protection knows about the logged-in candidate (kept per account, locally)."""

    birth_date: date
    guardian_verified: bool = False
    own_consent: bool = False  # a 14–17-year-old who consented themself

    def group(self, today: date) -> AgeGroup:
        return age_group(self.birth_date, today)

    def may_collect_exam_data(self, today: date) -> bool:
        """Under 14: only after a verified guardian consented. 14–17: guardian or own consent."""
        group = self.group(today)
        if group is AgeGroup.CHILD:
            return self.guardian_verified
        if group is AgeGroup.TEEN:
            return self.guardian_verified or self.own_consent
        return True


class MinorRecords:
    """Per-account minor status in the data folder (written only after consent and login)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _path(self, account_id: str) -> Path:
        safe = "".join(ch for ch in account_id if ch.isalnum() or ch in "-_") or "account"
        return self.folder / safe / "minor.json"

    def load(self, account_id: str) -> MinorStatus | None:
        try:
            data = json.loads(self._path(account_id).read_text(encoding="utf-8"))
            return MinorStatus(date.fromisoformat(data["birth_date"]), bool(data.get("guardian_verified")),
                               bool(data.get("own_consent")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("minor status unreadable; it will be asked again")
            return None

    def save(self, account_id: str, status: MinorStatus) -> None:
        atomic_write_json(self._path(account_id), {
            "birth_date": status.birth_date.isoformat(),
            "guardian_verified": status.guardian_verified,
            "own_consent": status.own_consent,
        })

    def wipe(self, account_id: str) -> None:
        path = self._path(account_id)
        path.unlink(missing_ok=True)
        try:
            path.parent.rmdir()
        except OSError:
            pass
