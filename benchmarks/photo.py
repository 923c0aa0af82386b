"""Time each step of the ID photo (decode, detect, segment, geometry, encode) and live checks.

`python -m benchmarks.photo [--json] [--quick]`: a 1280×720 webcam frame and a 4000×3000 photo,
both made from scikit-image's astronaut() (a real photograph), scaled and padded.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

import cv2
import numpy as np
from PIL import Image
from skimage import data

from artreview_desktop.core.photo import BUILTIN_SPECS, COLOURS, PhotoMaker, analyse_frame, decode_image, encode_jpeg


def scene(width: int, height: int) -> np.ndarray:
    """The astronaut, head filling a webcam-like share of the frame, on a padded wall."""
    face = np.ascontiguousarray(data.astronaut()[:, :, ::-1])
    side = int(height * 0.95)
    face = cv2.resize(face, (side, side), interpolation=cv2.INTER_CUBIC)
    canvas = np.full((height, width, 3), 232, np.uint8)
    x = (width - side) // 2
    canvas[height - side :, x : x + side] = face
    return canvas


def timed(step: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def bench(name: str, width: int, height: int, maker: PhotoMaker, repeat: int) -> dict[str, Any]:
    spec = BUILTIN_SPECS["id-card"]
    buffer = io.BytesIO()
    Image.fromarray(scene(width, height)[:, :, ::-1]).save(buffer, "JPEG", quality=90)
    jpeg = buffer.getvalue()
    row: dict[str, Any] = {"input": name, "size": f"{width}x{height}"}
    row["decode_ms"], image = timed(lambda: decode_image(jpeg), repeat)
    row["detect_ms"], _ = timed(lambda: maker.detector.detect(image), repeat)
    row["segment_ms"], _ = timed(lambda: maker.segmenter.raw_mask(image), repeat)
    row["analyse_ms"], analysis = timed(lambda: maker.analyse(image), repeat)
    row["geometry_ms"], photo = timed(lambda: maker.compose(analysis, spec, COLOURS["white"]), repeat)
    row["encode_ms"], _ = timed(lambda: encode_jpeg(photo.image, spec), repeat)
    row["live_check_ms"], _ = timed(lambda: analyse_frame(image, spec, maker.detector), repeat)
    no_seg, _ = timed(lambda: maker.compose(maker.analyse(image, segment=False), spec, None), repeat)
    row["total_ms"] = row["decode_ms"] + row["analyse_ms"] + row["geometry_ms"] + row["encode_ms"]
    row["total_no_segment_ms"] = row["decode_ms"] + no_seg + row["encode_ms"]
    row["checks_ok"] = photo.ok
    return {k: round(v, 1) if isinstance(v, float) else v for k, v in row.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quick", action="store_true", help="one repetition, 720p only (smoke test)")
    args = parser.parse_args(argv)
    maker = PhotoMaker()
    maker.analyse(scene(1280, 720))  # warm the models
    repeat = 1 if args.quick else 5
    inputs = [("webcam 720p", 1280, 720)] + ([] if args.quick else [("photo 12 MP", 4000, 3000)])
    rows = [bench(name, w, h, maker, repeat) for name, w, h in inputs]
    if args.json:
        print(json.dumps({"benchmark": "photo", "rows": rows}))
        return 0
    columns = ["input", "size", "decode_ms", "detect_ms", "segment_ms", "analyse_ms", "geometry_ms", "encode_ms",
               "total_ms", "total_no_segment_ms", "live_check_ms", "checks_ok"]
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print("| " + " | ".join(str(row[c]) for c in columns) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
