"""Sending local crash reports to the platform, only with the user's consent.

`CrashReporter` (core/crash.py) writes reports to the crash folder and never sends them. At the
next start the UI lists the pending ones and asks; only then does `send_pending` send them,
redacting every field once more (a report written by an older version, or a pattern added since),
and move each sent report to `sent/` (a declined one to `declined/`), so it is never offered twice.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from artreview_desktop.core.crash import load_report
from artreview_desktop.core.fileutil import fsync_dir
from artreview_desktop.core.platform.errors import PlatformError
from artreview_desktop.core.privacy.redact import redact

log = logging.getLogger(__name__)

ASK, NEVER = "ask", "never"
SENT_DIR, DECLINED_DIR = "sent", "declined"
FIELDS = ("time", "app_version", "python", "os", "origin", "summary", "traceback")
MAX_TRACEBACK = 16_000  # characters; keeps the body under the API's 64 KiB JSON limit


class CrashReportSink(Protocol):
    def send_crash_report(self, report: dict[str, str]) -> bool: ...


@dataclass(frozen=True)
class PendingReport:
    path: Path
    payload: dict[str, str]  # exactly what would be sent

    @property
    def summary(self) -> str:
        return self.payload["summary"]

    @property
    def time(self) -> str:
        return self.payload["time"]


@dataclass
class SendResult:
    sent: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)


def payload_for(path: Path) -> dict[str, str]:
    """The report as it would be sent: known fields only, each redacted again."""
    body = load_report(path)
    payload = {"report_id": path.stem.removeprefix("crash-")[:64]}
    for name in FIELDS:
        payload[name] = redact(body.get(name, ""))
    payload["traceback"] = payload["traceback"][-MAX_TRACEBACK:]  # the end of a traceback says the most
    payload["summary"] = payload["summary"][:2000]
    return payload


def pending_reports(crash_dir: Path, setting: str = ASK) -> list[PendingReport]:
    """Reports waiting for the user's decision (none at all when the setting is 'never')."""
    if setting == NEVER:
        return []
    pending = []
    for path in sorted(Path(crash_dir).glob("crash-*.json")):
        try:
            pending.append(PendingReport(path, payload_for(path)))
        except (OSError, ValueError) as exc:
            log.warning("crash report %s unreadable: %s", path.name, type(exc).__name__)
    return pending


def _move(path: Path, folder_name: str) -> Path:
    folder = path.parent / folder_name
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / path.name
    os.replace(path, target)
    fsync_dir(path.parent)
    return target


def send_pending(reports: Iterable[PendingReport], sink: CrashReportSink) -> SendResult:
    """Send each report the user agreed to; a sent one moves to `sent/`, a failed one stays pending."""
    result = SendResult()
    for report in reports:
        try:
            sink.send_crash_report(report.payload)
        except PlatformError as err:
            result.failed.append((report.path, err.code.value))
            continue
        result.sent.append(_move(report.path, SENT_DIR))
    log.info("crash reports sent: %d, failed: %d", len(result.sent), len(result.failed))
    return result


def decline(reports: Iterable[PendingReport]) -> list[Path]:
    """The user said no: keep the reports locally but never offer them again."""
    return [_move(report.path, DECLINED_DIR) for report in reports]


def prune(crash_dir: Path, keep_days: float = 30.0, now: float | None = None) -> int:
    """Delete sent and declined reports older than `keep_days` (least data kept)."""
    cutoff = (time.time() if now is None else now) - keep_days * 86400
    removed = 0
    for folder in (SENT_DIR, DECLINED_DIR):
        for path in (Path(crash_dir) / folder).glob("crash-*.json"):
            if path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed += 1
    return removed
