"""Where the uploader reads the bytes it sends: a plain file, or a sealed take decrypted on the fly.

The uploader only needs three things from a source: the identity that guards a checkpoint
(size of the bytes sent, modification time of the file on disk, SHA-256), and a fresh seekable
reader per part thread. A plain file is simply `open(path, "rb")`, exactly as before the
abstraction existed, so plain uploads pay nothing for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from artreview_desktop.core.upload.checkpoint import FileIdentity


class Readable(Protocol):
    """The part of a binary file object a part body reads through."""

    def seek(self, offset: int, whence: int = ..., /) -> int: ...

    def read(self, size: int = ..., /) -> bytes: ...

    def close(self) -> None: ...


class UploadSource(Protocol):
    """The bytes to upload; `path` is the file on disk (for messages and change detection)."""

    @property
    def path(self) -> Path: ...

    def identity(self, sha256: str | None = None) -> FileIdentity:
        """Size of the bytes to send and the on-disk file's mtime; raises FileNotFoundError if gone."""
        ...

    def open(self) -> Readable:
        """A new reader (one per thread: readers keep a position)."""
        ...


@dataclass(frozen=True)
class FileSource:
    """A plain file, uploaded as it is."""

    path: Path

    def identity(self, sha256: str | None = None) -> FileIdentity:
        return FileIdentity.of(self.path, sha256)

    def open(self) -> Readable:
        return open(self.path, "rb")


def as_source(value: Path | str | UploadSource) -> UploadSource:
    """Paths (what callers passed before sources existed) become plain file sources."""
    if isinstance(value, str | Path):
        return FileSource(Path(value))
    return value
