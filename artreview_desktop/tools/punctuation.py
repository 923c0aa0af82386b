"""Chinese text uses full-width punctuation (，：；（）), as a Chinese reader expects.

python -m artreview_desktop.tools.punctuation {check|fix} [FILES…]
Only string literals that contain Han characters are touched; ASCII punctuation that follows a
Han character (or a Han-quoted phrase) becomes its full-width form. Keyboard mnemonics such as
"语言(&L)" stay as they are.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HAN = "\u4e00-\u9fff\u201c\u201d\u3002"
FULL = {",": "\uff0c", ":": "\uff1a", ";": "\uff1b", "(": "\uff08", ")": "\uff09"}
_LITERAL = re.compile(r'"[^"\n]*[\u4e00-\u9fff][^"\n]*"')
TOOL = "artreview_desktop.tools.punctuation"
DEFAULT_ROOTS = ("artreview_desktop", "tests", "resources/policy")


def to_full_width(text: str) -> str:
    text = re.sub(rf"(?<=[{HAN}])\s?,\s?", FULL[","], text)
    text = re.sub(rf",(?=[{HAN}])", FULL[","], text)
    text = re.sub(rf"(?<=[{HAN}])\s?:(?!//)\s?", FULL[":"], text)
    text = re.sub(rf"(?<=[{HAN}])\s?;\s?", FULL[";"], text)
    text = re.sub(rf"(?<=[{HAN}])\(([^&)][^)]*)\)", FULL["("] + r"\1" + FULL[")"], text)
    return text.replace("}(Ctrl+{1})", "}" + FULL["("] + "Ctrl+{1}" + FULL[")"])


def fix_source(source: str) -> str:
    return _LITERAL.sub(lambda match: to_full_width(match.group(0)), source)


def files_under(roots: list[str]) -> list[Path]:
    found: list[Path] = []
    for root in roots:
        path = Path(root)
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.suffix in (".py", ".md", ".txt"))
    return found


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if not args or args[0] not in ("check", "fix"):
        print(__doc__, file=sys.stderr)
        return 2
    bad = 0
    for path in files_under(args[1:] or list(DEFAULT_ROOTS)):
        text = path.read_text(encoding="utf-8")
        fixed = fix_source(text) if path.suffix == ".py" else to_full_width(text)
        if fixed != text:
            bad += 1
            if args[0] == "fix":
                path.write_text(fixed, encoding="utf-8")
                print(f"fixed {path}")
            else:
                print(f"{path}: ASCII punctuation in Chinese text; fix with: python -m {TOOL} fix")
    return 1 if bad and args[0] == "check" else 0


if __name__ == "__main__":
    raise SystemExit(main())
