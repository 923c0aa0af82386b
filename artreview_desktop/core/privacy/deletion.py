"""Deletion that really deletes: overwrite a file's bytes before unlinking it.

On SSDs and copy-on-write file systems an overwrite is not a guarantee, so the app also keeps such
files few, small and short-lived (photos stay in memory where they can); this removes the easy
recovery of a just-deleted face image from a plain disk.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)
_CHUNK = 1 << 20


def overwrite_and_unlink(path: Path) -> bool:
    """Overwrite `path` with zeros, fsync, then remove it. False if it did not exist."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return False
    try:
        with open(path, "r+b", buffering=0) as handle:
            zeros = bytes(min(size, _CHUNK))
            remaining = size
            while remaining > 0:
                remaining -= handle.write(zeros[: min(remaining, _CHUNK)])
            os.fsync(handle.fileno())
    except OSError as exc:  # read-only or vanished: still try to remove it
        log.warning("could not overwrite a file before deleting it: %s", exc.strerror)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def wipe_tree(folder: Path, remove_folder: bool = False) -> int:
    """Overwrite and remove every file below `folder`; returns how many files were removed."""
    folder = Path(folder)
    if not folder.exists():
        return 0
    removed = 0
    for root, dirs, files in os.walk(folder, topdown=False):
        for name in files:
            if overwrite_and_unlink(Path(root) / name):
                removed += 1
        for name in dirs:
            try:
                (Path(root) / name).rmdir()
            except OSError:
                pass
    if remove_folder:
        try:
            folder.rmdir()
        except OSError:
            pass
    return removed
