"""Generate the third-party licence notice for a binary bundle from the installed distributions.

Walks the runtime requirements of `artreview-desktop` (no extras: exactly what the bundle holds),
and for each distribution writes its name, version, licence (the SPDX `License-Expression`, else
the `License` field, else the classifiers) and the full text of its licence files. Native libraries
bundled inside wheels that are under the GPL (x264/x265 in PyAV's FFmpeg) are listed first, since
they are why the bundle as a whole is GPL-3.0-or-later.

Usage: python -m artreview_desktop.tools.notices [--output FILE]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

ROOT_DISTRIBUTION = "artreview-desktop"
LICENCE_FILE = re.compile(r"(?i)(^|/)(licen[cs]e|copying|notice|authors)[^/]*$")
# Native libraries some wheels carry inside them, and their licences (the wheels' metadata omit them).
GPL_LIBRARIES = {
    "x264": "GPL-2.0-or-later (H.264 encoder; makes PyAV's FFmpeg build GPL)",
    "x265": "GPL-2.0-or-later (H.265 encoder; makes PyAV's FFmpeg build GPL)",
    "postproc": "GPL-2.0-or-later (FFmpeg's libpostproc)",
}
NATIVE_NOTES = {
    "av": "Bundles FFmpeg (LGPL-2.1-or-later, configured with --enable-gpl) and codec libraries in av.libs/.",
    "pyside6-essentials": "Qt 6 (LGPL-3.0): the Qt libraries may be replaced by the user, as the LGPL allows.",
    "pyside6-addons": "Qt 6 add-on modules (LGPL-3.0), incl. Qt Multimedia with its own FFmpeg (LGPL build).",
    "opencv-python-headless": "Bundles OpenCV (Apache-2.0) and FFmpeg (LGPL-2.1-or-later) in its .libs folder.",
    "sounddevice": "Uses PortAudio (MIT); on Windows and macOS the wheel bundles it.",
}


@dataclass
class Component:
    name: str
    version: str
    licence: str
    licence_files: dict[str, str] = field(default_factory=dict)
    bundled_gpl: list[str] = field(default_factory=list)
    note: str = ""


def runtime_distributions(root: str = ROOT_DISTRIBUTION) -> list[metadata.Distribution]:
    """`root` and everything it needs at run time (requirements without extras, markers evaluated)."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = canonicalize_name(todo.pop())
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[name] = dist
        for line in dist.requires or []:
            try:
                requirement = Requirement(line)
            except InvalidRequirement:
                continue
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return sorted(seen.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = (meta.get_all("License-Expression") or [""])[0]
    if expression:
        return str(expression)
    text = str((meta.get_all("License") or [""])[0]).strip()
    if text and "\n" not in text and len(text) < 120:
        return text
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return ", ".join(classifiers) or "see the licence files below"


def _licence_files(dist: metadata.Distribution) -> dict[str, str]:
    texts: dict[str, str] = {}
    for file in dist.files or []:
        path = str(file)
        if ".dist-info/" not in path or not LICENCE_FILE.search(path) or path.endswith((".pyc", ".py")):
            continue
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        texts[path.split(".dist-info/", 1)[1]] = text
    return texts


def _bundled_gpl(dist: metadata.Distribution) -> list[str]:
    """GPL native libraries shipped inside the wheel (e.g. av.libs/libx264-….so.165, x264-….dll)."""
    found = set()
    for file in dist.files or []:
        name = Path(str(file)).name
        if not re.search(r"\.(so|dll|dylib)(\.|$)", name):
            continue
        for library, licence in GPL_LIBRARIES.items():
            if re.match(rf"(lib)?{library}[-.]", name):
                found.add(f"{name}: {licence}")
    return sorted(found)


def collect(root: str = ROOT_DISTRIBUTION) -> list[Component]:
    components = []
    for dist in runtime_distributions(root):
        name = str(dist.metadata["Name"])
        components.append(Component(name, dist.version, licence_of(dist), _licence_files(dist), _bundled_gpl(dist),
                                    NATIVE_NOTES.get(canonicalize_name(name), "")))
    return components


def render(components: list[Component]) -> str:
    gpl = [(c, item) for c in components for item in c.bundled_gpl]
    lines = [
        "THIRD-PARTY NOTICES — 艺术评价 ArtReview Desktop",
        "",
        "ArtReview Desktop is free software: GPL-3.0-or-later. This bundle contains the components below,",
        "each under its own licence. Generated from the installed packages by artreview_desktop.tools.notices.",
        "",
        "GPL COMPONENTS (why the bundle as a whole is distributed under the GPL)",
    ]
    lines += [f"  - {item} — inside {c.name} {c.version}" for c, item in gpl] or ["  - none found"]
    lines += ["  Their source code: https://www.videolan.org/developers/x264.html, https://www.x265.org,",
              "  https://ffmpeg.org, and PyAV's build scripts at https://github.com/PyAV-Org/PyAV.", "",
              "COMPONENTS", ""]
    lines += [f"  {c.name} {c.version} — {c.licence}" for c in components]
    for c in components:
        lines += ["", "=" * 100, f"{c.name} {c.version}", f"Licence: {c.licence}"]
        if c.note:
            lines.append(f"Note: {c.note}")
        for item in c.bundled_gpl:
            lines.append(f"Bundled GPL library: {item}")
        for path, text in c.licence_files.items():
            lines += ["", f"--- {path} ---", text.rstrip()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output", type=Path, help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    text = render(collect())
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
        print(args.output)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
