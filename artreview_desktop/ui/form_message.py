"""A form's feedback line: red for a problem, green for progress (styled by its `error` property)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class FormMessage(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formMessage")
        self.setWordWrap(True)

    def show_message(self, text: str, error: bool = True) -> None:
        self.setProperty("error", error)
        self.setText(text)
        self.style().unpolish(self)  # the style sheet reads the property only when re-polished
        self.style().polish(self)
