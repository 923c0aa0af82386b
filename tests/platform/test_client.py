"""The typed client against the real embedded platform: login, refresh, exams, upload, errors."""

from __future__ import annotations

import dataclasses
import hashlib
import socket
from pathlib import Path

import oss2
import pytest

from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.device import device_hash, install_id
from artreview_desktop.core.platform.errors import ErrorCode, PlatformError
from artreview_desktop.core.platform.models import SubmissionManifest
from artreview_desktop.core.platform.tokens import KeyringTokenStore, MemoryTokenStore
from artreview_desktop.core.upload.crc64 import crc64
from artreview_platform.embedded import EmbeddedPlatform
from tests.platform.conftest import OTHER_PHONE, PHONE

DEVICE = "e" * 64


def _client(platform: EmbeddedPlatform, **kwargs: object) -> PlatformClient:
    delays: list[float] = []
    client = PlatformClient(platform.api_url, MemoryTokenStore(), backoff_s=0.01, sleep=delays.append,
                            **kwargs)  # type: ignore[arg-type]
    client.delays = delays  # type: ignore[attr-defined]
    return client


def _logged_in(platform: EmbeddedPlatform, phone: str = PHONE) -> PlatformClient:
    client = _client(platform)
    client.request_code(phone)
    client.login(phone, platform.latest_sms_code(phone), DEVICE)
    return client


def test_login_exams_and_transparent_refresh(platform: EmbeddedPlatform) -> None:
    client = _logged_in(platform)
    first = client.tokens.load()
    assert first is not None and first.refresh_token
    exams = client.exams()
    assert [e.subject for e in exams] == ["piano", "dance", "art"]
    piano = exams[0]
    assert piano.level == 5 and piano.fee_due and len(piano.pieces) == 3
    assert piano.identity_rule == "announce_and_show_id" and piano.id_photo_spec_detail["width_px"] == 295
    assert client.profile().phone_masked == "+86 138****8000"

    platform.clock.advance(16 * 60)  # the access token is now expired on the server
    assert client.exam(piano.id).id == piano.id
    second = client.tokens.load()
    assert second is not None and second.access_token != first.access_token
    assert second.refresh_token != first.refresh_token


def test_session_expiry_clears_tokens(platform: EmbeddedPlatform) -> None:
    client = _logged_in(platform)
    platform.clock.advance(31 * 86400)
    with pytest.raises(PlatformError) as err:
        client.exams()
    assert err.value.code is ErrorCode.SESSION_EXPIRED
    assert client.tokens.load() is None
    with pytest.raises(PlatformError) as again:
        client.exams()
    assert again.value.code is ErrorCode.NOT_LOGGED_IN


def test_upload_and_submission_accepted_and_rejected(platform: EmbeddedPlatform) -> None:
    client = _logged_in(platform)
    dance = next(e for e in client.exams() if e.subject == "dance")
    creds = client.upload_credentials(dance.id)
    assert creds.key_prefix.endswith(f"/{dance.id}/") and creds.access_key_id.startswith("STS.")
    assert creds.access_key_secret not in repr(creds) and creds.security_token not in repr(creds)
    bucket = oss2.Bucket(oss2.StsAuth(creds.access_key_id, creds.access_key_secret, creds.security_token),
                         creds.endpoint, creds.bucket)
    data = b"take" * 5000
    key = creds.key_prefix + "piece-1.mp4"
    bucket.put_object(key, data)
    manifest = SubmissionManifest(key, len(data), hashlib.sha256(data).hexdigest(), crc64(data), 75.0,
                                  {"fps": 30})
    accepted = client.submit(dance.id, manifest)
    assert accepted.accepted and accepted.mismatches == ()
    wrong_crc = SubmissionManifest(key, len(data), manifest.sha256, crc64(data) ^ 1, 75.0)
    rejected = client.submit(dance.id, wrong_crc)
    assert not rejected.accepted and rejected.mismatches == ("crc64_mismatch",)
    assert rejected.found["crc64"] == str(crc64(data))


def test_payment_flow(platform: EmbeddedPlatform) -> None:
    client = _logged_in(platform)
    piano = client.exams()[0]
    with pytest.raises(PlatformError) as unpaid:
        client.upload_credentials(piano.id)
    assert (unpaid.value.code, unpaid.value.status) == (ErrorCode.FEE_UNPAID, 402)
    order = client.create_payment_order(piano.id, "alipay")
    assert client.payment_order(order.order_id).status == "pending"
    platform.settle_payment(order.order_id)
    assert client.payment_order(order.order_id).status == "paid"
    assert client.upload_credentials(piano.id).bucket == platform.bucket


def test_rate_limit_and_wrong_code_errors(platform: EmbeddedPlatform) -> None:
    client = _client(platform)
    assert client.request_code(PHONE) == 60
    with pytest.raises(PlatformError) as limited:
        client.request_code(PHONE)
    assert limited.value.code is ErrorCode.RATE_LIMITED
    assert limited.value.status == 429 and limited.value.retry_after is not None and limited.value.retry_after > 0
    code = platform.latest_sms_code(PHONE)
    with pytest.raises(PlatformError) as wrong:
        client.login(PHONE, f"{(int(code) + 1) % 1_000_000:06d}", DEVICE)
    assert wrong.value.code is ErrorCode.CODE_WRONG and wrong.value.details["attempts_left"] == 4
    with pytest.raises(PlatformError) as bad_phone:
        client.request_code("555-0100")
    assert bad_phone.value.code is ErrorCode.INVALID_PHONE


def test_network_down_on_a_closed_port(platform: EmbeddedPlatform) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    delays: list[float] = []
    client = PlatformClient(f"http://127.0.0.1:{port}/api/v1", MemoryTokenStore(), retries=2, backoff_s=0.01,
                            sleep=delays.append)
    with pytest.raises(PlatformError) as err:
        client.policy()
    assert err.value.code is ErrorCode.NETWORK_DOWN and err.value.status is None
    assert len(delays) == 2  # GET is idempotent: retried twice with backoff
    delays.clear()
    with pytest.raises(PlatformError):
        client.request_code(PHONE)
    assert delays == []  # POST /auth/sms-code is not: never repeated


def test_retries_only_idempotent_calls(platform: EmbeddedPlatform) -> None:
    client = _logged_in(platform)
    platform.faults.fail_next(2, status=503, path_prefix="/api/v1/exams", method="GET")
    assert len(client.exams()) == 3  # two 503s absorbed by retries
    dance = client.exams()[1]
    platform.faults.fail_next(1, status=503, path_prefix="/api/v1/exams", method="POST")
    manifest = SubmissionManifest(f"candidates/{dance.id}/x", 1, "0" * 64, 0, 60.0)
    with pytest.raises(PlatformError) as err:
        client.submit(dance.id, manifest)
    assert (err.value.code, err.value.status) == (ErrorCode.SERVER_ERROR, 503)


def test_logout_forgets_tokens_and_ends_the_session(platform: EmbeddedPlatform) -> None:
    client = _logged_in(platform)
    old = client.tokens.load()
    assert old is not None
    client.logout()
    assert client.tokens.load() is None
    with pytest.raises(PlatformError) as err:
        client.exams(bearer=old.access_token)
    assert err.value.code is ErrorCode.SESSION_EXPIRED


def test_centre_check_in_gives_a_kiosk_session(platform: EmbeddedPlatform) -> None:
    candidate = _logged_in(platform)
    ticket = candidate.exams()[1].ticket_number
    kiosk = _client(platform)
    kiosk.centre_login(platform.demo_centre_code, platform.demo_centre_password)
    check_in = kiosk.check_in(ticket)
    assert check_in.exam.ticket_number == ticket and check_in.candidate_access_token not in repr(check_in)
    exams = kiosk.exams(bearer=check_in.candidate_access_token)
    assert [e.id for e in exams] == [check_in.exam.id]
    assert kiosk.upload_credentials(check_in.exam.id, bearer=check_in.candidate_access_token).key_prefix


def test_account_rights_through_the_client(platform: EmbeddedPlatform) -> None:
    client = _logged_in(platform)
    client.record_consent("2026.11", ["privacy_policy", "children_statement"], age_band="14-17")  # own consent
    assert client.update_name("小明").name == "小明"
    exported = client.export_data()
    assert exported["account"]["name"] == "小明" and len(exported["consents"]) == 1
    platform.clock.advance(61)
    client.request_code(OTHER_PHONE, purpose="change_phone")
    assert client.change_phone(OTHER_PHONE, platform.latest_sms_code(OTHER_PHONE, "change_phone")).phone.endswith(
        OTHER_PHONE)
    platform.clock.advance(61)
    client.request_code(purpose="delete_account")
    assert client.delete_account(platform.latest_sms_code(OTHER_PHONE, "delete_account")) == 0
    assert client.tokens.load() is None
    assert client.policy().version and client.latest_app("macos").version


def test_device_hash_is_salted_stable_and_never_the_raw_id(tmp_path: Path) -> None:
    raw = "0123456789abcdef0123456789abcdef"
    hashed = device_hash(tmp_path, raw)
    assert len(hashed) == 64 and raw not in hashed
    assert hashed != hashlib.sha256(raw.encode()).hexdigest()  # salted
    assert device_hash(tmp_path, raw) == hashed
    fallback = device_hash(tmp_path, "")  # no machine id: a per-install random id, kept on disk
    assert fallback == device_hash(tmp_path, "") and (tmp_path / "install-id").read_text() == install_id(tmp_path)
    assert device_hash(tmp_path) == device_hash(tmp_path)  # this machine, whatever it offers


@pytest.mark.keyring
def test_keyring_token_store(real_keyring: None, platform: EmbeddedPlatform, app_paths: AppPaths) -> None:
    store = KeyringTokenStore(platform.api_url, service="artreview-desktop-test")
    store.clear()
    client = PlatformClient(platform.api_url, store)
    client.request_code(PHONE)
    pair = client.login(PHONE, platform.latest_sms_code(PHONE), DEVICE)
    loaded = KeyringTokenStore(platform.api_url, service="artreview-desktop-test").load()
    assert loaded is not None and loaded.access_token == pair.access_token and loaded.refresh_token
    assert pair.access_token not in repr(pair)
    assert client.exams()
    for folder in (app_paths.config_dir, app_paths.data_dir, app_paths.log_dir, app_paths.cache_dir):
        for file in folder.rglob("*"):  # tokens live in the keyring, never in the app's files
            assert not file.is_file() or pair.access_token.encode() not in file.read_bytes()
    client.logout()
    assert store.load() is None


def test_refreshes_ahead_of_expiry_and_forgets_revoked_sessions(platform: EmbeddedPlatform) -> None:
    client = _logged_in(platform)
    pair = client.tokens.load()
    assert pair is not None
    client.tokens.save(dataclasses.replace(pair, access_expires_at=pair.access_expires_at - 15 * 60))
    client.profile()
    refreshed = client.tokens.load()
    assert refreshed is not None and refreshed.access_token != pair.access_token
    other = _client(platform)
    other.tokens.save(refreshed)
    other.logout()  # the same session ended from elsewhere
    with pytest.raises(PlatformError) as err:
        client.profile()
    assert err.value.code is ErrorCode.SESSION_EXPIRED
    assert client.tokens.load() is None
