"""Playing a take back inside the app (Qt Multimedia), with its stats, before choosing to submit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from artreview_desktop.core.exam import TakeRecord

translate = QCoreApplication.translate


def describe_take(take: TakeRecord, stats: dict[str, object]) -> str:
    minutes, seconds = divmod(round(take.duration_s), 60)
    lines = [
        translate("TakeTexts", "时长：{0}:{1:02d}").format(minutes, seconds),
        translate("TakeTexts", "画面：{0}×{1}，{2} 帧，丢帧 {3}").format(
            stats.get("width", "?"), stats.get("height", "?"), stats.get("video_frames", "?"),
            stats.get("dropped_frames", 0)),
    ]
    if take.interruptions:
        lines.append(translate("TakeTexts", "录制中断记录：{0} 次").format(len(take.interruptions)))
    return "\n".join(lines)


class ReviewDialog(QDialog):
    def __init__(self, take: TakeRecord, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.take = take
        self.setWindowTitle(self.tr("回放第 {0} 次录制").format(take.number))
        self.resize(820, 600)
        layout = QVBoxLayout(self)
        self.video = QVideoWidget()
        self.video.setMinimumSize(640, 360)
        layout.addWidget(self.video, 1)
        controls = QHBoxLayout()
        self.play_button = QPushButton(self.tr("暂停"))
        self.position = QSlider(Qt.Orientation.Horizontal)
        self.position.setRange(0, 0)
        self.time_label = QLabel("0:00")
        controls.addWidget(self.play_button)
        controls.addWidget(self.position, 1)
        controls.addWidget(self.time_label)
        layout.addLayout(controls)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)

        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.player.setVideoOutput(self.video)
        self.player.setSource(QUrl.fromLocalFile(take.path))
        self.player.durationChanged.connect(lambda ms: self.position.setRange(0, ms))
        self.player.positionChanged.connect(self._on_position)
        self.position.sliderMoved.connect(self.player.setPosition)
        self.play_button.clicked.connect(self._toggle)
        self.player.playbackStateChanged.connect(self._on_state)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.player.play()

    def _toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("暂停") if playing else self.tr("播放"))

    def _on_position(self, ms: int) -> None:
        if not self.position.isSliderDown():
            self.position.setValue(ms)
        seconds = ms // 1000
        self.time_label.setText(f"{seconds // 60}:{seconds % 60:02d}")

    def done(self, result: int) -> None:
        self.player.stop()
        super().done(result)
