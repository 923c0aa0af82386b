"""SMS codes and sessions against the real API server: limits, wrong/expired codes, refresh, logout."""

from __future__ import annotations

import logging

import pytest
import requests

from artreview_platform.embedded import EmbeddedPlatform
from tests.platform.conftest import DEVICE, OTHER_PHONE, PHONE, Candidate, log_in


def _ask(platform: EmbeddedPlatform, phone: str = PHONE) -> requests.Response:
    return requests.post(f"{platform.api_url}/auth/sms-code", json={"phone": phone}, timeout=10)


def _login(platform: EmbeddedPlatform, code: str, phone: str = PHONE) -> requests.Response:
    return requests.post(f"{platform.api_url}/auth/login", json={"phone": phone, "code": code,
                                                                "device_hash": DEVICE}, timeout=10)


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_login_gives_tokens_profile_and_demo_exams(candidate: Candidate) -> None:
    me = requests.get(f"{candidate.platform.api_url}/me", headers=candidate.headers, timeout=10).json()
    assert me["phone"] == "+86" + PHONE
    assert me["phone_masked"] == "+86 138****8000"
    piano = candidate.exam("piano")
    assert piano["level"] == 5 and len(piano["pieces"]) == 3
    assert piano["attempts_allowed"] == 3 and piano["practice_available"] is True
    assert piano["identity_rule"] == "announce_and_show_id" and piano["fee_status"] == "unpaid"
    assert piano["min_duration_s"] < piano["max_duration_s"]


def test_code_is_six_digits_and_works_once(platform: EmbeddedPlatform) -> None:
    assert _ask(platform).status_code == 202
    code = platform.latest_sms_code(PHONE)
    assert len(code) == 6 and code.isdigit()
    assert _login(platform, code).status_code == 200
    reused = _login(platform, code)
    assert (reused.status_code, reused.json()["error"]["code"]) == (400, "code_invalid")


def test_one_request_per_minute_per_number(platform: EmbeddedPlatform) -> None:
    assert _ask(platform).status_code == 202
    platform.clock.advance(30)
    again = _ask(platform)
    assert again.status_code == 429
    assert again.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(again.headers["Retry-After"]) <= 30
    platform.clock.advance(31)
    assert _ask(platform).status_code == 202


def test_the_address_limit_applies_across_numbers(platform: EmbeddedPlatform) -> None:
    assert _ask(platform, PHONE).status_code == 202
    other = _ask(platform, OTHER_PHONE)
    assert other.status_code == 429 and other.json()["error"]["code"] == "rate_limited"


def test_ten_codes_a_day_per_number(platform: EmbeddedPlatform) -> None:
    for _ in range(10):
        assert _ask(platform).status_code == 202
        platform.clock.advance(61)
    eleventh = _ask(platform)
    assert eleventh.status_code == 429
    assert eleventh.json()["error"]["code"] == "daily_limit"
    assert int(eleventh.headers["Retry-After"]) > 3600
    platform.clock.advance(86400)
    assert _ask(platform).status_code == 202


def test_five_wrong_codes_burn_the_code(platform: EmbeddedPlatform) -> None:
    _ask(platform)
    code = platform.latest_sms_code(PHONE)
    for left in (4, 3, 2, 1):
        answer = _login(platform, _wrong(code))
        assert answer.status_code == 400
        assert answer.json()["error"] == {"code": "code_wrong", "message": "wrong code",
                                          "details": {"attempts_left": left}}
    assert _login(platform, _wrong(code)).json()["error"]["code"] == "code_burned"
    assert _login(platform, code).json()["error"]["code"] == "code_invalid"


def test_a_code_expires_after_five_minutes(platform: EmbeddedPlatform) -> None:
    _ask(platform)
    code = platform.latest_sms_code(PHONE)
    platform.clock.advance(301)
    answer = _login(platform, code)
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "code_expired")


def test_a_new_code_replaces_the_old_one(platform: EmbeddedPlatform) -> None:
    _ask(platform)
    first = platform.latest_sms_code(PHONE)
    platform.clock.advance(61)
    _ask(platform)
    second = platform.latest_sms_code(PHONE)
    if first != second:
        assert _login(platform, first).json()["error"]["code"] == "code_wrong"
    assert _login(platform, second).status_code == 200


@pytest.mark.parametrize("phone", ["12345", "+1 415 555 0100", "1380013800", "23800138000"])
def test_only_mainland_mobile_numbers(platform: EmbeddedPlatform, phone: str) -> None:
    answer = _ask(platform, phone)
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "invalid_phone")


def test_refresh_after_the_access_token_expires_and_rotation(candidate: Candidate) -> None:
    platform = candidate.platform
    platform.clock.advance(15 * 60 + 1)
    expired = requests.get(f"{platform.api_url}/me", headers=candidate.headers, timeout=10)
    assert expired.status_code == 401 and expired.json()["error"]["code"] == "token_expired"
    refreshed = requests.post(f"{platform.api_url}/auth/refresh", json={"refresh_token": candidate.refresh_token},
                              timeout=10)
    assert refreshed.status_code == 200
    fresh = refreshed.json()
    me = requests.get(f"{platform.api_url}/me", headers={"Authorization": f"Bearer {fresh['access_token']}"},
                      timeout=10)
    assert me.status_code == 200
    replay = requests.post(f"{platform.api_url}/auth/refresh", json={"refresh_token": candidate.refresh_token},
                           timeout=10)
    assert (replay.status_code, replay.json()["error"]["code"]) == (401, "refresh_invalid")


def test_logout_ends_the_session(candidate: Candidate) -> None:
    api = candidate.platform.api_url
    assert requests.post(f"{api}/auth/logout", headers=candidate.headers, timeout=10).status_code == 200
    after = requests.get(f"{api}/me", headers=candidate.headers, timeout=10)
    assert (after.status_code, after.json()["error"]["code"]) == (401, "token_invalid")
    refresh = requests.post(f"{api}/auth/refresh", json={"refresh_token": candidate.refresh_token}, timeout=10)
    assert refresh.status_code == 401


def test_the_dev_inbox_endpoint_shows_the_code(platform: EmbeddedPlatform) -> None:
    _ask(platform)
    inbox = requests.get(f"{platform.api_url}/dev/sms-inbox", params={"phone": PHONE}, timeout=10).json()
    assert inbox["messages"][0]["code"] == platform.latest_sms_code(PHONE)
    assert inbox["messages"][0]["phone_masked"] == "+86 138****8000"


def test_numbers_and_codes_never_reach_the_logs(platform: EmbeddedPlatform, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    candidate = log_in(platform)
    code = platform.sms_messages(PHONE)[0].code
    _login(platform, _wrong(code))
    requests.get(f"{platform.api_url}/dev/sms-inbox", params={"phone": PHONE}, timeout=10)
    requests.get(f"{platform.api_url}/me", headers=candidate.headers, timeout=10)
    # The server's records only: the test's own HTTP library (urllib3) logs URLs in clear.
    text = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("artreview_platform"))
    assert "dev inbox" in text and "/auth/login" in text  # the server did log the flow
    for secret in (PHONE, PHONE[3:], code, _wrong(code), candidate.access_token, candidate.refresh_token):
        assert secret not in text
