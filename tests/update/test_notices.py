"""The third-party notice generated from the installed packages names every component and the GPL parts."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from artreview_desktop.tools.notices import collect, render


def test_every_runtime_dependency_is_listed_with_a_licence() -> None:
    components = {canonicalize_name(c.name): c for c in collect()}
    direct = [Requirement(r) for r in metadata.distribution("artreview-desktop").requires or []]
    for requirement in direct:
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            assert canonicalize_name(requirement.name) in components, requirement.name
    assert "pytest" not in components  # test tools are not in the bundle
    assert all(c.licence for c in components.values())
    assert "LGPL-3.0" in components["pyside6-essentials"].licence
    assert components["requests"].licence_files  # full licence texts, not just names


def test_the_gpl_codecs_inside_pyav_are_called_out() -> None:
    av = next(c for c in collect() if c.name == "av")
    assert any(item.startswith("libx264") and "GPL-2.0-or-later" in item for item in av.bundled_gpl)
    text = render(collect())
    gpl_section = text.split("GPL COMPONENTS", 1)[1].split("COMPONENTS", 1)[0]
    assert "libx264" in gpl_section and f"inside av {av.version}" in gpl_section


def test_the_command_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "notices.txt"
    subprocess.run([sys.executable, "-m", "artreview_desktop.tools.notices", "--output", str(out)], check=True,
                   capture_output=True, timeout=60)
    assert "THIRD-PARTY NOTICES" in out.read_text("utf-8")


def test_a_release_key_and_manifest_made_with_the_signing_tool_verify(tmp_path: Path) -> None:
    """The documented release path: keygen, sign a package, and the app's verifier accepts exactly that."""
    from artreview_desktop.core.platform.models import AppVersion
    from artreview_desktop.core.update import Refusal, UpdateError, trusted_keys, verify_manifest
    from artreview_desktop.tools.update_sign import keygen, sign

    _, public = keygen("release-2027", tmp_path / "keys")
    package = tmp_path / "artreview-desktop-0.2.0-linux-x86_64.tar.gz"
    package.write_bytes(b"\x1f\x8b not really a tarball")
    manifest = sign(package, tmp_path / "keys" / "release-2027.key", platform="linux", version="0.2.0",
                    kind="linux-bundle-tar.gz", notes={"en": "Better."})
    app = AppVersion.from_json({**manifest, "url": "https://example.invalid/p"})
    keys = trusted_keys(public.parent, allow_dev=False)
    assert verify_manifest(app, current_version="0.1.0", platform="linux", keys=keys).version == "0.2.0"
    with pytest.raises(UpdateError) as refused:
        verify_manifest(app, current_version="0.1.0", platform="linux", keys={})
    assert refused.value.refusal is Refusal.WRONG_SIGNATURE
