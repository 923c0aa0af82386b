"""`artreview`: headless commands over the same core as the GUI.

Each subcommand lives in its own module with `register(subparsers)`; the module's handler returns
a dict that becomes the one-line JSON printed last on stdout. Errors end as one clear line on
stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from artreview_desktop import __version__
from artreview_desktop.cli.common import EXIT_FAILURE, EXIT_USAGE, CliError

log = logging.getLogger(__name__)

#: Modules under artreview_desktop.cli that each add one subcommand.
COMMAND_MODULES = ("record", "upload", "photo")


class OneLineArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (exit 2), as the interface promises."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineArgumentParser(prog="artreview", description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--version", action="version", version=f"artreview {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=OneLineArgumentParser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"artreview_desktop.cli.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        result: dict[str, Any] = args.handler(args)
    except CliError as exc:
        print(f"artreview {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"artreview {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the promise is one line, not a traceback
        log.debug("unexpected failure", exc_info=True)
        print(f"artreview {args.command}: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    sys.stdout.write(json.dumps(result, ensure_ascii=False, separators=(", ", ": ")) + "\n")
    sys.stdout.flush()
    return 0
