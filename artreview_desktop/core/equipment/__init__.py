"""The equipment check (设备检测), Qt-free: camera, microphone, speaker, disk, CPU and upload speed.

Each check returns a `CheckResult` (status, measured value, requirement, fix code, details); the UI
words the fix codes. An `EquipmentReport` gathers them and is kept with the exam session as JSON.
The GUI and a CLI can run the same functions; the slow ones block, so the GUI runs them in workers.
"""

from artreview_desktop.core.equipment.devices import (
    BRIGHT_LUMA,
    DIM_LUMA,
    MIN_CAMERA_FPS,
    VOICE_PEAK,
    CameraProbe,
    LevelMonitor,
    SaySomethingCheck,
    block_level,
    check_camera,
    listen_for_voice,
    mean_luminance,
    microphone_unavailable,
    play_test_tone,
    speaker_result,
    tone_samples,
)
from artreview_desktop.core.equipment.results import (
    ALL_CHECKS,
    MB,
    CheckId,
    CheckResult,
    EquipmentReport,
    Fix,
    Status,
)
from artreview_desktop.core.equipment.system import (
    DEFAULT_MAX_SECONDS,
    UPLOAD_PROBE_BYTES,
    CredentialsSource,
    check_cpu,
    check_disk,
    check_upload_speed,
    recordings_folder,
    take_size_limit,
    upload_check,
    upload_skipped,
)

__all__ = [
    "ALL_CHECKS",
    "BRIGHT_LUMA",
    "DEFAULT_MAX_SECONDS",
    "DIM_LUMA",
    "MB",
    "MIN_CAMERA_FPS",
    "UPLOAD_PROBE_BYTES",
    "VOICE_PEAK",
    "CameraProbe",
    "CheckId",
    "CheckResult",
    "CredentialsSource",
    "EquipmentReport",
    "Fix",
    "LevelMonitor",
    "SaySomethingCheck",
    "Status",
    "block_level",
    "check_camera",
    "check_cpu",
    "check_disk",
    "check_upload_speed",
    "listen_for_voice",
    "mean_luminance",
    "microphone_unavailable",
    "play_test_tone",
    "recordings_folder",
    "speaker_result",
    "take_size_limit",
    "tone_samples",
    "upload_check",
    "upload_skipped",
]
