"""Crash reports written locally, redacted, instead of a silent death.

`CrashReporter.install()` hooks `sys.excepthook` and `threading.excepthook`; each uncaught exception
becomes a JSON report in the crash folder and is handed to `on_crash` (the GUI shows a dialog).
Reports are sent nowhere: sending one needs the user's consent (issue 9/9).
"""

from __future__ import annotations

import json
import logging
import platform
import sys
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from artreview_desktop.core.fileutil import atomic_write_json
from artreview_desktop.core.privacy.redact import redact

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CrashReport:
    path: Path
    summary: str
    origin: str


class CrashReporter:
    def __init__(
        self,
        crash_dir: Path,
        app_version: str,
        on_crash: Callable[[CrashReport], None] | None = None,
    ) -> None:
        self.crash_dir = Path(crash_dir)
        self.app_version = app_version
        self.on_crash = on_crash
        self._previous_sys_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def install(self) -> None:
        self._previous_sys_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_sys_hook
        threading.excepthook = self._previous_thread_hook

    def _sys_hook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_sys_hook(exc_type, exc, tb)
            return
        self.report(exc_type, exc, tb, origin="main")

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread else "thread"
        exc = args.exc_value if args.exc_value is not None else args.exc_type()
        self.report(args.exc_type, exc, args.exc_traceback, origin=f"thread:{name}")

    def report(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        origin: str = "main",
    ) -> CrashReport:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        return self.report_text(f"{exc_type.__name__}: {exc}", text, origin)

    def report_text(self, summary: str, details: str, origin: str) -> CrashReport:
        """Write a report for a failure that is not a Python exception (e.g. a fatal Qt message)."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = self.crash_dir / f"crash-{stamp}-{uuid.uuid4().hex[:8]}.json"
        report = CrashReport(path=path, summary=redact(summary), origin=origin)
        body = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "app_version": self.app_version,
            "python": platform.python_version(),
            "os": f"{platform.system()} {platform.release()} {platform.machine()}",
            "origin": origin,
            "summary": report.summary,
            "traceback": redact(details),
        }
        try:
            atomic_write_json(path, body)
        except OSError as exc:  # disk full: say so on stderr, never raise from a crash hook
            print(f"artreview: could not write crash report: {exc}", file=sys.stderr)
        log.error("crash (%s): %s; report %s", origin, report.summary, path.name)
        if self.on_crash is not None:
            try:
                self.on_crash(report)
            except Exception:
                log.exception("crash callback failed")
        return report

    def reports(self) -> list[Path]:
        return sorted(self.crash_dir.glob("crash-*.json"))


def load_report(path: Path) -> dict[str, str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.items()}
