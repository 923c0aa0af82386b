"""`artreview-platform serve` as a real process: its JSON line, real clients, clean SIGTERM exit."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import oss2
import pytest
import requests

from tests.platform.conftest import DEVICE, PHONE


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Any]:
    processes: list[subprocess.Popen[str]] = []

    def start(*extra: str) -> tuple[subprocess.Popen[str], dict[str, Any]]:
        process = subprocess.Popen(
            [sys.executable, "-m", "artreview_platform", "serve", "--data", str(tmp_path / f"data{len(processes)}"),
             "--host", "127.0.0.1", "--port", "0", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        processes.append(process)
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line, process.stderr.read() if process.stderr else ""
        return process, json.loads(line)

    yield start
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def test_serve_prints_its_addresses_serves_and_stops_on_sigterm(serve: Any) -> None:
    process, info = serve("--dev-credentials")
    assert {"api_url", "oss_endpoint", "bucket", "access_key_id", "access_key_secret"} <= info.keys()
    api = info["api_url"]
    assert requests.get(f"{api}/health", timeout=10).status_code == 200
    requests.post(f"{api}/auth/sms-code", json={"phone": PHONE}, timeout=10).raise_for_status()
    inbox = requests.get(f"{api}/dev/sms-inbox", params={"phone": PHONE}, timeout=10).json()
    code = inbox["messages"][0]["code"]
    requests.post(f"{api}/auth/login", json={"phone": PHONE, "code": code, "device_hash": DEVICE},
                  timeout=10).raise_for_status()
    bucket = oss2.Bucket(oss2.Auth(info["access_key_id"], info["access_key_secret"]), info["oss_endpoint"],
                         info["bucket"])
    bucket.put_object("hello.txt", b"from a subprocess")
    assert bucket.get_object("hello.txt").read() == b"from a subprocess"

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    log = process.stderr.read()
    assert "stopped cleanly" in log and "dev inbox" in log
    assert PHONE not in log and PHONE[3:] not in log and code not in log


def test_serve_without_dev_credentials_prints_no_keys(serve: Any) -> None:
    process, info = serve()
    assert {"api_url", "oss_endpoint", "bucket"} <= info.keys()
    assert "access_key_id" not in info and "access_key_secret" not in info
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 0
