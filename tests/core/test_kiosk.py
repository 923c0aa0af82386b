"""Kiosk core: the PIN's slow hash and rate limit, the signed centre configuration, the wipe."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from artreview_desktop.core.kiosk import (
    ConfigRefused,
    DeviceNotAllowed,
    PinGuard,
    PinLocked,
    camera_identities,
    candidate_folder,
    check_device_allowed,
    hash_pin,
    load_centre_config,
    load_public_keys,
    microphone_identities,
    pin_matches,
    sign_config,
    wipe_candidate,
)
from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.resources import resource

FAST = 2**10  # a cheap scrypt cost for tests only; the app uses 2**15


def test_pin_hash_is_salted_and_slow_and_checks() -> None:
    first, second = hash_pin("246810", n=FAST), hash_pin("246810", n=FAST)
    assert first != second  # salted
    assert "246810" not in first
    assert pin_matches("246810", first) and not pin_matches("246811", first)
    assert hash_pin("246810").split("$")[1] == str(2**15)  # the default cost is the slow one
    with pytest.raises(ValueError):
        hash_pin("1234")
    assert not pin_matches("246810", "garbage")


def test_wrong_pins_lock_for_growing_times_and_survive_restart(tmp_path: Path) -> None:
    now = {"t": 1000.0}
    stored = hash_pin("246810", n=FAST)
    state = tmp_path / "pin-state.json"
    guard = PinGuard(stored, state, clock=lambda: now["t"])
    assert not guard.check("000000")
    assert not guard.check("000001")
    assert not guard.check("000002")  # third wrong: locked 30 s
    with pytest.raises(PinLocked) as locked:
        guard.check("246810")  # even the right PIN is not tried while locked
    assert locked.value.seconds_left == pytest.approx(30)
    restarted = PinGuard(stored, state, clock=lambda: now["t"])
    with pytest.raises(PinLocked):
        restarted.check("246810")  # a restart does not lift the lock
    now["t"] += 31
    assert not restarted.check("999999")  # fourth wrong: 60 s
    assert restarted.seconds_locked() == pytest.approx(60)
    now["t"] += 61
    assert restarted.check("246810")
    assert restarted.failures == 0


def _signed(tmp_path: Path, key: Ed25519PrivateKey, body: dict[str, object]) -> Path:
    path = tmp_path / "centre.json"
    path.write_text(json.dumps(sign_config(body, key), ensure_ascii=False), encoding="utf-8")
    return path


def test_signed_config_loads_and_tampering_is_refused(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    body = {"centre_id": "c1", "centre_name": "一号考点", "platform_url": "https://x", "admin_pin_hash": "h",
            "kiosk": {"idle_timeout_s": 120}}
    path = _signed(tmp_path, key, body)
    config = load_centre_config(path, [key.public_key()])
    assert config.centre_id == "c1" and config.idle_timeout_s == 120 and len(config.config_hash) == 64

    document = json.loads(path.read_text(encoding="utf-8"))
    document["config"]["kiosk"]["idle_timeout_s"] = 99999  # a candidate edits the file
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ConfigRefused, match="signature"):
        load_centre_config(path, [key.public_key()])
    with pytest.raises(ConfigRefused, match="signature"):
        load_centre_config(_signed(tmp_path, Ed25519PrivateKey.generate(), body), [key.public_key()])
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigRefused):
        load_centre_config(path, [key.public_key()])


def test_the_demo_centre_is_trusted_only_in_demo_mode() -> None:
    demo = resource("kiosk", "demo-centre.json")
    with pytest.raises(ConfigRefused):
        load_centre_config(demo, load_public_keys(resource("centre-keys")))
    config = load_centre_config(demo, load_public_keys(resource("centre-keys"), include_development=True))
    assert config.centre_id == "demo-centre"
    assert pin_matches("246810", config.admin_pin_hash)


def test_wipe_removes_the_candidate_folder_and_private_files(app_paths: AppPaths) -> None:
    folder = candidate_folder(app_paths)
    (folder / "data" / "privacy").mkdir(parents=True)
    (folder / "data" / "privacy" / "ledger.jsonl").write_text("x")
    (app_paths.private_tmp_dir / "photo.jpg").write_bytes(b"\xff\xd8face")
    (app_paths.recordings_dir).mkdir(parents=True, exist_ok=True)
    (app_paths.recordings_dir / "take.mp4").write_bytes(b"video")
    result = wipe_candidate(app_paths)
    assert result.files_removed == 2
    assert not any(p.is_file() for p in folder.rglob("*")) if folder.exists() else True
    assert list(app_paths.private_tmp_dir.iterdir()) == []
    assert (app_paths.recordings_dir / "take.mp4").exists()  # takes stay for the upload queue


def test_an_empty_allow_list_allows_any_device() -> None:
    check_device_allowed("camera", ["0"], ())


@pytest.mark.parametrize("allowed", [("HD Pro Webcam C920",), ("c920",), ("0",), ("hd pro webcam c920", "other")])
def test_a_listed_device_is_allowed_by_setting_or_name(allowed: tuple[str, ...]) -> None:
    check_device_allowed("camera", ["0", "HD Pro Webcam C920"], allowed)


@pytest.mark.parametrize("allowed", [("Logitech Brio",), ("1",), ("c9",)])  # too short to match a name part
def test_another_device_is_refused_with_what_is_allowed(allowed: tuple[str, ...]) -> None:
    with pytest.raises(DeviceNotAllowed, match="not allowed by the centre configuration") as refused:
        check_device_allowed("camera", ["0", "HD Pro Webcam C920"], allowed)
    assert refused.value.kind == "camera"


def test_microphone_identities_follow_the_devices_names() -> None:
    names = {3: "Monitor of Null Output", 5: "vsink-mic (PulseAudio)"}
    assert microphone_identities("5", lambda: names) == ["5", "vsink-mic (PulseAudio)"]
    assert microphone_identities("vsink", lambda: names) == ["vsink", "vsink-mic (PulseAudio)"]
    assert microphone_identities("default", lambda: names) == ["default"]  # no default known
    assert microphone_identities("default", lambda: names, 5) == ["default", "vsink-mic (PulseAudio)"]
    assert microphone_identities("", lambda: names, 3) == ["Monitor of Null Output"]
    assert microphone_identities("o", lambda: names) == ["o"]  # in several names: none is meant
    check_device_allowed("microphone", microphone_identities("vsink", lambda: names), ("vsink-mic (PulseAudio)",))


def test_a_camera_file_is_matched_by_its_setting(tmp_path: Path) -> None:
    clip = str(tmp_path / "clip.mp4")
    assert camera_identities(clip) == [clip]
    with pytest.raises(DeviceNotAllowed):
        check_device_allowed("camera", camera_identities("demo"), ("0",))
