"""Upload benchmark: our uploader against oss2.resumable_upload and a single `curl -T` PUT.

    python -m benchmarks.upload [--size-mb N] [--quick] [--json]

One reference store (`artreview-platform serve`, its own process on 127.0.0.1) receives the same
file three times, each sender in its own process:
  (a) our ResumableUploader: 4 threads, 8 MiB parts, per-part CRC-64 against the store's answer,
      an atomic checkpoint after every part, and the whole object's CRC-64 checked after Complete;
  (b) oss2.resumable_upload with 4 threads and the same part size (its default CRC checks on);
  (c) curl -T: one PUT, V1-signed headers made here with the development key.
Reported: MB/s of each, ratios to (c) (target: (a) >= 0.9x), and (a)'s peak resident memory.
Each sender's clock starts after its process has started (interpreter start-up is not counted).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from email.utils import formatdate
from pathlib import Path
from typing import Any
from urllib.parse import quote

PART_SIZE = 8 << 20
THREADS = 4


def _write_file(path: Path, size: int) -> None:
    with open(path, "wb") as f:
        left = size
        while left > 0:
            block = os.urandom(min(left, 8 << 20))
            f.write(block)
            left -= len(block)


def _start_store(data: Path) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    server = subprocess.Popen([sys.executable, "-m", "artreview_platform", "serve", "--data", str(data),
                               "--dev-credentials", "--log-level", "WARNING"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert server.stdout is not None
    line = server.stdout.readline()
    if not line:
        server.kill()
        raise RuntimeError("the reference store did not start")
    return server, json.loads(line)


def _child(args: argparse.Namespace) -> int:
    """Runs inside a sender process: one upload, then its time and peak memory as JSON."""
    info = json.loads(args.child_info)
    path = Path(args.child_file)
    started = time.perf_counter()
    if args.child == "ours":
        from artreview_desktop.core.upload.auth import static_provider
        from artreview_desktop.core.upload.checkpoint import CheckpointStore
        from artreview_desktop.core.upload.uploader import ResumableUploader, UploadOptions, UploadTarget

        uploader = ResumableUploader(static_provider(info["access_key_id"], info["access_key_secret"]),
                                     CheckpointStore(Path(args.child_dir)),
                                     UploadOptions(part_size=PART_SIZE, threads=THREADS, allow_loopback=True))
        marks: dict[str, float] = {}
        started = time.perf_counter()
        outcome = uploader.upload(path, UploadTarget(info["oss_endpoint"], info["bucket"], "bench/ours.bin"),
                                  progress=lambda p: marks.setdefault(p.phase, time.perf_counter()))
        ended = time.perf_counter()
        extra: dict[str, Any] = {
            "crc64": str(outcome.crc64), "parts": outcome.parts,
            # Where the time went: sending the parts, then Complete (like OSS, this store completes from
            # metadata: the object is its part files, so this is one small request).
            "parts_seconds": round(marks["completing"] - started, 3),
            "complete_seconds": round(ended - marks["completing"], 3),
        }
    else:
        import oss2

        bucket = oss2.Bucket(oss2.Auth(info["access_key_id"], info["access_key_secret"]), info["oss_endpoint"],
                             info["bucket"])
        started = time.perf_counter()
        result = oss2.resumable_upload(bucket, "bench/oss2.bin", str(path), store=oss2.ResumableStore(
            root=args.child_dir), multipart_threshold=PART_SIZE, part_size=PART_SIZE, num_threads=THREADS)
        extra = {"crc64": str(result.crc)}
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_rss_mib": round(peak_kib / 1024, 1), **extra}), flush=True)
    return 0


def _run_child(kind: str, info: dict[str, Any], path: Path, work: Path) -> dict[str, Any]:
    folder = work / f"cp-{kind}"
    folder.mkdir()
    done = subprocess.run([sys.executable, "-m", "benchmarks.upload", "--child", kind, "--child-info",
                           json.dumps(info), "--child-file", str(path), "--child-dir", str(folder)],
                          capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    if done.returncode != 0:
        raise RuntimeError(f"{kind} failed: {done.stderr.strip().splitlines()[-1:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _curl(info: dict[str, Any], path: Path) -> dict[str, Any]:
    """A single signed PUT (OSS signature V1, computed here from the development key)."""
    key = "bench/curl.bin"
    date = formatdate(usegmt=True)
    content_type = "application/octet-stream"
    to_sign = f"PUT\n\n{content_type}\n{date}\n/{info['bucket']}/{key}".encode()
    signature = base64.b64encode(hmac.new(info["access_key_secret"].encode(), to_sign, hashlib.sha1).digest())
    url = f"{info['oss_endpoint']}/{info['bucket']}/{quote(key)}"
    done = subprocess.run(["curl", "-sS", "-f", "-o", "/dev/null", "-w", "%{time_total}", "-T", str(path),
                           "-H", f"Date: {date}", "-H", f"Content-Type: {content_type}", "-H", "Expect:",
                           "-H", f"Authorization: OSS {info['access_key_id']}:{signature.decode()}", url],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"curl failed: {done.stderr.strip()}")
    return {"seconds": float(done.stdout.strip())}


def run(size_mb: int) -> dict[str, Any]:
    size = size_mb << 20
    with tempfile.TemporaryDirectory(prefix="artreview-upload-bench-") as tmp:
        work = Path(tmp)
        path = work / "take.bin"
        _write_file(path, size)
        server, info = _start_store(work / "store")
        try:
            results = {
                "curl": _curl(info, path),
                "ours": _run_child("ours", info, path, work),
                "oss2": _run_child("oss2", info, path, work),
            }
        finally:
            server.terminate()
            server.wait(timeout=30)
    for result in results.values():
        result["mb_s"] = round(size / (1 << 20) / result["seconds"], 1)
    base = results["curl"]["mb_s"]
    ours = results["ours"]
    ours["parts_mb_s"] = round(size / (1 << 20) / ours["parts_seconds"], 1)
    ours["parts_ratio_to_curl"] = round(ours["parts_mb_s"] / base, 2)
    return {
        "size_mb": size_mb, "part_size_mb": PART_SIZE >> 20, "threads": THREADS, "cpus": os.cpu_count(),
        "ours": {**results["ours"], "ratio_to_curl": round(results["ours"]["mb_s"] / base, 2)},
        "oss2_resumable_upload": {**results["oss2"], "ratio_to_curl": round(results["oss2"]["mb_s"] / base, 2)},
        "curl_single_put": results["curl"],
        "target_met": results["ours"]["mb_s"] >= 0.9 * base,
    }


def _table(report: dict[str, Any]) -> str:
    rows = [("(a) ours, integrity on", report["ours"]), ("(b) oss2.resumable_upload", report["oss2_resumable_upload"]),
            ("(c) curl -T (one PUT)", report["curl_single_put"])]
    lines = [f"Upload of {report['size_mb']} MB to the reference store on 127.0.0.1 "
             f"({report['threads']} threads, {report['part_size_mb']} MiB parts, {report['cpus']} CPUs)",
             f"{'sender':<28}{'seconds':>9}{'MB/s':>9}{'vs curl':>9}"]
    for name, row in rows:
        ratio = f"{row['ratio_to_curl']:.2f}x" if "ratio_to_curl" in row else "1.00x"
        lines.append(f"{name:<28}{row['seconds']:>9.2f}{row['mb_s']:>9.1f}{ratio:>9}")
    ours = report["ours"]
    lines.append(f"(a) parts phase only: {ours['parts_seconds']:.2f} s, {ours['parts_mb_s']:.1f} MB/s "
                 f"({ours['parts_ratio_to_curl']:.2f}x curl); the store's Complete: {ours['complete_seconds']:.2f} s")
    lines.append(f"(a) peak resident memory: {report['ours']['peak_rss_mib']} MiB; "
                 f"target (a) >= 0.9x curl: {'met' if report['target_met'] else 'NOT met'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.upload", description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=512, help="file size in MiB (default 512)")
    parser.add_argument("--quick", action="store_true", help="a 24 MiB file (smoke test)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument("--child", choices=("ours", "oss2"), help=argparse.SUPPRESS)
    parser.add_argument("--child-info", help=argparse.SUPPRESS)
    parser.add_argument("--child-file", help=argparse.SUPPRESS)
    parser.add_argument("--child-dir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args)
    report = run(24 if args.quick else max(1, args.size_mb))
    print(json.dumps(report) if args.json else _table(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
