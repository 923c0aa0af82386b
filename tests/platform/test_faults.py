"""Fault injection: broken connections, 5xx answers and slowness, through the real clients."""

from __future__ import annotations

import oss2
import pytest
import requests

from artreview_platform.embedded import EmbeddedPlatform


def test_connection_dropped_mid_upload_leaves_no_object(platform: EmbeddedPlatform, dev_bucket: oss2.Bucket) -> None:
    platform.faults.drop_after(64 * 1024, path_prefix=f"/{platform.bucket}/dropped")
    with pytest.raises(oss2.exceptions.RequestError):
        dev_bucket.put_object("dropped.bin", b"z" * (512 * 1024))
    with pytest.raises(oss2.exceptions.NoSuchKey):
        dev_bucket.get_object("dropped.bin")
    dev_bucket.put_object("dropped.bin", b"second try")  # the fault was for one request only
    assert dev_bucket.get_object("dropped.bin").read() == b"second try"


def test_connection_dropped_mid_download(platform: EmbeddedPlatform, dev_bucket: oss2.Bucket) -> None:
    data = b"q" * (300 * 1024)
    dev_bucket.put_object("download.bin", data)
    platform.faults.drop_after(100 * 1024, path_prefix=f"/{platform.bucket}/download", direction="response")
    with pytest.raises((oss2.exceptions.RequestError, oss2.exceptions.InconsistentError,
                        requests.exceptions.RequestException)):
        dev_bucket.get_object("download.bin").read()
    assert dev_bucket.get_object("download.bin").read() == data


def test_store_answers_5xx_for_n_requests(platform: EmbeddedPlatform, dev_bucket: oss2.Bucket) -> None:
    platform.faults.fail_next(2, status=503, code="ServiceUnavailable", method="PUT")
    for _ in range(2):
        with pytest.raises(oss2.exceptions.ServerError) as err:
            dev_bucket.put_object("flaky", b"v")
        assert (err.value.status, err.value.code) == (503, "ServiceUnavailable")
    dev_bucket.put_object("flaky", b"v")


def test_slow_store_still_delivers_correct_bytes(platform: EmbeddedPlatform, dev_bucket: oss2.Bucket) -> None:
    platform.faults.slow_down(0.05)
    data = bytes(range(256)) * 2048
    dev_bucket.put_object("slow", data)
    assert dev_bucket.get_object("slow").read() == data
    platform.faults.slow_down(0)


def test_faults_configurable_over_http(platform: EmbeddedPlatform, dev_bucket: oss2.Bucket) -> None:
    """What a test of the standalone server (a subprocess) uses."""
    answer = requests.post(f"{platform.api_url}/dev/faults",
                           json={"fail": {"count": 1, "status": 500, "code": "InternalError",
                                          "path_prefix": f"/{platform.bucket}/"}}, timeout=10)
    assert answer.status_code == 200
    with pytest.raises(oss2.exceptions.ServerError) as err:
        dev_bucket.put_object("x", b"v")
    assert err.value.status == 500
    dev_bucket.put_object("x", b"v")
    bad = requests.post(f"{platform.api_url}/dev/faults", json={"drop": {"direction": "sideways",
                                                                         "after_bytes": 1}}, timeout=10)
    assert bad.status_code == 400
    moved = requests.post(f"{platform.api_url}/dev/clock", json={"advance_s": 120}, timeout=10).json()["now"]
    assert moved >= platform.clock.now() - 1 and platform.clock.now() - moved < 60
