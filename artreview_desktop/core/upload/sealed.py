"""Sealed takes: a finished take encrypted at rest with its own key until the platform verified it.

On an exam-centre machine the next candidate sits at the same computer, so a take waiting in the
upload queue must be unreadable without the key, which lives only in the OS keyring
(`takekeys`). Deleting that key destroys the take even where the disk keeps old blocks.

File format (version 1)::

    header  48 bytes  magic "ARSEALED", version, 3 zero bytes, chunk size (u32),
                      plaintext size (u64), seal id (16 bytes), nonce prefix (8 bytes)
    chunks            the plaintext in `chunk size` pieces (the last may be shorter; an empty
                      take has one empty chunk), each AES-256-GCM sealed: ciphertext + 16-byte tag

Chunk i uses nonce = prefix || i (u32, big-endian) and the whole header as associated data, so
a changed header, a swapped, altered or missing chunk fails authentication, and the expected file
size follows from the (authenticated) header, so truncation and appended bytes are refused too.

Why chunked AES-GCM rather than AES-CTR + one HMAC: the uploader reads arbitrary part ranges in
parallel and on resume; with one HMAC over the whole file a range cannot be authenticated without
reading everything, so tampering would only show after the bytes were sent (or cost a full extra
pass per attempt). With per-chunk tags every byte handed to the uploader has been authenticated,
at 16 bytes per 64 KiB and about 2 GB/s with AES-NI.
"""

from __future__ import annotations

import glob
import hashlib
import io
import json
import logging
import os
import secrets
import struct
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from artreview_desktop.core.capture.manifest import manifest_path_for
from artreview_desktop.core.fileutil import fsync_dir
from artreview_desktop.core.privacy.deletion import overwrite_and_unlink
from artreview_desktop.core.upload.checkpoint import FileIdentity
from artreview_desktop.core.upload.errors import (
    FileChangedError,
    KeyMissingError,
    KeyStoreError,
    SealedTakeError,
)
from artreview_desktop.core.upload.takekeys import TakeKeys

log = logging.getLogger(__name__)

MAGIC = b"ARSEALED"
VERSION = 1
CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
MIN_CHUNK_SIZE, MAX_CHUNK_SIZE = 4096, 16 << 20
_HEADER = struct.Struct(">8sB3xIQ16s8s")
HEADER_SIZE = _HEADER.size
SEALED_SUFFIX = ".sealed"
WIPE_SUFFIX = ".wipe"  # a plaintext renamed for wiping: the sealed copy is complete and is the take now
_BATCH = 16  # chunks decrypted per file read (1 MiB): bounded memory, few system calls
_MAX_SMALL = 16 << 20


def sealed_path_for(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + SEALED_SUFFIX)


@dataclass(frozen=True)
class SealHeader:
    chunk_size: int
    plaintext_size: int
    seal_id: str  # hex; names the key in the keyring
    nonce_prefix: bytes

    @property
    def raw(self) -> bytes:
        return _HEADER.pack(MAGIC, VERSION, self.chunk_size, self.plaintext_size, bytes.fromhex(self.seal_id),
                            self.nonce_prefix)

    @property
    def chunks(self) -> int:
        return max(1, -(-self.plaintext_size // self.chunk_size))

    @property
    def sealed_size(self) -> int:
        return HEADER_SIZE + self.plaintext_size + self.chunks * TAG_SIZE

    def chunk_length(self, index: int) -> int:
        return max(0, min(self.chunk_size, self.plaintext_size - index * self.chunk_size))

    def nonce(self, index: int) -> bytes:
        return self.nonce_prefix + index.to_bytes(4, "big")

    @classmethod
    def parse(cls, data: bytes, name: str) -> SealHeader:
        if len(data) < HEADER_SIZE:
            raise SealedTakeError(f"{name} is truncated: its header is incomplete")
        magic, version, chunk_size, size, seal_id, prefix = _HEADER.unpack(data[:HEADER_SIZE])
        if magic != MAGIC:
            raise SealedTakeError(f"{name} is not a sealed take")
        if version != VERSION:
            raise SealedTakeError(f"{name} is a sealed take of an unknown version ({version})")
        if data[9:12] != b"\0\0\0" or not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE or \
                -(-size // chunk_size) >= 1 << 32:
            raise SealedTakeError(f"{name} has a damaged header")
        return cls(chunk_size, size, seal_id.hex(), prefix)

    def check_size(self, actual: int, name: str) -> None:
        if actual < self.sealed_size:
            raise SealedTakeError(f"{name} is truncated ({actual} of {self.sealed_size} bytes)")
        if actual > self.sealed_size:
            raise SealedTakeError(f"{name} has {actual - self.sealed_size} bytes too many")


def read_header(path: Path) -> tuple[SealHeader, os.stat_result]:
    """The header of a sealed file, checked against the file's size (FileNotFoundError if gone)."""
    path = Path(path)
    with open(path, "rb") as f:
        info = os.fstat(f.fileno())
        header = SealHeader.parse(f.read(HEADER_SIZE), path.name)
    header.check_size(info.st_size, path.name)
    return header, info


# --- writing ------------------------------------------------------------------------------------

def _read_exactly(stream: BinaryIO, count: int) -> bytes:
    data = stream.read(count)
    while 0 < len(data) < count:  # regular files return short reads only at the end; pipes may not
        more = stream.read(count - len(data))
        if not more:
            break
        data += more
    return data


def _write_sealed(dest: Path, stream: BinaryIO, size: int, key: bytes, seal_id: str, chunk_size: int) -> str:
    """Encrypt `size` bytes from `stream` to `dest` (temp + fsync + rename); returns their SHA-256."""
    header = SealHeader(chunk_size, size, seal_id, secrets.token_bytes(8))
    aad = header.raw
    aead = AESGCM(key)
    digest = hashlib.sha256()
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)  # mode 0600
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(aad)
            for index in range(header.chunks):
                want = header.chunk_length(index)
                block = _read_exactly(stream, want)
                if len(block) != want:
                    raise FileChangedError(f"{dest.name}: the file got shorter while it was being sealed")
                digest.update(block)
                out.write(aead.encrypt(header.nonce(index), block, aad))
            if stream.read(1):
                raise FileChangedError(f"{dest.name}: the file grew while it was being sealed")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)  # ciphertext only
        raise
    fsync_dir(dest.parent)
    return digest.hexdigest()


def seal_file(src: Path, dest: Path, key: bytes, seal_id: str, *, chunk_size: int = CHUNK_SIZE) -> str:
    """Seal `src` into `dest` with `key`, streaming; returns the plaintext's SHA-256. `src` is kept."""
    with open(src, "rb") as stream:
        return _write_sealed(Path(dest), stream, os.fstat(stream.fileno()).st_size, key, seal_id, chunk_size)


# --- reading ------------------------------------------------------------------------------------

class SealedReader:
    """A read-only, seekable file object over a sealed file's plaintext; one per thread.

    Only the chunks a read touches are read and authenticated, so parts can be read in any
    order; the last chunk is cached because part bodies read in blocks that split chunks.
    """

    def __init__(self, path: Path, key: bytes) -> None:
        self.path = Path(path)
        self._file = open(self.path, "rb", buffering=0)  # noqa: SIM115 (closed in close())
        try:
            self.header = SealHeader.parse(self._file.read(HEADER_SIZE), self.path.name)
            self.header.check_size(os.fstat(self._file.fileno()).st_size, self.path.name)
            self._aead = AESGCM(key)
        except BaseException:
            self._file.close()
            raise
        self._aad = self.header.raw
        self._pos = 0
        self._cached: tuple[int, bytes] | None = None

    @property
    def size(self) -> int:
        return self.header.plaintext_size

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET, /) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self.size}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._pos = base + offset
        return self._pos

    def read(self, size: int = -1, /) -> bytes:
        start = self._pos
        end = self.size if size < 0 else min(self.size, start + size)
        if end <= start:
            return b""
        step = self.header.chunk_size
        pieces: list[memoryview] = []
        for index, plain in self._chunks(start // step, (end - 1) // step):
            base = index * step
            pieces.append(memoryview(plain)[max(0, start - base):end - base])
        self._pos = end
        return b"".join(pieces)

    def _chunks(self, first: int, last: int) -> list[tuple[int, bytes]]:
        out: list[tuple[int, bytes]] = []
        if self._cached is not None and self._cached[0] == first:
            out.append(self._cached)
            first += 1
        stride = self.header.chunk_size + TAG_SIZE
        while first <= last:
            count = min(_BATCH, last - first + 1)
            expected = sum(self.header.chunk_length(i) + TAG_SIZE for i in range(first, first + count))
            self._file.seek(HEADER_SIZE + first * stride)
            data = self._file.read(expected)
            if len(data) != expected:
                raise SealedTakeError(f"{self.path.name} got shorter while it was being read")
            view, at = memoryview(data), 0
            for index in range(first, first + count):
                length = self.header.chunk_length(index) + TAG_SIZE
                out.append((index, self._open_chunk(index, view[at:at + length])))
                at += length
            first += count
        if out:
            self._cached = out[-1]
        return out

    def _open_chunk(self, index: int, sealed: memoryview) -> bytes:
        try:
            return self._aead.decrypt(self.header.nonce(index), sealed, self._aad)
        except InvalidTag:
            start = index * self.header.chunk_size
            raise SealedTakeError(
                f"{self.path.name}: bytes {start}..{start + self.header.chunk_length(index)} fail authentication "
                "(the sealed take was altered, or this is not its key)") from None

    def close(self) -> None:
        self._file.close()
        self._cached = None

    def __enter__(self) -> SealedReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def sealed_sha256(path: Path, key: bytes) -> str:
    """Authenticate every chunk of a sealed file; returns the SHA-256 of its plaintext."""
    digest = hashlib.sha256()
    with SealedReader(path, key) as reader:
        while block := reader.read(_BATCH * reader.header.chunk_size):
            digest.update(block)
    return digest.hexdigest()


def read_sealed_bytes(path: Path, key: bytes) -> bytes:
    """The whole plaintext of a small sealed file (a manifest)."""
    with SealedReader(path, key) as reader:
        if reader.size > _MAX_SMALL:
            raise SealedTakeError(f"{reader.path.name} is too large to read at once")
        return reader.read()


@dataclass(frozen=True)
class SealedSource:
    """A sealed take as an upload source: the uploader sees (and the store receives) the plaintext.

    Its identity is the plaintext size with the sealed file's mtime (and the SHA-256 the caller
    passes), so a checkpoint resumes only the same sealed file; `key` is needed to read, not for
    the identity (discarding a cancelled upload works without it).
    """

    path: Path
    key: bytes | None = field(default=None, repr=False)
    seal_id: str | None = None  # when given, the header must name it

    def header(self) -> tuple[SealHeader, os.stat_result]:
        header, info = read_header(self.path)
        if self.seal_id is not None and header.seal_id != self.seal_id:
            raise SealedTakeError(f"{self.path.name} was sealed with another key than its queue entry names")
        return header, info

    def identity(self, sha256: str | None = None) -> FileIdentity:
        header, info = self.header()
        return FileIdentity(header.plaintext_size, info.st_mtime_ns, sha256)

    def open(self) -> SealedReader:
        if self.key is None:
            raise KeyMissingError(f"no key to read {self.path.name}")
        return SealedReader(self.path, self.key)


# --- takes ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SealedTake:
    take_path: Path  # the plaintext's old path: the take's name, and where its sealed files are
    seal_id: str
    manifest: dict[str, Any] = field(repr=False)

    @property
    def sealed_path(self) -> Path:
        return sealed_path_for(self.take_path)

    @property
    def sealed_manifest_path(self) -> Path:
        return sealed_path_for(manifest_path_for(self.take_path))


def _parse_manifest(data: bytes, name: str) -> dict[str, Any]:
    value = json.loads(data.decode("utf-8"))
    if not isinstance(value, dict):
        raise ValueError(f"the manifest of {name} is not a JSON object")
    return value


def _wipe_path(path: Path) -> Path:
    return path.with_name(path.name + WIPE_SUFFIX)


def _wipe(path: Path) -> None:
    """Rename, then overwrite and unlink: after the rename (the commit) no restart re-seals it."""
    doomed = _wipe_path(path)
    try:
        os.replace(path, doomed)
    except FileNotFoundError:
        return
    fsync_dir(path.parent)
    overwrite_and_unlink(doomed)


def _forget(keys: TakeKeys, seal_id: str) -> None:
    try:
        keys.delete(seal_id)
    except KeyStoreError as exc:  # the ciphertext is gone or going; an orphan key opens nothing
        log.warning("could not remove a sealed take's key from the keyring: %s", exc)


def _partial_seal_files(take: Path) -> list[Path]:
    """Sealed outputs of a seal that never committed (the plaintext is still here)."""
    found = []
    for target in (sealed_path_for(take), sealed_path_for(manifest_path_for(take))):
        found.append(target)
        found += [Path(p) for p in glob.glob(os.path.join(glob.escape(str(target.parent)),
                                                          glob.escape(f".{target.name}.") + "*.tmp"))]
    return [p for p in found if p.exists()]


def _clean_partial_seal(take: Path, keys: TakeKeys) -> None:
    for path in _partial_seal_files(take):
        try:
            with open(path, "rb") as f:
                _forget(keys, SealHeader.parse(f.read(HEADER_SIZE), path.name).seal_id)
        except (OSError, SealedTakeError):
            pass  # too short to name its key: an orphan 32-byte key is all that is left
        overwrite_and_unlink(path)


def _finish_interrupted_wipe(take: Path) -> None:
    sealed_complete = sealed_path_for(take).exists() and sealed_path_for(manifest_path_for(take)).exists()
    for path in (take, manifest_path_for(take)):
        doomed = _wipe_path(path)
        if not doomed.exists():
            continue
        if sealed_complete:
            overwrite_and_unlink(doomed)
        else:  # cannot happen (the rename follows the sealing); never lose the only copy
            os.replace(doomed, path)


def seal_take(take: Path, keys: TakeKeys, *, chunk_size: int = CHUNK_SIZE) -> SealedTake:
    """Seal a finished take and its manifest with a new key, then wipe the plaintexts.

    Safe to call again after a crash at any point: while the plaintext take is still under its
    name nothing was committed and sealing starts over; once it is gone the sealed copy is the take
    and is simply opened. The sealed copy is read back and compared before any plaintext is wiped.
    Raises FileNotFoundError (no take / no manifest), ValueError (unreadable manifest), KeyStoreError,
    KeyMissingError and SealedTakeError. Slow for large takes: call it off the UI thread.
    """
    take = Path(take)
    manifest = manifest_path_for(take)
    sealed, sealed_manifest = sealed_path_for(take), sealed_path_for(manifest)
    _finish_interrupted_wipe(take)
    if not take.exists():
        if sealed.exists():
            return open_sealed_manifest(take, keys)
        raise FileNotFoundError(f"{take.name} does not exist")
    manifest_bytes = manifest.read_bytes()
    data = _parse_manifest(manifest_bytes, take.name)
    _clean_partial_seal(take, keys)
    seal_id = secrets.token_hex(16)
    key = AESGCM.generate_key(bit_length=256)
    keys.put(seal_id, key)
    try:
        digest = seal_file(take, sealed, key, seal_id, chunk_size=chunk_size)
        if digest != str(data.get("sha256", "")).lower():
            # The take is not what its recorder wrote: never wipe the only copy for a take the
            # platform would refuse; it stays as it is for a person to look at.
            raise SealedTakeError(f"{take.name} does not match its manifest (changed after recording)",
                                  reason="file_changed")
        if sealed_sha256(sealed, key) != digest:
            raise SealedTakeError(f"{sealed.name} reads back differently from what was written", reason="seal_failed")
        _write_sealed(sealed_manifest, io.BytesIO(manifest_bytes), len(manifest_bytes), key, seal_id, chunk_size)
        if read_sealed_bytes(sealed_manifest, key) != manifest_bytes:
            raise SealedTakeError(f"{sealed_manifest.name} reads back differently", reason="seal_failed")
    except BaseException:
        for path in (sealed, sealed_manifest):
            overwrite_and_unlink(path)
        _forget(keys, seal_id)
        raise
    _wipe(take)  # the commit: from here on the sealed copy is the take
    _wipe(manifest)
    return SealedTake(take, seal_id, data)


def open_sealed_manifest(take: Path, keys: TakeKeys) -> SealedTake:
    """A take sealed earlier: its seal id and decrypted manifest (a leftover plaintext manifest is wiped)."""
    take = Path(take)
    header, _ = read_header(sealed_path_for(take))
    key = keys.get(header.seal_id)
    if key is None:
        raise KeyMissingError(f"the key of the sealed take {take.name} is not in the keyring")
    source = SealedSource(sealed_path_for(manifest_path_for(take)), key, header.seal_id)
    try:
        source.identity()
        with source.open() as reader:
            data = _parse_manifest(reader.read(), take.name)
    except FileNotFoundError:
        raise SealedTakeError(f"the sealed manifest of {take.name} is missing") from None
    except ValueError as exc:
        raise SealedTakeError(f"the sealed manifest of {take.name} is unreadable: {exc}") from None
    _wipe(manifest_path_for(take))
    return SealedTake(take, header.seal_id, data)


def open_sealed_take(take: Path, seal_id: str, keys: TakeKeys) -> SealedSource:
    """The upload source of a sealed take; KeyMissingError if its key is not in the keyring."""
    key = keys.get(seal_id)
    if key is None:
        raise KeyMissingError(f"the key of the sealed take {Path(take).name} is not in the keyring; "
                              "it cannot be read (the sealed file is kept)")
    return SealedSource(sealed_path_for(take), key, seal_id)


def destroy_sealed_take(take: Path, seal_id: str, keys: TakeKeys) -> bool:
    """Delete the key first (that alone makes the take unreadable), then overwrite and unlink the
    sealed files. True if the sealed take was there."""
    take = Path(take)
    _forget(keys, seal_id)
    sealed = sealed_path_for(take)
    try:
        header, _ = read_header(sealed)
        owner = header.seal_id
    except (OSError, SealedTakeError, ValueError):
        owner = seal_id  # missing or unreadable: nothing of another item can be at risk
    if owner != seal_id:
        # The same path was sealed again for a newer item (the same photo resubmitted): its files
        # are not this item's to destroy.
        return False
    existed = overwrite_and_unlink(sealed)
    overwrite_and_unlink(sealed_path_for(manifest_path_for(take)))
    for leftover in (_wipe_path(take), _wipe_path(manifest_path_for(take))):
        overwrite_and_unlink(leftover)
    return existed
