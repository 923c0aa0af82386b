"""Making an exam centre's signed configuration (for the centre's administrators).

python -m artreview_desktop.tools.centre_config keygen PRIVATE.pem PUBLIC.pub
python -m artreview_desktop.tools.centre_config sign --key PRIVATE.pem --pin-file PINFILE IN.json OUT.json

IN.json holds the configuration body (centre_id, centre_name, platform_url, kiosk.idle_timeout_s,
allowed_cameras, allowed_microphones, exam_settings); `sign` adds the admin PIN's scrypt hash (the
PIN is read from PINFILE, never from the command line) and the Ed25519 signature. The app trusts
the public keys in resources/centre-keys/.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from artreview_desktop.core.fileutil import atomic_write_bytes, atomic_write_json
from artreview_desktop.core.kiosk import hash_pin, new_private_key_pem, sign_config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m artreview_desktop.tools.centre_config")
    commands = parser.add_subparsers(dest="command", required=True)
    keygen = commands.add_parser("keygen")
    keygen.add_argument("private", type=Path)
    keygen.add_argument("public", type=Path)
    sign = commands.add_parser("sign")
    sign.add_argument("--key", type=Path, required=True)
    sign.add_argument("--pin-file", type=Path, required=True)
    sign.add_argument("body", type=Path)
    sign.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "keygen":
        pem = new_private_key_pem()
        atomic_write_bytes(args.private, pem, mode=0o600)
        key = serialization.load_pem_private_key(pem, password=None)
        public = key.public_key().public_bytes(serialization.Encoding.PEM,
                                               serialization.PublicFormat.SubjectPublicKeyInfo)
        atomic_write_bytes(args.public, public, mode=0o644)
        return 0
    key = serialization.load_pem_private_key(args.key.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        print("the key is not an Ed25519 private key", file=sys.stderr)
        return 2
    body = json.loads(args.body.read_text(encoding="utf-8"))
    body["admin_pin_hash"] = hash_pin(args.pin_file.read_text(encoding="utf-8").strip())
    atomic_write_json(args.out, sign_config(body, key), mode=0o644)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
