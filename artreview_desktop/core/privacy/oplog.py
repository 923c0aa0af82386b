"""The operation log: access times and actions, kept locally for troubleshooting.

Written only after consent (the caller passes a gate), redacted, rotated by size, viewable and
exportable by the user; it leaves the machine only with consent.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from artreview_desktop.core.fileutil import atomic_write_json
from artreview_desktop.core.privacy.redact import redact


class OperationLog:
    def __init__(
        self,
        folder: Path,
        consented: Callable[[], bool],
        max_bytes: int = 512 * 1024,
        keep_files: int = 4,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.folder = Path(folder)
        self._consented = consented
        self._max_bytes = max_bytes
        self._keep = keep_files
        self._clock = clock

    @property
    def current(self) -> Path:
        return self.folder / "operations.jsonl"

    def record(self, action: str, **details: Any) -> bool:
        """Append one entry; False (and nothing written) without consent."""
        if not self._consented():
            return False
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(self._clock())),
            "action": redact(action),
            **{key: redact(str(value)) for key, value in details.items()},
        }
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        if self.current.exists() and self.current.stat().st_size + len(line) > self._max_bytes:
            self._rotate()
        fd = os.open(self.current, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, line.encode("utf-8"))
        finally:
            os.close(fd)
        return True

    def _rotate(self) -> None:
        oldest = self.folder / f"operations.{self._keep - 1}.jsonl"
        oldest.unlink(missing_ok=True)
        for index in range(self._keep - 2, 0, -1):
            source = self.folder / f"operations.{index}.jsonl"
            if source.exists():
                source.rename(self.folder / f"operations.{index + 1}.jsonl")
        self.current.rename(self.folder / "operations.1.jsonl")

    def files(self) -> list[Path]:
        """Oldest first."""
        rotated = sorted(self.folder.glob("operations.*.jsonl"), key=lambda p: -int(p.suffixes[0][1:]))
        return [*rotated, *([self.current] if self.current.exists() else [])]

    def entries(self) -> list[dict[str, str]]:
        out: list[dict[str, str]] = []
        for path in self.files():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    out.append(json.loads(line))
                except ValueError:
                    continue
        return out

    def export(self, target: Path) -> int:
        entries = self.entries()
        atomic_write_json(target, {"operation_log": entries})
        return len(entries)

    def wipe(self) -> None:
        for path in self.files():
            path.unlink(missing_ok=True)
