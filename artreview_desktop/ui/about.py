"""The About box: version, licence and the third-party notices."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from artreview_desktop import __version__
from artreview_desktop.core.resources import resource


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于艺术评价"))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel(
            self.tr("<h2>艺术评价 ArtReview Desktop</h2><p>版本 {0}</p>"
                    "<p>本程序以 GNU GPL 第 3 版或更高版本发布。</p>"
                    "<p>Python {1} · Qt for Python {2}</p>").format(
                __version__, platform.python_version(), pyside_version
            )
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("第三方软件许可：")))
        self.notices = QTextBrowser()
        self.notices.setOpenExternalLinks(False)
        notices_file = resource("licenses", "THIRD-PARTY-NOTICES.md")
        try:
            self.notices.setMarkdown(notices_file.read_text(encoding="utf-8"))
        except OSError:
            self.notices.setPlainText(self.tr("找不到第三方许可文件：{0}").format(str(notices_file)))
        layout.addWidget(self.notices, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
