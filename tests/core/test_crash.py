"""The crash hook: uncaught errors become local, redacted reports (main thread and threads)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from artreview_desktop.core.crash import CrashReport, CrashReporter, load_report


def test_thread_crash_writes_a_redacted_report_and_notifies(tmp_path: Path) -> None:
    seen: list[CrashReport] = []
    reporter = CrashReporter(tmp_path / "crashes", "9.9.9", on_crash=seen.append)
    reporter.install()
    try:
        def upload() -> None:
            raise RuntimeError("upload for 13812345678 failed with token=abc123secret")

        worker = threading.Thread(target=upload, name="uploader")
        worker.start()
        worker.join(timeout=10)
    finally:
        reporter.uninstall()

    [report] = seen
    assert report.origin == "thread:uploader"
    assert report.path.exists()
    body = load_report(report.path)
    assert body["app_version"] == "9.9.9"
    assert "RuntimeError" in body["summary"]
    assert "in upload" in body["traceback"]
    raw = report.path.read_text(encoding="utf-8")
    assert "13812345678" not in raw
    assert "abc123secret" not in raw
    assert reporter.reports() == [report.path]


def test_uninstall_restores_previous_hooks(tmp_path: Path) -> None:
    before = (sys.excepthook, threading.excepthook)
    reporter = CrashReporter(tmp_path, "1")
    reporter.install()
    assert sys.excepthook != before[0]
    reporter.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_main_thread_crash_in_a_real_process(tmp_path: Path) -> None:
    crash_dir = tmp_path / "crashes"
    script = (
        "import sys\n"
        "from artreview_desktop.core.crash import CrashReporter\n"
        "CrashReporter(sys.argv[1], '1.0').install()\n"
        "def record():\n"
        "    raise ZeroDivisionError('phone 13900001111')\n"
        "record()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(crash_dir)], capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert result.returncode != 0
    [path] = sorted(crash_dir.glob("crash-*.json"))
    body = json.loads(path.read_text(encoding="utf-8"))
    assert body["origin"] == "main"
    assert "ZeroDivisionError" in body["summary"]
    assert "13900001111" not in path.read_text(encoding="utf-8")


def test_keyboard_interrupt_is_not_a_crash(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from artreview_desktop.core.crash import CrashReporter\n"
        "CrashReporter(sys.argv[1], '1.0').install()\n"
        "raise KeyboardInterrupt\n"
    )
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, timeout=60)
    assert list(tmp_path.glob("crash-*.json")) == []


def test_unwritable_crash_folder_does_not_raise_from_the_hook(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    seen: list[CrashReport] = []
    reporter = CrashReporter(blocker / "crashes", "1", on_crash=seen.append)
    try:
        raise OSError("disk gone")
    except OSError as exc:
        reporter.report(type(exc), exc, exc.__traceback__)
    assert len(seen) == 1  # the user is still told, even though nothing could be written
