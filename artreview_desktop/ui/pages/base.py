"""The base of every page: enter/leave hooks and live retranslation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


class Page(QWidget):
    """A page of the main window.

    `on_leave` is where a page drops what must not outlive it (the ID-photo page deletes the
    photo there, as the privacy policy promises); `retranslate` re-reads every visible string.
    """

    def __init__(self, parent: QWidget | None = None, *, scrollable: bool = False) -> None:
        """`scrollable`: for pages longer than a small laptop screen (their content scrolls)."""
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        if scrollable:
            outer = QVBoxLayout(self)
            outer.setContentsMargins(0, 0, 0, 0)
            self.scroll_area = QScrollArea()
            self.scroll_area.setWidgetResizable(True)
            self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
            body = QWidget()
            body.setObjectName("pageArea")
            self.scroll_area.setWidget(body)
            outer.addWidget(self.scroll_area)
            self.layout_ = QVBoxLayout(body)
        else:
            self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(32, 24, 32, 24)
        self.layout_.setSpacing(16)
        self.layout_.addWidget(self.heading)

    def title(self) -> str:
        """The page's translated name (subclasses override it)."""
        return ""

    def nav_title(self) -> str:
        """The page's name in the navigation list (usually its title)."""
        return self.title()

    def on_enter(self) -> None:
        """Called when the page becomes visible."""

    def on_leave(self) -> None:
        """Called when the user goes to another page or the window closes."""

    def retranslate(self) -> None:
        self.heading.setText(self.title())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(20, 16, 20, 16)
    layout.setSpacing(8)
    return frame, layout
