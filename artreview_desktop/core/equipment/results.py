"""Typed check results and the report kept with the exam session (JSON via `to_json`).

A result says pass/warn/fail (or skipped), what was measured, what is required, and a *fix code*:
the UI turns the code (with the result's details) into plain advice, so the wording stays in the
translated UI and the report stays data.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

MB = 1024 * 1024
REPORT_VERSION = 1


class Status(StrEnum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    SKIPPED = "skipped"


class CheckId(StrEnum):
    CAMERA = "camera"
    MICROPHONE = "microphone"
    SPEAKER = "speaker"
    DISK = "disk"
    CPU = "cpu"
    UPLOAD = "upload"


class Fix(StrEnum):
    """What the user should do; the UI words each one (with the result's details)."""

    NONE = "none"
    CAMERA_UNAVAILABLE = "camera_unavailable"
    CAMERA_LOW_FPS = "camera_low_fps"
    CAMERA_LOW_RESOLUTION = "camera_low_resolution"
    CAMERA_TOO_DARK = "camera_too_dark"
    CAMERA_TOO_BRIGHT = "camera_too_bright"
    MIC_UNAVAILABLE = "microphone_unavailable"
    MIC_SILENT = "microphone_silent"
    MIC_TOO_QUIET = "microphone_too_quiet"
    MIC_CLIPPING = "microphone_clipping"
    SPEAKER_UNAVAILABLE = "speaker_unavailable"
    SPEAKER_NOT_HEARD = "speaker_not_heard"
    DISK_FULL = "disk_full"
    DISK_TIGHT = "disk_tight"
    CPU_TOO_SLOW = "cpu_too_slow"
    CPU_REDUCED = "cpu_reduced"
    UPLOAD_LOGIN = "upload_login"
    UPLOAD_NO_EXAM = "upload_no_exam"
    UPLOAD_FEE_UNPAID = "upload_fee_unpaid"
    UPLOAD_REGION = "upload_region"
    UPLOAD_FAILED = "upload_failed"
    UPLOAD_SLOW = "upload_slow"


@dataclass(frozen=True)
class CheckResult:
    check: CheckId
    status: Status
    measured: float | None
    required: float | None
    unit: str
    fix: Fix = Fix.NONE
    details: dict[str, Any] = field(default_factory=dict)
    checked_at: float = field(default_factory=time.time)

    def to_json(self) -> dict[str, Any]:
        return {"check": self.check.value, "status": self.status.value, "measured": self.measured,
                "required": self.required, "unit": self.unit, "fix": self.fix.value, "details": self.details,
                "checked_at": self.checked_at}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CheckResult:
        return cls(CheckId(data["check"]), Status(data["status"]), data.get("measured"), data.get("required"),
                   str(data.get("unit", "")), Fix(data.get("fix", "none")), dict(data.get("details", {})),
                   float(data.get("checked_at", 0.0)))


def _worst(statuses: list[Status]) -> Status:
    for status in (Status.FAIL, Status.WARN):
        if status in statuses:
            return status
    return Status.PASS


# --- the report ------------------------------------------------------------------------------

ALL_CHECKS = tuple(CheckId)


@dataclass
class EquipmentReport:
    """Every check's latest result for one session (the exam's, if there is one)."""

    exam_id: str | None = None
    results: dict[CheckId, CheckResult] = field(default_factory=dict)
    quality: dict[str, Any] | None = None
    created_at: float = field(default_factory=time.time)

    def add(self, result: CheckResult) -> None:
        self.results[result.check] = result

    def missing(self) -> list[CheckId]:
        return [check for check in ALL_CHECKS if check not in self.results]

    def with_status(self, *statuses: Status) -> list[CheckResult]:
        return [self.results[c] for c in ALL_CHECKS if c in self.results and self.results[c].status in statuses]

    @property
    def status(self) -> Status:
        """FAIL if anything failed, WARN if anything warned or is still unchecked, else PASS."""
        worst = _worst([r.status for r in self.results.values()])
        return Status.WARN if worst is Status.PASS and self.missing() else worst

    @property
    def ready_to_record(self) -> bool:
        """Nothing stops a take: camera, microphone and disk all passed or warned."""
        essential = (CheckId.CAMERA, CheckId.MICROPHONE, CheckId.DISK)
        return all(c in self.results and self.results[c].status in (Status.PASS, Status.WARN) for c in essential)

    def to_json(self) -> dict[str, Any]:
        return {"version": REPORT_VERSION, "exam_id": self.exam_id, "status": self.status.value,
                "ready_to_record": self.ready_to_record, "created_at": round(self.created_at, 3),
                "quality": self.quality, "results": [self.results[c].to_json() for c in ALL_CHECKS
                                                     if c in self.results]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EquipmentReport:
        report = cls(data.get("exam_id"), quality=data.get("quality"), created_at=float(data.get("created_at", 0)))
        for item in data.get("results", []):
            report.add(CheckResult.from_json(item))
        return report

