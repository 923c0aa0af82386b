"""The benchmark still runs and reports what it promises (its figures are not judged here)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.capture.media import REPO, cli_env


@pytest.mark.slow
@pytest.mark.audio
@pytest.mark.usefixtures("pulse_microphone")
def test_quick_benchmark_reports_every_figure() -> None:
    done = subprocess.run([sys.executable, "-m", "benchmarks.record", "--quick", "--json"], capture_output=True,
                          text=True, timeout=280, cwd=REPO, env=cli_env())
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert [row["size"] for row in report["throughput"]] == ["1280x720", "1920x1080"]
    for row in report["throughput"]:
        assert row["ours"]["frames"] >= row["frames"]  # the take ends on the audio clock, +1 frame at most
        assert row["ours"]["dropped"] == 0
        for side in ("ours", "ffmpeg"):
            assert row[side]["fps"] > 0
            assert row[side]["cpu_ms_per_frame"] > 0
        assert row["fps_ratio"] > 0
        assert row["cpu_per_frame_ratio"] > 0
    live = report["realtime"]
    for key in ("dropped_frames", "frames_encoded", "cpu_percent_of_machine", "rss_mb_peak", "preset"):
        assert key in live
    assert live["frames_encoded"] > 0
    assert live["stop_reason"] == "duration_reached"
