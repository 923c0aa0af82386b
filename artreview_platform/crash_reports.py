"""Crash reports and operation logs the app sent with the user's consent: checked, redacted again,
kept as JSON files.

The client already redacts, but the server does not trust it to have done so (an older client, a
new pattern): every text field goes through `redact` again before it reaches the disk.
"""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from typing import Any

from artreview_desktop.core.fileutil import atomic_write_json
from artreview_desktop.core.privacy.redact import redact
from artreview_platform.errors import ApiError

REPORT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
TEXT_FIELDS = {"app_version": 64, "os": 200, "python": 32, "origin": 100, "time": 64, "summary": 2000,
               "traceback": 48_000}


class CrashReportStore:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._lock = threading.Lock()

    def store(self, body: Any, clock_now: float) -> dict[str, Any]:
        if not isinstance(body, dict) or not isinstance(body.get("report_id"), str):
            raise ApiError(400, "invalid_request", "a JSON object with a report_id is required")
        report_id = body["report_id"]
        if not REPORT_ID.match(report_id):
            raise ApiError(400, "invalid_request", "report_id must be 8-64 letters, digits, '-' or '_'")
        record: dict[str, Any] = {"report_id": report_id, "received_at": clock_now}
        for name, limit in TEXT_FIELDS.items():
            value = body.get(name, "")
            if not isinstance(value, str) or len(value) > limit:
                raise ApiError(400, "invalid_request", f"'{name}' must be a string of at most {limit} characters")
            record[name] = redact(value)
        if not record["summary"]:
            raise ApiError(400, "invalid_request", "'summary' is required")
        path = self.folder / f"{report_id}.json"
        with self._lock:
            duplicate = path.exists()
            if not duplicate:  # the same report sent twice (a retry) is stored once
                atomic_write_json(path, record)
        return {"report_id": report_id, "received": True, "duplicate": duplicate}

    def reports(self) -> list[Path]:
        return sorted(self.folder.glob("*.json"))


MAX_LOG_ENTRIES = 5000
MAX_LOG_FIELD = 500


class OperationLogStore:
    """Operation logs a logged-in user chose to send (for troubleshooting), one file per sending."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._lock = threading.Lock()

    def store(self, account_id: str, body: Any, clock_now: float) -> dict[str, Any]:
        entries = body.get("entries") if isinstance(body, dict) else None
        if not isinstance(entries, list) or len(entries) > MAX_LOG_ENTRIES:
            raise ApiError(400, "invalid_request", f"'entries' must be a list of at most {MAX_LOG_ENTRIES} objects")
        clean: list[dict[str, str]] = []
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("action"), str) or not all(
                isinstance(k, str) and isinstance(v, str) and len(k) <= 64 and len(v) <= MAX_LOG_FIELD
                for k, v in entry.items()
            ):
                raise ApiError(400, "invalid_request",
                               f"each entry must be an object of strings (at most {MAX_LOG_FIELD}) with an action")
            clean.append({key: redact(value) for key, value in entry.items()})
        with self._lock:
            index = len(list(self.folder.glob(f"{account_id}-*.json")))
            atomic_write_json(self.folder / f"{account_id}-{index:05d}.json",
                              {"account_id": account_id, "received_at": clock_now, "entries": clean})
        return {"received": len(clean)}

    def logs(self, account_id: str) -> list[dict[str, Any]]:
        return [json.loads(p.read_text("utf-8")) for p in sorted(self.folder.glob(f"{account_id}-*.json"))]
