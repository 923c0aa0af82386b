"""Upload errors, split by what the caller should do: retry later, or stop and tell the person."""

from __future__ import annotations


class UploadError(Exception):
    """Base class; `reason` is a short machine-readable code the queue and the UI show."""

    reason = "upload_failed"
    retryable = False

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        if reason is not None:
            self.reason = reason


class TransientUploadError(UploadError):
    """Network trouble, timeouts, 5xx: retries ran out, but trying again later may well work."""

    reason = "network"
    retryable = True


class FatalUploadError(UploadError):
    """Retrying cannot fix it (access denied, no bucket, the file changed or vanished)."""

    reason = "fatal"


class FileChangedError(FatalUploadError):
    reason = "file_changed"


class FileMissingError(FatalUploadError):
    reason = "file_missing"


class IntegrityError(FatalUploadError):
    """The stored object's CRC-64 kept disagreeing with the local file even after re-uploads."""

    reason = "integrity"


class UploadStopped(UploadError):
    """The person paused or cancelled; the checkpoint is kept so the upload can resume."""

    reason = "stopped"


class SealedTakeError(FatalUploadError):
    """A sealed take failed authentication, is truncated or is not a sealed take at all.

    Fatal because the bytes on disk cannot become right again; the file is kept for inspection.
    """

    reason = "sealed_damaged"


class KeyMissingError(FatalUploadError):
    """The per-take key of a sealed take is not in the keyring: the take can no longer be read."""

    reason = "key_missing"


class KeyStoreError(FatalUploadError):
    """The keyring that holds per-take keys is missing or locked (a person may be able to unlock it)."""

    reason = "keyring_unavailable"
