"""Camera + microphone capture into crash-safe, in-sync take files (Qt-free).

The GUI and the `artreview record` command use the same pieces::

    session = RecordingSession(FileCamera(path) or DeviceCamera(0), SoundDeviceMicrophone(), settings)
    session.open()                 # warm the devices (the first audio block can take ~2 s)
    session.start(take_path, max_seconds=..., disk_guard=DiskGuard(...))
    result = session.stop()        # or session.wait() after a limit or a fault
    session.close()
"""

from artreview_desktop.core.capture.calibrate import QualityChoice, choose_quality
from artreview_desktop.core.capture.camera import CameraInfo, DeviceCamera, FileCamera, list_cameras
from artreview_desktop.core.capture.disk import DiskGuard, DiskSpaceError, max_take_bytes
from artreview_desktop.core.capture.encoder import PRESETS, EncoderSettings
from artreview_desktop.core.capture.manifest import journal_path_for, manifest_path_for
from artreview_desktop.core.capture.microphone import (
    MicrophoneInfo,
    SoundDeviceMicrophone,
    list_microphones,
    resolve_microphone,
)
from artreview_desktop.core.capture.protocols import (
    AudioBlock,
    CameraSource,
    CapturedFrame,
    CaptureError,
    Clock,
    DeviceLost,
    MicrophoneSource,
    MonotonicClock,
)
from artreview_desktop.core.capture.recorder import RecordingSession
from artreview_desktop.core.capture.recovery import (
    TakeCheck,
    UnfinishedTake,
    check_take,
    find_unfinished_takes,
    recover_take,
)
from artreview_desktop.core.capture.takes import AudioLevel, RecordingStats, StopReason, TakeResult
from artreview_desktop.core.capture.watermark import Watermark

__all__ = [
    "PRESETS",
    "AudioBlock",
    "AudioLevel",
    "CameraInfo",
    "CameraSource",
    "CaptureError",
    "CapturedFrame",
    "Clock",
    "DeviceCamera",
    "DeviceLost",
    "DiskGuard",
    "DiskSpaceError",
    "EncoderSettings",
    "FileCamera",
    "MicrophoneInfo",
    "MicrophoneSource",
    "MonotonicClock",
    "QualityChoice",
    "RecordingSession",
    "RecordingStats",
    "SoundDeviceMicrophone",
    "StopReason",
    "TakeCheck",
    "TakeResult",
    "UnfinishedTake",
    "Watermark",
    "check_take",
    "choose_quality",
    "find_unfinished_takes",
    "journal_path_for",
    "list_cameras",
    "list_microphones",
    "manifest_path_for",
    "max_take_bytes",
    "recover_take",
    "resolve_microphone",
]
