"""Qt Linguist translations: `update` the .ts sources from the code, `build` the .qm files,
`check` that every string has a finished translation.

Chinese is the source language; `resources/i18n/artreview_<lang>.ts` holds each translation.
Usage: python -m artreview_desktop.tools.translations {update|build|check}
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from artreview_desktop.core.resources import resource

TARGET_LANGUAGES = ("en",)
SOURCE_ROOTS = ("artreview_desktop/ui", "artreview_desktop/app.py", "artreview_desktop/core")


def _tool(name: str) -> str:
    beside_python = Path(sys.executable).with_name(name)
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (scripts/setup.sh does)")
    return found


def ts_files() -> list[Path]:
    return [resource("i18n", f"artreview_{lang}.ts") for lang in TARGET_LANGUAGES]


def source_files(repo: Path) -> list[Path]:
    files: list[Path] = []
    for root in SOURCE_ROOTS:
        path = repo / root
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return files


def update() -> None:
    repo = resource("i18n").parents[1]
    sources = [str(p) for p in source_files(repo)]
    for ts in ts_files():
        lang = ts.stem.split("_", 1)[1]
        subprocess.run(
            [_tool("pyside6-lupdate"), *sources, "-source-language", "zh_CN", "-target-language", lang,
             "-no-obsolete", "-locations", "none", "-ts", str(ts)],
            check=True,
        )


def build() -> None:
    for ts in ts_files():
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path) -> list[str]:
    """Source strings of `ts` whose translation is missing or marked unfinished/obsolete."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not (
            translation.text or ""
        ).strip():
            missing.append(source)
    return missing


def check() -> int:
    status = 0
    for ts in ts_files():
        for source in unfinished(ts):
            print(f"{ts.name}: untranslated: {source}")
            status = 1
    return status


def main(argv: list[str] | None = None) -> int:
    command = (argv if argv is not None else sys.argv[1:]) or ["build"]
    if command[0] == "update":
        update()
    elif command[0] == "build":
        build()
    elif command[0] == "check":
        return check()
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
