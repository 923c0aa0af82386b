"""The upload benchmark runs end to end on a small file (figures are not asserted: 2 shared cores)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_upload_benchmark_quick_run() -> None:
    done = subprocess.run([sys.executable, "-m", "benchmarks.upload", "--quick", "--json"], capture_output=True,
                          text=True, cwd=ROOT, timeout=180, check=False,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    ours, theirs, curl = report["ours"], report["oss2_resumable_upload"], report["curl_single_put"]
    assert report["size_mb"] == 24 and ours["parts"] == 3
    assert ours["crc64"] == theirs["crc64"]  # both senders stored the same bytes
    assert all(row["mb_s"] > 0 for row in (ours, theirs, curl))
    assert 0 < ours["peak_rss_mib"] < 500
    assert isinstance(report["target_met"], bool)
