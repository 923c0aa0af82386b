"""`artreview-desktop` as a real process: starts offscreen, stays up, quits cleanly on SIGTERM."""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import requests

from artreview_desktop import __version__

ENTRY = Path(sys.executable).with_name("artreview-desktop")


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "ARTREVIEW_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def _read_line(proc: subprocess.Popen[str], timeout_s: float) -> str:
    assert proc.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        if not selector.select(timeout_s):
            proc.kill()
            raise AssertionError(f"no line from the app in {timeout_s} s; stderr: {proc.communicate()[1]}")
    return proc.stdout.readline()


def _start(args: list[str], home: Path) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    proc = subprocess.Popen(
        [str(ENTRY), *args, "--print-ready"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=_env(home),
    )
    line = _read_line(proc, 60)
    assert line, f"the app exited early: {proc.communicate()[1]}"
    return proc, json.loads(line)


def test_version_needs_no_display(tmp_path: Path) -> None:
    result = subprocess.run([str(ENTRY), "--version"], capture_output=True, text=True, timeout=60,
                            env=_env(tmp_path))
    assert result.returncode == 0
    assert result.stdout.strip() == f"artreview-desktop {__version__}"


def test_demo_mode_stays_up_and_quits_cleanly_on_sigterm(tmp_path: Path) -> None:
    home = tmp_path / "home"
    proc, ready = _start(["--demo"], home)
    try:
        assert ready["demo"] is True
        assert ready["api_url"].startswith("http://127.0.0.1:")
        health = requests.get(ready["api_url"] + "/health", timeout=10)  # the embedded platform answers
        assert health.status_code == 200
        assert proc.poll() is None
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert list((home / "data" / "crash-reports").glob("*.json")) == []
    log_text = (home / "logs" / "artreview.log").read_text(encoding="utf-8")
    assert "quit (0)" in log_text
    assert " ERROR " not in log_text
    assert " CRITICAL " not in log_text


def test_sigint_also_quits_cleanly(tmp_path: Path) -> None:
    proc, _ = _start(["--demo", "--lang", "en"], tmp_path / "home")
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr


def test_config_flag_selects_the_settings_file(tmp_path: Path) -> None:
    config = tmp_path / "centre.json"
    config.write_text(json.dumps({"schema_version": 2, "general": {"platform_url": "http://127.0.0.1:9/api/v1",
                                                                   "check_network_at_start": False}}))
    proc, ready = _start(["--config", str(config)], tmp_path / "home")
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=60)
    assert ready["demo"] is False
    assert ready["api_url"] == "http://127.0.0.1:9/api/v1"
    assert proc.returncode == 0
    assert not (tmp_path / "home" / "config" / "settings.json").exists()  # the default file was not used


def test_bad_flag_is_one_clear_error(tmp_path: Path) -> None:
    result = subprocess.run([str(ENTRY), "--lang", "fr"], capture_output=True, text=True, timeout=60,
                            env=_env(tmp_path))
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert "Traceback" not in result.stderr
