"""The redacting log filter: personal data and secrets never reach the log file."""

from __future__ import annotations

import logging

import pytest

from artreview_desktop.core.logsetup import configure_logging
from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.privacy.redact import redact

SECRETS = {
    "phone": "13812345678",
    "phone_with_country": "+86 138-1234-5678",
    "token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
    "bearer": "Bearer abc.def-ghi_123",
    "secret": "S3cr3tKeyMaterialXYZ",
    "sms_code": "482913",
    "id_number": "11010519491231002X",
    "oss_auth": "OSS LTAIabc123:Zm9vYmFyYmF6",
}


@pytest.mark.parametrize(
    ("text", "must_vanish"),
    [
        ("login for 13812345678 ok", "13812345678"),
        ("login for +86 138-1234-5678 ok", "1234-5678"),
        ("phone=8613812345678&x=1", "13812345678"),
        ('{"access_token": "abc.def.ghi", "refresh_token": "r-tok-9"}', "r-tok-9"),
        ("Authorization: Bearer abc.def-ghi_123", "abc.def-ghi_123"),
        ("Authorization: OSS LTAIabc123:Zm9vYmFyYmF6", "Zm9vYmFyYmF6"),
        ("access_key_secret=S3cr3tKeyMaterialXYZ", "S3cr3tKeyMaterialXYZ"),
        ("{'AccessKeySecret': 'S3cr3tKeyMaterialXYZ'}", "S3cr3tKeyMaterialXYZ"),
        ("x-oss-security-token: CAIS9AF1q6Ft5B2yfSjIr5", "CAIS9AF1q6Ft5B2yfSjIr5"),
        ("sms code=482913 sent", "482913"),
        ('{"code": "482913"}', "482913"),
        ("验证码 482913", "482913"),
        ("ID 11010519491231002X", "11010519491231002X"),
        ("mail parent@example.com", "parent@example.com"),
        ("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "eyJzdWIiOiIxIn0"),
    ],
)
def test_redact_masks(text: str, must_vanish: str) -> None:
    assert must_vanish not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "uploaded part 12 of 40 (5242880 bytes) in 0.84 s",
        "HTTP 404 from /api/v1/exams",
        "exit code 1",
        "frame 1234567 at 1280x720",
        "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    ],
)
def test_redact_keeps_harmless_diagnostics(text: str) -> None:
    assert redact(text) == text


def test_log_file_never_holds_personal_data(app_paths: AppPaths) -> None:
    path = configure_logging(app_paths.log_dir)
    log = logging.getLogger("artreview.test")
    log.info("sms code %s sent to %s", SECRETS["sms_code"], SECRETS["phone"])
    log.warning("login answer: %r", {"access_token": SECRETS["token"], "phone": SECRETS["phone_with_country"]})
    logging.getLogger("urllib3.connectionpool").info("header Authorization: %s", SECRETS["bearer"])
    try:
        raise ValueError(f"bad credentials access_key_secret={SECRETS['secret']} id {SECRETS['id_number']}")
    except ValueError:
        log.exception("upload failed with %s", SECRETS["oss_auth"])
    for handler in logging.getLogger().handlers:
        handler.flush()

    text = path.read_text(encoding="utf-8")
    for name, value in SECRETS.items():
        assert value not in text, name
    assert "13812345678" not in text
    assert "1234-5678" not in text
    assert "upload failed" in text
    assert "ValueError" in text
    assert text.count("[REDACTED]") >= 5
    assert path.stat().st_mode & 0o077 == 0


def test_a_bad_format_string_is_still_logged_and_redacted(app_paths: AppPaths) -> None:
    path = configure_logging(app_paths.log_dir)
    # A logger that reaches only our handlers: pytest's own capture handler would raise first.
    isolated = logging.getLogger("artreview.isolated")
    isolated.propagate = False
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_artreview", False)]
    for handler in ours:
        isolated.addHandler(handler)
    try:
        isolated.error("broken %d format", "13812345678")
    finally:
        for handler in ours:
            isolated.removeHandler(handler)
            handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "broken" in text
    assert "13812345678" not in text
