"""Diagnostic logging: a rotating file in the log folder, every record redacted first."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from artreview_desktop.core.privacy.redact import redact

LOG_FILE_NAME = "artreview.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


class RedactingFilter(logging.Filter):
    """Replaces a record's message (and its traceback) with a redacted rendering.

    Attached to handlers, not loggers, so records from every library pass through it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def configure_logging(log_dir: Path, level: int = logging.INFO, console: bool = False) -> Path:
    """Send the root logger to a rotating, redacted file (and optionally stderr); returns its path."""
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = log_dir / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_artreview", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2 * 1024 * 1024, backupCount=5, encoding="utf-8"
    )
    handlers: list[logging.Handler] = [file_handler]
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.addFilter(RedactingFilter())
        handler._artreview = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass
    return path
