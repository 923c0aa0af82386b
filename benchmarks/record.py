"""Recording benchmark: our whole pipeline against the ffmpeg CLI, and a real-time take.

    python -m benchmarks.record [--quick] [--json]

1. Throughput: the same synthetic moving 1280x720 and 1920x1080 frames are encoded (a) through
   RecordingSession (source → queues → encoder → muxer, with AAC audio) as fast as it will take
   them, and (b) by `ffmpeg` fed the same raw BGR frames on stdin, with the same x264 settings,
   AAC audio and fragmented-MP4 flags. Reported: frames/s, CPU ms per frame (our process CPU; for
   ffmpeg, the child's CPU) and their ratios (target ≥ 0.95× fps, ≤ 1.05× CPU per frame).
2. Real time: a 60 s take (3 s with --quick) of a 720p30 file camera + the PulseAudio microphone
   with the auto preset: dropped frames, CPU use, and resident memory sampled over the take.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
import psutil

from artreview_desktop.core.capture import (
    AudioBlock,
    CapturedFrame,
    EncoderSettings,
    FileCamera,
    RecordingSession,
    SoundDeviceMicrophone,
    choose_quality,
)
from artreview_desktop.core.capture.calibrate import synthetic_frame
from artreview_desktop.core.capture.encoder import MUXER_OPTIONS

SAMPLE_RATE = 48_000
UNIQUE_FRAMES = 16


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


class VirtualClock:
    """Time that advances with the synthetic frames, so the recorder's clock logic runs unchanged
    while frames come as fast as the encoder accepts them."""

    def __init__(self) -> None:
        self.value = 0.0

    def now(self) -> float:
        return self.value


class SyntheticMicrophone:
    """A 440 Hz tone, pushed by the synthetic camera so that audio keeps just ahead of video."""

    name = "synthetic 440 Hz"
    sample_rate = SAMPLE_RATE
    channels = 1

    def __init__(self) -> None:
        self._on_block: Callable[[AudioBlock], None] | None = None
        self.samples = 0

    def open(self, on_block: Callable[[AudioBlock], None]) -> None:
        self._on_block = on_block

    def is_alive(self) -> bool:
        return True

    def close(self) -> None:
        self._on_block = None

    def feed_until(self, t: float) -> None:
        while self._on_block is not None and self.samples / SAMPLE_RATE < t:
            n = 1024
            phase = np.arange(self.samples, self.samples + n) / SAMPLE_RATE
            block = (0.3 * np.sin(2 * np.pi * 440 * phase)).astype(np.float32).reshape(-1, 1)
            self.samples += n
            self._on_block(AudioBlock(block, self.samples / SAMPLE_RATE))


class SyntheticCamera:
    """Pre-made frames handed out as fast as the recorder's queue has room (no drops by design)."""

    def __init__(
        self, frames: list[np.ndarray], count: int, fps: float, clock: VirtualClock, mic: SyntheticMicrophone
    ) -> None:
        self.frames = frames
        self.count = count
        self._fps = fps
        self._clock = clock
        self._mic = mic
        self.index = 0
        self.backlog: Callable[[], int] = lambda: 0
        self.backlog_limit = 8
        self.go = threading.Event()  # no frames before the take starts: virtual time must not run ahead

    name = "synthetic"

    @property
    def width(self) -> int:
        return int(self.frames[0].shape[1])

    @property
    def height(self) -> int:
        return int(self.frames[0].shape[0])

    @property
    def fps(self) -> float:
        return self._fps

    def open(self) -> None:
        pass

    def read(self) -> CapturedFrame:
        self.go.wait()
        if self.index >= self.count:
            time.sleep(0.005)  # the take is over: idle instead of spinning while it finishes
        while self.backlog() >= self.backlog_limit:
            time.sleep(0.001)
        t = self.index / self._fps
        self._clock.value = max(self._clock.value, t)
        self._mic.feed_until(t + 0.05)
        frame = CapturedFrame(self.frames[self.index % len(self.frames)], t, self.index)
        self.index += 1
        return frame

    def close(self) -> None:
        pass


def ours(frames: list[np.ndarray], count: int, settings: EncoderSettings, out: Path) -> dict[str, Any]:
    clock = VirtualClock()
    mic = SyntheticMicrophone()
    camera = SyntheticCamera(frames, count, settings.fps, clock, mic)
    session = RecordingSession(camera, mic, settings, clock=clock)
    camera.backlog = session.video_backlog
    session.open()
    cpu0, wall0 = cpu_seconds(), time.perf_counter()
    session.start(out, max_seconds=count / settings.fps, overwrite=True)
    camera.go.set()
    result = session.wait(600)
    wall, cpu = time.perf_counter() - wall0, cpu_seconds() - cpu0
    session.close()
    if result is None or not result.manifest["frames"]["encoded"]:
        raise RuntimeError(f"the pipeline encoded nothing: {result.manifest if result else 'no result'}")
    encoded = result.manifest["frames"]["encoded"]
    return {"frames": encoded, "dropped": result.manifest["frames"]["dropped"], "fps": encoded / wall,
            "cpu_ms_per_frame": cpu / encoded * 1000, "bytes": result.manifest["bytes"]}


def ffmpeg(frames: list[np.ndarray], count: int, settings: EncoderSettings, out: Path) -> dict[str, Any]:
    x264 = settings.x264_options()
    command = [
        "ffmpeg", "-nostdin", "-loglevel", "error", "-y",
        "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", f"{settings.width}x{settings.height}",
        "-r", str(settings.fps), "-i", "pipe:0",
        "-f", "lavfi", "-i", f"sine=frequency=440:sample_rate={SAMPLE_RATE}",
        "-map", "0:v", "-map", "1:a", "-shortest",
        "-c:v", "libx264", "-preset", x264["preset"], "-crf", x264["crf"], "-maxrate", x264["maxrate"],
        "-bufsize", x264["bufsize"], "-g", str(settings.gop), "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-b:a", str(settings.audio_bitrate), "-ac", "1",
        "-movflags", MUXER_OPTIONS["movflags"], "-flush_packets", "1",
        "-frag_duration", MUXER_OPTIONS["frag_duration"], "-f", "mp4", str(out),
    ]
    # We need ffmpeg's own CPU time: wait4 on exactly this child gives it.
    wall0 = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.PIPE)
    assert process.stdin is not None
    for i in range(count):
        process.stdin.write(frames[i % len(frames)].tobytes())
    process.stdin.close()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - wall0
    if process.returncode:
        raise RuntimeError(f"ffmpeg failed with exit code {process.returncode}")
    cpu = usage.ru_utime + usage.ru_stime
    return {"frames": count, "fps": count / wall, "cpu_ms_per_frame": cpu / count * 1000, "bytes": out.stat().st_size}


def throughput(width: int, height: int, preset: str, count: int, rounds: int, folder: Path) -> dict[str, Any]:
    """Best of `rounds` for each side, run alternately, so that load from other processes on a
    shared machine hits both sides alike (all samples are kept in the report)."""
    frames = [synthetic_frame(width, height, i) for i in range(UNIQUE_FRAMES)]
    settings = EncoderSettings(width, height, 30.0, preset)
    row: dict[str, Any] = {"size": f"{width}x{height}", "preset": preset, "frames": count, "rounds": rounds}
    samples: dict[str, list[dict[str, Any]]] = {"ours": [], "ffmpeg": []}
    has_ffmpeg = shutil.which("ffmpeg") is not None
    for _ in range(rounds):
        samples["ours"].append(ours(frames, count, settings, folder / f"ours-{height}.mp4"))
        if has_ffmpeg:
            samples["ffmpeg"].append(ffmpeg(frames, count, settings, folder / f"ffmpeg-{height}.mp4"))
    for side, runs in samples.items():
        if runs:
            best = max(runs, key=lambda r: r["fps"])
            row[side] = {**best, "cpu_ms_per_frame": min(r["cpu_ms_per_frame"] for r in runs),
                         "all_fps": [round(r["fps"], 2) for r in runs],
                         "all_cpu_ms_per_frame": [round(r["cpu_ms_per_frame"], 3) for r in runs]}
    if has_ffmpeg:
        row["fps_ratio"] = row["ours"]["fps"] / row["ffmpeg"]["fps"]
        row["cpu_per_frame_ratio"] = row["ours"]["cpu_ms_per_frame"] / row["ffmpeg"]["cpu_ms_per_frame"]
    return row


def make_camera_file(path: Path, width: int, height: int, fps: int, frames: int) -> Path:
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=fps, options={"preset": "ultrafast", "crf": "18"})
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for i in range(frames):
            frame = av.VideoFrame.from_ndarray(synthetic_frame(width, height, i), format="bgr24")
            frame.pts, frame.time_base = i, Fraction(1, fps)
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return path


def realtime(seconds: float, folder: Path) -> dict[str, Any]:
    camera = FileCamera(make_camera_file(folder / "camera720.mp4", 1280, 720, 30, 90), loop=True)
    try:
        mic: SoundDeviceMicrophone | None = SoundDeviceMicrophone()
        mic_note = "PulseAudio default source"
        import sounddevice  # noqa: F401  (PortAudio must be there)
    except OSError as exc:
        mic, mic_note = None, f"no microphone ({exc})"
    quality = choose_quality(1280, 720, 30.0, "auto", allow_downscale=False)
    settings = EncoderSettings(quality.width, quality.height, 30.0, quality.preset)
    session = RecordingSession(camera, mic, settings, quality=quality.as_dict())
    process = psutil.Process()
    session.open()
    session.wait_until_ready(10)
    rss: list[tuple[float, float]] = []
    cpu0, wall0 = cpu_seconds(), time.perf_counter()
    session.start(folder / "realtime.mp4", max_seconds=seconds)
    result = None
    while result is None:
        rss.append((time.perf_counter() - wall0, process.memory_info().rss / 2**20))
        result = session.wait(0.5)
    wall, cpu = time.perf_counter() - wall0, cpu_seconds() - cpu0
    session.close()
    m = result.manifest
    half = [r for t, r in rss if t >= wall / 2] or [rss[-1][1]]
    first_half = [r for t, r in rss if t < wall / 2] or [rss[0][1]]
    return {
        "seconds": m["duration_s"], "size": f"{settings.width}x{settings.height}", "fps": 30,
        "preset": settings.preset, "preset_reason": quality.reason, "microphone": mic_note,
        "frames_captured": m["frames"]["captured"], "frames_encoded": m["frames"]["encoded"],
        "dropped_frames": m["frames"]["dropped"], "audio_overruns": m["audio"]["overruns"],
        "cpu_percent_of_one_core": 100 * cpu / wall,
        "cpu_percent_of_machine": 100 * cpu / wall / (os.cpu_count() or 1),
        "rss_mb_start": rss[0][1], "rss_mb_peak": max(r for _, r in rss), "rss_mb_end": rss[-1][1],
        "rss_mb_peak_first_half": max(first_half), "rss_mb_peak_second_half": max(half),
        "stop_reason": m["stop_reason"],
    }


def print_table(report: dict[str, Any]) -> None:
    print("Throughput: our pipeline vs the ffmpeg CLI (same frames, same x264/AAC/fMP4 settings)")
    print(f"{'size':>10} {'preset':>9} {'frames':>6} | {'ours fps':>9} {'ffmpeg fps':>10} {'ratio':>6} |"
          f" {'ours CPU ms/f':>13} {'ffmpeg CPU ms/f':>15} {'ratio':>6} | {'dropped':>7}")
    for row in report["throughput"]:
        o, f = row["ours"], row.get("ffmpeg")
        ff = (f"{f['fps']:10.1f} {row['fps_ratio']:5.2f}x" if f else f"{'n/a':>10} {'':>6}")
        fc = (f"{f['cpu_ms_per_frame']:15.2f} {row['cpu_per_frame_ratio']:5.2f}x" if f else f"{'n/a':>15} {'':>6}")
        print(f"{row['size']:>10} {row['preset']:>9} {row['frames']:>6} | {o['fps']:9.1f} {ff} |"
              f" {o['cpu_ms_per_frame']:13.2f} {fc} | {o['dropped']:>7}")
    print("  targets: fps ratio >= 0.95x, CPU/frame ratio <= 1.05x; best of the alternating rounds:")
    for row in report["throughput"]:
        for side in ("ours", "ffmpeg"):
            if side in row:
                print(f"    {row['size']} {side:>6}: fps {row[side]['all_fps']}, CPU ms/frame"
                      f" {row[side]['all_cpu_ms_per_frame']}")
    print(f"  load average when the run started: {', '.join(f'{x:.2f}' for x in report['load_average_at_start'])}"
          " (the machine is shared)")
    rt = report["realtime"]
    print(f"\nReal time: {rt['seconds']:.1f} s of {rt['size']}@{rt['fps']} file camera + {rt['microphone']},"
          f" auto preset -> {rt['preset']}")
    print(f"  frames captured/encoded/dropped: {rt['frames_captured']}/{rt['frames_encoded']}/"
          f"{rt['dropped_frames']} (target 0 dropped); audio overruns: {rt['audio_overruns']}")
    print(f"  CPU: {rt['cpu_percent_of_one_core']:.0f}% of one core = {rt['cpu_percent_of_machine']:.0f}% of"
          f" the machine ({os.cpu_count()} cores; includes decoding the camera file)")
    print(f"  RSS MB: start {rt['rss_mb_start']:.0f}, peak first half {rt['rss_mb_peak_first_half']:.0f},"
          f" peak second half {rt['rss_mb_peak_second_half']:.0f}, end {rt['rss_mb_end']:.0f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.record", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few frames and a 3 s take (smoke test)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument("--preset", default="veryfast", help="x264 preset for the throughput runs")
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs per side; the best counts")
    args = parser.parse_args(argv)
    counts = {720: 40, 1080: 20} if args.quick else {720: 300, 1080: 150}
    rounds = 1 if args.quick else args.rounds
    with tempfile.TemporaryDirectory(prefix="artreview-bench-") as tmp:
        folder = Path(tmp)
        # The real-time take runs first, so its memory curve is not lifted by the throughput frames.
        live = realtime(3.0 if args.quick else 60.0, folder)
        report: dict[str, Any] = {
            "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0], "av": av.__version__},
            "load_average_at_start": os.getloadavg(),
            "throughput": [throughput(1280, 720, args.preset, counts[720], rounds, folder),
                           throughput(1920, 1080, args.preset, counts[1080], rounds, folder)],
            "realtime": live,
        }
    if args.json:
        print(json.dumps(report))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
