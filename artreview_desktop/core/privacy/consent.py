"""The consent ledger: who agreed to which policy version, when, and to what.

Append-only JSON lines, each fsynced, so a record once shown as accepted is never lost. Nothing is
written before the user agrees (a refusal is not recorded: it leaves no trace on disk). Records
are sent to the platform after login and marked as synced.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any

from artreview_desktop.core.fileutil import atomic_write_bytes, fsync_dir

log = logging.getLogger(__name__)


class Document(Enum):
    PRIVACY_POLICY = "privacy_policy"
    CHILDREN_STATEMENT = "children_statement"
    COMMITMENT_LETTER = "commitment_letter"  # an exam's 诚信承诺书


class Actor(Enum):
    SELF = "self"
    GUARDIAN = "guardian"


class Action(Enum):
    AGREE = "agree"
    WITHDRAW = "withdraw"


#: What a first-run agreement covers; the UI lists these in plain words.
DEFAULT_SCOPES = ("account", "id_photo", "exam_recording", "upload", "operation_log")


@dataclass(frozen=True)
class ConsentRecord:
    document: Document
    version: str
    action: Action
    actor: Actor
    scopes: tuple[str, ...] = DEFAULT_SCOPES
    time: float = 0.0
    guardian_verified: bool = False  # the guardian's phone was verified with a code
    record_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    synced: bool = False

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(document=self.document.value, action=self.action.value, actor=self.actor.value,
                    scopes=list(self.scopes))
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ConsentRecord:
        return cls(
            document=Document(data["document"]),
            version=str(data["version"]),
            action=Action(data["action"]),
            actor=Actor(data["actor"]),
            scopes=tuple(str(s) for s in data.get("scopes", ())),
            time=float(data["time"]),
            guardian_verified=bool(data.get("guardian_verified", False)),
            record_id=str(data["record_id"]),
            synced=bool(data.get("synced", False)),
        )


class ConsentLedger:
    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self._clock = clock

    def records(self) -> list[ConsentRecord]:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        records = []
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                records.append(ConsentRecord.from_json(json.loads(line)))
            except (ValueError, KeyError, TypeError):
                # A torn last line after a power cut: skip it, keep every complete record.
                log.warning("consent ledger line %d unreadable; skipped", number)
        return records

    def record(
        self,
        document: Document,
        version: str,
        action: Action = Action.AGREE,
        actor: Actor = Actor.SELF,
        scopes: tuple[str, ...] = DEFAULT_SCOPES,
        guardian_verified: bool = False,
    ) -> ConsentRecord:
        entry = ConsentRecord(document, version, action, actor, scopes, self._clock(), guardian_verified)
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        line = json.dumps(entry.to_json(), ensure_ascii=False) + "\n"
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        fsync_dir(self.path.parent)
        return entry

    def latest(self, document: Document) -> ConsentRecord | None:
        matching = [r for r in self.records() if r.document is document]
        return matching[-1] if matching else None

    def has_consent(self, document: Document, version: str) -> bool:
        """True when the latest word on `document` is an agreement to exactly `version`."""
        latest = self.latest(document)
        return latest is not None and latest.action is Action.AGREE and latest.version == version

    def agreed_version(self, document: Document) -> str | None:
        latest = self.latest(document)
        return latest.version if latest is not None and latest.action is Action.AGREE else None

    def unsynced(self) -> list[ConsentRecord]:
        return [r for r in self.records() if not r.synced]

    def mark_synced(self, record_ids: set[str]) -> None:
        updated = [replace(r, synced=True) if r.record_id in record_ids else r for r in self.records()]
        body = "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in updated)
        atomic_write_bytes(self.path, body.encode("utf-8"))

    def export(self) -> list[dict[str, Any]]:
        return [r.to_json() for r in self.records()]
