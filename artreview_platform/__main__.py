"""`artreview-platform serve`: the reference platform and store as a standalone process.

Prints one JSON line (api_url, oss_endpoint, bucket, and with --dev-credentials a development
key pair) on stdout, then serves until SIGTERM or SIGINT and exits 0.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from artreview_desktop.core.privacy.redact import redact
from artreview_platform.embedded import EmbeddedPlatform


class RedactingFormatter(logging.Formatter):
    """Last line of defence: whatever a library logs, numbers, codes and keys are masked."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="artreview-platform", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the platform API and the OSS-protocol store")
    serve.add_argument("--data", type=Path, required=True, help="data folder (database, objects, secrets)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=0, help="API port (0: any free port)")
    serve.add_argument("--oss-port", type=int, default=0, help="store port (0: any free port)")
    serve.add_argument("--dev-credentials", action="store_true",
                       help="accept, and print, a long-term development key pair with full bucket access")
    serve.add_argument("--log-level", default="INFO")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=args.log_level.upper(), handlers=[handler])
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    platform = EmbeddedPlatform(args.data, dev_credentials=args.dev_credentials, host=args.host,
                                api_port=args.port, oss_port=args.oss_port)
    try:
        print(json.dumps(platform.describe()), flush=True)
        while not stop.wait(1.0):
            pass
    finally:
        platform.stop()
    logging.getLogger("artreview_platform").info("stopped cleanly")
    return 0


if __name__ == "__main__":
    sys.exit(main())
