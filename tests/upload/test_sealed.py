"""Sealed takes at file level: round trip with random-range reads, tampering, truncation, and the
uploader sending a sealed file's plaintext to the real store."""

from __future__ import annotations

import hashlib
import os
import random
import secrets
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from artreview_desktop.core.upload.checkpoint import FileIdentity
from artreview_desktop.core.upload.errors import KeyMissingError, SealedTakeError
from artreview_desktop.core.upload.sealed import (
    CHUNK_SIZE,
    HEADER_SIZE,
    TAG_SIZE,
    SealedReader,
    SealedSource,
    read_header,
    seal_file,
    sealed_path_for,
    sealed_sha256,
)
from artreview_desktop.core.upload.source import FileSource
from artreview_desktop.core.upload.takekeys import MemoryTakeKeys
from artreview_desktop.core.upload.uploader import ResumableUploader
from artreview_platform.embedded import EmbeddedPlatform
from tests.upload.conftest import PART, dev_target, object_sha256, random_file

MB = 1024 * 1024


def _sealed(tmp_path: Path, size: int, seed: int = 3) -> tuple[bytes, Path, bytes]:
    plain = tmp_path / "take.mp4"
    random_file(plain, size, seed)
    key = AESGCM.generate_key(bit_length=256)
    dest = sealed_path_for(plain)
    digest = seal_file(plain, dest, key, secrets.token_hex(16))
    data = plain.read_bytes()
    assert digest == hashlib.sha256(data).hexdigest()
    return data, dest, key


@pytest.mark.parametrize("size", [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 5 * MB + 12345])
def test_round_trip_and_random_ranges_equal_the_plaintext(tmp_path: Path, size: int) -> None:
    data, sealed, key = _sealed(tmp_path, size)
    header, _ = read_header(sealed)
    assert sealed.stat().st_size == HEADER_SIZE + size + header.chunks * TAG_SIZE
    assert size < 16 or data[:64] not in sealed.read_bytes()  # ciphertext (a byte or two could match by chance)
    assert sealed_sha256(sealed, key) == hashlib.sha256(data).hexdigest()
    rng = random.Random(size)
    with SealedReader(sealed, key) as reader:
        assert reader.size == size and reader.read() == data and reader.read(10) == b""
        for _ in range(300):
            offset = rng.randrange(size + 1)
            length = rng.choice([1, 7, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE - 5, MB, rng.randrange(2 * MB)])
            assert reader.seek(offset) == offset
            assert reader.read(length) == data[offset:offset + length]
            assert reader.tell() == min(size, offset + length)
        if size >= 3:
            reader.seek(-3, os.SEEK_END)
            assert reader.read() == data[-3:]


def test_a_changed_byte_anywhere_is_refused_clearly(tmp_path: Path) -> None:
    data, sealed, key = _sealed(tmp_path, 2 * MB)
    raw = bytearray(sealed.read_bytes())
    stride = CHUNK_SIZE + TAG_SIZE
    raw[HEADER_SIZE + 5 * stride + 100] ^= 0x01  # inside chunk 5
    sealed.write_bytes(bytes(raw))
    with SealedReader(sealed, key) as reader:
        assert reader.read(5 * CHUNK_SIZE) == data[:5 * CHUNK_SIZE]  # random access: other chunks still read
        reader.seek(6 * CHUNK_SIZE)
        assert reader.read(CHUNK_SIZE) == data[6 * CHUNK_SIZE:7 * CHUNK_SIZE]
        reader.seek(5 * CHUNK_SIZE + 10)
        with pytest.raises(SealedTakeError, match="fail authentication") as caught:
            reader.read(1)
    assert caught.value.reason == "sealed_damaged"
    with pytest.raises(SealedTakeError, match="fail authentication"):
        sealed_sha256(sealed, key)

    (tmp_path / "b").mkdir()
    _, other, other_key = _sealed(tmp_path / "b", 300_000)
    original = other.read_bytes()
    for at, message in ((20, "bytes too many|truncated"), (30, "fail authentication"), (45, "fail authentication")):
        changed = bytearray(original)
        changed[at] ^= 0x01  # the plaintext size, the seal id, the nonce prefix: all are authenticated
        other.write_bytes(bytes(changed))
        with pytest.raises(SealedTakeError, match=message):
            sealed_sha256(other, other_key)
    with pytest.raises(SealedTakeError, match="fail authentication"):
        sealed_sha256(sealed, AESGCM.generate_key(bit_length=256))  # somebody else's key


def test_truncated_or_extended_files_are_refused(tmp_path: Path) -> None:
    _, sealed, key = _sealed(tmp_path, MB + 7)
    full = sealed.read_bytes()
    for cut in (1, TAG_SIZE, CHUNK_SIZE + TAG_SIZE, len(full) - HEADER_SIZE, len(full) - 10):
        sealed.write_bytes(full[:-cut])
        with pytest.raises(SealedTakeError, match="truncated"):
            SealedReader(sealed, key)
        with pytest.raises(SealedTakeError, match="truncated"):
            SealedSource(sealed, key).identity()
    sealed.write_bytes(full + b"\0")
    with pytest.raises(SealedTakeError, match="too many"):
        SealedReader(sealed, key)
    sealed.write_bytes(b"not a sealed take at all, but long enough to hold a header........")
    with pytest.raises(SealedTakeError, match="not a sealed take"):
        read_header(sealed)


def test_file_shortened_while_a_reader_is_open(tmp_path: Path) -> None:
    _, sealed, key = _sealed(tmp_path, MB)
    with SealedReader(sealed, key) as reader:
        os.truncate(sealed, HEADER_SIZE + CHUNK_SIZE)
        reader.seek(CHUNK_SIZE * 4)
        with pytest.raises(SealedTakeError, match="shorter"):
            reader.read(10)


def test_source_identity_is_the_plaintext_size_and_the_sealed_files_mtime(tmp_path: Path) -> None:
    data, sealed, key = _sealed(tmp_path, 3 * CHUNK_SIZE + 1)
    _, info = read_header(sealed)
    assert SealedSource(sealed, None).identity("ab") == FileIdentity(len(data), info.st_mtime_ns, "ab")
    with pytest.raises(SealedTakeError, match="another key"):
        SealedSource(sealed, key, "0" * 32).identity()
    with pytest.raises(KeyMissingError):
        SealedSource(sealed, None).open()
    plain = FileSource(tmp_path / "take.mp4")
    assert plain.identity().size == len(data)
    with plain.open() as stream:
        assert stream.read() == data


def test_memory_keys_never_show_a_key() -> None:
    keys = MemoryTakeKeys()
    key = AESGCM.generate_key(bit_length=256)
    keys.put("ab" * 16, key)
    assert keys.get("ab" * 16) == key and key.hex() not in repr(keys)
    keys.delete("ab" * 16)
    keys.delete("ab" * 16)
    assert keys.get("ab" * 16) is None
    with pytest.raises(ValueError):
        keys.put("../x", key)


@pytest.mark.parametrize("size", [0, 1, PART, 3 * PART + 17])
def test_uploader_sends_the_plaintext_of_a_sealed_file(platform: EmbeddedPlatform, dev_uploader: ResumableUploader,
                                                       tmp_path: Path, size: int) -> None:
    data, sealed, key = _sealed(tmp_path, size)
    (tmp_path / "take.mp4").unlink()
    outcome = dev_uploader.upload(SealedSource(sealed, key), dev_target(platform, "takes/sealed.mp4"),
                                  sha256=hashlib.sha256(data).hexdigest())
    assert outcome.bytes == size and outcome.parts == -(-size // PART)
    assert object_sha256(platform, "takes/sealed.mp4") == hashlib.sha256(data).hexdigest()
    assert not list((tmp_path / "checkpoints").glob("*.json"))
