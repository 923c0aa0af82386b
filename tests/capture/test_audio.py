"""Sound through the PulseAudio null sink: the tone, A/V sync with flashes and clicks, a lost mic."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from artreview_desktop.core.capture import (
    CapturedFrame,
    CaptureError,
    EncoderSettings,
    FileCamera,
    RecordingSession,
    SoundDeviceMicrophone,
    StopReason,
    check_take,
    list_microphones,
    resolve_microphone,
)
from tests.capture.media import (
    SAMPLE_RATE,
    SinkPlayer,
    artreview,
    cli_env,
    decode_audio,
    decode_video,
    last_json,
    tone,
)

pytestmark = [pytest.mark.audio, pytest.mark.usefixtures("pulse_microphone")]

FPS = 30


def test_a_tone_played_into_the_sink_is_recorded_at_its_frequency(
    camera_file: Callable[..., Path], takes_dir: Path
) -> None:
    """The tone plays before, during and after the take, so every part of the take must hold it:
    a silent stretch anywhere would be lost sound."""
    frequency = 697.0
    player = SinkPlayer()
    session = RecordingSession(FileCamera(camera_file()), SoundDeviceMicrophone(),
                               EncoderSettings(320, 240, FPS, "ultrafast"))
    try:
        session.open()
        assert session.wait_until_ready(10)
        player.play(tone(frequency, 12.0))
        # Start the take once the level meter shows the tone (a condition, waited on with a deadline).
        heard = threading.Event()
        deadline = time.monotonic() + 10
        while not heard.is_set() and time.monotonic() < deadline:
            if session.audio_level().rms > 0.05:
                heard.set()
            else:
                heard.wait(0.02)
        assert heard.is_set(), "the tone never reached the microphone"
        session.start(takes_dir / "tone.mp4", max_seconds=2.5)
        result = session.wait(60)
    finally:
        session.close()
        player.stop()
    assert result is not None
    assert result.stop_reason == StopReason.DURATION
    samples, _ = decode_audio(result.path)
    recorded = result.manifest["audio"]["samples"]
    assert len(samples) >= recorded >= 2.5 * SAMPLE_RATE
    assert len(samples) - recorded <= 2048  # AAC priming/padding only
    spectrum = np.abs(np.fft.rfft(samples[:recorded] * np.hanning(recorded)))
    peak = np.fft.rfftfreq(recorded, 1 / SAMPLE_RATE)[int(np.argmax(spectrum))]
    assert abs(peak - frequency) < 2.0
    tenth = SAMPLE_RATE // 10
    levels = np.sqrt(np.mean(samples[: recorded // tenth * tenth].reshape(-1, tenth) ** 2, axis=1))
    assert np.all(levels > 0.1), f"quiet stretches in the take (RMS per 0.1 s): {np.round(levels, 2).tolist()}"


def _click() -> np.ndarray:
    return tone(2000.0, 0.006, amplitude=0.9)


def _onsets(mask: np.ndarray, times: np.ndarray, gap_s: float) -> list[float]:
    onsets: list[float] = []
    for t in times[mask]:
        if not onsets or t - onsets[-1] > gap_s:
            onsets.append(float(t))
    return onsets


@pytest.mark.parametrize("drop_every", [0, 3], ids=["steady-camera", "camera-skips-every-3rd-frame"])
def test_flashes_and_clicks_stay_in_sync_over_the_take(
    camera_file: Callable[..., Path], takes_dir: Path, drop_every: int
) -> None:
    """The camera file flashes white on frames 15 and 45 of every 60 (once a second); a click
    is played into the sink at the moment of each flash. A single pacat plays the whole click
    track written in one go, so the clicks keep exact sample spacing among themselves; the test's
    only scheduling error is pacat's fixed 10 ms start latency."""
    flashes = (15, 45)
    camera = FileCamera(camera_file(frames=60, flashes=flashes), loop=True, drop_every=drop_every)
    first: list[CapturedFrame] = []
    got_first = threading.Event()

    def on_first_frame(frame: CapturedFrame) -> None:
        first.append(frame)
        got_first.set()

    take_seconds = 6.0
    player = SinkPlayer(latency_ms=10)
    session = RecordingSession(camera, SoundDeviceMicrophone(), EncoderSettings(320, 240, FPS, "ultrafast"),
                               on_first_frame=on_first_frame)
    try:
        session.open()
        assert session.wait_until_ready(10)
        session.start(takes_dir / "sync.mp4", max_seconds=take_seconds)
        assert got_first.wait(10)
        frame = first[0]
        track = np.zeros(int((take_seconds + 1) * SAMPLE_RATE), np.float32)
        click = _click()
        now = time.monotonic()
        for index in range(frame.index + 1, frame.index + int(take_seconds * FPS)):
            if index % 60 in flashes:
                at = frame.captured_at + (index - frame.index) / FPS - now
                if at > 0.05:
                    start = round(at * SAMPLE_RATE)
                    track[start : start + len(click)] = click
        player.play(track)
        result = session.wait(60)
    finally:
        session.close()
        player.stop()
    assert result is not None
    assert result.stop_reason == StopReason.DURATION
    video = decode_video(result.path)
    flash_times = _onsets(video.brightness > 150, video.times, 0.2)
    samples, audio_start = decode_audio(result.path)
    sample_times = audio_start + np.arange(len(samples)) / SAMPLE_RATE
    click_times = _onsets(np.abs(samples) > 0.3, sample_times, 0.2)
    assert len(click_times) >= take_seconds - 2, click_times  # one flash a second
    offsets = np.array([c - min(flash_times, key=lambda f: abs(f - c)) for c in click_times])
    print(f"flash→click offsets (ms): {np.round(offsets * 1000, 1).tolist()}")
    frame_s = 1 / FPS
    assert np.all(np.abs(offsets) <= frame_s), offsets
    assert offsets.max() - offsets.min() <= frame_s  # no drift over the take
    if drop_every:
        withheld = camera.frames_withheld
        assert withheld > 0
        assert result.manifest["frames"]["encoded"] < take_seconds * FPS * 0.8


def _source_outputs_of(pid: int) -> list[str]:
    listing = subprocess.run(["pactl", "list", "source-outputs"], capture_output=True, text=True,
                             timeout=10, check=True).stdout
    found, current = [], None
    for line in listing.splitlines():
        line = line.strip()
        if line.startswith("Source Output #"):
            current = line.split("#", 1)[1]
        elif line == f'application.process.id = "{pid}"' and current:
            found.append(current)
    return found


def test_microphone_lost_mid_take_stops_with_a_playable_file(
    camera_file: Callable[..., Path], takes_dir: Path
) -> None:
    """PulseAudio kills the recording stream, as when a USB microphone is unplugged."""
    take = takes_dir / "mic-lost.mp4"
    process = subprocess.Popen(
        artreview("record", "--camera", str(camera_file()), "--seconds", "60", "--out", str(take),
                  "--preset", "ultrafast", "--progress"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
    )
    try:
        assert process.stderr is not None
        for line in process.stderr:
            words = line.split()
            if words[:1] == ["recording"] and words[1] != "started:" and float(words[1]) >= 1.0:
                break
        outputs = _source_outputs_of(process.pid)
        assert outputs, "the recorder's stream is not in PulseAudio"
        for index in outputs:
            subprocess.run(["pacmd", "kill-source-output", index], check=True, timeout=10)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 3
    assert "microphone_lost" in stderr.strip().splitlines()[-1]
    summary = last_json(stdout)
    assert summary["stop_reason"] == StopReason.MICROPHONE_LOST
    check = check_take(take)
    assert check.decodable
    assert check.audio_seconds >= 1.0
    assert check.video_seconds >= 1.0
    assert check.video_frames == summary["video_frames"]


def test_microphones_are_listed_and_chosen_by_name_or_index() -> None:
    microphones = list_microphones()
    assert microphones
    assert any(m.is_default for m in microphones)
    assert resolve_microphone("default") is None
    pulse = next(m for m in microphones if m.name == "pulse")
    assert resolve_microphone("PULSE") == pulse.index
    assert resolve_microphone(str(pulse.index)) == pulse.index
    with pytest.raises(CaptureError, match=r"unknown microphone 'no-such-mic'.*pulse"):
        resolve_microphone("no-such-mic")
