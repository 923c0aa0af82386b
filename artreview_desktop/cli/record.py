"""`artreview record`: record one take from a camera (or a video file used as one) and a microphone.

Stops at --seconds of recorded media, or cleanly on SIGINT/SIGTERM, and prints the take's summary
as one JSON line. A take cut short by a fault (camera or microphone lost, disk full) is still a
valid file with a manifest; its JSON is printed too, then the fault as one line on stderr
with exit code 3.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any

from artreview_desktop.cli.common import EXIT_USAGE, CliError
from artreview_desktop.core.capture import (
    CaptureError,
    DeviceCamera,
    DiskGuard,
    DiskSpaceError,
    EncoderSettings,
    FileCamera,
    RecordingSession,
    RecordingStats,
    SoundDeviceMicrophone,
    StopReason,
    Watermark,
    choose_quality,
    find_unfinished_takes,
    max_take_bytes,
    recover_take,
    resolve_microphone,
)
from artreview_desktop.core.capture.camera import FALLBACK_FPS
from artreview_desktop.core.settings import PRESETS

log = logging.getLogger(__name__)

EXIT_TAKE_INTERRUPTED = 3


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x720, not {text!r}") from None
    if not (2 <= w <= 8192 and 2 <= h <= 8192):
        raise argparse.ArgumentTypeError(f"size {w}x{h} is out of range (2..8192)")
    return w, h


def _positive(maximum: float) -> Any:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not 0 < value <= maximum:
            raise argparse.ArgumentTypeError(f"{text} is out of range (0 < N <= {maximum:g})")
        return value

    return parse


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("record", help="record one take from a camera and a microphone")
    parser.add_argument("--camera", required=True, help="camera index (0, 1, …) or a video file used as the camera")
    parser.add_argument("--mic", default="default", help="'default', a device index or name, or 'none'")
    parser.add_argument("--seconds", required=True, type=_positive(24 * 3600), help="length of the take")
    parser.add_argument("--out", required=True, type=Path, help="the take file to write (.mp4)")
    parser.add_argument("--size", type=_size, help="frame size WxH (odd sizes are trimmed to even)")
    parser.add_argument("--fps", type=_positive(240), help="frames per second asked of the camera")
    parser.add_argument("--preset", default="auto", choices=PRESETS, help="x264 preset; auto measures this machine")
    parser.add_argument("--watermark", help="text burned into the picture with the date and time")
    parser.add_argument("--no-loop", dest="loop", action="store_false",
                        help="a file camera stops at its end instead of looping")
    parser.add_argument("--overwrite", action="store_true", help="replace --out if it exists")
    parser.add_argument("--progress", action="store_true", help="print progress lines on stderr")
    parser.set_defaults(handler=run)


def _open_camera(args: argparse.Namespace) -> DeviceCamera | FileCamera:
    spec: str = args.camera.strip()
    width, height = args.size or (None, None)
    camera: DeviceCamera | FileCamera
    if spec.isdigit():
        camera = DeviceCamera(int(spec), width, height, args.fps)
    else:
        camera = FileCamera(Path(spec).expanduser(), loop=args.loop, size=args.size, fps=args.fps)
    try:
        camera.open()
    except CaptureError as exc:
        raise CliError(f"camera: {exc}") from None
    return camera


def _open_microphone(spec: str) -> SoundDeviceMicrophone | None:
    if spec.strip().lower() == "none":
        return None
    try:
        return SoundDeviceMicrophone(resolve_microphone(spec))
    except CaptureError as exc:
        raise CliError(f"microphone: {exc}") from None


def _recover_old_takes(folder: Path) -> list[dict[str, Any]]:
    """Takes a killed run left behind in the output folder are recovered, never deleted."""
    recovered = []
    for take in find_unfinished_takes(folder):
        if take.still_recording:
            continue
        try:
            result = recover_take(take)
        except (ValueError, OSError) as exc:
            print(f"artreview record: warning: unfinished take {take.path} not recovered: {exc}", file=sys.stderr)
            continue
        print(f"artreview record: recovered unfinished take {take.path} → {result.recovered}", file=sys.stderr)
        recovered.append({"original": str(result.original), "recovered": str(result.recovered),
                          "duration_s": result.check.duration_s})
    return recovered


def run(args: argparse.Namespace) -> dict[str, Any]:
    out: Path = args.out.expanduser().resolve()
    if out.is_dir():
        raise CliError(f"--out {out} is a folder; give a file name such as take.mp4", EXIT_USAGE)
    if out.exists() and not args.overwrite:
        raise CliError(f"{out} already exists (use --overwrite to replace it)", EXIT_USAGE)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"cannot create folder {out.parent}: {exc.strerror}") from None
    microphone = _open_microphone(args.mic)
    camera = _open_camera(args)
    fps = float(args.fps or camera.fps or FALLBACK_FPS)
    width, height = args.size or (camera.width, camera.height)
    try:
        quality = choose_quality(width, height, fps, args.preset, allow_downscale=args.size is None)
        settings = EncoderSettings(quality.width, quality.height, fps, quality.preset)
    except ValueError as exc:
        camera.close()
        raise CliError(f"cannot record from {camera.name}: {exc}") from None
    guard = DiskGuard(out.parent, max_take_bytes(settings.width, settings.height, fps, settings.preset,
                                                  args.seconds, microphone is not None))
    recovered = _recover_old_takes(out.parent)
    show_progress = bool(args.progress or getattr(args, "verbose", False))

    def progress(stats: RecordingStats) -> None:
        if show_progress:
            print(f"recording {stats.media_seconds:.1f} s: {stats.frames_encoded} frames, "
                  f"{stats.frames_dropped} dropped, {stats.bytes_written} bytes", file=sys.stderr, flush=True)

    session = RecordingSession(
        camera, microphone, settings, quality=quality.as_dict(), on_progress=progress,
        watermark=Watermark(args.watermark) if args.watermark else None,
    )

    def on_signal(signum: int, frame: FrameType | None) -> None:
        session.request_stop(StopReason.USER, f"stopped by {signal.Signals(signum).name}")

    previous = {}
    if threading.current_thread() is threading.main_thread():
        previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        try:
            session.open()
            if not session.wait_until_ready(10.0):
                log.info("devices slow to deliver; starting anyway")
            session.start(out, max_seconds=args.seconds, disk_guard=guard, overwrite=args.overwrite)
        except DiskSpaceError as exc:
            raise CliError(str(exc)) from None
        except CaptureError as exc:
            raise CliError(str(exc)) from None
        except FileExistsError:
            raise CliError(f"{out} already exists (use --overwrite to replace it)", EXIT_USAGE) from None
        if show_progress:
            print(f"recording started: {out}", file=sys.stderr, flush=True)
        result = None
        while result is None:
            result = session.wait(0.2)
    finally:
        session.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    m = result.manifest
    summary: dict[str, Any] = {
        "path": str(result.path),
        "sha256": m["sha256"],
        "bytes": m["bytes"],
        "duration_s": m["duration_s"],
        "width": m["width"],
        "height": m["height"],
        "fps": m["fps"],
        "video_frames": m["frames"]["encoded"],
        "frames_captured": m["frames"]["captured"],
        "dropped_frames": m["frames"]["dropped"],
        "audio_samples": m["audio"]["samples"],
        "audio_overruns": m["audio"]["overruns"],
        "preset": settings.preset,
        "preset_forced": quality.forced,
        "camera": m["devices"]["camera"]["name"],
        "microphone": (m["devices"]["microphone"] or {}).get("name"),
        "stop_reason": m["stop_reason"],
        "manifest": str(result.manifest_path),
        "recovered_takes": recovered,
    }
    if m["stop_reason"] not in (StopReason.USER, StopReason.DURATION):
        sys.stdout.write(json.dumps(summary, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        raise CliError(
            f"take stopped early ({m['stop_reason']}: {m['stop_detail']}); the {m['duration_s']:.1f} s "
            f"recorded are in {result.path}", EXIT_TAKE_INTERRUPTED,
        )
    return summary
