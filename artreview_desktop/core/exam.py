"""The exam flow as a state machine: practice and formal takes, attempts, durations, review.

Qt-free; the recording page drives it and shows its state. Progress (attempts used, takes, the
accepted commitment letter) is kept per exam on disk, so a restart never gives a candidate back an
attempt nor loses a take. A formal take that ended because a device failed or the app crashed does
not cost an attempt: the candidate did nothing wrong (the mobile app charged one; we do not).
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any

from artreview_desktop.core.capture import UnfinishedTake, find_unfinished_takes, recover_take
from artreview_desktop.core.fileutil import atomic_write_json
from artreview_desktop.core.platform.models import Exam

log = logging.getLogger(__name__)

#: Stop reasons after which a formal attempt counts as used (the candidate chose to stop, or the
#: take ran its full length). Device faults, a full disk or a crash never cost an attempt.
COUNTED_STOPS = frozenset({"user", "duration_reached"})


class Mode(Enum):
    PRACTICE = "practice"
    FORMAL = "formal"


class Phase(Enum):
    READY = "ready"
    COUNTDOWN = "countdown"
    RECORDING = "recording"
    REVIEW = "review"


class Refusal(Enum):
    """Why a take cannot start now; the UI explains each in plain words."""

    COMMITMENT_REQUIRED = "commitment_required"
    NO_ATTEMPTS_LEFT = "no_attempts_left"
    PRACTICE_UNAVAILABLE = "practice_unavailable"
    BUSY = "busy"
    FEE_UNPAID = "fee_unpaid"


class ExamFlowError(Exception):
    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.value)
        self.refusal = refusal


@dataclass(frozen=True)
class TakeRecord:
    number: int
    mode: Mode
    path: str
    manifest_path: str
    duration_s: float
    stop_reason: str
    counted: bool  # used a formal attempt
    too_short: bool
    started_at: float
    submitted: bool = False
    interruptions: tuple[dict[str, Any], ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["mode"] = self.mode.value
        data["interruptions"] = list(self.interruptions)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TakeRecord:
        return cls(
            number=int(data["number"]), mode=Mode(data["mode"]), path=str(data["path"]),
            manifest_path=str(data["manifest_path"]), duration_s=float(data["duration_s"]),
            stop_reason=str(data["stop_reason"]), counted=bool(data["counted"]), too_short=bool(data["too_short"]),
            started_at=float(data["started_at"]), submitted=bool(data.get("submitted", False)),
            interruptions=tuple(data.get("interruptions", ())),
        )


@dataclass
class ExamProgress:
    """What is kept on disk for one exam."""

    exam_id: str
    attempts_used: int = 0
    commitment_accepted_at: float | None = None
    takes: list[TakeRecord] = field(default_factory=list)
    equipment_report: dict[str, Any] | None = None


class ProgressStore:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _path(self, exam_id: str) -> Path:
        safe = re.sub(r"[^A-Za-z0-9_-]", "_", exam_id) or "exam"
        return self.folder / safe / "progress.json"

    def load(self, exam_id: str) -> ExamProgress:
        try:
            data = json.loads(self._path(exam_id).read_text(encoding="utf-8"))
            return ExamProgress(
                exam_id=exam_id, attempts_used=int(data.get("attempts_used", 0)),
                commitment_accepted_at=data.get("commitment_accepted_at"),
                takes=[TakeRecord.from_json(t) for t in data.get("takes", [])],
                equipment_report=data.get("equipment_report"),
            )
        except FileNotFoundError:
            return ExamProgress(exam_id)
        except (OSError, ValueError, KeyError, TypeError):
            # Never reset attempts silently: keep the damaged file and refuse to guess.
            log.error("exam progress unreadable; kept aside")
            damaged = self._path(exam_id)
            damaged.replace(damaged.with_suffix(f".damaged-{int(time.time())}.json"))
            return ExamProgress(exam_id)

    def save(self, progress: ExamProgress) -> None:
        atomic_write_json(self._path(progress.exam_id), {
            "attempts_used": progress.attempts_used,
            "commitment_accepted_at": progress.commitment_accepted_at,
            "takes": [t.to_json() for t in progress.takes],
            "equipment_report": progress.equipment_report,
        })


class ExamSession:
    """One exam, in one mode, on this machine. Methods raise ExamFlowError when a rule refuses."""

    def __init__(self, exam: Exam, mode: Mode, store: ProgressStore, recordings_dir: Path,
                 clock: Callable[[], float] = time.time) -> None:
        self.exam = exam
        self.mode = mode
        self.store = store
        self.recordings_dir = Path(recordings_dir)
        self._clock = clock
        self.progress = store.load(exam.id)
        self.phase = Phase.READY
        self.current_take: int | None = None
        self._take_started_at = 0.0

    # -- rules ---------------------------------------------------------------------------------
    @property
    def formal(self) -> bool:
        return self.mode is Mode.FORMAL

    @property
    def attempts_left(self) -> int | None:
        """None in practice (unlimited)."""
        if not self.formal:
            return None
        return max(0, self.exam.attempts_allowed - self.progress.attempts_used)

    def refusal(self) -> Refusal | None:
        if self.phase in (Phase.COUNTDOWN, Phase.RECORDING):
            return Refusal.BUSY
        if self.formal:
            if self.exam.fee_due:
                return Refusal.FEE_UNPAID
            if self.progress.commitment_accepted_at is None:
                return Refusal.COMMITMENT_REQUIRED
            if self.attempts_left == 0:
                return Refusal.NO_ATTEMPTS_LEFT
        elif not self.exam.practice_available:
            return Refusal.PRACTICE_UNAVAILABLE
        return None

    def accept_commitment(self) -> None:
        self.progress.commitment_accepted_at = self._clock()
        self.store.save(self.progress)

    def keep_equipment_report(self, report: dict[str, Any]) -> None:
        self.progress.equipment_report = report
        self.store.save(self.progress)

    # -- takes ---------------------------------------------------------------------------------
    def begin_countdown(self) -> None:
        refusal = self.refusal()
        if refusal is not None:
            raise ExamFlowError(refusal)
        self.phase = Phase.COUNTDOWN

    def cancel_countdown(self) -> None:
        if self.phase is Phase.COUNTDOWN:
            self.phase = Phase.READY

    def next_take_path(self) -> Path:
        number = len(self.progress.takes) + 1
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(self._clock()))
        safe_exam = re.sub(r"[^A-Za-z0-9_-]", "_", self.exam.id)
        return self.recordings_dir / safe_exam / f"{self.mode.value}-{number:02d}-{stamp}.mp4"

    def start_recording(self) -> int:
        if self.phase is not Phase.COUNTDOWN:
            self.begin_countdown()
        self.phase = Phase.RECORDING
        self.current_take = len(self.progress.takes) + 1
        self._take_started_at = self._clock()
        return self.current_take

    def finish_take(self, path: Path, manifest_path: Path, manifest: dict[str, Any]) -> TakeRecord:
        """Record a finished take; decides whether it used an attempt and whether it is long enough."""
        duration = float(manifest.get("duration_s") or 0.0)
        reason = str(manifest.get("stop_reason", "user"))
        counted = self.formal and reason in COUNTED_STOPS
        record = TakeRecord(
            number=self.current_take or len(self.progress.takes) + 1, mode=self.mode, path=str(path),
            manifest_path=str(manifest_path), duration_s=duration, stop_reason=reason, counted=counted,
            too_short=duration < self.exam.min_duration_s, started_at=self._take_started_at,
            interruptions=tuple(manifest.get("interruptions", ())),
        )
        self.progress.takes.append(record)
        if counted:
            self.progress.attempts_used += 1
        self.store.save(self.progress)
        self.phase = Phase.REVIEW
        self.current_take = None
        return record

    def takes(self) -> list[TakeRecord]:
        return [t for t in self.progress.takes if t.mode is self.mode]

    def submittable(self) -> list[TakeRecord]:
        """Formal takes long enough to submit (practice takes are never submitted)."""
        return [t for t in self.takes() if self.formal and not t.too_short
                and t.duration_s >= self.exam.min_duration_s and Path(t.path).exists()]

    def mark_submitted(self, number: int) -> TakeRecord:
        for index, take in enumerate(self.progress.takes):
            if take.number == number:
                if not self.formal or take.mode is not Mode.FORMAL or take.too_short:
                    raise ValueError("only a full-length formal take can be submitted")
                updated = replace(take, submitted=True)
                self.progress.takes[index] = updated
                self.store.save(self.progress)
                return updated
        raise KeyError(number)

    def back_to_ready(self) -> None:
        self.phase = Phase.READY


def find_interrupted_takes(recordings_dir: Path) -> list[UnfinishedTake]:
    """Takes left unfinished by a crash or a power cut, in every exam's folder."""
    folder = Path(recordings_dir)
    if not folder.exists():
        return []
    found = find_unfinished_takes(folder)
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        found.extend(find_unfinished_takes(sub))
    return [take for take in found if not take.still_recording]


def recover_interrupted(take: UnfinishedTake, store: ProgressStore) -> TakeRecord | None:
    """Recover one interrupted take and put it back on its exam's list (it costs no attempt).

    The original file and its journal are kept; None when the take belongs to no known exam.
    """
    result = recover_take(take)
    metadata = result.manifest.get("metadata") or {}
    exam_id = metadata.get("exam_id")
    if not exam_id:
        return None
    progress = store.load(str(exam_id))
    mode = Mode(metadata.get("mode", Mode.PRACTICE.value))
    record = TakeRecord(
        number=len(progress.takes) + 1, mode=mode, path=str(result.recovered), manifest_path=str(result.manifest_path),
        duration_s=float(result.manifest.get("duration_s") or 0.0), stop_reason="interrupted", counted=False,
        too_short=False, started_at=time.time(),  # judged against the exam's minimum when listed
        interruptions=tuple(result.manifest.get("interruptions", ())),
    )
    progress.takes.append(record)
    store.save(progress)
    return record
