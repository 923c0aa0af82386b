"""Who may do what in the store: signatures V1/V4, STS expiry, key prefixes, clock skew."""

from __future__ import annotations

import oss2
import pytest

from artreview_platform.embedded import EmbeddedPlatform
from tests.platform.conftest import Candidate, sts_bucket


def _code(exc_info: pytest.ExceptionInfo[oss2.exceptions.OssError]) -> tuple[int, str]:
    return exc_info.value.status, exc_info.value.code


@pytest.mark.parametrize("v4", [False, True])
def test_sts_credentials_reach_only_their_prefix(candidate: Candidate, v4: bool) -> None:
    creds = candidate.credentials("dance")
    prefix = creds["key_prefix"]
    assert prefix == f"candidates/{candidate.account_id}/{candidate.exam('dance')['id']}/"
    bucket = sts_bucket(creds, v4=v4)
    bucket.put_object(prefix + "take-1.mp4", b"take one")
    assert bucket.get_object(prefix + "take-1.mp4").read() == b"take one"
    assert [o.key for o in oss2.ObjectIterator(bucket, prefix=prefix)] == [prefix + "take-1.mp4"]
    other_exam = f"candidates/{candidate.account_id}/{candidate.exam('piano')['id']}/take.mp4"
    for outside in (other_exam, "candidates/acc_someone_else/x/take.mp4", "take.mp4"):
        with pytest.raises(oss2.exceptions.AccessDenied):
            bucket.put_object(outside, b"nope")
    with pytest.raises(oss2.exceptions.AccessDenied):
        bucket.list_objects(prefix="candidates/")
    with pytest.raises(oss2.exceptions.AccessDenied):
        bucket.init_multipart_upload(other_exam)


@pytest.mark.parametrize("v4", [False, True])
def test_wrong_secret_is_signature_does_not_match(platform: EmbeddedPlatform, v4: bool) -> None:
    assert platform.dev_access_key_id
    if v4:
        bucket = oss2.Bucket(oss2.AuthV4(platform.dev_access_key_id, "wrong-secret"), platform.oss_endpoint,
                             platform.bucket, region=platform.region)
    else:
        bucket = oss2.Bucket(oss2.Auth(platform.dev_access_key_id, "wrong-secret"), platform.oss_endpoint,
                             platform.bucket)
    with pytest.raises(oss2.exceptions.ServerError) as err:
        bucket.put_object("k", b"v")
    assert _code(err) == (403, "SignatureDoesNotMatch")


def test_wrong_sts_secret_and_token(candidate: Candidate) -> None:
    creds = candidate.credentials()
    key = creds["key_prefix"] + "a.mp4"
    bad_secret = oss2.Bucket(oss2.StsAuth(creds["access_key_id"], "x" * 40, creds["security_token"]),
                             creds["endpoint"], creds["bucket"])
    with pytest.raises(oss2.exceptions.ServerError) as err:
        bad_secret.put_object(key, b"v")
    assert _code(err) == (403, "SignatureDoesNotMatch")
    bad_token = oss2.Bucket(oss2.StsAuth(creds["access_key_id"], creds["access_key_secret"], "forged"),
                            creds["endpoint"], creds["bucket"])
    with pytest.raises(oss2.exceptions.ServerError) as err:
        bad_token.put_object(key, b"v")
    assert _code(err) == (403, "InvalidSecurityToken")


@pytest.mark.parametrize("v4", [False, True])
def test_expired_sts_token(candidate: Candidate, v4: bool) -> None:
    creds = candidate.credentials()
    bucket = sts_bucket(creds, v4=v4)
    key = creds["key_prefix"] + "late.mp4"
    bucket.put_object(key, b"in time")
    candidate.platform.clock.advance(creds["expires_in"] + 1)
    with pytest.raises(oss2.exceptions.ServerError) as err:
        bucket.put_object(key, b"too late")
    assert _code(err) == (403, "SecurityTokenExpired")


def test_tokens_expired_early_by_fault_injection(candidate: Candidate) -> None:
    creds = candidate.credentials()
    bucket = sts_bucket(creds)
    key = creds["key_prefix"] + "a.mp4"
    bucket.put_object(key, b"before")
    platform = candidate.platform
    platform.faults.expire_tokens_now(platform.clock.now())
    with pytest.raises(oss2.exceptions.ServerError) as err:
        bucket.get_object(key)
    assert _code(err) == (403, "SecurityTokenExpired")
    platform.clock.advance(1)
    fresh = sts_bucket(candidate.credentials())  # issued after the cut-off: works again
    assert fresh.get_object(key).read() == b"before"


def test_short_lived_tokens_by_fault_injection(candidate: Candidate) -> None:
    candidate.platform.faults.cap_sts_lifetime(5)
    creds = candidate.credentials()
    assert creds["expires_in"] == 5


def test_unknown_access_key(platform: EmbeddedPlatform) -> None:
    bucket = oss2.Bucket(oss2.Auth("LTAInobody", "secret"), platform.oss_endpoint, platform.bucket)
    with pytest.raises(oss2.exceptions.ServerError) as err:
        bucket.get_object("k")
    assert _code(err) == (403, "InvalidAccessKeyId")


def test_anonymous_requests_are_denied(platform: EmbeddedPlatform) -> None:
    bucket = oss2.Bucket(oss2.AnonymousAuth(), platform.oss_endpoint, platform.bucket)
    with pytest.raises(oss2.exceptions.AccessDenied):
        bucket.put_object("k", b"v")


@pytest.mark.parametrize("v4", [False, True])
def test_clock_skew_beyond_fifteen_minutes(dev_bucket: oss2.Bucket, dev_bucket_v4: oss2.Bucket,
                                           platform: EmbeddedPlatform, v4: bool) -> None:
    bucket = dev_bucket_v4 if v4 else dev_bucket
    platform.faults.skew_clock(14 * 60)
    bucket.put_object("skew", b"within tolerance")
    platform.faults.skew_clock(16 * 60)
    with pytest.raises(oss2.exceptions.ServerError) as err:
        bucket.put_object("skew", b"too far")
    assert _code(err) == (403, "RequestTimeTooSkewed")


def test_dev_credentials_are_off_unless_asked(tmp_path: object) -> None:
    from pathlib import Path

    from artreview_platform.embedded import start_embedded

    with start_embedded(Path(str(tmp_path)) / "plain") as running:
        assert running.dev_access_key_id is None and running.dev_access_key_secret is None
        assert "access_key_id" not in running.describe()
        stored = (Path(str(tmp_path)) / "plain" / "server-secrets.json").read_text()
        import json

        key_id, secret = json.loads(stored)["dev_access_key_id"], json.loads(stored)["dev_access_key_secret"]
        bucket = oss2.Bucket(oss2.Auth(key_id, secret), running.oss_endpoint, running.bucket)
        with pytest.raises(oss2.exceptions.ServerError) as err:
            bucket.get_object("k")
        assert _code(err) == (403, "InvalidAccessKeyId")
