"""The account service against the real reference platform: login, minors, withdrawal."""

from __future__ import annotations

from datetime import date

import pytest

from artreview_desktop.core.account import AccountService, MinorRecords, MinorStatus
from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.phone import InvalidPhoneNumber
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.errors import ErrorCode, PlatformError
from artreview_desktop.core.platform.tokens import MemoryTokenStore
from artreview_desktop.core.privacy.consent import Action, ConsentLedger, Document
from artreview_platform.embedded import EmbeddedPlatform

TODAY = date(2026, 11, 29)
CHILD_BIRTH = date(2014, 6, 1)  # 12 years old
PHONE = "138 0013 8001"
GUARDIAN = "13900139001"


def _service(platform: EmbeddedPlatform, paths: AppPaths) -> AccountService:
    client = PlatformClient(platform.api_url, MemoryTokenStore())
    ledger = ConsentLedger(paths.data_dir / "privacy" / "ledger.jsonl")
    ledger.record(Document.PRIVACY_POLICY, "1.0")
    return AccountService(client, lambda: "e" * 64, ledger)


def _login(service: AccountService, platform: EmbeddedPlatform) -> None:
    service.request_code(PHONE)
    service.login(PHONE, platform.latest_sms_code("13800138001"))


def test_login_restore_logout(demo_platform: EmbeddedPlatform, app_paths: AppPaths) -> None:
    service = _service(demo_platform, app_paths)
    assert service.restore() is None
    _login(service, demo_platform)
    assert service.logged_in
    assert service.profile is not None and service.profile.phone.endswith("13800138001")
    again = AccountService(service.client, service.device_hash, service.ledger)
    assert again.restore() is not None  # the kept tokens resume the session
    service.logout()
    assert not service.logged_in
    assert service.client.tokens.load() is None


def test_bad_phone_never_reaches_the_platform(demo_platform: EmbeddedPlatform, app_paths: AppPaths) -> None:
    service = _service(demo_platform, app_paths)
    with pytest.raises(InvalidPhoneNumber):
        service.request_code("12345")
    assert demo_platform.sms_messages() == []


def test_wrong_code_is_a_typed_error(demo_platform: EmbeddedPlatform, app_paths: AppPaths) -> None:
    service = _service(demo_platform, app_paths)
    service.request_code(PHONE)
    right = demo_platform.latest_sms_code("13800138001")
    with pytest.raises(PlatformError) as caught:
        service.login(PHONE, "000000" if right != "000000" else "111111")
    assert caught.value.code is ErrorCode.CODE_WRONG
    assert not service.logged_in


def test_a_child_needs_a_verified_guardian(demo_platform: EmbeddedPlatform, app_paths: AppPaths) -> None:
    service = _service(demo_platform, app_paths)
    _login(service, demo_platform)
    with pytest.raises(ValueError):
        service.record_own_consent(CHILD_BIRTH, TODAY, "1.0")
    assert not MinorStatus(CHILD_BIRTH).may_collect_exam_data(TODAY)

    demo_platform.clock.advance(61)
    service.request_guardian_code(GUARDIAN)
    code = demo_platform.latest_sms_code(GUARDIAN, "guardian")
    status = service.record_guardian_consent(CHILD_BIRTH, TODAY, "王芳", "母亲", GUARDIAN, code, "1.0", "1.0")

    assert status.may_collect_exam_data(TODAY)
    consents = service.client.export_data()["consents"]
    assert consents[-1]["age_band"] == "under14"
    assert consents[-1]["guardian"]["verified"] is True
    latest = service.ledger.latest(Document.CHILDREN_STATEMENT)
    assert latest is not None and latest.guardian_verified
    assert service.ledger.unsynced() == []


def test_a_teen_may_consent_alone_an_adult_always(app_paths: AppPaths, demo_platform: EmbeddedPlatform) -> None:
    service = _service(demo_platform, app_paths)
    _login(service, demo_platform)
    teen = service.record_own_consent(date(2010, 1, 1), TODAY, "1.0")
    assert teen.own_consent and teen.may_collect_exam_data(TODAY)
    assert service.client.export_data()["consents"][-1]["age_band"] == "14-17"


def test_withdrawal_is_recorded_locally_then_sent(demo_platform: EmbeddedPlatform, app_paths: AppPaths) -> None:
    service = _service(demo_platform, app_paths)
    _login(service, demo_platform)
    service.withdraw_consent("1.0")
    assert service.ledger.latest(Document.PRIVACY_POLICY).action is Action.WITHDRAW  # type: ignore[union-attr]
    assert service.client.export_data()["consents"][-1]["accepted"] is False


def test_minor_records_round_trip_and_wipe(app_paths: AppPaths) -> None:
    records = MinorRecords(app_paths.data_dir / "accounts")
    assert records.load("acc_1") is None
    records.save("acc_1", MinorStatus(CHILD_BIRTH, guardian_verified=True))
    assert records.load("acc_1") == MinorStatus(CHILD_BIRTH, guardian_verified=True)
    records.wipe("acc_1")
    assert records.load("acc_1") is None
