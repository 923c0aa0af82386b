"""The app's look: one calm light theme with a clear focus ring (keyboard users must see focus)."""

from __future__ import annotations

STYLE_SHEET = """
QMainWindow, QWidget#pageArea { background: #F6F7FB; }
QListWidget#navigation {
    background: #24304A; color: #E8ECF5; border: none; padding: 12px 0; font-size: 11pt;
    outline: none;
}
QListWidget#navigation::item { padding: 12px 20px; border-left: 4px solid transparent; }
QListWidget#navigation::item:selected { background: #33436A; color: #FFFFFF; border-left: 4px solid #F5A623; }
QListWidget#navigation:focus { border: 2px solid #F5A623; }
QLabel#brand { color: #FFFFFF; font-size: 15pt; font-weight: 600; padding: 18px 20px 4px 20px; }
QLabel#brandSub { color: #AEB8D0; padding: 0 20px 12px 20px; }
QLabel#pageHeading { font-size: 18pt; font-weight: 600; color: #1E2740; }
QLabel#pageSubtitle { font-size: 11pt; color: #4A5572; }
QLabel#demoNote {
    background: #FFF5DD; border: 1px solid #F5C76B; border-radius: 6px; padding: 8px 12px; color: #6B4E00;
}
QFrame#card { background: #FFFFFF; border: 1px solid #E1E5EF; border-radius: 10px; }
QLabel#cardTitle { font-size: 12pt; font-weight: 600; color: #1E2740; }
QLabel#stepNumber { color: #FFFFFF; background: #4C6FFF; border-radius: 14px; min-width: 28px; max-width: 28px;
    min-height: 28px; max-height: 28px; qproperty-alignment: AlignCenter; font-weight: 600; }
QLabel#notice { color: #4A5572; }
QLabel#pathLabel { color: #4A5572; }
QPushButton { background: #4C6FFF; color: white; border: none; border-radius: 6px; padding: 7px 16px; }
QPushButton:hover { background: #3D5CE0; }
QPushButton:focus { outline: none; border: 2px solid #F5A623; }
QPushButton:disabled { background: #B8C2DC; }
QPushButton[secondary="true"] { background: #FFFFFF; color: #2B3A67; border: 1px solid #B8C2DC; }
QPushButton[secondary="true"]:hover { background: #EEF1FA; }
QPushButton[secondary="true"]:focus { border: 2px solid #F5A623; }
QPushButton[secondary="true"]:disabled { color: #9AA3B8; background: #F3F4F8; }
QPushButton#dangerButton { background: #D93025; }
QPushButton#dangerButton:hover { background: #B3261E; }
QPushButton#dangerButton:disabled { background: #E8B4B0; }
QComboBox:focus, QCheckBox:focus, QLineEdit:focus { border: 2px solid #F5A623; }
QStatusBar { background: #FFFFFF; border-top: 1px solid #E1E5EF; }
QLabel#networkOnline { color: #1E8E3E; }
QLabel#networkOffline { color: #C62828; }
QLabel#networkChecking { color: #4A5572; }
QLabel#kioskHeading { font-size: 30pt; font-weight: 600; color: #1E2740; }
QLabel#kioskSub { font-size: 15pt; color: #4A5572; }
QLabel#kioskMessage { font-size: 13pt; color: #C62828; }
QLineEdit#kioskInput { font-size: 22pt; padding: 10px; border: 2px solid #B8C2DC; border-radius: 8px; }
QPushButton#kioskPrimary { font-size: 16pt; padding: 14px 36px; border-radius: 10px; }
QLabel#warning { color: #B26A00; }
QLabel#bigNumber { font-size: 26pt; font-weight: 600; color: #1E2740; }
QLabel#recIndicator { color: #E53935; font-weight: 700; font-size: 14pt; }
QLabel#feeUnpaid { color: #C62828; font-weight: 600; }
QLabel#feeOk { color: #1E8E3E; }
QLabel#formMessage[error="true"] { color: #C62828; }
QLabel#formMessage[error="false"] { color: #1E8E3E; }
"""


def make_secondary(*buttons: object) -> None:
    """The quiet look for the way out (cancel, close, refuse), so the main action stands out."""
    for button in buttons:
        button.setProperty("secondary", True)  # type: ignore[attr-defined]
