"""`artreview photo`: make a standard ID photo from a photo file, headless.

`artreview photo INPUT --spec NAME --out FILE [--background COLOUR|keep]` writes the JPEG and prints
one JSON line (size, bytes, the face in the output, every check with its value and range);
`artreview photo --list-specs` prints one spec a line, its name first.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from artreview_desktop.cli.common import EXIT_USAGE, CliError
from artreview_desktop.core.fileutil import atomic_write_bytes
from artreview_desktop.core.photo import (
    BUILTIN_SPECS,
    COLOURS,
    PhotoError,
    PhotoMaker,
    PhotoSpec,
    SpecError,
    encode_jpeg,
    get_spec,
    read_image_file,
    spec_from_dict,
)
from artreview_desktop.core.photo.specs import parse_colour

EXIT_BAD_PHOTO = 3


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("photo", help="make a standard ID photo from a photo file")
    parser.add_argument("input", nargs="?", type=Path, help="the photo (JPEG, PNG, WebP or BMP)")
    parser.add_argument(
        "--spec", default="id-card", help="a spec name (see --list-specs) or a JSON file of an exam's spec"
    )
    parser.add_argument("--out", type=Path, help="the JPEG to write")
    parser.add_argument(
        "--background", help=f"{', '.join(COLOURS)}, #RRGGBB, or 'keep' (default: the spec's colour)"
    )
    parser.add_argument("--list-specs", action="store_true", help="list the known specs and exit")
    parser.set_defaults(handler=run)


def _spec(text: str) -> PhotoSpec:
    if text in BUILTIN_SPECS:
        return BUILTIN_SPECS[text]
    path = Path(text)
    if path.suffix == ".json" and path.is_file():
        try:
            return spec_from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise CliError(f"cannot read the spec file: {exc}", EXIT_USAGE) from None
        except SpecError as exc:
            raise CliError(f"bad spec: {exc}", EXIT_USAGE) from None
    try:
        return get_spec(text)
    except SpecError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None


def run(args: argparse.Namespace) -> dict[str, Any]:
    if args.list_specs:
        for spec in BUILTIN_SPECS.values():
            print(f"{spec.name}\t{spec.size_text}\t{spec.label}")
        sys.stdout.flush()
        return {"specs": list(BUILTIN_SPECS)}
    if args.input is None or args.out is None:
        raise CliError("INPUT and --out are required (or use --list-specs)", EXIT_USAGE)
    spec = _spec(args.spec)
    background: tuple[int, int, int] | None
    if args.background == "keep":
        background = None
    else:
        try:
            background = parse_colour(args.background) if args.background else spec.background_bgr
        except SpecError as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
    try:
        image = read_image_file(args.input)
        photo = PhotoMaker().make(image, spec, background)
    except PhotoError as exc:
        raise CliError(f"{args.input.name}: {exc}", EXIT_BAD_PHOTO) from None
    encoded = encode_jpeg(photo.image, spec)
    try:
        atomic_write_bytes(args.out, encoded.data)
    except OSError as exc:
        raise CliError(f"cannot write {args.out}: {exc.strerror}") from None
    checks = {check.name: check.as_json() for check in [*photo.checks, encoded.check]}
    face = photo.measure.face
    return {
        "spec": spec.name,
        "width": spec.width,
        "height": spec.height,
        "dpi": spec.dpi,
        "bytes": len(encoded.data),
        "quality": encoded.quality,
        "out": str(args.out),
        "face": face.as_dict() if face else None,
        "ok": all(check["ok"] for check in checks.values()),
        "checks": checks,
    }
