"""Marking translatable text in the Qt-free core.

`pyside6-lupdate` reads source code, not imports: it collects every call named
`QT_TRANSLATE_NOOP(context, text)`. This no-op of that name lets the core declare user-facing
text (Chinese, the source language) that the UI later translates with
`QCoreApplication.translate(context, text)`, without the core importing Qt.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    del context
    return text
