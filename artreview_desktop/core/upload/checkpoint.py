"""Per-upload checkpoints: what has safely reached the store, rewritten atomically after every part.

A checkpoint is only trusted for the exact same file (size, mtime, SHA-256 when known), key,
bucket, endpoint and part size. Anything unreadable or foreign is moved aside (never silently
reused, never deleted: it may help someone debug) and the upload starts afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from artreview_desktop.core.fileutil import atomic_write_json

CHECKPOINT_VERSION = 1


@dataclass(frozen=True)
class FileIdentity:
    """What must not change between the first attempt and a resume."""

    size: int
    mtime_ns: int
    sha256: str | None = None

    @classmethod
    def of(cls, path: Path, sha256: str | None = None) -> FileIdentity:
        info = os.stat(path)
        return cls(info.st_size, info.st_mtime_ns, sha256)


@dataclass(frozen=True)
class PartRecord:
    number: int
    etag: str
    crc64: int
    size: int


@dataclass
class Checkpoint:
    endpoint: str
    bucket: str
    key: str
    identity: FileIdentity
    part_size: int
    upload_id: str = ""
    parts: dict[int, PartRecord] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": CHECKPOINT_VERSION, "endpoint": self.endpoint, "bucket": self.bucket, "key": self.key,
            "identity": asdict(self.identity), "part_size": self.part_size, "upload_id": self.upload_id,
            "parts": [{**asdict(p), "crc64": str(p.crc64)} for p in sorted(self.parts.values(),
                                                                         key=lambda p: p.number)],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Checkpoint:
        if data.get("version") != CHECKPOINT_VERSION:
            raise ValueError(f"unknown checkpoint version {data.get('version')!r}")
        ident = data["identity"]
        identity = FileIdentity(int(ident["size"]), int(ident["mtime_ns"]),
                                None if ident.get("sha256") is None else str(ident["sha256"]))
        parts = {}
        for item in data["parts"]:
            record = PartRecord(int(item["number"]), str(item["etag"]), int(item["crc64"]), int(item["size"]))
            parts[record.number] = record
        return cls(str(data["endpoint"]), str(data["bucket"]), str(data["key"]), identity,
                   int(data["part_size"]), str(data["upload_id"]), parts)

    def matches(self, other: Checkpoint) -> bool:
        """Same upload target, same file, same part layout (the parts themselves may differ)."""
        return (self.endpoint, self.bucket, self.key, self.identity, self.part_size) == (
            other.endpoint, other.bucket, other.key, other.identity, other.part_size)


def checkpoint_path(folder: Path, endpoint: str, bucket: str, key: str, identity: FileIdentity) -> Path:
    """Derived from the target and the file, so re-running the same command finds its checkpoint."""
    text = json.dumps([endpoint.rstrip("/"), bucket, key, identity.size, identity.mtime_ns, identity.sha256])
    return Path(folder) / (hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + ".json")


class CheckpointStore:
    """Loads and saves checkpoints in one folder (the app's data folder in production)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path_for(self, fresh: Checkpoint) -> Path:
        return checkpoint_path(self.folder, fresh.endpoint, fresh.bucket, fresh.key, fresh.identity)

    def load(self, fresh: Checkpoint) -> tuple[Checkpoint, str]:
        """The saved checkpoint for this upload if it is ours and readable, else `fresh`.

        The second value says what happened: "none", "resumed", "corrupt" or "foreign".
        """
        path = self.path_for(fresh)
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            return fresh, "none"
        except (OSError, ValueError):
            self._set_aside(path)
            return fresh, "corrupt"
        try:
            saved = Checkpoint.from_json(data)
        except (KeyError, TypeError, ValueError, AttributeError):
            self._set_aside(path)
            return fresh, "corrupt"
        if not saved.matches(fresh):
            self._set_aside(path)
            return fresh, "foreign"
        return saved, "resumed"

    def save(self, checkpoint: Checkpoint) -> None:
        atomic_write_json(self.path_for(checkpoint), checkpoint.to_json())

    def remove(self, checkpoint: Checkpoint) -> None:
        self.path_for(checkpoint).unlink(missing_ok=True)

    @staticmethod
    def _set_aside(path: Path) -> None:
        try:
            os.replace(path, path.with_name(path.name + ".rejected"))
        except OSError:
            pass
