"""Test helper: a short real H.264 take left behind as if its recorder had crashed."""

from __future__ import annotations

import json
from pathlib import Path

import av
import numpy as np

from artreview_desktop.core.capture.manifest import journal_path_for


def write_interrupted_take(path: Path, exam_id: str, mode: str, frames: int = 20) -> None:
    """A decodable take and its journal naming a process that no longer exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for index in range(frames):
            frame = av.VideoFrame.from_ndarray(np.full((48, 64, 3), index * 8 % 256, np.uint8), format="rgb24")
            frame.pts = index
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    journal_path_for(path).write_text(json.dumps({"pid": 999_999_999, "metadata": {"exam_id": exam_id, "mode": mode}}))
