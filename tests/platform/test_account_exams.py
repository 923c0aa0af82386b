"""Account rights, consents, payments, submissions and centre check-in, over real HTTP."""

from __future__ import annotations

import hashlib
from typing import Any

import oss2
import pytest
import requests

from artreview_desktop.core.privacy.policy import PolicyBundle
from artreview_desktop.core.resources import resource
from artreview_desktop.core.upload.crc64 import crc64
from artreview_platform.embedded import EmbeddedPlatform
from tests.platform.conftest import OTHER_PHONE, Candidate, log_in, sts_bucket


def _post(candidate: Candidate, path: str, body: Any = None) -> requests.Response:
    return requests.post(candidate.platform.api_url + path, json=body, headers=candidate.headers, timeout=10)


def _get(candidate: Candidate, path: str) -> requests.Response:
    return requests.get(candidate.platform.api_url + path, headers=candidate.headers, timeout=10)


def _upload_take(candidate: Candidate, data: bytes) -> tuple[str, dict[str, Any]]:
    creds = candidate.credentials("dance")
    key = creds["key_prefix"] + "take-1.mp4"
    sts_bucket(creds).put_object(key, data)
    return key, creds


def test_consents_and_guardians_for_children(candidate: Candidate) -> None:
    platform = candidate.platform
    child = _post(candidate, "/me/consents", {"policy_version": "2026.11", "scopes": ["privacy_policy"],
                                               "age_band": "under14"})
    assert (child.status_code, child.json()["error"]["code"]) == (400, "guardian_required")
    platform.clock.advance(61)
    guardian_phone = "13900139000"
    assert _post(candidate, "/auth/sms-code", {"phone": guardian_phone, "purpose": "guardian"}).status_code == 202
    code = platform.latest_sms_code(guardian_phone, "guardian")
    wrong = _post(candidate, "/me/consents", {
        "policy_version": "2026.11", "scopes": ["privacy_policy"], "age_band": "under14",
        "guardian": {"name": "王芳", "relation": "母亲", "phone": guardian_phone,
                     "code": "000000" if code != "000000" else "111111"}})
    assert (wrong.status_code, wrong.json()["error"]["code"]) == (400, "code_wrong")
    ok = _post(candidate, "/me/consents", {
        "policy_version": "2026.11", "scopes": ["privacy_policy", "camera"], "age_band": "under14",
        "guardian": {"name": "王芳", "relation": "母亲", "phone": guardian_phone, "code": code}})
    assert ok.status_code == 201
    listed = _get(candidate, "/me/consents").json()["consents"]
    assert listed[0]["guardian"] == {"name": "王芳", "relation": "母亲", "phone_masked": "+86 139****9000",
                                     "verified": True}
    assert listed[0]["scopes"] == ["camera", "privacy_policy"]
    assert guardian_phone not in str(listed)  # only the masked number is kept


def test_export_holds_everything(candidate: Candidate) -> None:
    _post(candidate, "/me/consents", {"policy_version": "2026.11", "scopes": ["upload"]})
    key, _ = _upload_take(candidate, b"video bytes")
    export = _get(candidate, "/me/export").json()
    assert export["account"]["phone"] == "+8613800138000"
    assert {e["data"]["subject"] for e in export["exams"]} == {"piano", "dance", "art"}
    assert export["consents"][0]["scopes"] == ["upload"]
    assert export["stored_objects"] == [{"key": key, "size": 11, "last_modified": pytest.approx(
        export["stored_objects"][0]["last_modified"])}]
    assert export["upload_credentials"][0]["prefix"].startswith(f"candidates/{candidate.account_id}/")
    assert export["sessions"][0]["device_hash"] == "d" * 64


def test_change_phone_with_a_code_sent_to_the_new_number(candidate: Candidate) -> None:
    platform = candidate.platform
    platform.clock.advance(61)
    assert _post(candidate, "/auth/sms-code", {"phone": OTHER_PHONE, "purpose": "change_phone"}).status_code == 202
    code = platform.latest_sms_code(OTHER_PHONE, "change_phone")
    wrong = _post(candidate, "/me/phone", {"new_phone": OTHER_PHONE, "code": "000000" if code != "000000" else "1"})
    assert wrong.status_code == 400
    changed = _post(candidate, "/me/phone", {"new_phone": OTHER_PHONE, "code": code})
    assert changed.status_code == 200 and changed.json()["phone"] == "+86" + OTHER_PHONE
    platform.clock.advance(61)
    again = log_in(platform, OTHER_PHONE)
    assert again.account_id == candidate.account_id


def test_delete_account_removes_objects_and_metadata(candidate: Candidate, dev_bucket: oss2.Bucket) -> None:
    platform = candidate.platform
    key, _ = _upload_take(candidate, b"to be deleted")
    platform.clock.advance(61)
    assert _post(candidate, "/auth/sms-code", {"purpose": "delete_account"}).status_code == 202
    code = platform.latest_sms_code(candidate.phone, "delete_account")
    assert _post(candidate, "/me/delete", {"code": "12"}).status_code == 400  # not confirmed: nothing deleted
    dev_bucket.head_object(key)
    deleted = _post(candidate, "/me/delete", {"code": code})
    assert deleted.json() == {"deleted": True, "deleted_objects": 1}
    with pytest.raises(oss2.exceptions.NotFound):
        dev_bucket.head_object(key)
    assert _get(candidate, "/me").status_code == 401
    with platform.db.tx() as conn:
        for table in ("accounts", "exams", "sts_tokens", "sessions", "consents"):
            column = "id" if table == "accounts" else "account_id"
            count = conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = ?",
                                 (candidate.account_id,)).fetchone()[0]
            assert count == 0, table


def test_fee_payment_unlocks_upload(candidate: Candidate) -> None:
    piano = candidate.exam("piano")
    denied = _post(candidate, f"/exams/{piano['id']}/upload-credentials")
    assert (denied.status_code, denied.json()["error"]["code"]) == (402, "fee_unpaid")
    order = _post(candidate, f"/exams/{piano['id']}/payment-orders", {"channel": "wechat"}).json()
    assert order["status"] == "pending" and order["amount_fen"] == 38000
    assert order["qr_payload"].startswith("artreview-pay://wechat/order/")
    settled = requests.post(f"{candidate.platform.api_url}/dev/payment-orders/{order['order_id']}/settle",
                            timeout=10)
    assert settled.json()["status"] == "paid"
    assert _get(candidate, f"/payment-orders/{order['order_id']}").json()["status"] == "paid"
    assert _get(candidate, f"/exams/{piano['id']}").json()["fee_status"] == "paid"
    assert _post(candidate, f"/exams/{piano['id']}/upload-credentials").status_code == 201
    again = _post(candidate, f"/exams/{piano['id']}/payment-orders", {"channel": "alipay"})
    assert (again.status_code, again.json()["error"]["code"]) == (409, "fee_not_due")


def test_payment_orders_expire(candidate: Candidate) -> None:
    piano = candidate.exam("piano")
    order = _post(candidate, f"/exams/{piano['id']}/payment-orders", {"channel": "alipay"}).json()
    candidate.platform.clock.advance(15 * 60 + 1)
    fresh = requests.post(f"{candidate.platform.api_url}/auth/refresh",
                          json={"refresh_token": candidate.refresh_token}, timeout=10).json()
    candidate.access_token = fresh["access_token"]  # the access token expired too
    assert _get(candidate, f"/payment-orders/{order['order_id']}").json()["status"] == "expired"
    late = requests.post(f"{candidate.platform.api_url}/dev/payment-orders/{order['order_id']}/settle", timeout=10)
    assert (late.status_code, late.json()["error"]["code"]) == (409, "order_expired")


def _manifest(key: str, data: bytes, **override: Any) -> dict[str, Any]:
    manifest = {"object_key": key, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                "crc64": str(crc64(data)), "duration_s": 95.5, "stats": {"dropped_frames": 0}}
    manifest.update(override)
    return manifest


def test_submission_checks_the_stored_object(candidate: Candidate) -> None:
    data = b"recorded take " * 1000
    key, creds = _upload_take(candidate, data)
    exam_id = candidate.exam("dance")["id"]
    accepted = _post(candidate, f"/exams/{exam_id}/submissions", _manifest(key, data)).json()
    assert accepted["status"] == "accepted" and accepted["mismatches"] == []
    assert accepted["found"]["sha256"] == hashlib.sha256(data).hexdigest()
    lying = _post(candidate, f"/exams/{exam_id}/submissions",
                  _manifest(key, data, sha256="0" * 64, size=len(data) + 1)).json()
    assert lying["status"] == "rejected"
    assert lying["mismatches"] == ["size_mismatch", "sha256_mismatch"]
    missing = _post(candidate, f"/exams/{exam_id}/submissions",
                    _manifest(creds["key_prefix"] + "never-uploaded.mp4", data)).json()
    assert missing["mismatches"] == ["object_missing"] and missing["found"] == {"exists": False}
    too_short = _post(candidate, f"/exams/{exam_id}/submissions", _manifest(key, data, duration_s=1)).json()
    assert too_short["mismatches"] == ["duration_out_of_range"]
    outside = _post(candidate, f"/exams/{exam_id}/submissions", _manifest("elsewhere/x.mp4", data))
    assert (outside.status_code, outside.json()["error"]["code"]) == (403, "key_outside_prefix")
    history = _get(candidate, f"/exams/{exam_id}/submissions").json()["submissions"]
    assert [s["status"] for s in history] == ["accepted", "rejected", "rejected", "rejected"]


def test_candidates_cannot_see_each_others_exams(platform: EmbeddedPlatform, candidate: Candidate) -> None:
    platform.clock.advance(61)
    other = log_in(platform, OTHER_PHONE)
    assert {e["id"] for e in other.exams}.isdisjoint({e["id"] for e in candidate.exams})
    peek = _get(other, f"/exams/{candidate.exam('dance')['id']}")
    assert peek.status_code == 404


def test_centre_checks_a_candidate_in_by_ticket(platform: EmbeddedPlatform, candidate: Candidate) -> None:
    api = platform.api_url
    bad = requests.post(f"{api}/centre/login", json={"centre_code": platform.demo_centre_code, "password": "x"},
                        timeout=10)
    assert bad.status_code == 401
    centre = requests.post(f"{api}/centre/login", json={"centre_code": platform.demo_centre_code,
                                                        "password": platform.demo_centre_password}, timeout=10).json()
    headers = {"Authorization": f"Bearer {centre['access_token']}"}
    dance = candidate.exam("dance")
    unknown = requests.post(f"{api}/centre/check-ins", json={"ticket_number": "AR0000000000"}, headers=headers,
                            timeout=10)
    assert unknown.status_code == 404
    checked = requests.post(f"{api}/centre/check-ins", json={"ticket_number": dance["ticket_number"].lower()},
                            headers=headers, timeout=10).json()
    assert checked["exam"]["id"] == dance["id"]
    assert checked["candidate"]["phone_masked"] == "+86 138****8000"
    kiosk = {"Authorization": f"Bearer {checked['candidate_access_token']}"}
    exams = requests.get(f"{api}/exams", headers=kiosk, timeout=10).json()["exams"]
    assert [e["id"] for e in exams] == [dance["id"]]  # the kiosk session sees only this exam
    assert requests.get(f"{api}/me/export", headers=kiosk, timeout=10).status_code == 403
    assert requests.post(f"{api}/exams/{dance['id']}/upload-credentials", headers=kiosk,
                         timeout=10).status_code == 201
    assert requests.get(f"{api}/exams", headers=headers, timeout=10).status_code == 403  # centres have no exams
    listed = requests.get(f"{api}/centre/check-ins", headers=headers, timeout=10).json()["check_ins"]
    assert [c["exam_id"] for c in listed] == [dance["id"]]


def test_policy_and_app_manifest(platform: EmbeddedPlatform) -> None:
    policy = requests.get(f"{platform.api_url}/policy", timeout=10).json()
    assert policy["version"] and policy["text_url"].startswith(platform.api_url)
    bundled = PolicyBundle.load(resource("policy"))
    assert policy["version"] == bundled.privacy_policy.version  # the demo platform and the app agree
    health = requests.get(f"{platform.api_url}/health", timeout=10).json()
    assert health["policy_version"] == policy["version"]  # the start-up check learns it, no extra request
    text = requests.get(policy["children_text_url"], timeout=10).json()
    assert text["version"] == bundled.children_statement.version
    assert text["markdown"] == bundled.children_statement.text("zh_CN")
    assert requests.get(f"{platform.api_url}/policy/texts/privacy_policy/fr", timeout=10).status_code == 404
    app = requests.get(f"{platform.api_url}/app/latest", params={"platform": "windows"}, timeout=10).json()
    assert {"version", "url", "size", "sha256", "signature"} <= app.keys()
    assert requests.get(f"{platform.api_url}/app/latest", params={"platform": "beos"}, timeout=10).status_code == 400


def test_errors_are_json_with_codes(platform: EmbeddedPlatform) -> None:
    api = platform.api_url
    assert requests.get(f"{api}/nope", timeout=10).json()["error"]["code"] == "not_found"
    wrong_method = requests.delete(f"{api}/exams", timeout=10)
    assert wrong_method.status_code == 405 and "GET" in wrong_method.headers["Allow"]
    assert requests.post(f"{api}/auth/login", data=b"{not json", timeout=10).json()["error"]["code"] == "invalid_json"
    assert requests.get(f"{api}/exams", timeout=10).json()["error"]["code"] == "token_missing"
    assert requests.get(f"{api}/openapi.json", timeout=10).json()["openapi"].startswith("3.")
