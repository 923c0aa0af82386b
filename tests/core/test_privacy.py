"""Privacy core: the permission table and decisions, the consent ledger, minors, data location,
secure deletion and the operation log."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from artreview_desktop.core.privacy.consent import Action, Actor, ConsentLedger, Document
from artreview_desktop.core.privacy.data_location import EndpointNotAllowed, check_endpoint, endpoint_region
from artreview_desktop.core.privacy.deletion import overwrite_and_unlink, wipe_tree
from artreview_desktop.core.privacy.minors import (
    AgeGroup,
    InvalidBirthDate,
    age_group,
    guardian_allowed,
    guardian_required,
)
from artreview_desktop.core.privacy.oplog import OperationLog
from artreview_desktop.core.privacy.permissions import (
    PERMISSION_TABLE,
    Decision,
    Permission,
    PermissionDecisions,
    Trigger,
    permissions_for,
)
from artreview_desktop.core.settings import MAINLAND_CHINA_OSS_REGIONS


def test_the_table_has_the_six_permissions_of_the_policy() -> None:
    assert [row.permission for row in PERMISSION_TABLE] == list(Permission)
    assert len(PERMISSION_TABLE) == 6
    assert all(row.purpose and row.when_asked and row.triggers for row in PERMISSION_TABLE)


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [
        (Trigger.APP_START, [Permission.NETWORK]),
        (Trigger.TAKE_PHOTO, [Permission.CAMERA]),
        (Trigger.START_RECORDING, [Permission.CAMERA, Permission.MICROPHONE]),
        (Trigger.START_RECORDING_FORMAL,
         [Permission.CAMERA, Permission.STORAGE_WRITE, Permission.STORAGE_READ, Permission.MICROPHONE]),
        (Trigger.REQUEST_CODE, [Permission.LOGIN_SMS]),
    ],
)
def test_each_trigger_asks_exactly_its_permissions(trigger: Trigger, expected: list[Permission]) -> None:
    assert [row.permission for row in permissions_for(trigger)] == expected


def test_grant_persists_refusal_lasts_one_session(tmp_path: Path) -> None:
    path = tmp_path / "permissions.json"
    decisions = PermissionDecisions(path)
    assert [r.permission for r in decisions.pending(Trigger.TAKE_PHOTO)] == [Permission.CAMERA]
    decisions.grant(Permission.CAMERA)
    decisions.refuse(Permission.MICROPHONE)
    assert decisions.allowed(Trigger.TAKE_PHOTO)
    assert not decisions.allowed(Trigger.START_RECORDING)
    assert decisions.pending(Trigger.START_RECORDING) == []  # never nags twice in a session
    assert [r.permission for r in decisions.refused(Trigger.START_RECORDING)] == [Permission.MICROPHONE]

    next_session = PermissionDecisions(path)
    assert next_session.decision(Permission.CAMERA) is Decision.GRANTED
    assert next_session.decision(Permission.MICROPHONE) is Decision.NOT_ASKED  # asked again at the trigger


def test_revoking_a_grant_disables_the_feature(tmp_path: Path) -> None:
    decisions = PermissionDecisions(tmp_path / "p.json")
    decisions.grant(Permission.CAMERA)
    decisions.refuse(Permission.CAMERA)
    assert decisions.decision(Permission.CAMERA) is Decision.REFUSED
    assert PermissionDecisions(tmp_path / "p.json").decision(Permission.CAMERA) is Decision.NOT_ASKED
    decisions.reset(Permission.CAMERA)
    assert decisions.decision(Permission.CAMERA) is Decision.NOT_ASKED


def test_corrupt_decisions_file_means_asking_again(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text("{{{")
    assert PermissionDecisions(path).decision(Permission.CAMERA) is Decision.NOT_ASKED


def test_consent_ledger_records_appends_and_survives_a_torn_line(tmp_path: Path) -> None:
    ledger = ConsentLedger(tmp_path / "ledger.jsonl", clock=lambda: 1_700_000_000.0)
    assert not ledger.has_consent(Document.PRIVACY_POLICY, "1.0")
    first = ledger.record(Document.PRIVACY_POLICY, "1.0")
    ledger.record(Document.CHILDREN_STATEMENT, "1.0", actor=Actor.GUARDIAN, guardian_verified=True)
    with open(ledger.path, "a", encoding="utf-8") as handle:
        handle.write('{"document": "privacy_pol')  # a power cut mid-write
    assert ledger.has_consent(Document.PRIVACY_POLICY, "1.0")
    assert not ledger.has_consent(Document.PRIVACY_POLICY, "1.1")  # a new version needs a new consent
    assert ledger.latest(Document.CHILDREN_STATEMENT).actor is Actor.GUARDIAN  # type: ignore[union-attr]
    assert ledger.unsynced()[0].record_id == first.record_id
    assert ledger.path.stat().st_mode & 0o077 == 0


def test_withdrawal_ends_consent_and_sync_marks_records(tmp_path: Path) -> None:
    ledger = ConsentLedger(tmp_path / "ledger.jsonl")
    agree = ledger.record(Document.PRIVACY_POLICY, "1.0")
    ledger.mark_synced({agree.record_id})
    ledger.record(Document.PRIVACY_POLICY, "1.0", action=Action.WITHDRAW)
    assert not ledger.has_consent(Document.PRIVACY_POLICY, "1.0")
    assert ledger.agreed_version(Document.PRIVACY_POLICY) is None
    assert [r.action for r in ledger.unsynced()] == [Action.WITHDRAW]
    exported = ledger.export()
    assert [e["action"] for e in exported] == ["agree", "withdraw"]
    json.dumps(exported)


@pytest.mark.parametrize(
    ("birth", "group"),
    [
        (date(2014, 11, 30), AgeGroup.CHILD),  # turns 12 tomorrow: 11
        (date(2012, 11, 29), AgeGroup.TEEN),  # 14 today
        (date(2012, 11, 30), AgeGroup.CHILD),  # 14 tomorrow
        (date(2008, 11, 30), AgeGroup.TEEN),  # 18 tomorrow
        (date(2008, 11, 29), AgeGroup.ADULT),
    ],
)
def test_age_groups_on_birthdays(birth: date, group: AgeGroup) -> None:
    assert age_group(birth, date(2026, 11, 29)) is group


def test_who_must_consent() -> None:
    assert guardian_required(AgeGroup.CHILD) and guardian_allowed(AgeGroup.CHILD)
    assert not guardian_required(AgeGroup.TEEN) and guardian_allowed(AgeGroup.TEEN)
    assert not guardian_required(AgeGroup.ADULT) and not guardian_allowed(AgeGroup.ADULT)


def test_impossible_birth_dates_are_refused() -> None:
    with pytest.raises(InvalidBirthDate):
        age_group(date(2030, 1, 1), date(2026, 11, 29))
    with pytest.raises(InvalidBirthDate):
        age_group(date(1890, 1, 1), date(2026, 11, 29))


@pytest.mark.parametrize(
    ("endpoint", "region"),
    [
        ("https://oss-cn-hangzhou.aliyuncs.com", "oss-cn-hangzhou"),
        ("oss-cn-beijing-internal.aliyuncs.com", "oss-cn-beijing"),
        ("https://exam-bucket.oss-cn-shenzhen.aliyuncs.com/", "oss-cn-shenzhen"),
        ("https://oss-us-west-1.aliyuncs.com", "oss-us-west-1"),
        ("http://127.0.0.1:9000", "loopback"),
        ("http://[::1]:9000", "loopback"),
        ("https://s3.amazonaws.com", None),
    ],
)
def test_endpoint_regions(endpoint: str, region: str | None) -> None:
    assert endpoint_region(endpoint) == region


def test_endpoints_outside_china_are_refused() -> None:
    allowed = MAINLAND_CHINA_OSS_REGIONS
    assert check_endpoint("https://oss-cn-hangzhou.aliyuncs.com", allowed, allow_loopback=False) == "oss-cn-hangzhou"
    for foreign in ("https://oss-us-west-1.aliyuncs.com", "https://oss-cn-hongkong.aliyuncs.com",
                    "https://oss-ap-southeast-1.aliyuncs.com", "https://evil.example.com"):
        with pytest.raises(EndpointNotAllowed):
            check_endpoint(foreign, allowed, allow_loopback=True)
    with pytest.raises(EndpointNotAllowed):
        check_endpoint("http://127.0.0.1:9000", allowed, allow_loopback=False)


def test_overwrite_then_unlink(tmp_path: Path) -> None:
    photo = tmp_path / "face.jpg"
    photo.write_bytes(b"\xff\xd8" + b"face" * 300_000)
    inode_path = tmp_path / "hardlink"
    inode_path.hardlink_to(photo)  # another name for the same bytes shows they were overwritten
    assert overwrite_and_unlink(photo)
    assert not photo.exists()
    assert set(inode_path.read_bytes()) == {0}
    assert not overwrite_and_unlink(photo)


def test_wipe_tree_removes_everything(tmp_path: Path) -> None:
    root = tmp_path / "session"
    (root / "a" / "b").mkdir(parents=True)
    for name in ("x.png", "a/y.jpg", "a/b/z.bin"):
        (root / name).write_bytes(b"data")
    assert wipe_tree(root, remove_folder=True) == 3
    assert not root.exists()


def test_operation_log_needs_consent_redacts_and_rotates(tmp_path: Path) -> None:
    consent = {"given": False}
    oplog = OperationLog(tmp_path / "ops", consented=lambda: consent["given"], max_bytes=400, keep_files=3)
    assert oplog.record("login", phone="13812345678") is False
    assert not (tmp_path / "ops").exists()  # nothing on disk before consent
    consent["given"] = True
    for index in range(20):
        assert oplog.record("open_page", page=f"exams-{index}", phone="13812345678")
    files = oplog.files()
    assert 1 < len(files) <= 3
    entries = oplog.entries()
    assert entries[-1]["page"] == "exams-19"
    assert all("13812345678" not in json.dumps(e) for e in entries)
    target = tmp_path / "export.json"
    assert oplog.export(target) == len(entries)
    oplog.wipe()
    assert oplog.files() == []
