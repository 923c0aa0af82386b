"""Deletion of written photos (page-independent paths: normal exit, crash + restart) and the CLI."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.photo import PhotoWorkspace, sweep_stale_sessions

from .conftest import image_files_under

JPEG = b"\xff\xd8\xff\xe0" + b"face" * 100

CHILD = """
import os, sys
from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.photo import PhotoWorkspace
workspace = PhotoWorkspace(AppPaths.default())
print(workspace.write("id-photo.jpg", bytes.fromhex(sys.argv[2])), flush=True)
if sys.argv[1] == "crash":
    os._exit(9)  # no atexit, no cleanup: what a crash leaves behind
"""


def test_workspace_is_private_and_cleared(app_paths: AppPaths) -> None:
    workspace = PhotoWorkspace(app_paths)
    path = workspace.write("id-photo.jpg", JPEG)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert workspace.clear() == 2  # the photo and the owner note
    assert not path.exists() and not path.parent.exists()


def _child(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", CHILD, mode, JPEG.hex()], capture_output=True, text=True,
                          timeout=60, env=os.environ.copy(), check=False)


def test_normal_exit_leaves_no_photo(app_paths: AppPaths) -> None:
    result = _child("exit")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("id-photo.jpg")
    assert image_files_under(app_paths.cache_dir.parent) == []


def test_crash_then_restart_sweeps_the_photo(app_paths: AppPaths) -> None:
    result = _child("crash")
    assert result.returncode == 9
    left = Path(result.stdout.strip())
    assert left.exists()  # the crash really left it
    mine = PhotoWorkspace(app_paths)
    my_photo = mine.write("id-photo.jpg", JPEG)
    assert sweep_stale_sessions(app_paths) == 2
    assert not left.exists() and not left.parent.exists()
    assert my_photo.exists()  # a live session of this app is left alone
    mine.clear()
    assert image_files_under(app_paths.cache_dir.parent) == []


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "artreview_desktop.cli", "photo", *args], capture_output=True,
                          text=True, timeout=120, check=False)


def test_cli_makes_a_checked_photo(tmp_path: Path, astronaut_bgr: np.ndarray) -> None:
    source = tmp_path / "me.png"
    cv2.imwrite(str(source), astronaut_bgr)
    out = tmp_path / "id.jpg"
    result = _cli(str(source), "--spec", "id-card", "--out", str(out), "--background", "blue")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert (report["width"], report["height"]) == (358, 441)
    assert report["bytes"] == out.stat().st_size
    assert set(report["face"]) == {"x", "y", "w", "h"}
    assert 193 <= report["checks"]["face_width"]["value"] <= 221
    assert report["checks"]["face_width"]["range"] == [193, 221]
    assert all({"value", "ok", "range"} <= set(c) for c in report["checks"].values())
    image = cv2.imread(str(out))
    assert image.shape == (441, 358, 3)


def test_cli_lists_specs() -> None:
    result = _cli("--list-specs")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()[:-1]
    assert lines[0].split("\t")[0] == "id-card" and "358x441" in lines[0]
    assert any(line.startswith("passport\t") for line in lines)


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"not a photo at all" * 50, "not an image"), (None, "no face")],
)
def test_cli_refuses_bad_input_in_one_line(tmp_path: Path, content: bytes | None, expected: str) -> None:
    source = tmp_path / "in.png"
    if content is None:
        cv2.imwrite(str(source), np.full((600, 800, 3), 200, np.uint8))
    else:
        source.write_bytes(content)
    result = _cli(str(source), "--out", str(tmp_path / "o.jpg"))
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1 and expected in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "o.jpg").exists()


def test_cli_unknown_spec_is_a_usage_error(tmp_path: Path) -> None:
    result = _cli(str(tmp_path / "x.png"), "--spec", "nonsense", "--out", str(tmp_path / "o.jpg"))
    assert result.returncode == 2 and "unknown spec" in result.stderr


def test_cli_takes_an_exam_spec_file(tmp_path: Path, astronaut_bgr: np.ndarray) -> None:
    spec_file = tmp_path / "exam.json"
    spec_file.write_text(json.dumps({"name": "exam", "unit": "mm", "width": 25, "height": 35, "dpi": 300,
                                     "head_height": [20, 24], "crown_gap": [2, 4], "background": "red",
                                     "kb": [8, 40]}), encoding="utf-8")
    source = tmp_path / "me.jpg"
    cv2.imwrite(str(source), astronaut_bgr)
    result = _cli(str(source), "--spec", str(spec_file), "--out", str(tmp_path / "o.jpg"))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert (report["width"], report["height"]) == (295, 413)
    assert 8 * 1024 <= report["bytes"] <= 40 * 1024 and report["checks"]["file_size"]["ok"]
    assert report["checks"]["head_height"]["ok"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"width": 25}), encoding="utf-8")
    refused = _cli(str(source), "--spec", str(bad), "--out", str(tmp_path / "o2.jpg"))
    assert refused.returncode == 2 and "bad spec" in refused.stderr
