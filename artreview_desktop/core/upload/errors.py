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
