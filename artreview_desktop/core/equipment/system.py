"""The machine's checks: disk space for the takes, CPU for real-time encoding, upload speed."""

from __future__ import annotations

import io
import os
import time
import uuid
from pathlib import Path
from typing import Any, Protocol

from artreview_desktop.core.capture.calibrate import (
    DEFAULT_CPU_BUDGET,
    QualityChoice,
    available_cores,
    choose_quality,
    measure_encode_cost,
)
from artreview_desktop.core.capture.disk import DiskGuard, FreeSpaceProbe, disk_free_bytes, max_take_bytes
from artreview_desktop.core.equipment.results import MB, CheckId, CheckResult, Fix, Status
from artreview_desktop.core.platform.errors import ErrorCode, PlatformError
from artreview_desktop.core.platform.models import Exam, UploadCredentials
from artreview_desktop.core.privacy.data_location import EndpointNotAllowed, check_endpoint

#: Without an exam we plan for a long piece (the longest seeded exam allows 2 h; most allow ≤ 10 min).
DEFAULT_MAX_SECONDS = 600


# --- disk ------------------------------------------------------------------------------------


def recordings_folder(recordings_dir_setting: str, default: Path) -> Path:
    return Path(recordings_dir_setting).expanduser() if recordings_dir_setting.strip() else default


def _existing_parent(folder: Path) -> Path:
    """The folder the take will go to may not exist yet; its disk is that of its nearest parent."""
    folder = folder.absolute()
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def take_size_limit(quality: QualityChoice, exam: Exam | None, audio: bool = True) -> tuple[int, float]:
    """The largest take (bytes) at this quality, and the seconds it was computed for."""
    seconds = float(exam.max_duration_s) if exam is not None else float(DEFAULT_MAX_SECONDS)
    return max_take_bytes(quality.width, quality.height, quality.fps, quality.preset, seconds, audio), seconds


def check_disk(folder: Path, take_bytes: int, free_bytes: FreeSpaceProbe = disk_free_bytes) -> CheckResult:
    """Fail below what the recorder itself demands to start (2 × the max take); warn when a retake
    after that would no longer fit."""
    guard = DiskGuard(folder, take_bytes, free_bytes=free_bytes)
    free = free_bytes(_existing_parent(folder))
    needed = guard.required_to_start()
    details = {"folder": str(folder), "free_bytes": free, "needed_bytes": needed, "max_take_bytes": take_bytes}
    if free < needed:
        return CheckResult(CheckId.DISK, Status.FAIL, free / MB, needed / MB, "MB", Fix.DISK_FULL, details)
    if free < needed + 2 * take_bytes:
        return CheckResult(CheckId.DISK, Status.WARN, free / MB, needed / MB, "MB", Fix.DISK_TIGHT, details)
    return CheckResult(CheckId.DISK, Status.PASS, free / MB, needed / MB, "MB", Fix.NONE, details)


# --- CPU -------------------------------------------------------------------------------------


def _chosen_measurement(choice: QualityChoice, frames: int) -> dict[str, Any]:
    for m in choice.measurements:
        if (m["preset"], m["width"], m["height"]) == (choice.preset, choice.width, choice.height):
            return m
    # A forced preset skips the calibration; the check still wants to know if it keeps up.
    return measure_encode_cost(choice.width, choice.height, choice.preset, choice.fps, frames)


def check_cpu(width: int, height: int, fps: float, preset: str = "auto", *,
              frames_per_probe: int = 30, allow_downscale: bool = True) -> tuple[CheckResult, QualityChoice]:
    """Measure this machine's encode speed and choose the quality (seconds of work: call it off
    the UI thread). Fails when even the cheapest setting cannot encode in real time."""
    choice = choose_quality(width, height, fps, preset, frames_per_probe=frames_per_probe,
                            allow_downscale=allow_downscale)
    chosen = _chosen_measurement(choice, frames_per_probe)
    budget = choice.cpu_budget_cores or DEFAULT_CPU_BUDGET * available_cores()
    encode_fps = float(chosen["encode_fps"] or 0.0)
    needed = round(fps / DEFAULT_CPU_BUDGET, 1)
    realtime = chosen["cores_needed_realtime"] <= budget and encode_fps >= needed
    details: dict[str, Any] = {"preset": choice.preset, "width": choice.width, "height": choice.height,
                               "fps": choice.fps, "wanted_width": width, "wanted_height": height,
                               "forced": choice.forced, "realtime": bool(realtime), "reason": choice.reason,
                               "cores_needed": chosen["cores_needed_realtime"], "cores_budget": round(budget, 2)}
    best = round(encode_fps, 1)
    if not realtime:
        return CheckResult(CheckId.CPU, Status.FAIL, best, needed, "fps", Fix.CPU_TOO_SLOW, details), choice
    if choice.height < height:
        return CheckResult(CheckId.CPU, Status.WARN, best, needed, "fps", Fix.CPU_REDUCED, details), choice
    return CheckResult(CheckId.CPU, Status.PASS, best, needed, "fps", Fix.NONE, details), choice


# --- upload ----------------------------------------------------------------------------------

UPLOAD_PROBE_BYTES = 4 * MB
#: The longest take should go up within an hour (fail below), comfortably within 20 min (warn below).
UPLOAD_LIMIT_S = 3600.0
UPLOAD_COMFORT_S = 1200.0


class CredentialsSource(Protocol):
    """What the check needs from the platform (`PlatformClient` provides it)."""

    def upload_credentials(self, exam_id: str) -> UploadCredentials: ...


def upload_skipped(fix: Fix, reason: str = "") -> CheckResult:
    return CheckResult(CheckId.UPLOAD, Status.SKIPPED, None, None, "MB/s", fix, {"reason": reason or fix.value})


def check_upload_speed(credentials: UploadCredentials, take_bytes: int, *, allowed_regions: tuple[str, ...] | list[str],
                       allow_loopback: bool = False, probe_bytes: int = UPLOAD_PROBE_BYTES,
                       timeout_s: float = 30.0) -> CheckResult:
    """PUT a random test object into the exam's own prefix, time it, delete it (blocking)."""
    import oss2

    from artreview_desktop.core.upload.crc64 import crc64

    required = take_bytes / UPLOAD_LIMIT_S / MB
    details: dict[str, Any] = {"endpoint": credentials.endpoint, "bytes": probe_bytes, "max_take_bytes": take_bytes}
    try:
        details["region"] = check_endpoint(credentials.endpoint, allowed_regions, allow_loopback)
    except EndpointNotAllowed as exc:
        details["error"] = str(exc)
        return CheckResult(CheckId.UPLOAD, Status.FAIL, None, required, "MB/s", Fix.UPLOAD_REGION, details)
    key = f"{credentials.key_prefix}equipment-check/{uuid.uuid4().hex}.bin"
    payload = os.urandom(probe_bytes)  # incompressible, like video
    auth = oss2.StsAuth(credentials.access_key_id, credentials.access_key_secret, credentials.security_token)
    bucket = oss2.Bucket(auth, credentials.endpoint, credentials.bucket, connect_timeout=timeout_s, enable_crc=False)
    try:
        started = time.perf_counter()
        answer = bucket.put_object(key, io.BytesIO(payload))
        seconds = time.perf_counter() - started
        stored_crc = answer.headers.get("x-oss-hash-crc64ecma")
        if stored_crc is not None and int(stored_crc) != crc64(payload):
            raise ValueError("the store received different bytes than were sent")
    except Exception as exc:  # network down, token refused, store error: all mean "cannot upload now"
        details["error"] = f"{type(exc).__name__}: {exc}"[:300]
        return CheckResult(CheckId.UPLOAD, Status.FAIL, None, required, "MB/s", Fix.UPLOAD_FAILED, details)
    finally:
        try:
            bucket.delete_object(key)
        except Exception:
            details["left_behind"] = key  # the store's lifecycle rule cleans it; never block the check
    speed = probe_bytes / max(seconds, 1e-6) / MB
    details.update(seconds=round(seconds, 3), eta_s=round(take_bytes / (speed * MB), 1))
    status, fix = Status.PASS, Fix.NONE
    if speed < required:
        status, fix = Status.FAIL, Fix.UPLOAD_SLOW
    elif speed < take_bytes / UPLOAD_COMFORT_S / MB:
        status, fix = Status.WARN, Fix.UPLOAD_SLOW
    return CheckResult(CheckId.UPLOAD, status, round(speed, 3), round(required, 3), "MB/s", fix, details)



def upload_check(source: CredentialsSource | None, exam: Exam | None, take_bytes: int, *,
                 allowed_regions: tuple[str, ...] | list[str], allow_loopback: bool = False,
                 probe_bytes: int = UPLOAD_PROBE_BYTES) -> CheckResult:
    """The upload-speed check from the start: skipped with a reason when it cannot run (blocking)."""
    if source is None:
        return upload_skipped(Fix.UPLOAD_LOGIN, "not logged in")
    if exam is None:
        return upload_skipped(Fix.UPLOAD_NO_EXAM, "no exam chosen")
    try:
        credentials = source.upload_credentials(exam.id)
    except PlatformError as exc:
        if exc.code is ErrorCode.FEE_UNPAID:
            return upload_skipped(Fix.UPLOAD_FEE_UNPAID, "exam fee unpaid")
        if exc.code in (ErrorCode.NOT_LOGGED_IN, ErrorCode.SESSION_EXPIRED):
            return upload_skipped(Fix.UPLOAD_LOGIN, exc.code.value)
        return CheckResult(CheckId.UPLOAD, Status.FAIL, None, None, "MB/s", Fix.UPLOAD_FAILED,
                           {"error": exc.code.value})
    return check_upload_speed(credentials, take_bytes, allowed_regions=allowed_regions,
                              allow_loopback=allow_loopback, probe_bytes=probe_bytes)
