"""Release signing for in-app updates: make a key pair, or sign a package's manifest.

    python -m artreview_desktop.tools.update_sign keygen release-2027 --out-dir keys/
        writes release-2027.key (private: keep it offline, never in the repository) and
        release-2027.pub (public: copy it to resources/update-keys/).
    python -m artreview_desktop.tools.update_sign sign PACKAGE --key keys/release-2027.key \\
        --platform linux --version 0.2.0 --kind linux-bundle-tar.gz [--notes-zh … --notes-en …]
        prints the signed manifest (JSON) that the platform serves at GET /app/latest; the
        platform adds the download `url`.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from artreview_desktop.core.update import KINDS, MANIFEST_FORMAT, sign_manifest


def keygen(key_id: str, out_dir: Path) -> tuple[Path, Path]:
    key = Ed25519PrivateKey.generate()
    raw_public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    out_dir.mkdir(parents=True, exist_ok=True)
    private_path, public_path = out_dir / f"{key_id}.key", out_dir / f"{key_id}.pub"
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
    public_path.write_text(f"# ArtReview update key {key_id}\n{base64.b64encode(raw_public).decode()}\n", "ascii")
    return private_path, public_path


def sign(package: Path, key_path: Path, *, platform: str, version: str, kind: str, notes: dict[str, str],
         mandatory: bool = False) -> dict[str, object]:
    key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise SystemExit("the key is not an Ed25519 private key")
    if kind not in KINDS.get(platform, ()):
        raise SystemExit(f"kind must be one of {KINDS.get(platform)} for {platform}")
    data = package.read_bytes()
    fields = {"format": MANIFEST_FORMAT, "platform": platform, "version": version, "file_name": package.name,
              "kind": kind, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "notes": notes,
              "mandatory": mandatory}
    return sign_manifest(fields, key, key_path.stem)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="update_sign", description="Sign ArtReview update packages.")
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("keygen", help="make an Ed25519 key pair")
    make.add_argument("key_id")
    make.add_argument("--out-dir", type=Path, default=Path("."))
    signer = commands.add_parser("sign", help="print the signed manifest of a package")
    signer.add_argument("package", type=Path)
    signer.add_argument("--key", type=Path, required=True, help="<key_id>.key (its file name is the key id)")
    signer.add_argument("--platform", choices=sorted(KINDS), required=True)
    signer.add_argument("--version", required=True)
    signer.add_argument("--kind", required=True)
    signer.add_argument("--notes-zh", default="")
    signer.add_argument("--notes-en", default="")
    signer.add_argument("--mandatory", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "keygen":
        for path in keygen(args.key_id, args.out_dir):
            print(path)
        return 0
    notes = {k: v for k, v in (("zh_CN", args.notes_zh), ("en", args.notes_en)) if v}
    manifest = sign(args.package, args.key, platform=args.platform, version=args.version, kind=args.kind,
                    notes=notes, mandatory=args.mandatory)
    json.dump(manifest, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
