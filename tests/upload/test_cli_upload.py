"""`artreview upload` as a user runs it: a real subprocess, SIGKILLed mid-upload, then re-run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.tokens import KeyringTokenStore
from artreview_platform.embedded import EmbeddedPlatform
from tests.upload.conftest import DEVICE, PART, PHONE, Take, object_sha256, random_file

THREADS = 3


def _command(platform: EmbeddedPlatform, path: Path, key: str, *extra: str, secret: str | None = None,
             endpoint: str | None = None) -> list[str]:
    assert platform.dev_access_key_id and platform.dev_access_key_secret
    return [sys.executable, "-m", "artreview_desktop.cli", "-v", "upload", str(path), "--key", key,
            "--endpoint", endpoint or platform.oss_endpoint, "--bucket", platform.bucket,
            f"--access-key-id={platform.dev_access_key_id}",
            f"--access-key-secret={secret or platform.dev_access_key_secret}",  # secrets may start with "-"
            "--part-size", str(PART), "--threads", str(THREADS), "--allow-loopback", *extra]


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "ARTREVIEW_HOME": str(tmp_path / "home"), "PYTHONWARNINGS": "ignore"}


def _run(command: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, env=_env(tmp_path), timeout=120, check=False)


@pytest.mark.parametrize("fraction", [0.10, 0.50, 0.99])
def test_killed_upload_resumes_when_run_again(platform: EmbeddedPlatform, tmp_path: Path, fraction: float) -> None:
    path = tmp_path / "考试 take.mp4"
    size = 24 * PART + 1234
    sha = random_file(path, size)
    key = "takes/被杀 killed.mp4"
    parts = -(-size // PART)
    platform.faults.slow_down(1.5)  # the store takes its time, so the kill lands where we aim
    child = subprocess.Popen(_command(platform, path, key), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=_env(tmp_path))
    seen = ""
    try:
        assert child.stderr is not None
        for line in child.stderr:
            seen = line
            fields = line.split()
            if fields[:1] == ["progress"] and int(fields[2]) >= fraction * int(fields[3]):
                break
        else:
            pytest.fail(f"the upload ended before reaching {fraction:.0%}: {seen!r}")
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    platform.faults.slow_down(0)
    sent_before = platform.oss_counters.get("UploadPart", 0)

    again = _run(_command(platform, path, key), tmp_path)
    assert again.returncode == 0, again.stderr
    result = json.loads(again.stdout.strip().splitlines()[-1])
    assert {"key", "bytes", "crc64", "sha256", "parts", "parts_resumed", "seconds"} <= result.keys()
    assert result["key"] == key and result["bytes"] == size and result["sha256"] == sha
    assert result["parts"] == parts and result["checkpoint"] == "resumed"
    assert result["parts_resumed"] >= 1
    # Each part goes up once, except those in flight at the kill (at most one per thread).
    assert platform.oss_counters["UploadPart"] - parts <= THREADS
    assert sent_before + result["parts_sent"] == platform.oss_counters["UploadPart"]
    assert object_sha256(platform, key) == sha


@pytest.mark.parametrize("size", [0, 1, PART, 3 * PART])
def test_edge_sizes_and_unicode_keys(platform: EmbeddedPlatform, tmp_path: Path, size: int) -> None:
    path = tmp_path / "file.bin"
    sha = random_file(path, size)
    key = f"takes/边界 ✓ {size}/视频 #1?.bin"
    done = _run(_command(platform, path, key), tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["bytes"] == size and result["sha256"] == sha and result["key"] == key
    assert result["parts"] == -(-size // PART)
    assert object_sha256(platform, key) == sha


def _one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("artreview upload: error:")]
    assert len(errors) == 1, done.stderr
    assert done.stdout == ""
    return errors[0]


def test_user_errors_are_one_clear_line(platform: EmbeddedPlatform, tmp_path: Path) -> None:
    path = tmp_path / "file.bin"
    random_file(path, PART)
    assert "no such file" in _one_line_error(_run(_command(platform, tmp_path / "nope.bin", "k"), tmp_path))
    assert "access_denied" in _one_line_error(_run(_command(platform, path, "k", secret="wrong"), tmp_path))
    outside = _run(_command(platform, path, "k", endpoint="https://oss-us-west-1.aliyuncs.com"), tmp_path)
    assert "outside the allowed regions" in _one_line_error(outside)
    down = _run(_command(platform, path, "k", "--retries", "2", endpoint="http://127.0.0.1:9"), tmp_path)
    assert "network" in _one_line_error(down)
    no_target = _run([sys.executable, "-m", "artreview_desktop.cli", "upload", str(path), "--key", "k"], tmp_path)
    assert no_target.returncode == 2 and "Traceback" not in no_target.stderr


@pytest.mark.keyring
def test_platform_mode_uses_the_logged_in_candidate(real_keyring: None, platform: EmbeddedPlatform,
                                                    make_take: Callable[..., Take], tmp_path: Path) -> None:
    tokens = KeyringTokenStore(platform.api_url)
    tokens.clear()
    client = PlatformClient(platform.api_url, tokens)
    try:
        client.request_code(PHONE)
        client.login(PHONE, platform.latest_sms_code(PHONE), DEVICE)
        exam = next(e.id for e in client.exams() if e.subject == "dance")
        take = make_take(3 * PART)
        done = _run([sys.executable, "-m", "artreview_desktop.cli", "upload", str(take.path), "--key", "曲目一.mp4",
                     "--exam", exam, "--api-url", platform.api_url, "--submit", "--allow-loopback",
                     "--part-size", str(PART)], tmp_path)
        assert done.returncode == 0, done.stderr
        result = json.loads(done.stdout.strip().splitlines()[-1])
        assert result["key"].startswith("candidates/") and result["key"].endswith(f"{exam}/曲目一.mp4")
        assert result["sha256"] == take.sha256 and result["submission"]["accepted"] is True
        assert object_sha256(platform, result["key"]) == take.sha256
    finally:
        tokens.clear()
        client.close()


def test_platform_mode_without_a_login_says_so(platform: EmbeddedPlatform, tmp_path: Path) -> None:
    path = tmp_path / "file.bin"
    random_file(path, PART)
    done = _run([sys.executable, "-m", "artreview_desktop.cli", "upload", str(path), "--key", "k", "--exam", "ex",
                 "--api-url", platform.api_url], tmp_path)
    line = _one_line_error(done)
    assert "not logged in" in line or "keyring" in line
