"""`artreview upload FILE --key KEY`: a resumable, verified upload to OSS, like `ossutil cp`.

Two ways to get credentials: the logged-in platform (`--exam`, tokens from the OS keyring, the
platform URL from settings or `--api-url`), or direct keys (`--endpoint --bucket --access-key-id
--access-key-secret [--security-token]`). Re-running the same command after a crash or a kill
resumes: the checkpoint's name comes from the file's identity, the key and the bucket.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import threading
from pathlib import Path
from typing import Any

from artreview_desktop.cli.common import EXIT_USAGE, CliError
from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.platform.errors import PlatformError
from artreview_desktop.core.platform.models import SubmissionManifest
from artreview_desktop.core.settings import MAINLAND_CHINA_OSS_REGIONS, SettingsStore
from artreview_desktop.core.upload.auth import IssuedCredentials, RefreshingCredentialsProvider, static_provider
from artreview_desktop.core.upload.checkpoint import CheckpointStore
from artreview_desktop.core.upload.errors import UploadError
from artreview_desktop.core.upload.transfer import RetryPolicy
from artreview_desktop.core.upload.uploader import (
    DEFAULT_PART_SIZE,
    MIN_PART_SIZE,
    ResumableUploader,
    UploadOptions,
    UploadProgress,
    UploadTarget,
)

_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def _part_size(text: str) -> int:
    clean = text.strip().lower().removesuffix("ib").removesuffix("b")
    unit = clean[-1:] if clean[-1:] in _UNITS and clean[-1:] else ""
    try:
        value = int(float(clean[: len(clean) - len(unit)]) * _UNITS[unit])
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 8M or 1048576)") from None
    if not MIN_PART_SIZE <= value <= 5 << 30:
        raise argparse.ArgumentTypeError(f"part size must be between 100K and 5G, not {text}")
    return value


def _int_range(low: int, high: int) -> Any:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is out of range ({low}..{high})")
        return value

    return parse


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("upload", help="upload a file to OSS, resumably, with CRC-64 checks")
    parser.add_argument("file", type=Path, help="the file to upload")
    parser.add_argument("--key", required=True, help="object key (in platform mode, under the exam's prefix)")
    platform = parser.add_argument_group("platform mode (the logged-in candidate)")
    platform.add_argument("--exam", help="exam id the upload belongs to")
    platform.add_argument("--api-url", help="platform API URL (default: settings general.platform_url)")
    platform.add_argument("--submit", action="store_true",
                          help="after the upload, submit the take's manifest for the platform to verify")
    direct = parser.add_argument_group("direct mode (keys given on the command line, like ossutil)")
    direct.add_argument("--endpoint", help="OSS endpoint URL, e.g. https://oss-cn-hangzhou.aliyuncs.com")
    direct.add_argument("--bucket")
    direct.add_argument("--access-key-id")
    direct.add_argument("--access-key-secret")
    direct.add_argument("--security-token", default="")
    parser.add_argument("--part-size", type=_part_size, default=DEFAULT_PART_SIZE, help="e.g. 8M (default)")
    parser.add_argument("--threads", type=_int_range(1, 32), default=4, help="parts in parallel (default 4)")
    parser.add_argument("--limit-kib", type=_int_range(0, 1 << 30), default=0, help="bandwidth limit, KiB/s")
    parser.add_argument("--retries", type=_int_range(1, 100), default=6, help="tries per request (default 6)")
    parser.add_argument("--checkpoint-dir", type=Path, help="default: the app's data folder")
    parser.add_argument("--allow-loopback", action="store_true",
                        help="allow a store on this machine (demo platform and tests only)")
    parser.set_defaults(handler=run)


def _validate_key(key: str) -> None:
    if not key or key.startswith("/") or "\\" in key or len(key.encode("utf-8")) > 1023 or "\x00" in key:
        raise CliError(f"invalid object key {key!r}: 1..1023 bytes, no leading '/', no backslash",
                       EXIT_USAGE)


def _sha256_in_background(path: Path) -> tuple[threading.Thread, dict[str, str]]:
    """The file's SHA-256 (for the report), read alongside the upload (hashlib releases the GIL)."""
    out: dict[str, str] = {}

    def work() -> None:
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            while chunk := f.read(4 << 20):
                digest.update(chunk)
        out["sha256"] = digest.hexdigest()

    thread = threading.Thread(target=work, daemon=True, name="artreview-sha256")
    thread.start()
    return thread, out


def _manifest(path: Path) -> dict[str, Any] | None:
    # Imported here: the capture package loads PyAV and OpenCV, which an upload does not need.
    from artreview_desktop.core.capture.manifest import manifest_path_for

    try:
        data: dict[str, Any] = json.loads(manifest_path_for(path).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and "sha256" in data else None


def run(args: argparse.Namespace) -> dict[str, Any]:
    path: Path = args.file
    _validate_key(args.key)
    if not path.is_file():
        raise CliError(f"no such file: {path}" if not path.exists() else f"not a regular file: {path}")
    direct = [args.endpoint, args.bucket, args.access_key_id, args.access_key_secret]
    if any(direct) and args.exam:
        raise CliError("use either --exam (platform mode) or --endpoint/--bucket/keys (direct mode), not both",
                       EXIT_USAGE)
    paths = AppPaths.default()
    settings = SettingsStore(paths.settings_file).load().settings
    client = None
    if any(direct):
        if not all(direct):
            raise CliError("direct mode needs --endpoint, --bucket, --access-key-id and --access-key-secret",
                           EXIT_USAGE)
        provider = static_provider(args.access_key_id, args.access_key_secret, args.security_token)
        target = UploadTarget(args.endpoint, args.bucket, args.key)
    elif args.exam:
        client, provider, target = _platform_mode(args, settings.general.platform_url)
    else:
        raise CliError("say where to upload: --exam EXAM_ID (logged-in platform) or --endpoint/--bucket/keys",
                       EXIT_USAGE)
    manifest = _manifest(path)
    if manifest is not None and int(manifest.get("bytes", -1)) != path.stat().st_size:
        raise CliError(f"{path.name} differs from its manifest (size changed since recording)")
    hasher, hashed = (None, {"sha256": str(manifest["sha256"])}) if manifest else _sha256_in_background(path)
    regions = tuple(settings.upload.allowed_regions) or MAINLAND_CHINA_OSS_REGIONS
    options = UploadOptions(part_size=args.part_size, threads=args.threads,
                            bandwidth_limit_bytes_s=args.limit_kib * 1024, retry=RetryPolicy(attempts=args.retries,
                                                                                               cap_s=8.0),
                            allowed_regions=tuple(regions), allow_loopback=args.allow_loopback)
    checkpoints = CheckpointStore(args.checkpoint_dir or paths.data_dir / "upload-checkpoints")
    uploader = ResumableUploader(provider, checkpoints, options)
    try:
        # Only the manifest's SHA-256 joins the file identity: the background hash may or may not be
        # ready at this point, and a re-run must find the same checkpoint.
        outcome = uploader.upload(path, target, sha256=str(manifest["sha256"]) if manifest else None,
                                  progress=_print_progress if args.verbose else None)
    except UploadError as exc:
        hint = " (a store on this machine needs --allow-loopback)" if exc.reason == "endpoint_not_allowed" and \
            "loopback" in str(exc) else ""
        raise CliError(f"{exc}{hint} [{exc.reason}]") from None
    except PlatformError as exc:
        raise CliError(f"platform: {exc.message}") from None
    finally:
        uploader.close()
    if hasher is not None:
        hasher.join()
    result: dict[str, Any] = {**outcome.to_json(), "sha256": hashed.get("sha256", "")}
    if args.submit and client is not None:
        result["submission"] = _submit(client, args.exam, outcome.key, outcome.bytes, outcome.crc64, result,
                                       manifest)
    return result


def _print_progress(progress: UploadProgress) -> None:
    print(f"progress {progress.phase} {progress.bytes_done} {progress.bytes_total} "
          f"{progress.parts_done} {progress.parts_total}", file=sys.stderr, flush=True)


def _platform_mode(args: argparse.Namespace, configured_url: str) -> tuple[Any, RefreshingCredentialsProvider,
                                                                          UploadTarget]:
    from artreview_desktop.core.platform.client import PlatformClient
    from artreview_desktop.core.platform.tokens import KeyringTokenStore, TokenStoreError

    api_url = args.api_url or configured_url
    if not api_url:
        raise CliError("no platform URL: pass --api-url or set general.platform_url in the settings", EXIT_USAGE)
    tokens = KeyringTokenStore(api_url)
    try:
        logged_in = tokens.load() is not None
    except TokenStoreError as exc:
        raise CliError(f"cannot read the login from the OS keyring: {exc}") from None
    if not logged_in:
        raise CliError("not logged in to the platform: log in with the app first")
    client = PlatformClient(api_url, tokens)
    exam_id: str = args.exam

    def fetch() -> IssuedCredentials:
        return IssuedCredentials.from_platform(client.upload_credentials(exam_id))

    provider = RefreshingCredentialsProvider(fetch)
    try:
        first = provider.current()
    except PlatformError as exc:
        raise CliError(f"platform: {exc.message}") from None
    key = args.key if args.key.startswith(first.key_prefix) else first.key_prefix + args.key
    return client, provider, UploadTarget(first.endpoint, first.bucket, key)


def _submit(client: Any, exam_id: str, key: str, size: int, crc: int, result: dict[str, Any],
            manifest: dict[str, Any] | None) -> dict[str, Any]:
    if manifest is None:
        raise CliError("--submit needs the take's manifest next to the file (written by the recorder)")
    stats: dict[str, Any] = {k: manifest[k] for k in ("frames", "audio", "width", "height", "fps") if k in manifest}
    try:
        answer = client.submit(exam_id, SubmissionManifest(key, size, result["sha256"], crc,
                                                           float(manifest.get("duration_s", 0.0)), stats))
    except PlatformError as exc:
        raise CliError(f"uploaded, but the platform could not verify it: {exc.message}") from None
    if not answer.accepted:
        raise CliError(f"uploaded, but the platform rejected it: {', '.join(answer.mismatches)}")
    return {"submission_id": answer.submission_id, "accepted": True}
