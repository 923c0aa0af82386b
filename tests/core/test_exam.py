"""The exam-flow state machine: modes, attempts, durations, commitment, persistence."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from artreview_desktop.core.exam import ExamFlowError, ExamSession, Mode, Phase, ProgressStore, Refusal
from artreview_desktop.core.platform.models import Exam, Piece

EXAM = Exam(
    id="ex_1", subject="piano", subject_name="钢琴", level=5, pieces=(Piece("p1", "小奏鸣曲", "sonatina"),),
    min_duration_s=10, max_duration_s=60, attempts_allowed=2, practice_available=True,
    identity_rule="announce_and_show_id", id_photo_spec="cn-1inch", fee_status="paid", fee_fen=0,
    ticket_number="AR1",
)


def _session(tmp_path: Path, mode: Mode = Mode.FORMAL, exam: Exam = EXAM) -> ExamSession:
    return ExamSession(exam, mode, ProgressStore(tmp_path / "exams"), tmp_path / "recordings")


def _take(session: ExamSession, tmp_path: Path, seconds: float, reason: str = "user") -> None:
    session.begin_countdown()
    number = session.start_recording()
    path = tmp_path / f"take-{number}.mp4"
    path.write_bytes(b"x")
    session.finish_take(path, path.with_suffix(".json"), {"duration_s": seconds, "stop_reason": reason})


def test_formal_needs_the_commitment_letter(tmp_path: Path) -> None:
    session = _session(tmp_path)
    assert session.refusal() is Refusal.COMMITMENT_REQUIRED
    with pytest.raises(ExamFlowError):
        session.begin_countdown()
    session.accept_commitment()
    assert session.refusal() is None


def test_attempts_run_out_and_survive_a_restart(tmp_path: Path) -> None:
    session = _session(tmp_path)
    session.accept_commitment()
    _take(session, tmp_path, 20)
    assert session.attempts_left == 1
    assert session.phase is Phase.REVIEW
    _take(session, tmp_path, 30)
    assert session.attempts_left == 0
    assert session.refusal() is Refusal.NO_ATTEMPTS_LEFT
    restarted = _session(tmp_path)
    assert restarted.attempts_left == 0
    assert len(restarted.takes()) == 2


def test_device_faults_do_not_cost_an_attempt(tmp_path: Path) -> None:
    session = _session(tmp_path)
    session.accept_commitment()
    _take(session, tmp_path, 12, reason="camera_lost")
    _take(session, tmp_path, 12, reason="disk_full")
    assert session.attempts_left == 2
    assert [t.counted for t in session.takes()] == [False, False]


def test_too_short_takes_are_flagged_and_not_submittable(tmp_path: Path) -> None:
    session = _session(tmp_path)
    session.accept_commitment()
    _take(session, tmp_path, 3)
    take = session.takes()[0]
    assert take.too_short and take.counted  # the candidate stopped early: it still used an attempt
    assert session.submittable() == []
    with pytest.raises(ValueError):
        session.mark_submitted(take.number)
    _take(session, tmp_path, 15)
    [good] = session.submittable()
    assert session.mark_submitted(good.number).submitted
    assert _session(tmp_path).takes()[1].submitted


def test_practice_is_unlimited_and_never_submitted(tmp_path: Path) -> None:
    session = _session(tmp_path, Mode.PRACTICE)
    assert session.refusal() is None  # no commitment letter for practice
    for _ in range(4):
        _take(session, tmp_path, 20)
    assert session.attempts_left is None
    assert session.submittable() == []
    formal = _session(tmp_path, Mode.FORMAL)
    assert formal.progress.attempts_used == 0  # practice never used a formal attempt


def test_practice_unavailable_and_unpaid_fee(tmp_path: Path) -> None:
    assert _session(tmp_path, Mode.PRACTICE, replace(EXAM, practice_available=False)).refusal() is (
        Refusal.PRACTICE_UNAVAILABLE)
    unpaid = _session(tmp_path, Mode.FORMAL, replace(EXAM, id="ex_2", fee_status="unpaid"))
    unpaid.accept_commitment()
    assert unpaid.refusal() is Refusal.FEE_UNPAID


def test_busy_while_recording(tmp_path: Path) -> None:
    session = _session(tmp_path, Mode.PRACTICE)
    session.begin_countdown()
    assert session.refusal() is Refusal.BUSY
    session.cancel_countdown()
    assert session.phase is Phase.READY


def test_take_paths_are_per_exam_and_mode(tmp_path: Path) -> None:
    session = _session(tmp_path)
    path = session.next_take_path()
    assert path.parent == tmp_path / "recordings" / "ex_1"
    assert path.name.startswith("formal-01-") and path.suffix == ".mp4"


def test_damaged_progress_is_kept_aside(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "exams")
    session = _session(tmp_path)
    session.accept_commitment()
    progress_file = tmp_path / "exams" / "ex_1" / "progress.json"
    progress_file.write_text("{broken")
    assert store.load("ex_1").attempts_used == 0
    assert list((tmp_path / "exams" / "ex_1").glob("progress.damaged-*.json"))


def test_an_interrupted_take_is_recovered_onto_its_exam(tmp_path: Path) -> None:
    from artreview_desktop.core.exam import find_interrupted_takes, recover_interrupted
    from tests.takes import write_interrupted_take

    take = tmp_path / "recordings" / "ex_1" / "formal-01-x.mp4"
    write_interrupted_take(take, "ex_1", "formal", frames=30)
    [found] = find_interrupted_takes(tmp_path / "recordings")
    store = ProgressStore(tmp_path / "exams")
    record = recover_interrupted(found, store)
    assert record is not None and record.stop_reason == "interrupted" and not record.counted
    assert take.exists()  # the original is kept
    session = _session(tmp_path)
    assert session.takes()[0].path == record.path
    assert session.attempts_left == 2  # a crash never costs an attempt
    assert find_interrupted_takes(tmp_path / "recordings") == []
