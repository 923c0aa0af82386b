"""Fixtures for the platform tests: a real embedded platform + store on loopback, and logins."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import oss2
import pytest
import requests

from artreview_platform.embedded import EmbeddedPlatform, start_embedded

PHONE = "13800138000"
OTHER_PHONE = "13900139000"
DEVICE = "d" * 64


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[EmbeddedPlatform]:
    with start_embedded(tmp_path / "platform-data", dev_credentials=True) as running:
        yield running


@dataclass
class Candidate:
    platform: EmbeddedPlatform
    phone: str
    account_id: str
    access_token: str
    refresh_token: str
    exams: list[dict[str, Any]]

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}

    def exam(self, subject: str) -> dict[str, Any]:
        return next(e for e in self.exams if e["subject"] == subject)

    def credentials(self, subject: str = "dance") -> dict[str, Any]:
        exam_id = self.exam(subject)["id"]
        response = requests.post(f"{self.platform.api_url}/exams/{exam_id}/upload-credentials",
                                 headers=self.headers, timeout=10)
        assert response.status_code == 201, response.text
        data: dict[str, Any] = response.json()
        return data


def log_in(platform: EmbeddedPlatform, phone: str = PHONE) -> Candidate:
    """The real SMS flow: ask for a code, read it from the dev inbox, log in, list exams."""
    sent = requests.post(f"{platform.api_url}/auth/sms-code", json={"phone": phone}, timeout=10)
    assert sent.status_code == 202, sent.text
    code = platform.latest_sms_code(phone)
    answer = requests.post(f"{platform.api_url}/auth/login",
                           json={"phone": phone, "code": code, "device_hash": DEVICE}, timeout=10)
    assert answer.status_code == 200, answer.text
    tokens = answer.json()
    exams = requests.get(f"{platform.api_url}/exams", headers={"Authorization": f"Bearer {tokens['access_token']}"},
                         timeout=10).json()["exams"]
    return Candidate(platform, phone, tokens["account_id"], tokens["access_token"], tokens["refresh_token"], exams)


@pytest.fixture
def candidate(platform: EmbeddedPlatform) -> Candidate:
    return log_in(platform)


def sts_bucket(creds: dict[str, Any], *, v4: bool = False) -> oss2.Bucket:
    if v4:
        auth = oss2.StsAuth(creds["access_key_id"], creds["access_key_secret"], creds["security_token"],
                            auth_version=oss2.AUTH_VERSION_4)
        return oss2.Bucket(auth, creds["endpoint"], creds["bucket"], region=creds["region"])
    auth = oss2.StsAuth(creds["access_key_id"], creds["access_key_secret"], creds["security_token"])
    return oss2.Bucket(auth, creds["endpoint"], creds["bucket"])


@pytest.fixture
def dev_bucket(platform: EmbeddedPlatform) -> oss2.Bucket:
    """Long-term development key, signature V1."""
    assert platform.dev_access_key_id and platform.dev_access_key_secret
    return oss2.Bucket(oss2.Auth(platform.dev_access_key_id, platform.dev_access_key_secret),
                       platform.oss_endpoint, platform.bucket)


@pytest.fixture
def dev_bucket_v4(platform: EmbeddedPlatform) -> oss2.Bucket:
    assert platform.dev_access_key_id and platform.dev_access_key_secret
    return oss2.Bucket(oss2.AuthV4(platform.dev_access_key_id, platform.dev_access_key_secret),
                       platform.oss_endpoint, platform.bucket, region=platform.region)

