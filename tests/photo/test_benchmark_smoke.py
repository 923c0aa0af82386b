"""The benchmark runs and reports every step (no time is asserted: machines differ)."""

from __future__ import annotations

import json
import subprocess
import sys


def test_photo_benchmark_quick_json() -> None:
    result = subprocess.run([sys.executable, "-m", "benchmarks.photo", "--quick", "--json"], capture_output=True,
                            text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    row = report["rows"][0]
    for key in ("decode_ms", "detect_ms", "segment_ms", "geometry_ms", "encode_ms", "total_ms", "live_check_ms"):
        assert row[key] > 0
    assert row["size"] == "1280x720" and isinstance(row["checks_ok"], bool)
